import { Readable } from 'node:stream';

const timestampFields = /"(configurationItemCaptureTime|resourceCreationTime|configurationItemDeliveryTime|resourceDeletionTime)"(\s*:\s*)"([^"\\]*)"/g;

/**
 * Rewrites configuration item timestamps sent as date strings (moto sends `"2026-11-26 03:24:27.703075+00:00"`)
 * into the epoch seconds AWS sends, which is all the SDK's deserializer accepts. Real AWS answers hold numbers there,
 * so they pass through untouched; a string that is not a date is left as it is.
 */
export function repairTimestamps(json: string): string {
  return json.replace(timestampFields, (whole, name: string, colon: string, value: string) => {
    const seconds = parseDateString(value);
    return seconds === undefined ? whole : `"${name}"${colon}${seconds}`;
  });
}

function parseDateString(value: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const fraction = (match[3] ?? '').slice(0, 4);
  const milliseconds = Date.parse(`${match[1]}T${match[2]}${fraction}${match[4] ?? 'Z'}`);
  return Number.isNaN(milliseconds) ? undefined : milliseconds / 1000;
}

/** The parts of the SDK's HTTP handler this module touches. */
export interface HttpHandlerLike {
  handle(request: unknown, options?: unknown): Promise<{ response: HttpResponseLike }>;
  destroy?(): void;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): unknown;
}

interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Wraps an HTTP handler so that JSON answers go through `repairTimestamps` before the SDK reads them. */
export function withTimestampRepair(inner: HttpHandlerLike): HttpHandlerLike {
  return withBodyRepair(inner, repairTimestamps);
}

/** Wraps an HTTP handler so that every answer's body goes through `repair` before the SDK reads it. */
export function withBodyRepair(inner: HttpHandlerLike, repair: (body: string) => string): HttpHandlerLike {
  return {
    async handle(request, options) {
      const { response } = await inner.handle(request, options);
      const body = response.body;
      if (!(body instanceof Readable)) return { response };
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      const repaired = Buffer.from(repair(Buffer.concat(chunks).toString('utf8')), 'utf8');
      const headers = { ...response.headers };
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-length') headers[name] = String(repaired.length);
      return { response: { ...response, headers, body: Readable.from([repaired]) } };
    },
    destroy: () => inner.destroy?.(),
    ...(inner.updateHttpClientConfig ? { updateHttpClientConfig: inner.updateHttpClientConfig.bind(inner) } : {}),
    ...(inner.httpHandlerConfigs ? { httpHandlerConfigs: inner.httpHandlerConfigs.bind(inner) } : {}),
  };
}
