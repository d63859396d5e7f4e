// Hand-written declarations for lightning/refresh (RefreshView API).
// Source: LWC Developer Guide, "lightning/refresh Module", registerRefreshHandler(), unregisterRefreshHandler().
declare module 'lightning/refresh' {
  /** Fire from a component to ask the enclosing refresh container to refresh the view. */
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
  /** Registers a handler called on refresh; it resolves true to continue refreshing child nodes. */
  export function registerRefreshHandler(
    contextElement: EventTarget,
    providerMethod: () => Promise<boolean>
  ): number;
  export function unregisterRefreshHandler(refreshHandlerId: number): void;
}
