#!/usr/bin/env node
// `npm run bench:doc`: keeps docs/benchmarks.md true to the saved reports. Copies each
// reports/bench/<name>.json (written by `npm run bench:<name>`) to docs/benchmarks/<name>.json,
// then rewrites the figures between the markers in docs/benchmarks.md from the copies: every
// figure there comes from a report with its command, commit, machine and date — none is typed.
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const FRESH = join(ROOT, 'reports', 'bench');
const SAVED = join(ROOT, 'docs', 'benchmarks');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- figures:start (written by `npm run bench:doc` from docs/benchmarks/*.json) -->';
const END = '<!-- figures:end -->';

function main() {
  mkdirSync(SAVED, { recursive: true });
  const only = process.argv.slice(2);
  if (existsSync(FRESH)) {
    for (const file of readdirSync(FRESH).filter((f) => f.endsWith('.json'))) {
      if (only.length > 0 && !only.includes(file.replace(/\.json$/, ''))) continue;
      const report = JSON.parse(readFileSync(join(FRESH, file), 'utf8'));
      if (!report.provenance) {
        console.warn(`skipped ${file}: no provenance (written by an older benchmark)`);
        continue;
      }
      copyFileSync(join(FRESH, file), join(SAVED, file));
      console.log(`saved ${file}`);
    }
  }
  const reports = readdirSync(SAVED)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SAVED, f), 'utf8')));
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOC} lacks the figure markers`);
  writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${reports.map(section).join('\n')}\n${doc.slice(to)}`);
  console.log(`${DOC} updated from ${reports.length} reports`);
}

function section(r) {
  const p = r.provenance;
  const lines = [
    `### ${r.benchmark} — ${r.goals.length === 0 ? 'no goal' : r.met ? 'goals met' : '**goal missed**'}`,
    '',
    `\`${p.command}\` · ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC · commit \`${p.commit.slice(0, 10)}\`${p.dirty ? ' (with uncommitted changes)' : ''} · ` +
      `${p.machine.cores} cores (${p.machine.cpu}), ${p.machine.memoryGiB} GiB · node ${p.versions.node}, PostgreSQL ${p.versions.postgres}, ` +
      `Redis ${p.versions.redis}, ${p.versions.temporal.split('\n')[0]}`,
    '',
  ];
  if (r.goals.length > 0) {
    lines.push('| goal | measured | limit | |', '|---|---|---|---|');
    for (const g of r.goals) {
      lines.push(
        `| ${g.what} | ${g.value} ${g.unit} | ${g.bound === 'max' ? '≤' : '≥'} ${g.limit} ${g.unit} | ${g.met ? 'met' : '**missed**'} |`,
      );
    }
    lines.push('');
  }
  const figures = Object.entries(r).filter(([, v]) => typeof v === 'number');
  if (figures.length > 0) lines.push(`Figures: ${figures.map(([k, v]) => `${k} ${v}`).join(' · ')}`, '');
  return lines.join('\n');
}

main();
