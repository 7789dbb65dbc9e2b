import { durationSchema, portNameSchema, type WaitForReplyConfig } from '@tandem/journey-model';
import { z } from 'zod';

/** Port names a choice id cannot take: they already mean something on question nodes. */
export const RESERVED_CHOICE_IDS: ReadonlySet<string> = new Set(['other', 'timeout', 'window_closed', 'failed']);

/** A choice id doubles as its output port, so it follows port naming. */
export const choiceIdSchema = portNameSchema.refine(
  (id) => !RESERVED_CHOICE_IDS.has(id),
  'other, timeout, window_closed and failed are reserved',
);

/** How long a question waits for an answer before taking `timeout`. */
export const replyTimeoutSchema = durationSchema.default({ amount: 24, unit: 'hours' });

/** A choice and where it sits in the config, for error paths. */
export interface LocatedChoice {
  id: string;
  title: string;
  path: (string | number)[];
}

/** Reports choices whose id or title (case-insensitive) repeats an earlier one. */
export function uniqueChoices(choices: readonly LocatedChoice[], ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const titles = new Set<string>();
  for (const choice of choices) {
    if (ids.has(choice.id)) ctx.addIssue({ code: 'custom', path: [...choice.path, 'id'], message: `id "${choice.id}" is used twice` });
    const title = choice.title.trim().toLowerCase();
    if (titles.has(title))
      ctx.addIssue({ code: 'custom', path: [...choice.path, 'title'], message: `title "${choice.title}" is used twice` });
    ids.add(choice.id);
    titles.add(title);
  }
}

/**
 * The reply wait of a question: a tap on a choice (button/row id, or a fallback template's
 * quick-reply payload equal to the id) or a typed reply equal to its title takes the
 * choice's port; anything else takes `other`; no answer in time takes `timeout`.
 */
export function choiceReplyWait(
  choices: readonly { id: string; title: string }[],
  timeout: WaitForReplyConfig['timeout'],
): WaitForReplyConfig {
  return {
    timeout,
    branches: choices.flatMap((choice) => [
      { port: choice.id, match: { kind: 'choice' as const, ids: [choice.id] } },
      { port: choice.id, match: { kind: 'keyword' as const, keywords: [choice.title], mode: 'exact' as const } },
    ]),
  };
}
