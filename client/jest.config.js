/**
 * Client tests run as CommonJS: @swc/jest compiles TS/TSX to CommonJS (Jest treats .ts/.tsx as CommonJS unless
 * listed in `extensionsToTreatAsEsm`), and every runtime dependency ships a `require` build, so no
 * experimental VM modules are needed. This file itself is ESM because the package is `"type": "module"`.
 * @type {import('jest').Config}
 */

// Tests run west of Greenwich, where reading '2022-09-22' as UTC midnight lands on the previous day: a date
// bug that Tehran (+03:30) and UTC machines would hide fails here. Set before Jest starts its workers.
process.env.TZ = 'America/Los_Angeles';

export default {
  testEnvironment: '<rootDir>/src/test/jsdomEnvironment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/src/test/styleStub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setupTests.ts'],
  clearMocks: true,
  restoreMocks: true,
};
