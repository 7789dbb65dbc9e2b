import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** CPU seconds used so far by each process of the machine, grouped (Linux `/proc`; empty elsewhere). */
export type CpuSnapshot = Map<string, { group: string; seconds: number }>;

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

/** Which part of the system a process is, from its command line (`other` when none). */
export function processGroup(cmdline: string): string {
  const app = /apps\/(api|worker|simulator)\//.exec(cmdline);
  if (app) return app[1];
  if (/^postgres(:|\s|$)|\/postgres\s/.test(cmdline)) return 'postgres';
  if (/temporal\S* server start-dev/.test(cmdline)) return 'temporal';
  if (/^redis-server/.test(cmdline)) return 'redis';
  if (/test\/bench\/\S+\.bench\.ts/.test(cmdline)) return 'bench';
  return 'other';
}

export function snapshot(): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.set(`${pid}:${fields[19]}`, { group: processGroup(cmdline), seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}

/** CPU used between `start()` and `stop()`: percent of one core per group, and the machine's core count. */
export interface CpuUsage {
  seconds: number;
  cores: number;
  /** Percent of one core, per process group, over the window (busiest first). */
  percentByGroup: Record<string, number>;
  /** Sum of the groups except `other` (what the system under test and its load used). */
  totalPercent: number;
}

/** What each group used between two snapshots taken `seconds` apart on a machine with `cores` cores. */
export function cpuUsageBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number, cores: number): CpuUsage {
  const byGroup = new Map<string, number>();
  for (const [key, now] of after) {
    const used = now.seconds - (before.get(key)?.seconds ?? 0);
    if (used > 0) byGroup.set(now.group, (byGroup.get(now.group) ?? 0) + used);
  }
  const percentByGroup = Object.fromEntries(
    [...byGroup].sort((a, b) => b[1] - a[1]).map(([group, used]) => [group, Math.round((used / seconds) * 100)]),
  );
  const totalPercent = [...byGroup].filter(([g]) => g !== 'other').reduce((sum, [, used]) => sum + (used / seconds) * 100, 0);
  return { seconds: Number(seconds.toFixed(1)), cores, percentByGroup, totalPercent: Math.round(totalPercent) };
}

/** Measures CPU over a phase of a benchmark: `const cpu = cpuWindow(); …; const usage = cpu.stop();`. */
export function cpuWindow(): { stop(): CpuUsage } {
  const before = snapshot();
  const startedAt = Date.now();
  return { stop: () => cpuUsageBetween(before, snapshot(), (Date.now() - startedAt) / 1000, cpus().length) };
}
