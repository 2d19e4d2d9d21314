/**
 * Counts how many users (or groups) in the directory hold a value for each attribute, named the way Entra's
 * attribute-mapping blade names target attributes (shared/scim/britive-mapping.ts; entra-behavior.md §12):
 * `name.givenName`, `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:department`, `members`.
 *
 * One pass over the table answers every attribute at once: each attribute becomes a `sum(<holds a value>)` column.
 * JSON paths and type values are bound as parameters, never spliced into the SQL.
 */

import type { Db } from '../db/open.js';

export type HolderTable = 'users' | 'groups';

interface HolderExpression {
  readonly sql: string;
  readonly params: readonly string[];
}

/** `$."a"."b"`: every label quoted, so URN keys with colons and dots are one label each. */
const jsonPath = (labels: readonly string[]): string | null =>
  labels.every((label) => label !== '' && !/["\\]/.test(label)) ? `$${labels.map((label) => `."${label}"`).join('')}` : null;

const present = (valueSql: string): string => `(nullif(${valueSql}, '') IS NOT NULL)`;

const TYPED = /^([A-Za-z][\w]*)\[type eq "([^"]*)"\]\.(.+)$/;
/** An extension attribute: the schema URN, a colon, then the attribute (and sub-attribute) path. */
const EXTENSION = /^(urn:.+):([^:]+)$/i;

/** How one attribute's presence is tested on row `r`; null when the name is not a path we can follow. */
export function holderExpression(attribute: string, table: HolderTable): HolderExpression | null {
  if (table === 'groups' && attribute === 'members') {
    // Members live in group_members, not in the stored resource.
    return { sql: '(EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = r.id))', params: [] };
  }
  const typed = TYPED.exec(attribute);
  if (typed) {
    // emails[type eq "work"].value: some element of the array has that type and a value at the sub-path.
    const list = jsonPath([typed[1]!]);
    const sub = jsonPath(typed[3]!.split('.'));
    if (!list || !sub) return null;
    return {
      sql: `(EXISTS (SELECT 1 FROM json_each(r.resource, ?) e WHERE lower(json_extract(e.value, '$.type')) = lower(?) AND ${present('json_extract(e.value, ?)')}))`,
      params: [list, typed[2]!, sub],
    };
  }
  const extension = EXTENSION.exec(attribute);
  const path = extension ? jsonPath([extension[1]!, ...extension[2]!.split('.')]) : jsonPath(attribute.split('.'));
  return path ? { sql: present('json_extract(r.resource, ?)'), params: [path] } : null;
}

/** Holders per attribute, in the order given; attributes we cannot follow count 0. */
export function countHolders(db: Db, table: HolderTable, attributes: readonly string[]): number[] {
  const expressions = attributes.map((attribute) => holderExpression(attribute, table));
  const columns: string[] = [];
  const params: string[] = [];
  expressions.forEach((expression, i) => {
    if (!expression) return;
    columns.push(`coalesce(sum(${expression.sql}), 0) AS c${i}`);
    params.push(...expression.params);
  });
  if (columns.length === 0) return attributes.map(() => 0);
  const row = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} r`).get(...params) as Record<string, number> | undefined;
  return attributes.map((_, i) => row?.[`c${i}`] ?? 0);
}
