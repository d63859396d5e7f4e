/**
 * Events between the workbench's platform stand-ins (navigation, toasts, data changes) and the shell.
 * Dispatched on `window` so the shell hears them wherever the component that caused them lives.
 */
export type WorkbenchEventName = 'wb:navigate' | 'wb:data-changed' | 'wb:notice';

export function emitWorkbenchEvent(name: WorkbenchEventName, detail: unknown): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}
