/**
 * In-memory Apex store for the local workbench.
 *
 * PREVIEW BEHAVIOUR — workbench only. Every `@salesforce/apex/Class.method` import in the workbench
 * bundle resolves to a function that calls {@link ApexStore.call}. Read methods answer with a copy of
 * the method's Jest fixture; data-changing methods run a "preview handler" (previewHandlers.ts) that
 * edits the in-memory fixtures so flows can be clicked through. Nothing here is used by Apex, by the
 * package deployed to Salesforce, or by the org scripts. Pure TypeScript (no DOM): unit tested in Node.
 */

/** `ApexClass.method`. */
export type ApexKey = string;
/** Parameters of an Apex call as LWC passes them: one object keyed by Apex parameter name. */
export type ApexParams = Readonly<Record<string, unknown>>;

/** Shape of the error LWC receives when Apex throws (AuraHandledException → `error.body.message`). */
export interface ApexErrorShape {
  status: number;
  statusText: string;
  ok: false;
  body: { message: string; exceptionType: string; isUserDefinedException: boolean; stackTrace: string };
}

/** Thrown by preview handlers like Apex throws AuraHandledException: the LWC sees `error.body.message`. */
export class ApexError extends Error implements ApexErrorShape {
  readonly status = 500;
  readonly statusText = 'Server Error';
  readonly ok = false as const;
  readonly body: ApexErrorShape['body'];
  constructor(message: string) {
    super(message);
    this.name = 'ApexError';
    this.body = {
      message,
      exceptionType: 'System.AuraHandledException',
      isUserDefinedException: true,
      stackTrace: ''
    };
  }
}

/** What a preview handler can see and do. */
export interface PreviewContext {
  params: ApexParams;
  /** Current value for a method (a copy); undefined when the registry has no fixture for it. */
  get(key: ApexKey): unknown;
  /** Replaces the stored value of a method (the next read answers with it). */
  set(key: ApexKey, value: unknown): void;
  /** The fixture as built, ignoring later changes (for "restore defaults"). */
  original(key: ApexKey): unknown;
  /** Milliseconds since epoch; injectable for tests. */
  now(): number;
  /** Per-store scratch space for handlers that keep state across calls (e.g. a running batch job). */
  scratch: Map<string, unknown>;
}

export type PreviewHandler = (context: PreviewContext) => unknown;

export interface ApexStoreOptions {
  /** Called with the method key after every call that changed data (refresh hooks, logs). */
  onChange?: (key: ApexKey) => void;
  now?: () => number;
  /** Simulated server latency in ms (0 = resolve on the next microtask). */
  latencyMs?: number;
}

/** Deep copy through JSON, like a value that went over the wire. */
export function wireCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export class ApexStore {
  private readonly values = new Map<ApexKey, unknown>();
  private readonly scratch = new Map<string, unknown>();
  private readonly now: () => number;
  private readonly listeners = new Set<(key: ApexKey) => void>();

  constructor(
    private readonly fixtures: Readonly<Record<ApexKey, unknown>>,
    private readonly handlers: Readonly<Record<ApexKey, PreviewHandler>>,
    private readonly options: ApexStoreOptions = {}
  ) {
    this.now = options.now ?? (() => Date.now());
    for (const [key, value] of Object.entries(fixtures)) {
      this.values.set(key, wireCopy(value));
    }
    if (options.onChange) {
      this.listeners.add(options.onChange);
    }
  }

  /** True when a fixture or a preview handler answers for `key`. */
  has(key: ApexKey): boolean {
    return this.values.has(key) || key in this.handlers;
  }

  /** Current stored value (a copy). */
  peek(key: ApexKey): unknown {
    return wireCopy(this.values.get(key));
  }

  /** Registers a listener called with the key of each method whose data changed. */
  subscribe(listener: (key: ApexKey) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Answers one Apex call: the preview handler when there is one, else the stored fixture. Always
   * asynchronous and always a copy, like a server round trip.
   */
  async call(key: ApexKey, params: ApexParams = {}): Promise<unknown> {
    if (this.options.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    } else {
      await Promise.resolve();
    }
    const handler = this.handlers[key];
    if (handler) {
      const changed = new Set<ApexKey>();
      const context: PreviewContext = {
        params: wireCopy(params),
        get: (k) => wireCopy(this.values.get(k)),
        set: (k, value) => {
          this.values.set(k, wireCopy(value));
          changed.add(k);
        },
        original: (k) => wireCopy(this.fixtures[k]),
        now: this.now,
        scratch: this.scratch
      };
      const result = handler(context);
      for (const k of changed) {
        for (const listener of this.listeners) {
          listener(k);
        }
      }
      return wireCopy(result);
    }
    if (!this.values.has(key)) {
      throw new ApexError(`Workbench: no sample data for ${key}.`);
    }
    return wireCopy(this.values.get(key));
  }
}
