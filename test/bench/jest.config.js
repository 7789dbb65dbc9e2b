// Unit tests of the benchmark tooling (pure helpers such as the CPU accounting): plain,
// quick specs that run with the other projects, not in the system suite.
module.exports = require('../../jest.preset.js')(__dirname, {
  testMatch: ['<rootDir>/**/*.spec.ts'],
});
