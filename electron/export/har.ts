/**
 * The HTTP exchanges as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), which browser devtools, Insomnia,
 * Fiddler and HTTP Toolkit import (design/screens.md Screen 4). Bodies are as recorded, after the export's
 * redaction (the Authorization header keeps only the log's `Bearer ••••last4` mask). Entra's view of each exchange,
 * and who sent it (`_source`: entra, simulator, replay), travel in custom fields, which HAR allows when their names
 * start with an underscore.
 */

import { STATUS_CODES } from 'node:http';
import { explainExported } from './failure-info.js';
import { SENT_BY } from './sent-by.js';
import type { ExportRow } from './types.js';
import { PRODUCT } from './types.js';

type NameValue = { readonly name: string; readonly value: string };

const nameValues = (headers: Readonly<Record<string, string>>): NameValue[] => Object.entries(headers).map(([name, value]) => ({ name, value }));

function queryString(raw: string): NameValue[] {
  if (raw === '') return [];
  try {
    return [...new URLSearchParams(raw)].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const header = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** The URL Entra called: the tunnel's scheme and host when the request came through one. */
function urlOf(row: ExportRow): string {
  const scheme = header(row.requestHeaders, 'x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  const host = header(row.requestHeaders, 'host') ?? '127.0.0.1';
  return `${scheme}://${host}${row.path}${row.query ? `?${row.query}` : ''}`;
}

export function harEntry(row: ExportRow): Record<string, unknown> {
  const time = Math.max(0, row.durationMs);
  const responseText = row.responseBody ?? '';
  const explanation = explainExported(row);
  return {
    startedDateTime: new Date(row.ts).toISOString(),
    time,
    request: {
      method: row.method,
      url: urlOf(row),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(row.requestHeaders),
      queryString: queryString(row.query),
      ...(row.requestBody === null
        ? {}
        : { postData: { mimeType: header(row.requestHeaders, 'content-type') ?? 'application/scim+json', text: row.requestBody } }),
      headersSize: -1,
      bodySize: row.requestBody === null ? 0 : Buffer.byteLength(row.requestBody),
    },
    response: {
      status: row.status,
      statusText: STATUS_CODES[row.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(row.responseHeaders),
      content: {
        size: Buffer.byteLength(responseText),
        mimeType: header(row.responseHeaders, 'content-type') ?? (responseText ? 'application/scim+json' : 'x-unknown'),
        text: responseText,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(responseText),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(row.clientIp ? { _clientIp: row.clientIp } : {}),
    // Who sent it (entra, simulator, replay): a HAR of a rehearsal must not pass the app's requests off as Entra's.
    _source: row.source,
    _changeId: row.changeId,
    _cycleId: row.cycleId,
    _entraAction: row.action,
    _entraStatus: row.outcome,
    _entraErrorCode: explanation?.errorCode ?? null,
    // Viewers hide `_` fields, so the comment names the app as sender too; Entra's rows stay as they were.
    comment: `${row.action} ${row.outcome}${row.identity ? ` ${row.identity}` : ''}${explanation ? ` (${explanation.errorCode})` : ''}${row.source === 'entra' ? '' : `, sent by ${SENT_BY[row.source]}`}`,
  };
}

/** Everything before the first entry. */
export function harOpening(version: string, comment: string): string {
  const head = JSON.stringify({ version: '1.2', creator: { name: PRODUCT, version }, comment });
  return `{"log":${head.slice(0, -1)},"entries":[`;
}

export const harEntries = (rows: readonly ExportRow[], first: boolean): string =>
  rows.map((row, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(harEntry(row))}`).join('');

export const HAR_CLOSING = '\n]}}\n';
