/**
 * `lightning/navigation` in the workbench. There is no Lightning Experience router off-platform, so
 * Navigate tells the shell where the page would go; the shell opens the sample Lead/Contact pages it
 * has and shows "Would open …" for everything else (PREVIEW BEHAVIOUR — workbench only).
 */
import { emitWorkbenchEvent } from './events';
import type { PageReference } from './pageReferences';

export type { PageReference };

const NAVIGATE = Symbol('Navigate');
const GENERATE_URL = Symbol('GenerateUrl');

/** Workbench URL for a page reference: the shell routes `#/page?ref=<json>`. */
export function workbenchUrl(pageReference: PageReference): string {
  if (pageReference.type === 'standard__webPage' && typeof pageReference.attributes?.url === 'string') {
    return pageReference.attributes.url;
  }
  return `#/page?ref=${encodeURIComponent(JSON.stringify(pageReference))}`;
}

// TypeScript mixins need a constructor taking `any[]` (TS2545); the mixin passes arguments through untouched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = abstract new (...args: any[]) => T;

function mixin<TBase extends Constructor>(Base: TBase) {
  abstract class Navigating extends Base {
    [NAVIGATE](pageReference: PageReference, replace?: boolean): void {
      emitWorkbenchEvent('wb:navigate', { pageReference, replace: replace === true });
    }

    [GENERATE_URL](pageReference: PageReference): Promise<string> {
      return Promise.resolve(workbenchUrl(pageReference));
    }
  }
  return Navigating;
}

export const NavigationMixin = Object.assign(mixin, { Navigate: NAVIGATE, GenerateUrl: GENERATE_URL });

type DataCallback = (value: PageReference | undefined) => void;

/** Current page, as the shell set it when it rendered the page (see setCurrentPageReference). */
let current: PageReference | undefined;
const listeners = new Set<DataCallback>();

export function setCurrentPageReference(pageReference: PageReference): void {
  current = pageReference;
  listeners.forEach((listener) => listener(current));
}

/** Wire adapter: `@wire(CurrentPageReference) pageRef;` */
export class CurrentPageReference {
  constructor(private readonly dataCallback: DataCallback) {}

  connect(): void {
    listeners.add(this.dataCallback);
  }

  disconnect(): void {
    listeners.delete(this.dataCallback);
  }

  update(): void {
    this.dataCallback(current);
  }
}
