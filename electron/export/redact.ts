/**
 * Redaction applied again on export (issue 7, "Redaction"): an export leaves the machine, so it must not rely on the
 * log alone having been redacted when it was written (an older build, another writer, a setting changed since).
 *
 * - Secret headers (authorization, proxy-authorization, cookie, set-cookie, x-api-key) keep only the log's own mask
 *   (`Bearer ••••abcd`, which names the token generation without being usable); any other value becomes `[redacted]`.
 * - `password` values, and the values of extra sensitive attributes the caller names, are replaced in request and
 *   response bodies (keys anywhere, PATCH operations whose path names them), in filter queries and in modified
 *   properties. A body that mentions none of these names is passed through byte for byte.
 */

import { REDACTED } from '../scim/http/redact.js';
import type { ModifiedProperty } from '../../shared/api/log-types.js';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
/** The log's mask: an optional scheme, the bullets, at most the last four characters of the secret. */
const ALREADY_MASKED = /^(?:[A-Za-z]+\s+)?••••[^\s•]{0,4}$/;

export interface Redactor {
  /** Parses a stored headers object (JSON) and masks secret headers. */
  headers(json: string | null): Record<string, string>;
  body(text: string | null): string | null;
  /** The raw (URL-encoded) query string, with sensitive attribute values in filters replaced. */
  query(raw: string): string;
  modified(properties: readonly ModifiedProperty[]): ModifiedProperty[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The attribute names an attribute path mentions: `urn:…:User:employeeNumber`, `emails[type eq "work"].value`. */
function pathNames(path: string): string[] {
  const withoutFilters = path.replace(/\[[^\]]*\]/g, '');
  const afterUrn = withoutFilters.slice(withoutFilters.lastIndexOf(':') + 1);
  return afterUrn.split('.').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
}

export function createRedactor(sensitiveAttributes: readonly string[] = []): Redactor {
  const names = new Set(['password', ...sensitiveAttributes.map((name) => name.trim().toLowerCase()).filter((name) => name !== '')]);
  const extras = [...names].filter((name) => name !== 'password');
  const mentions = new RegExp(['\\\\u', ...[...names].map(escapeRegExp)].join('|'), 'i');
  const sensitivePath = (path: unknown): boolean => typeof path === 'string' && pathNames(path).some((name) => names.has(name));
  const filterValue = extras.length
    ? new RegExp(`((?:^|[^A-Za-z0-9_])(?:${extras.map(escapeRegExp).join('|')})\\s+(?:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+)("(?:[^"\\\\]|\\\\.)*"|[^\\s)\\]]+)`, 'gi')
    : null;

  const redactValue = (value: unknown, depth: number): unknown => {
    if (depth > 64 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
    const source = value as Record<string, unknown>;
    const patchOnSecret = 'value' in source && sensitivePath(source.path);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(source)) {
      const secret = names.has(key.toLowerCase()) || sensitivePath(key) || (patchOnSecret && key === 'value');
      // defineProperty keeps a key such as "__proto__" an ordinary own property.
      Object.defineProperty(out, key, { value: secret ? REDACTED : redactValue(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  /** Not JSON (or cut off): replace `"name": "value"` pairs by pattern instead. */
  const redactText = (text: string): string => {
    let out = text;
    for (const name of names) {
      out = out.replace(new RegExp(`("(?:[^"]*:)?${escapeRegExp(name)}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`);
    }
    return out;
  };

  return {
    headers(json) {
      let parsed: unknown;
      try {
        parsed = json === null ? {} : JSON.parse(json);
      } catch {
        return {};
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      const out: Record<string, string> = {};
      for (const [name, raw] of Object.entries(parsed)) {
        const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
        const secret = SECRET_HEADERS.has(name.toLowerCase());
        Object.defineProperty(out, name, {
          value: secret && !ALREADY_MASKED.test(value.trim()) ? REDACTED : value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
    body(text) {
      if (text === null || !mentions.test(text)) return text;
      try {
        const parsed: unknown = JSON.parse(text);
        const redacted = JSON.stringify(redactValue(parsed, 0));
        return redacted === JSON.stringify(parsed) ? text : redacted;
      } catch {
        return redactText(text);
      }
    },
    query(raw) {
      if (filterValue === null || raw === '') return raw;
      let decoded: string;
      try {
        decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        return raw;
      }
      filterValue.lastIndex = 0;
      if (!filterValue.test(decoded)) return raw;
      filterValue.lastIndex = 0;
      return encodeURI(decoded.replace(filterValue, `$1"${REDACTED}"`));
    },
    modified(properties) {
      return properties.map((p) => (sensitivePath(p.attribute) ? { attribute: p.attribute, oldValue: p.oldValue === null ? null : REDACTED, newValue: p.newValue === null ? null : REDACTED } : p));
    },
  };
}
