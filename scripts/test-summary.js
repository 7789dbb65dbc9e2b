// Prints the one-line totals of `npm test` and exits with its verdict.
// Test cases come from the Jest reporter files in reports/test; a build, lint or typecheck
// task that Nx reports as failed counts as one failure each.
const fs = require('node:fs');
const path = require('node:path');

const [nxLog, nxStatus, seconds] = process.argv.slice(2);
const dir = path.join(__dirname, '..', 'reports', 'test');
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  rows.push(`  ${r.project.padEnd(28)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`);
}
// eslint-disable-next-line no-control-regex
const log = (fs.existsSync(nxLog) ? fs.readFileSync(nxLog, 'utf8') : '').replace(/\x1b\[[0-9;]*m/g, '');
const failedTasks = [...log.matchAll(/^\s*-\s+(\S+:(?:build|lint|typecheck|test|system))\s*$/gm)].map((m) => m[1]);
// A failed test task whose Jest run reported no failing test (a crash, a config error,
// no test found) still counts as one failure.
const reported = rows.length ? fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) : [];
const explained = (project) => reported.some((r) => r.failed > 0 && (r.project === project || r.project.endsWith(`-${project}`)));
const unexplained = failedTasks.filter((t) => !t.endsWith(':test') || !explained(t.slice(0, -':test'.length)));
failed += unexplained.length;
if (Number(nxStatus) !== 0 && failed === 0) failed = 1; // Nx failed for a reason we could not attribute

console.log('\nTest results by project:');
console.log(rows.sort().join('\n'));
if (failedTasks.length) console.log(`Failed Nx tasks: ${failedTasks.join(', ')}`);
console.log(`Took ${seconds}s.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || Number(nxStatus) !== 0 ? 1 : 0);
