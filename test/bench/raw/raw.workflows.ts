// The "raw" baselines of the engine benchmarks: the smallest Temporal workflows that do
// the same sends as a Tandem journey, with none of Tandem's intake, rules, governor,
// outbox or run history. Bundled by the benchmark itself.
import { proxyActivities } from '@temporalio/workflow';
import type { RawActivities } from './raw.activities';

const { rawSend, rawStep } = proxyActivities<RawActivities>({ startToCloseTimeout: '30 seconds' });

/** One send, like a journey whose trigger leads straight to a send-text node. */
export async function rawReplyWorkflow(to: string, text: string): Promise<void> {
  await rawSend(to, text);
}

/** Two plain activities then a send, like set-attribute → condition → send-text → end. */
export async function rawJourneyWorkflow(to: string): Promise<void> {
  const plan = await rawStep(to);
  if (plan.length > 0) await rawSend(to, `Hello again (${plan})`);
}
