import { withBodyRepair, type HttpHandlerLike } from './repair-config-timestamps.js';

const content = /<Content>([^<]*)<\/Content>/;

/**
 * Base64-encodes a `GetCredentialReport` answer's `<Content>` when it holds the CSV as text (moto sends it so), which
 * the SDK would otherwise decode as base64 into garbage. AWS sends base64, which passes through untouched.
 */
export function repairCredentialReport(xml: string): string {
  const match = content.exec(xml);
  const text = match?.[1];
  if (text === undefined || /^[A-Za-z0-9+/=\s]*$/.test(text)) return xml;
  const csv = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml.replace(content, `<Content>${Buffer.from(csv, 'utf8').toString('base64')}</Content>`);
}

/** Wraps the IAM client's HTTP handler with `repairCredentialReport`. */
export function withCredentialReportRepair(inner: HttpHandlerLike): HttpHandlerLike {
  return withBodyRepair(inner, repairCredentialReport);
}
