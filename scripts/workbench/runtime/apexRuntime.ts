/**
 * PREVIEW BEHAVIOUR — workbench only. The one in-memory Apex store of the workbench page, built from
 * the generated fixture registry (every `lwc-src/<component>/__tests__/data/<Class>.<method>.json`) and
 * the preview handlers. `@salesforce/apex/Class.method` imports become {@link createApexMethod} calls.
 */
import fixtures, { sources, states } from 'workbench:fixtures';
import { createPreviewHandlers } from './previewHandlers';
import { ApexStore, type ApexKey, type ApexParams } from './store';
import { emitWorkbenchEvent } from './events';

/** Simulated server latency; `?latency=0` in the URL turns it off. */
function latencyFromUrl(): number {
  const value = new URLSearchParams(window.location.search).get('latency');
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : 150;
}

/** The sample states (`X.y.<state>.json` fixtures), sorted. */
export const sampleStates: string[] = Object.keys(states).sort();

/** `?state=<name>` in the URL, when it names a sample state; null means the default fixtures. */
export const sampleState: string | null = (() => {
  const value = new URLSearchParams(window.location.search).get('state');
  return value !== null && value in states ? value : null;
})();

/** The default fixtures with the chosen state's answers laid over them. */
const activeFixtures: Record<string, unknown> = { ...fixtures, ...(sampleState ? states[sampleState] : {}) };

export const store = new ApexStore(activeFixtures, createPreviewHandlers(Object.keys(activeFixtures)), {
  latencyMs: latencyFromUrl(),
  onChange: (key) => emitWorkbenchEvent('wb:data-changed', { key })
});

/** Debug handle for people poking at the preview in devtools (and for the browser tests). */
Object.defineProperty(window, '__workbench', {
  value: { store, fixtureSources: sources },
  configurable: true
});

type DataCallback = (value: { data: unknown; error: unknown }) => void;

interface RefreshableAdapter {
  refresh(): Promise<void>;
}

/** Values handed to `@wire` targets, so `refreshApex(value)` finds the adapter that produced them. */
export const refreshables = new WeakMap<object, RefreshableAdapter>();

function hasUndefinedParam(config: ApexParams | undefined): boolean {
  return config !== undefined && Object.values(config).some((value) => value === undefined);
}

/**
 * An Apex method as LWC sees it: callable imperatively (`getCalls({ recordId })` → Promise) and usable
 * with `@wire` (the engine reads the `adapter` property of callable adapters).
 */
export function createApexMethod(
  key: ApexKey
): ((params?: ApexParams) => Promise<unknown>) & { adapter: unknown } {
  const invoke = (params?: ApexParams): Promise<unknown> => store.call(key, params ?? {});

  class ApexWireAdapter implements RefreshableAdapter {
    private config: ApexParams | undefined;
    private connected = false;
    private generation = 0;

    constructor(private readonly dataCallback: DataCallback) {}

    connect(): void {
      this.connected = true;
    }

    disconnect(): void {
      this.connected = false;
    }

    update(config: ApexParams): void {
      this.config = config;
      // Like the platform: a reactive parameter that is still undefined means "not ready yet".
      if (hasUndefinedParam(config)) {
        return;
      }
      void this.refresh();
    }

    async refresh(): Promise<void> {
      const generation = ++this.generation;
      let value: { data: unknown; error: unknown };
      try {
        value = { data: await invoke(this.config), error: undefined };
      } catch (error) {
        value = { data: undefined, error };
      }
      if (!this.connected || generation !== this.generation) {
        return;
      }
      refreshables.set(value, this);
      this.dataCallback(value);
    }
  }

  return Object.assign(invoke, { adapter: ApexWireAdapter });
}
