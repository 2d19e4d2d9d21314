/**
 * The Edit & replay form's text fields: headers as `Name: value` lines (as the Raw tab and ngrok show them) and
 * the body as JSON, each checked before anything is sent so a typo gets a message at its line, not a 400.
 */

import type { ReplayHeader } from '../../../shared/api/replay-types.js';
import { jsonSyntaxError } from './json-syntax.js';

/** An HTTP field name is a token (RFC 9110 §5.1, §5.6.2). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const headersToText = (headers: readonly ReplayHeader[]): string => headers.map(({ name, value }) => `${name}: ${value}`).join('\n');

export interface ParsedHeaders {
  readonly headers: readonly ReplayHeader[];
  readonly errors: readonly string[];
}

/** One header per line; blank lines are skipped. `Authorization:` with nothing after it means "send none". */
export function parseHeaderLines(text: string): ParsedHeaders {
  const headers: ReplayHeader[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line.trim() : line.slice(0, colon).trim();
    if (colon < 0) errors.push(`Line ${index + 1}: "${name}" needs a colon between the name and the value.`);
    else if (!TOKEN.test(name)) errors.push(`Line ${index + 1}: "${name}" is not a valid header name (letters, digits and - only).`);
    else headers.push({ name, value: line.slice(colon + 1).trim() });
  });
  if (headers.length > 100) errors.push('At most 100 headers can be sent.');
  return { headers, errors };
}

/** Line and column of a character offset, 1-based, as an editor shows them. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Null when the body is empty (no body is sent) or valid JSON; otherwise where it breaks and what was expected. SCIM
 * bodies are JSON (RFC 7644 §3.1); a malformed one is still worth rehearsing, but from the API, not by a typo.
 */
export function jsonBodyError(text: string): string | null {
  if (text.trim() === '') return null;
  const error = jsonSyntaxError(text);
  if (error === null) return null;
  const found = error.offset >= text.length ? 'the body ends' : `found ${JSON.stringify(text[error.offset])}`;
  return `The body is not valid JSON at ${lineColumn(text, error.offset)}: expected ${error.expected}, ${found}.`;
}

/** The logged body as the form shows it: JSON indented for editing (same value), anything else as it was. */
export function editableBody(body: string | null): string {
  if (body === null) return '';
  if (jsonSyntaxError(body) !== null) return body;
  return JSON.stringify(JSON.parse(body), null, 2);
}
