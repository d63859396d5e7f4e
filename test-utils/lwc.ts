/**
 * Shared helpers for the LWC Jest tests (lwc-src/<component>/__tests__/*.test.ts):
 *   import { flushPromises, mount, removeAllChildren, shadowQuery as q } from '../../../test-utils/lwc';
 * This folder sits outside lwc-src on purpose: `npm run build` treats every lwc-src folder as a component,
 * and the package holds force-app only. lwc-src/tsconfig.json type-checks it; ESLint lints it as test code.
 * Mocking an Apex wire inside a hoisted jest.mock factory: see ./apexMocks (typed by `ApexMocks` here).
 */
import { createElement } from 'lwc';
import type * as apexMocks from './apexMocks';

/** The type of ./apexMocks, for `jest.requireActual<ApexMocks>(…)` inside a hoisted jest.mock factory. */
export type ApexMocks = typeof apexMocks;

/** A component element or a node of its shadow tree, with any property readable by name. */
export type El = HTMLElement & Record<string, unknown>;

/**
 * An `@salesforce/apex/*` import mocked with apexMocks' wireAdapterModule(): the test controls of
 * createApexTestWireAdapter (`emit`, `error`, `getLastConfig`) on the jest.fn that imperative calls reach.
 */
export interface WireMock extends jest.Mock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  /** The config of the last wire update (null at run time before the component connects). */
  getLastConfig(): Record<string, unknown>;
}

/** Views an Apex import mocked with apexMocks' wireAdapterModule() as its test controls. */
export function asWire(adapter: unknown): WireMock {
  return adapter as WireMock;
}

/** Views an import mocked with jest.fn() (an imperative Apex method, LightningConfirm.open…) as its mock. */
export function asMock(fn: unknown): jest.Mock {
  return fn as jest.Mock;
}

/** A macrotask lets wire emissions, promise chains and re-rendering settle (lwc-recipes' flushPromises). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A component class, as `createElement` takes it in `{ is }`. */
export type LwcConstructor = Parameters<typeof createElement>[1]['is'];

/**
 * Creates `<tag>` for the component, sets `props` (its `@api` properties) and appends it to document.body.
 * `P` names the public properties the test reads or sets on the element.
 */
export function mount<P extends object = Record<string, unknown>>(
  tag: string,
  ctor: LwcConstructor,
  props?: Partial<P>
): HTMLElement & P {
  const element = createElement(tag, { is: ctor }) as HTMLElement & P;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** `element.shadowRoot.querySelector(selector)`; null at run time (despite the type) when nothing matches. */
export function shadowQuery<T extends Element = El>(element: Element, selector: string): T {
  return element.shadowRoot!.querySelector<T>(selector) as T;
}

/** Every match of `selector` in the element's shadow tree, as an array. */
export function shadowQueryAll<T extends Element = El>(element: Element, selector: string): T[] {
  return Array.from(element.shadowRoot!.querySelectorAll<T>(selector));
}

/** For afterEach: removes every mounted element from document.body (which disconnects the components). */
export function removeAllChildren(parent: Node = document.body): void {
  while (parent.firstChild) {
    parent.removeChild(parent.firstChild);
  }
}
