module.exports = require('../jest.preset.js')(__dirname, {
  testMatch: ['<rootDir>/system/**/*.spec.ts', '<rootDir>/browser/**/*.spec.ts'],
});
