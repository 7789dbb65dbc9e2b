import * as argon2 from 'argon2';

/** OWASP's argon2id parameters (19 MiB, 2 passes, 1 lane): about 20 ms here. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first sign-in, so that one is not slower either. */
export function warmUpPasswordCheck(): Promise<string> {
  dummyHash ??= hashPassword('tandem-dummy-password-for-timing');
  return dummyHash;
}

/**
 * Checks a password against a stored hash. Without a hash (unknown email, no password set
 * yet) it verifies against a dummy hash anyway, so the answer takes as long either way and
 * timing does not tell whether an email is registered.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await argon2.verify(await warmUpPasswordCheck(), password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
