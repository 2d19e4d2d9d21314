/**
 * Reads the users and groups an admin assigned from a CSV: an export of the enterprise app's "Users and groups"
 * blade, or any CSV with a header row (design/screens.md Screen 1 step 3, Screen 6). No public source lists the
 * blade's exact column labels (entra-behavior.md §15), so columns are found by header name.
 *
 * RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM is ignored.
 * Excel in some locales writes `;` or tabs instead of commas, so the header line picks the delimiter.
 */

import { ApiFailure } from '../../shared/api/result.js';

export interface ScopeCsvEntry {
  readonly value: string;
  readonly kind: 'user' | 'group';
}

/** Name columns, best first: Entra matches users on userName (mapped from userPrincipalName, §12). */
const NAME_HEADERS = ['User principal name', 'userPrincipalName', 'UPN', 'Email', 'Mail', 'userName', 'Display name', 'displayName', 'Name'];
/** Groups match on displayName (§2.2), so a group row prefers these. */
const GROUP_NAME_HEADERS = ['Display name', 'displayName', 'Name'];
const TYPE_HEADERS = ['Object type', 'Type'];

/** Header names compared without case, spaces, underscores or hyphens: "User Principal Name" = "userPrincipalName". */
const normalize = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

function delimiterOf(text: string): string {
  let quoted = false;
  const counts = new Map<string, number>();
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  if ((counts.get(',') ?? 0) > 0) return ',';
  if ((counts.get(';') ?? 0) > 0) return ';';
  return (counts.get('\t') ?? 0) > 0 ? '\t' : ',';
}

/** Splits CSV text into rows of fields (RFC 4180, lenient about stray quotes inside unquoted fields). */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  const endField = (): void => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRow = (): void => {
    endField();
    if (row.some((f) => f.trim() !== '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === delimiter) endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const columnOf = (headers: readonly string[], candidates: readonly string[]): number => {
  const normalized = headers.map(normalize);
  for (const candidate of candidates) {
    const index = normalized.indexOf(normalize(candidate));
    if (index >= 0) return index;
  }
  return -1;
};

/** The scope entries of a CSV; throws ApiFailure('invalid-argument') naming the headers found when none fits. */
export function scopeEntriesFromCsv(csv: string): ScopeCsvEntry[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new ApiFailure('invalid-argument', 'The CSV is empty: expected a header row and one row per assigned user or group.');
  const headers = header.map((h) => h.trim());
  const nameColumn = columnOf(headers, NAME_HEADERS);
  if (nameColumn < 0) {
    const found = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
    throw new ApiFailure(
      'invalid-argument',
      `No column with user or group names in this CSV. Expected a header named one of ${NAME_HEADERS.map((h) => `"${h}"`).join(', ')}; found ${found}.`,
    );
  }
  const groupColumn = columnOf(headers, GROUP_NAME_HEADERS);
  const typeColumn = columnOf(headers, TYPE_HEADERS);
  const entries: ScopeCsvEntry[] = [];
  const seen = new Set<string>();
  for (const fields of rows) {
    const kind = typeColumn >= 0 && (fields[typeColumn] ?? '').trim().toLowerCase() === 'group' ? 'group' : 'user';
    const preferred = kind === 'group' && groupColumn >= 0 ? fields[groupColumn] : fields[nameColumn];
    const value = (preferred?.trim() || fields[nameColumn]?.trim()) ?? '';
    // The scope table keys on the name alone, case-insensitively; the first spelling wins.
    if (value === '' || value.length > 500 || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    entries.push({ value, kind });
  }
  return entries;
}
