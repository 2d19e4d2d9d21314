/** The SCIM filter (RFC 7644 §3.4.2.2): parse once, then evaluate in memory (PATCH) or compile to SQL (lists). */

export type { CompareOp, FilterNode, FilterValue } from './ast.js';
export { matchesFilter } from './evaluate.js';
export { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter } from './parse.js';
export { filterToSql, type SqlFilter, type SqlParam } from './to-sql.js';
