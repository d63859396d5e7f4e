// Jest for the TypeScript LWCs, run through sfdx-lwc-jest: `npm run test:lwc`
// (= `sfdx-lwc-jest -- --config jest.config.js`). Tests run from the TS sources in lwc-src directly.
// - c/<name> resolves to lwc-src/<name>/<name> (never to the built copy in force-app).
// - lightning/* resolve to sfdx-lwc-jest's stubs (its resolver).
// - @salesforce/apex/*, @salesforce/schema/*, labels, user, i18n… get default values from
//   @lwc/jest-transformer; a test that needs control mocks the module, the lwc-recipes way, with the
//   shared helpers of test-utils/ (outside roots: tests import them by relative path, Jest transforms them):
//   jest.mock(
//     '@salesforce/apex/Ctrl.method',
//     () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
//     { virtual: true }
//   );
//   then `asWire(method).emit(data)`; mount, shadowQuery, flushPromises… are in test-utils/lwc.ts.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  displayName: 'lwc',
  roots: ['<rootDir>/lwc-src'],
  testMatch: ['<rootDir>/lwc-src/**/__tests__/**/*.test.ts'],
  moduleNameMapper: {
    '^c/([^/]+)$': '<rootDir>/lwc-src/$1/$1'
  },
  modulePathIgnorePatterns: ['<rootDir>/force-app/', '<rootDir>/.generated/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/force-app/'],
  collectCoverageFrom: ['lwc-src/**/*.ts', '!lwc-src/**/__tests__/**'],
  clearMocks: true
};
