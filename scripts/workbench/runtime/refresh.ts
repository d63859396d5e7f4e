/**
 * `lightning/refresh` (RefreshView API) in the workbench. The sample record page plays the refresh
 * container: a `RefreshEvent` fired by any component, or the page's own Refresh button, runs every
 * registered handler (PREVIEW BEHAVIOUR — workbench only).
 */
export const REFRESH_EVENT = 'lightning__refreshevent';
export const REFRESH_COMPLETE = 'RefreshComplete';
export const REFRESH_COMPLETE_WITH_ERRORS = 'RefreshCompleteWithErrors';
export const REFRESH_ERROR = 'RefreshError';

type RefreshHandler = () => Promise<boolean>;

const handlers = new Map<number, RefreshHandler>();
let nextId = 1;

export class RefreshEvent extends CustomEvent<unknown> {
  constructor() {
    super(REFRESH_EVENT, { bubbles: true, composed: true, cancelable: true, detail: {} });
  }
}

export function registerRefreshHandler(_contextElement: EventTarget, providerMethod: RefreshHandler): number {
  const id = nextId;
  nextId += 1;
  handlers.set(id, providerMethod);
  return id;
}

export function unregisterRefreshHandler(refreshHandlerId: number): void {
  handlers.delete(refreshHandlerId);
}

/** Containers are the page itself here; kept for API compatibility. */
export function registerRefreshContainer(_contextElement: EventTarget, _providerMethod: unknown): number {
  return 0;
}

export function unregisterRefreshContainer(): void {}

/** Runs every registered handler, like Lightning refreshing the view; resolves with the outcome. */
export async function refreshView(): Promise<string> {
  const results = await Promise.allSettled([...handlers.values()].map((handler) => handler()));
  return results.some((result) => result.status === 'rejected')
    ? REFRESH_COMPLETE_WITH_ERRORS
    : REFRESH_COMPLETE;
}

window.addEventListener(REFRESH_EVENT, () => {
  void refreshView();
});
