// Types for @salesforce/sfdx-lwc-jest's test helpers (the package ships none; its implementation
// re-exports @salesforce/wire-service-jest-util, which does). Used by the tests' helpers in
// test-utils/ (apexMocks.ts wraps createApexTestWireAdapter for jest.mock factories).
declare module '@salesforce/sfdx-lwc-jest' {
  import type {
    createApexTestWireAdapter,
    createLdsTestWireAdapter,
    createTestWireAdapter
  } from '@salesforce/wire-service-jest-util';
  export {
    createApexTestWireAdapter,
    createLdsTestWireAdapter,
    createTestWireAdapter
  } from '@salesforce/wire-service-jest-util';
  /** Cast an `@salesforce/apex/*` import mocked with createApexTestWireAdapter to this to emit data. */
  export type ApexTestWireAdapter = ReturnType<typeof createApexTestWireAdapter>;
  export type LdsTestWireAdapter = ReturnType<typeof createLdsTestWireAdapter>;
  export type TestWireAdapter = ReturnType<typeof createTestWireAdapter>;
}
