// Builds the prebuilt workflow bundle the worker loads at start (no bundling at worker
// start-up). Run after `tsc`, by the `build` target of the workflows project.
const { bundleWorkflowCode } = require('@temporalio/worker');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

async function main() {
  const started = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, '..', 'dist', 'index.js'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  const out = path.join(__dirname, '..', 'dist', 'workflow-bundle.js');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`[workflows] bundle written: ${out} (${(code.length / 1024).toFixed(0)} kB, ${Date.now() - started} ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
