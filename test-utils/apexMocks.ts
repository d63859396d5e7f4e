/**
 * Module factories for `jest.mock` of `@salesforce/apex/*` in the LWC Jest tests. Jest hoists jest.mock
 * above the imports and lets its factory reference no outer variable (imported names included), so the
 * factory loads this file itself, by a path relative to the test file (`ApexMocks` is from ./lwc):
 *   jest.mock(
 *     '@salesforce/apex/Ctrl.method',
 *     () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
 *     { virtual: true }
 *   );
 * then drive it with `asWire(method)` from ./lwc. Imperative-only methods need no helper:
 * `() => ({ default: jest.fn() })`, then `asMock(method)`.
 */
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';

/** An Apex method module usable both with `@wire` (emit/error/getLastConfig) and imperatively (a jest.fn). */
export function wireAdapterModule(): { default: unknown } {
  return { default: createApexTestWireAdapter(jest.fn()) };
}
