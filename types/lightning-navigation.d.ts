// Hand-written declarations for lightning/navigation.
// Source: LWC Developer Guide, "Navigate to Pages" / "PageReference Types".
declare module 'lightning/navigation' {
  import type { LightningElement, WireAdapterConstructor } from 'lwc';

  /** A PageReference: `type` plus type-specific attributes and URL `state` (e.g. `c__id`). */
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, string | undefined>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  /** Members NavigationMixin adds to a component class. */
  export interface NavigationMixinApi {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  // Mixin constructor signature: `any[]` is the TypeScript idiom for mixin constructors (TS2545).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T> = new (...args: any[]) => T;

  interface NavigationMixinFunction {
    <TBase extends Constructor<LightningElement>>(base: TBase): TBase & Constructor<NavigationMixinApi>;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  }

  export const NavigationMixin: NavigationMixinFunction;

  /** Wire adapter providing the current page's PageReference. */
  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
