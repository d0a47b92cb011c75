// Tests run TypeScript through swc (type checking is `npm run typecheck`). Two projects:
// - unit: pure functions, no database, no global setup (a single unit file starts in well under a second);
// - db: integration, e2e and fuzz tests against SQLite and PostgreSQL. Its global setup starts an embedded
//   PostgreSQL (unless TEST_PG_URL is set) and migrates one template database per backend.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] };

/** @type {import('jest').Config} */
module.exports = {
  // Three workers on two cores: many e2e files spend much of their time waiting (browser pages, executor
  // processes, a shutdown grace, lock retries), and a third worker runs another file meanwhile.
  maxWorkers: 3,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'db',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
};
