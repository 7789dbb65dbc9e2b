// Writes each Jest project's pass/fail totals to reports/test/<project>.json so that
// `npm test` can print one summary line across all projects.
const fs = require('node:fs');
const path = require('node:path');

class JestSummaryReporter {
  constructor(_globalConfig, options) {
    this.name = options.name;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', 'reports', 'test');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      project: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      finishedAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = JestSummaryReporter;
