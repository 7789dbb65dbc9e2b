import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem, release, type } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@tandem/config';
import IORedis from 'ioredis';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');

/** Where and on what a benchmark ran: enough to compare two reports honestly. */
export interface Provenance {
  command: string;
  /** BENCH_* variables the run was given. */
  settings: Record<string, string>;
  commit: string;
  /** Uncommitted changes in the work tree when the benchmark ran. */
  dirty: boolean;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  versions: Record<string, string>;
}

/** Reads the provenance of a benchmark run; a part that cannot be read says so instead of failing the run. */
export async function provenance(name: string): Promise<Provenance> {
  const settings = Object.fromEntries(
    Object.entries(process.env)
      .filter(([k, v]) => k.startsWith('BENCH_') && v !== undefined)
      .map(([k, v]) => [k, v as string]),
  );
  const prefix = Object.entries(settings)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  return {
    command: `${prefix}npm run bench:${name}`,
    settings,
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
    },
    versions: {
      node: process.version,
      postgres: await postgresVersion(),
      redis: await redisVersion(),
      temporal: temporalVersion(),
      ...packageVersions(['@temporalio/worker', 'pg', 'typeorm', 'bullmq', '@nestjs/core']),
    },
  };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: loadConfig(['database']).DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } catch (err) {
    return `unknown (${String(err)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisVersion(): Promise<string> {
  const redis = new IORedis(loadConfig(['redis']).REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } catch (err) {
    return `unknown (${String(err)})`;
  } finally {
    redis.disconnect();
  }
}

/** The Temporal CLI that `scripts/services.sh` runs (its path is kept in .data/run/temporal.path). */
function temporalVersion(): string {
  const pathFile = join(process.env.TANDEM_DATA_DIR ?? join(ROOT, '.data'), 'run', 'temporal.path');
  try {
    const bin = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'temporal';
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function packageVersions(names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((n) => {
      try {
        return [
          n,
          (JSON.parse(readFileSync(require.resolve(`${n}/package.json`, { paths: [ROOT] }), 'utf8')) as { version: string }).version,
        ];
      } catch {
        return [n, 'unknown'];
      }
    }),
  );
}
