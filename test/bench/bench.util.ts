import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { provenance } from './provenance.util';

/** A goal a benchmark is held to; the report says whether it was met. */
export interface Goal {
  what: string;
  value: number;
  limit: number;
  unit: string;
  /** `max`: the value must not exceed the limit; `min`: it must reach it. */
  bound: 'max' | 'min';
}

export function goalMet(goal: Goal): boolean {
  return goal.bound === 'max' ? goal.value <= goal.limit : goal.value >= goal.limit;
}

/**
 * Writes reports/bench/<name>.json — the figures, each goal with whether it was met, and the
 * run's provenance (command, commit, machine, versions) — prints the goals, and resolves true
 * when every goal was met. Benchmarks exit non-zero when it resolves false.
 */
export async function writeReport(name: string, report: Record<string, unknown>, goals: Goal[] = []): Promise<boolean> {
  const dir = join(__dirname, '..', '..', 'reports', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const judged = goals.map((g) => ({ ...g, met: goalMet(g) }));
  const met = judged.every((g) => g.met);
  const full = { benchmark: name, measuredAt: new Date().toISOString(), ...report, goals: judged, met, provenance: await provenance(name) };
  writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  for (const g of judged) {
    console.log(
      `goal ${g.met ? 'met   ' : 'MISSED'} ${g.what}: ${g.value} ${g.unit} (${g.bound === 'max' ? '≤' : '≥'} ${g.limit} ${g.unit})`,
    );
  }
  console.log(`\nreport written: ${file}`);
  return met;
}

/** Largest number of timestamps inside any sliding window of `windowMs` (two pointers). */
export function worstSlidingWindow(timestampsMs: number[], windowMs = 1000): number {
  const t = [...timestampsMs].sort((a, b) => a - b);
  let worst = 0;
  for (let lo = 0, hi = 0; hi < t.length; hi++) {
    while (t[hi] - t[lo] >= windowMs) lo++;
    worst = Math.max(worst, hi - lo + 1);
  }
  return worst;
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A local HTTP endpoint that answers 200 to everything (a webhook sink). */
export async function startSink(): Promise<{ url: string; server: Server; count: () => number }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, count: () => n };
}

/** A single-line live counter: `label 1234/2000 (61.7%) 49.8/s`. */
export function progress(label: string, total: number): { update(done: number): void; end(): void } {
  const started = Date.now();
  const tty = process.stdout.isTTY;
  let last = 0;
  return {
    update(done) {
      const now = Date.now();
      if (!tty && now - last < 5000 && done < total) return;
      last = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const line = `${label} ${done}/${total} (${((done / total) * 100).toFixed(1)}%) ${rate.toFixed(1)}/s`;
      process.stdout.write(tty ? `\r${line}` : `${line}\n`);
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}
