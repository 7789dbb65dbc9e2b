/**
 * Keeps the workflow thread busy in one activation for `turns` loop turns (the sandbox's
 * clock stands still, so the work is counted, not timed). The sandbox watchdog's shape test
 * runs it under a tiny `isolateExecutionTimeout`.
 */
export async function busyWorkflow(turns: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < turns; i++) sum = (sum + i) % 1_000_003;
  return sum;
}
