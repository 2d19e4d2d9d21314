/**
 * Makes a SCIM `filter` readable (RFC 7644 §3.4.2.2): `userName eq "alice@contoso.com"` becomes
 * [userName] [equals] ["alice@contoso.com"]. Only the flat and/or forms Entra sends are split; anything else
 * (parentheses, `not`, value paths) is shown as one clause, verbatim.
 */

export interface FilterClause {
  readonly attribute: string;
  readonly operator: string;
  readonly value: string | null;
  /** The word joining this clause to the previous one. */
  readonly joiner: 'and' | 'or' | null;
}

const OPERATORS: Readonly<Record<string, string>> = {
  eq: 'equals',
  ne: 'does not equal',
  co: 'contains',
  sw: 'starts with',
  ew: 'ends with',
  gt: 'is greater than',
  ge: 'is at least',
  lt: 'is less than',
  le: 'is at most',
  pr: 'is present',
};

/** Splits on ` and ` / ` or ` outside quotes. */
function split(filter: string): { text: string; joiner: 'and' | 'or' | null }[] {
  const parts: { text: string; joiner: 'and' | 'or' | null }[] = [];
  let inQuote = false;
  let start = 0;
  let joiner: 'and' | 'or' | null = null;
  for (let i = 0; i < filter.length; i++) {
    const c = filter[i];
    if (c === '\\' && inQuote) i++;
    else if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === ' ') {
      const word = /^ (and|or) /i.exec(filter.slice(i, i + 5));
      if (word?.[1]) {
        parts.push({ text: filter.slice(start, i).trim(), joiner });
        joiner = word[1].toLowerCase() as 'and' | 'or';
        i += word[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push({ text: filter.slice(start).trim(), joiner });
  return parts;
}

export function readableFilter(filter: string): FilterClause[] {
  return split(filter).map(({ text, joiner }) => {
    const match = /^([\w.:$[\]"= -]+?)\s+(eq|ne|co|sw|ew|gt|ge|lt|le|pr)(?:\s+(.*))?$/i.exec(text);
    const op = match?.[2]?.toLowerCase();
    if (!match || op === undefined) return { attribute: text, operator: '', value: null, joiner };
    return { attribute: match[1] ?? '', operator: OPERATORS[op] ?? op, value: match[3] ?? null, joiner };
  });
}

/** The query string as name/value pairs; a malformed string is shown whole rather than dropped. */
export function queryPairs(query: string): [string, string][] {
  if (query === '') return [];
  try {
    return [...new URLSearchParams(query).entries()];
  } catch {
    return [['(unparsed)', query]];
  }
}
