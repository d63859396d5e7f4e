// Jest for the Node scripts' unit tests: `npm run test:scripts` (ts-jest, Node environment).
// Runs scripts/**/*.test.ts with the root tsconfig.json; `isolatedModules` there makes ts-jest
// transpile each file on its own (fast; type errors are `npm run typecheck`'s job).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'scripts',
  testEnvironment: 'node',
  roots: ['<rootDir>/scripts'],
  testMatch: ['<rootDir>/scripts/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/__fixtures__/', '/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/force-app/', '<rootDir>/.generated/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]
  },
  clearMocks: true
};
