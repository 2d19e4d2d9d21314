/**
 * Reconstructs an exchange as text: the raw request and response (as ngrok's Raw view shows them) and a cURL
 * command that replays the request against the local listener.
 *
 * The log keeps headers and bodies, not bytes, so the raw view is rebuilt: HTTP/1.1, headers as stored (secrets
 * already masked by the listener), then the body. cURL never carries a token: the admin pastes their own.
 */

import type { ExchangeDetail } from '../../../shared/api/log-types.js';

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? '';

export const requestTarget = (d: Pick<ExchangeDetail, 'path' | 'query'>): string => (d.query === '' ? d.path : `${d.path}?${d.query}`);

const headerLines = (headers: Readonly<Record<string, string>>): string => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');

export function rawRequest(d: ExchangeDetail): string {
  const head = `${d.method} ${requestTarget(d)} HTTP/1.1\n${headerLines(d.requestHeaders)}`;
  return d.requestBody === null ? head + '\n' : `${head}\n\n${d.requestBody}`;
}

export function rawResponse(d: ExchangeDetail): string {
  const head = `HTTP/1.1 ${d.status} ${reasonPhrase(d.status)}`.trimEnd() + `\n${headerLines(d.responseHeaders)}`;
  return d.responseBody === null ? head + '\n' : `${head}\n\n${d.responseBody}`;
}

/** POSIX shell single-quoting: everything literal, `'` written as `'\''`. */
const sh = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Headers worth replaying; transport headers (host, length, forwarding) are curl's or the proxy's business. */
const REPLAYED = new Set(['content-type', 'accept', 'if-match', 'if-none-match', 'adscimversion', 'user-agent']);

export function curlCommand(d: ExchangeDetail, scimUrl: string): string {
  const origin = new URL(scimUrl).origin;
  const lines = [`curl -X ${d.method} ${sh(origin + requestTarget(d))}`];
  for (const [name, value] of Object.entries(d.requestHeaders)) {
    if (REPLAYED.has(name.toLowerCase())) lines.push(`  -H ${sh(`${name}: ${value}`)}`);
  }
  // The token is never in the log in clear; a placeholder makes the command obviously incomplete, not wrong.
  lines.push(`  -H ${sh('Authorization: Bearer <SECRET TOKEN>')}`);
  if (d.requestBody !== null) lines.push(`  --data-raw ${sh(d.requestBody)}`);
  return lines.join(' \\\n');
}
