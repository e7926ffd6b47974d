import { isArmObject } from './arm-json.js';

/** A call ARM answered with an error, or that never got an answer. */
export interface ArmFailure {
  /** HTTP status; 0 when there was no response (network error). */
  readonly status: number;
  /** ARM's error code (`AuthorizationFailed`, `SubscriptionNotFound`, …) or the network error code. */
  readonly code: string;
  /** One line. */
  readonly message: string;
  /** For a 403: the action the credentials lack, as ARM names it, else the one the caller expected to need. */
  readonly permission?: string;
}

/** A result or a failure; sources turn failures into `Unknown` values and notifications, never into defaults. */
export type ArmOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ArmFailure };

/** Builds a failure from a status and an ARM error body (`{ error: { code, message } }`). */
export function failureFromResponse(status: number, bodyText: string | undefined, permission?: string): ArmFailure {
  let code = `HTTP${status}`;
  let message = `HTTP ${status}`;
  try {
    const body: unknown = bodyText ? JSON.parse(bodyText) : undefined;
    const error = isArmObject(body) && isArmObject(body['error']) ? body['error'] : undefined;
    if (error && typeof error['code'] === 'string') code = error['code'];
    if (error && typeof error['message'] === 'string') message = firstLine(error['message']);
  } catch {
    // Not JSON (a proxy's HTML page, say): the status says enough.
  }
  const denied = status === 403 ? (/perform action '([^']+)'/.exec(message)?.[1] ?? permission) : undefined;
  return { status, code, message, ...(denied === undefined ? {} : { permission: denied }) };
}

/** Builds a failure from anything an SDK call threw (a `RestError`, a network error). */
export function failureFromError(error: unknown, permission?: string): ArmFailure {
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown; response?: { bodyAsText?: unknown } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status !== 0) {
    const body = typeof e.response?.bodyAsText === 'string' ? e.response.bodyAsText : undefined;
    const parsed = failureFromResponse(status, body, permission);
    if (parsed.code.startsWith('HTTP') && typeof e.code === 'string') return { ...parsed, code: e.code, message: firstLine(String(e.message ?? parsed.message)) };
    return parsed;
  }
  return { status: 0, code: typeof e.code === 'string' ? e.code : 'NetworkError', message: firstLine(error instanceof Error ? error.message : String(error)) };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}
