/**
 * The SCIM filter parser (RFC 7644 §3.4.2.2): a hand-written scanner and recursive-descent parser.
 *
 * Written by hand because Entra needs two things off-the-shelf parsers get wrong (entra-behavior.md §2.1, §14.3):
 * unquoted values (`externalId eq jyoung`, bare GUIDs and e-mail addresses) and `emails[type eq "work"].value eq "x"`,
 * which must bind both conditions to the same element. Precedence follows RFC 7644 §3.4.2.2 Table 3: `not`, then
 * `and`, then `or`. Input size, nesting and comparison count are bounded so a hostile filter fails fast with
 * `invalidFilter` (RFC 7644 §3.12) instead of hanging or overflowing the stack. Positions in errors are 1-based.
 */

import { ScimError } from '../errors.js';
import type { CompareOp, FilterNode, FilterValue } from './ast.js';

export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_COMPARISONS = 100;

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
/** RFC 7643 §2.1 ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA; plus `$ref` (RFC 7643 §2.3.7). */
const ATTRNAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;
/** A schema URN (RFC 8141 characters); it may contain dots (`2.0`) and colons, so the attribute follows the last colon. */
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]*(?::[A-Za-z0-9._~%!$&'()*+,;=@/?-]+)+$/i;
/** A JSON number (RFC 8259 §6); leading zeros are not a number, so `00042` stays the string an employee id is. */
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** Characters that end a bare word: whitespace, grouping, brackets and the start of a string. */
const DELIMITER = /[\s()[\]"]/;

const invalid = (detail: string): ScimError => new ScimError(400, detail, 'invalidFilter');

interface Word {
  readonly text: string;
  /** 0-based offsets of the word in the input. */
  readonly start: number;
  readonly end: number;
}

/** Parses a SCIM filter into its AST; throws a 400 `invalidFilter` ScimError on any syntax error. */
export function parseFilter(input: string): FilterNode {
  if (input.length > MAX_FILTER_LENGTH) {
    throw invalid(`The filter is ${input.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted.`);
  }
  const parser = new Parser(input);
  const node = parser.parseOr(false);
  parser.expectEnd();
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private comparisons = 0;

  constructor(private readonly input: string) {}

  /** FILTER = term *("or" term): `or` binds loosest (RFC 7644 §3.4.2.2). */
  parseOr(inBrackets: boolean): FilterNode {
    let left = this.parseAnd(inBrackets);
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.parseAnd(inBrackets) };
    return left;
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos < this.input.length) {
      throw invalid(`Expected "and", "or" or the end of the filter at position ${this.pos + 1}, found ${this.found()}.`);
    }
  }

  private parseAnd(inBrackets: boolean): FilterNode {
    let left = this.parseUnary(inBrackets);
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.parseUnary(inBrackets) };
    return left;
  }

  private parseUnary(inBrackets: boolean): FilterNode {
    this.skipSpace();
    if (this.peek() === '(') return this.group(inBrackets);
    const word = this.peekWord();
    if (word.text.toLowerCase() === 'not') {
      this.pos = word.end;
      this.skipSpace();
      if (this.peek() !== '(') throw invalid(`Expected "(" after "not" at position ${this.pos + 1}, found ${this.found()}.`);
      return { kind: 'not', filter: this.group(inBrackets) };
    }
    const path = this.parsePath(word, inBrackets);
    this.skipSpace();
    if (this.peek() !== '[') return this.parseAttrExp(path);
    // valuePath = attrPath "[" valFilter "]" (RFC 7644 §3.4.2.2); sub-attributes cannot nest (RFC 7643 §2.3.8).
    if (inBrackets) throw invalid(`Value filters cannot be nested; found "[" at position ${this.pos + 1}.`);
    if (path.includes('.', path.lastIndexOf(':') + 1)) {
      throw invalid(`A value filter must follow an attribute, not the sub-attribute "${path}", at position ${this.pos + 1}.`);
    }
    const open = this.pos;
    this.enter();
    this.pos += 1;
    const filter = this.parseOr(true);
    this.skipSpace();
    if (this.peek() !== ']') {
      throw invalid(`Expected "]" to close the value filter opened at position ${open + 1}, at position ${this.pos + 1}, found ${this.found()}.`);
    }
    this.pos += 1;
    this.depth -= 1;
    if (this.peek() !== '.') return { kind: 'valuePath', path, filter };
    // Entra's `emails[type eq "work"].value eq "x"`: both conditions must hold for one element (ast.ts).
    this.pos += 1;
    const sub = this.peekWord();
    if (!ATTRNAME.test(sub.text)) throw invalid(`Expected a sub-attribute name at position ${sub.start + 1}, found ${this.found()}.`);
    this.pos = sub.end;
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: this.parseAttrExp(sub.text) } };
  }

  /** "(" FILTER ")" — for grouping and after `not`; counted against the nesting bound. */
  private group(inBrackets: boolean): FilterNode {
    this.enter();
    this.pos += 1;
    const node = this.parseOr(inBrackets);
    this.skipSpace();
    if (this.peek() !== ')') throw invalid(`Expected ")" or a logical operator at position ${this.pos + 1}, found ${this.found()}.`);
    this.pos += 1;
    this.depth -= 1;
    return node;
  }

  /** attrExp = (attrPath SP "pr") / (attrPath SP compareOp SP compValue). */
  private parseAttrExp(path: string): FilterNode {
    const word = this.peekWord();
    const op = word.text.toLowerCase();
    if (op !== 'pr' && !COMPARE_OPS.has(op)) {
      throw invalid(`Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) after "${path}" at position ${word.start + 1}, found ${this.found()}.`);
    }
    this.pos = word.end;
    this.comparisons += 1;
    if (this.comparisons > MAX_FILTER_COMPARISONS) {
      throw invalid(`The filter has more than ${MAX_FILTER_COMPARISONS} comparisons (position ${word.start + 1}).`);
    }
    if (op === 'pr') return { kind: 'present', path };
    return { kind: 'compare', path, op: op as CompareOp, value: this.parseValue(path) };
  }

  /** compValue = false / null / true / number / string (RFC 7644 §3.4.2.2), plus Entra's unquoted strings. */
  private parseValue(path: string): FilterValue {
    this.skipSpace();
    if (this.peek() === '"') return this.parseString();
    const word = this.peekWord();
    if (word.text === '') throw invalid(`Expected a value to compare "${path}" with at position ${this.pos + 1}, found ${this.found()}.`);
    this.pos = word.end;
    const lower = word.text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (NUMBER.test(word.text)) return Number(word.text);
    // entra-behavior.md §2.1: Microsoft's docs print `externalId eq jyoung`; a bare word is a string.
    return word.text;
  }

  private parseString(): string {
    const start = this.pos;
    this.pos += 1;
    for (;;) {
      const ch = this.input[this.pos];
      if (ch === undefined) throw invalid(`Unterminated string starting at position ${start + 1}.`);
      this.pos += ch === '\\' ? 2 : 1;
      if (ch === '"') break;
    }
    try {
      return JSON.parse(this.input.slice(start, this.pos)) as string;
    } catch {
      throw invalid(`Invalid string (bad escape or control character) starting at position ${start + 1}.`);
    }
  }

  /** attrPath = [URI ":"] ATTRNAME *1subAttr (RFC 7644 §3.10); inside brackets only a sub-attribute name. */
  private parsePath(word: Word, inBrackets: boolean): string {
    if (word.text === '') throw invalid(`Expected an attribute path at position ${word.start + 1}, found ${this.found()}.`);
    const text = word.text;
    const isUrn = !inBrackets && text.toLowerCase().startsWith('urn:');
    const colon = isUrn ? text.lastIndexOf(':') : -1;
    const names = text.slice(colon + 1).split('.');
    const valid =
      (!isUrn || URN.test(text.slice(0, colon))) &&
      names.length <= (inBrackets ? 1 : 2) &&
      names.every((name) => ATTRNAME.test(name));
    if (!valid) throw invalid(`Invalid attribute path "${text}" at position ${word.start + 1}.`);
    this.pos = word.end;
    return text;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH) {
      throw invalid(`The filter nests deeper than ${MAX_FILTER_DEPTH} levels at position ${this.pos + 1}.`);
    }
  }

  private acceptKeyword(keyword: 'and' | 'or'): boolean {
    const word = this.peekWord();
    if (word.text.toLowerCase() !== keyword) return false;
    this.pos = word.end;
    return true;
  }

  /** The bare word at the cursor (after whitespace), without consuming it; empty at a delimiter or the end. */
  private peekWord(): Word {
    this.skipSpace();
    let end = this.pos;
    while (end < this.input.length && !DELIMITER.test(this.input[end] ?? '')) end += 1;
    return { text: this.input.slice(this.pos, end), start: this.pos, end };
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private skipSpace(): void {
    while (this.pos < this.input.length && /\s/.test(this.input[this.pos] ?? '')) this.pos += 1;
  }

  /** Describes what sits at the cursor, for error details. */
  private found(): string {
    const ch = this.peek();
    if (ch === undefined) return 'the end of the filter';
    const word = this.input.slice(this.pos, this.pos + 40).match(/^[^\s()[\]"]+/)?.[0];
    return JSON.stringify(word ?? ch);
  }
}
