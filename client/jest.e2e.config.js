/**
 * Browser tests: real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the real built
 * server with its own embedded PostgreSQL and the demo data. Node environment; @swc/jest compiles the tests to
 * CommonJS. Build first: `npm run build -w client && npm run build -w server` (the root `npm test` does).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Starting PostgreSQL, loading the demo data and driving a browser take their time.
  testTimeout: 240_000,
  maxWorkers: 1,
};
