/**
 * Transports move one JSON request body to the endpoint and return the raw HTTP answer. They never retry
 * (the client owns the retry policy) except for one token refresh on 401 in the Connection transport.
 */
import type { Connection } from '@salesforce/core';

export interface TransportResponse {
  status: number;
  /** Header lookup, case-insensitive; null when absent. */
  header(name: string): string | null;
  bodyText: string;
}

export interface TransportRequest {
  /** Path relative to the base/instance URL, e.g. /services/apexrest/voice/v1/calls */
  path: string;
  /** Serialized JSON body: the same string is re-sent on every attempt of a batch. */
  body: string;
  timeoutMs: number;
}

export interface Transport {
  /** Where requests go, for messages ("POST https://…/calls"). */
  describe(): string;
  post(request: TransportRequest): Promise<TransportResponse>;
}

export type TransportErrorKind = 'timeout' | 'network';

/** A request that produced no HTTP response: it may or may not have reached the server. */
export class TransportError extends Error {
  public readonly kind: TransportErrorKind;
  public constructor(kind: TransportErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.kind = kind;
  }
}

export type FetchLike = typeof fetch;

export interface FetchTransportOptions {
  /** e.g. http://127.0.0.1:51234 or https://mydomain.my.salesforce.com */
  baseUrl: string;
  /** Bearer token; a function is called before every attempt (so a caller can refresh it). */
  token?: string | (() => string | Promise<string>);
  fetchImpl?: FetchLike;
  userAgent?: string;
}

const USER_AGENT = 'voice-call-logging-reference-client/1';

/** Abort/timeout errors are DOMExceptions, which may come from another realm: compare names, not classes. */
function isAbortOrTimeout(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError';
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const causeMessage = cause instanceof Error ? cause.message : '';
    return [error.message, code, causeMessage].filter((part) => part !== '').join(': ');
  }
  return String(error);
}

/** Plain fetch with an optional bearer token: the contract server in tests, or any reachable org with a token. */
export function fetchTransport(options: FetchTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetchImpl ?? fetch;
  return {
    describe: () => base,
    post: async (request) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        'user-agent': options.userAgent ?? USER_AGENT
      };
      if (options.token !== undefined) {
        const token = typeof options.token === 'function' ? await options.token() : options.token;
        headers.authorization = `Bearer ${token}`;
      }
      const url = `${base}${request.path}`;
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers,
          body: request.body,
          signal: AbortSignal.timeout(request.timeoutMs)
        });
      } catch (error) {
        if (isAbortOrTimeout(error)) {
          throw new TransportError('timeout', `no response within ${request.timeoutMs} ms`, { cause: error });
        }
        throw new TransportError('network', describeCause(error), { cause: error });
      }
      let bodyText: string;
      try {
        bodyText = await response.text();
      } catch (error) {
        // Headers arrived but the body did not (timeout or dropped connection mid-body).
        if (isAbortOrTimeout(error)) {
          throw new TransportError('timeout', `response body not complete within ${request.timeoutMs} ms`, {
            cause: error
          });
        }
        throw new TransportError('network', `response body interrupted: ${describeCause(error)}`, {
          cause: error
        });
      }
      return { status: response.status, header: (name) => response.headers.get(name), bodyText };
    }
  };
}

/**
 * Posts through an authenticated @salesforce/core Connection (a CLI-authorized org: `sf org login …`).
 * jsforce's conn.request() turns every non-2xx into an exception without the status code and headers
 * (Retry-After is lost), so this transport sends with fetch using the connection's instance URL and access
 * token, and uses Connection.refreshAuth() — documented for exactly this "raw request" case — once before
 * the first request and once more when the org answers 401 (expired session).
 */
export function connectionTransport(connection: Connection, fetchImpl?: FetchLike): Transport {
  let refreshed = false;
  const ensureFresh = async (): Promise<void> => {
    if (!refreshed) {
      await connection.refreshAuth();
      refreshed = true;
    }
  };
  const inner = (): Transport =>
    fetchTransport({
      baseUrl: connection.instanceUrl,
      token: () => {
        const token = connection.accessToken;
        if (token === undefined || token === null || token === '') {
          throw new TransportError('network', `no access token for ${connection.getUsername() ?? 'the org'}`);
        }
        return token;
      },
      fetchImpl
    });
  return {
    describe: () => connection.instanceUrl,
    post: async (request) => {
      await ensureFresh();
      const first = await inner().post(request);
      if (first.status !== 401) return first;
      await connection.refreshAuth();
      return inner().post(request);
    }
  };
}
