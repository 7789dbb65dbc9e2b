import { useEffect, useRef, useState } from 'react';
import type { NumberDto } from '../api/intake.api';
import { numbersConnectApi, type SignupResult } from '../api/numbers-connect.api';
import { usePolling } from '../common/use-polling';
import { ErrorBanner } from '../common/ui';
import { parseSignupMessage, signupDialogUrl } from './embedded-signup.util';
import { SyncStatus } from './sync-status';

type Step = 'intro' | 'dialog' | 'connecting' | 'done';

/**
 * Connects a WhatsApp Business app number (coexistence) through Meta's Embedded Signup: opens
 * the dialog, collects the code and the ids it posts back (only from the dialog's origin),
 * has the api exchange and store the token, then follows the contacts and history sync.
 */
export function ConnectWizard({ onClose }: { onClose(connected: NumberDto | null): void }) {
  const [step, setStep] = useState<Step>('intro');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [number, setNumber] = useState<NumberDto | null>(null);
  const partial = useRef<Partial<SignupResult>>({});
  const origin = useRef<string | null>(null);

  useEffect(() => {
    if (step !== 'dialog') return undefined;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin.current) return;
      const msg = parseSignupMessage(event.data);
      if (!msg) return;
      if (msg.kind === 'cancel') return fail('The signup was cancelled in Meta’s window.');
      if (msg.kind === 'error') return fail(`Meta reported: ${msg.message}`);
      partial.current = msg.kind === 'code' ? { ...partial.current, code: msg.code } : { ...partial.current, ...msg };
      const { code, wabaId, phoneNumberId } = partial.current;
      if (code && wabaId && phoneNumberId) void connect({ code, wabaId, phoneNumberId });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });

  const fail = (message: string) => {
    setError(message);
    setStep('intro');
  };
  const open = async () => {
    setError(null);
    partial.current = {};
    try {
      const config = await numbersConnectApi.signupConfig();
      origin.current = new URL(config.dialogUrl).origin;
      const popup = window.open(signupDialogUrl(config), 'tandem-embedded-signup', 'width=600,height=760');
      if (!popup) return fail('The browser blocked Meta’s window: allow pop-ups for the studio and try again.');
      setStep('dialog');
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };
  const connect = async (result: SignupResult) => {
    setStep('connecting');
    try {
      setNumber(await numbersConnectApi.connect({ ...result, ...(name.trim() ? { name: name.trim() } : {}) }));
      setStep('done');
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };
  const refresh = async () => {
    if (number) setNumber(await numbersConnectApi.number(number.id));
  };
  // Chunks arrive out of order: "complete" can come before the last of them, so keep following.
  usePolling(refresh, 2000, step === 'done');

  return (
    <section className="card connect-wizard" data-testid="connect-wizard">
      <h2>Connect a WhatsApp Business app number</h2>
      <ErrorBanner error={error} />
      {step === 'intro' && (
        <>
          <ul className="small">
            <li>The phone keeps the WhatsApp Business app (version 2.24.17 or later); chats stay in sync between the app and Tandem.</li>
            <li>
              Meta shares up to 6 months of chat history if the business agrees in its window — a choice that cannot be changed later.
            </li>
            <li>Tandem requests the contacts and history right after connecting; Meta allows that only within 24 hours.</li>
          </ul>
          <label className="form-label" htmlFor="connect-name">
            Name in Tandem (optional)
          </label>
          <input id="connect-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="connect-name" />
          <div className="button-row">
            <button type="button" className="btn btn--primary" onClick={() => void open()} data-testid="connect-start">
              Continue with Meta
            </button>
            <button type="button" className="btn" onClick={() => onClose(null)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {step === 'dialog' && <p data-testid="connect-waiting">Finish the steps in Meta’s window…</p>}
      {step === 'connecting' && <p data-testid="connect-connecting">Connecting the number…</p>}
      {step === 'done' && number && (
        <>
          <p data-testid="connect-done">
            Connected +{number.displayPhoneNumber}
            {number.verifiedName ? ` (${number.verifiedName})` : ''}.
          </p>
          <SyncStatus number={number} canManage onChanged={setNumber} />
          <div className="button-row">
            <button type="button" className="btn btn--primary" onClick={() => onClose(number)} data-testid="connect-close">
              Done
            </button>
          </div>
        </>
      )}
    </section>
  );
}
