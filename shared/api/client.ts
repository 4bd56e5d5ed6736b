import type { $Fetch, FetchError } from 'ofetch';
import type { z } from 'zod';
import {
  ActivationCheckResponseSchema,
  ActivationResponseSchema,
  ApiErrorSchema,
  DeviceSchema,
  DevicesResponseSchema,
  EventsResponseSchema,
  LicenseResponseSchema,
  LicenseUserSchema,
  LicensesResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  StatusResponseSchema,
  SyncResponseSchema,
  UsersResponseSchema,
  type ActivationRequest,
  type ChangePasswordRequest,
  type Device,
  type LicenseUser,
  type LicenseEventKind,
  type LoginRequest,
  type SyncRequest,
  LicenseFileImportedSchema,
  type LicenseFileUpload,
} from '../schemas';
import { streamList, type StreamTarget } from './list-stream';
import { failure, parseRetryAfter, type ApiResult } from './result';

export interface ApiClientOptions {
  /** Portal origin, e.g. http://localhost:8787 ('' = same origin). */
  baseURL: string;
  /** The session token, read on every call so a sign-in takes effect at once. */
  getToken: () => string | null | undefined;
  /** Injected fetch, for tests and service workers. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /**
   * POST /sync only: a batch of new-user assigns costs the server a password hash each (~46 ms),
   * so it gets far longer than the other calls. A timed-out batch is re-sent; replays are safe.
   */
  syncTimeoutMs?: number;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The one HTTP client: every response is parsed by its schema; failures come back as values. Its
 * transport (ofetch) loads with the first request: a page shows its cached data before it asks
 * the server anything, and does not wait for this code.
 */
export function createApiClient(options: ApiClientOptions) {
  let transport: Promise<{ http: $Fetch; FetchError: typeof FetchError }> | null = null;
  const load = () =>
    (transport ??= import('ofetch').then(({ ofetch, FetchError }) => ({
      // An injected fetch is a global option of ofetch (create's 2nd argument), not a request default.
      http: ofetch.create(
        {
          baseURL: options.baseURL.replace(/\/$/, '') + '/api/v1',
          timeout: options.timeoutMs ?? 15_000,
          retry: 0,
          onRequest({ options: o }) {
            const token = options.getToken();
            if (token) o.headers.set('Authorization', `Bearer ${token}`);
          },
        },
        options.fetch ? { fetch: options.fetch } : {},
      ),
      FetchError,
    })));

  async function call<S extends z.ZodType>(
    schema: S,
    path: string,
    init: Parameters<$Fetch>[1] = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const { http, FetchError } = await load();
    let body: unknown;
    try {
      body = await http(path, init);
    } catch (error) {
      return { ok: false, error: toFailure(error instanceof FetchError ? error : null) };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: failure('invalid_response', 200) };
    return { ok: true, data: parsed.data };
  }

  // Plain fetch: ofetch reads a body whole, and a streamed list is read as it arrives.
  const streamTarget = (path: string): StreamTarget => ({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    url: `${options.baseURL.replace(/\/$/, '')}/api/v1${path}`,
    token: options.getToken(),
  });

  const noContent = {
    parse: () => undefined,
    safeParse: () => ({ success: true as const, data: undefined }),
  } as unknown as z.ZodType<void>;

  return {
    login: (body: LoginRequest) => call(LoginResponseSchema, '/auth/login', { method: 'POST', body }),
    logout: () => call(noContent, '/auth/logout', { method: 'POST' }),
    changePassword: (body: ChangePasswordRequest) => call(noContent, '/auth/password', { method: 'POST', body }),
    /** "Sign out on other devices": every other session of the caller ends. */
    endOtherSessions: () => call(noContent, '/auth/sessions/end-others', { method: 'POST' }),
    me: () => call(MeResponseSchema, '/me'),
    licenses: (query: { email?: string } = {}) => call(LicensesResponseSchema, '/licenses', { query }),
    license: (id: string) => call(LicenseResponseSchema, `/licenses/${encodeURIComponent(id)}`),
    /** A license's devices: all of them, or with `since` (a cursor of an earlier answer) what changed after it. */
    devices: (id: string, since?: string | null) =>
      call(DevicesResponseSchema, `/licenses/${encodeURIComponent(id)}/devices`, sinceQuery(since)),
    /** A license's whole device list as NDJSON, handed to `onRows` a batch at a time as it arrives. */
    devicesStream: (id: string, onRows: (rows: Device[]) => Promise<void>) =>
      streamList(
        streamTarget(`/licenses/${encodeURIComponent(id)}/devices?format=ndjson`),
        'devices',
        DeviceSchema,
        onRows,
      ),
    /** A license's whole user list, like `devicesStream`. */
    usersStream: (id: string, onRows: (rows: LicenseUser[]) => Promise<void>) =>
      streamList(
        streamTarget(`/licenses/${encodeURIComponent(id)}/users?format=ndjson`),
        'users',
        LicenseUserSchema,
        onRows,
      ),
    /** A license's users, like `devices`. */
    users: (id: string, since?: string | null) =>
      call(UsersResponseSchema, `/licenses/${encodeURIComponent(id)}/users`, sinceQuery(since)),
    /** A license's activity, newest first, one page: `before` (an earlier answer's `nextBefore`) pages on. */
    events: (id: string, query: { before?: number | null; limit?: number; kind?: LicenseEventKind | null } = {}) =>
      call(EventsResponseSchema, `/licenses/${encodeURIComponent(id)}/events`, {
        query: {
          ...(query.before != null ? { before: query.before } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
        },
      }),
    sync: (body: SyncRequest) =>
      call(SyncResponseSchema, '/sync', { method: 'POST', body, timeout: options.syncTimeoutMs ?? 120_000 }),
    status: () => call(StatusResponseSchema, '/status'),
    activate: (body: ActivationRequest) => call(ActivationResponseSchema, '/activations', { method: 'POST', body }),
    /** A manager imports the license file the vendor signed. */
    uploadLicenseFile: (body: LicenseFileUpload) =>
      call(LicenseFileImportedSchema, '/license-file', { method: 'POST', body }),
    checkActivation: (body: { licenseId: string; hardwareId: string }) =>
      call(ActivationCheckResponseSchema, '/activations/check', { method: 'POST', body }),
  };
}

/** `?since=<cursor>` when there is one; without, the server answers the whole list. */
const sinceQuery = (since: string | null | undefined) => (since ? { query: { since } } : {});

/** Network errors, timeouts and error bodies all become an ApiFailure with a stable code. */
function toFailure(error: FetchError | null) {
  if (!error?.response) return failure('network_error', 0);
  const status = error.response.status;
  const retryAfterMs = parseRetryAfter(error.response.headers.get('Retry-After'));
  const body = ApiErrorSchema.safeParse(error.data);
  const extra = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (body.success) {
    const { code, message, field } = body.data;
    return { ...failure(code, status, extra), ...(message ? { message } : {}), ...(field ? { field } : {}) };
  }
  if (status === 401) return failure('unauthorized', status, extra);
  if (status === 408 || status === 429 || status >= 500) return failure('server_unavailable', status, extra);
  return failure('invalid_response', status, extra);
}
