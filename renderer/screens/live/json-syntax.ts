/**
 * Where a JSON text first breaks (RFC 8259), and what was expected there. JSON.parse says only "Unexpected token",
 * sometimes with a copy of the whole input and without a position (it depends on the engine), which is no help in a
 * textarea; this checker names the line and column instead. It validates only: the body is sent as typed.
 */

export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be there. */
  readonly offset: number;
  readonly expected: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Fail {
  constructor(readonly offset: number, readonly expected: string) {}
}

/** Null when `text` is one valid JSON value (surrounded by whitespace at most). */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const skip = (): void => {
    while (at < text.length && WS.has(text[at]!)) at++;
  };
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) return false;
    at = pattern.lastIndex;
    return true;
  };
  const expect = (char: string, what: string): void => {
    skip();
    if (text[at] !== char) throw new Fail(at, what);
    at++;
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Fail(at, 'less nesting');
    skip();
    const c = text[at];
    if (c === '{') {
      at++;
      skip();
      if (text[at] === '}') return void at++;
      for (;;) {
        skip();
        if (!sticky(STRING)) throw new Fail(at, 'a property name in double quotes');
        expect(':', '":" after the property name');
        value(depth + 1);
        skip();
        if (text[at] === ',') at++;
        else return expect('}', '"," or "}"');
      }
    }
    if (c === '[') {
      at++;
      skip();
      if (text[at] === ']') return void at++;
      for (;;) {
        value(depth + 1);
        skip();
        if (text[at] === ',') at++;
        else return expect(']', '"," or "]"');
      }
    }
    if (c === '"') {
      if (!sticky(STRING)) throw new Fail(at, 'a closed string (escape " and \\ inside it, no line breaks)');
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) return void (at += literal.length);
    }
    if (!sticky(NUMBER)) throw new Fail(at, 'a value: an object, array, string, number, true, false or null');
  };
  try {
    value(0);
    skip();
    if (at < text.length) throw new Fail(at, 'the end of the body');
    return null;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
