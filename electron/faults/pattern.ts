/**
 * The patterns a fault rule matches paths and identities with: a glob, or a regular expression written `/…/flags`.
 */

/** A compiled pattern; `source` is the text the rule was written with, for messages. */
export interface Pattern {
  readonly source: string;
  test(value: string): boolean;
}

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * Globs: `*` matches any run of characters except `/`, `**` any run including `/`, `?` one character; everything
 * else is literal. Matching is case-insensitive: SCIM endpoints and Entra's userName comparison both are (RFC 7643
 * §4.1.1; entra-behavior.md §14 item 3).
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i += 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '.';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

/** Compiles a rule pattern; throws a SyntaxError with the regex engine's reason for a bad `/…/` pattern. */
export function compilePattern(text: string): Pattern {
  const literal = REGEX_LITERAL.exec(text);
  // A regular expression is used as written (add the `i` flag for case-insensitive matching).
  const regex = literal ? new RegExp(literal[1]!, literal[2]) : globToRegExp(text);
  return {
    source: text,
    test(value) {
      regex.lastIndex = 0;
      return regex.test(value);
    },
  };
}
