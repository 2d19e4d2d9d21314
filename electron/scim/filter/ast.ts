/**
 * The abstract syntax tree of a SCIM filter (RFC 7644 §3.4.2.2).
 *
 * Entra's `emails[type eq "work"].value eq "x"` form is represented as a `valuePath` whose filter also holds the
 * comparison on the sub-attribute, so both conditions bind to the same element of the multi-valued attribute.
 */

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** A comparison value: a JSON literal (string, number, true, false, null). */
export type FilterValue = string | number | boolean | null;

export type FilterNode =
  /** `attrPath op value`; `path` may be URN-qualified and dotted (`name.givenName`). */
  | { readonly kind: 'compare'; readonly path: string; readonly op: CompareOp; readonly value: FilterValue }
  /** `attrPath pr` */
  | { readonly kind: 'present'; readonly path: string }
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly filter: FilterNode }
  /** `attrPath[valFilter]`: true when one element of the multi-valued attribute matches `filter`. */
  | { readonly kind: 'valuePath'; readonly path: string; readonly filter: FilterNode };
