/**
 * The Edit & replay form's checks (header lines, JSON body) and the Live filter's `replay:yes`.
 */

import { describe, expect, it } from 'vitest';
import type { LogRow } from '../../../shared/api/log-types.js';
import { describeFilter } from '../../../renderer/screens/live/filter-echo.js';
import { matchesFilter } from '../../../renderer/screens/live/filter-match.js';
import { parseFilter } from '../../../renderer/screens/live/filter-parse.js';
import { jsonSyntaxError } from '../../../renderer/screens/live/json-syntax.js';
import { editableBody, headersToText, jsonBodyError, parseHeaderLines } from '../../../renderer/screens/live/replay-text.js';

describe('header lines', () => {
  it('round-trips the draft and reads what the admin typed', () => {
    const headers = [{ name: 'authorization', value: 'Bearer ••••WXYZ' }, { name: 'content-type', value: 'application/scim+json' }];
    expect(parseHeaderLines(headersToText(headers))).toEqual({ headers, errors: [] });
    expect(parseHeaderLines('Accept:  a:b \n\n  Authorization:')).toEqual({
      headers: [{ name: 'Accept', value: 'a:b' }, { name: 'Authorization', value: '' }],
      errors: [],
    });
  });

  it('names the line that is wrong', () => {
    expect(parseHeaderLines('Accept: x\nno colon here\nBad Name: y').errors).toEqual([
      'Line 2: "no colon here" needs a colon between the name and the value.',
      'Line 3: "Bad Name" is not a valid header name (letters, digits and - only).',
    ]);
  });
});

describe('jsonBodyError', () => {
  it('accepts JSON and an empty body, and says where invalid JSON breaks', () => {
    expect(jsonBodyError('')).toBeNull();
    expect(jsonBodyError('{"userName":"a"}')).toBeNull();
    const error = jsonBodyError('{\n  "userName": "a",\n  oops\n}');
    expect(error).toBe('The body is not valid JSON at line 3, column 3: expected a property name in double quotes, found "o".');
    expect(jsonBodyError('{"a": 1')).toBe('The body is not valid JSON at line 1, column 8: expected "," or "}", the body ends.');
  });
});

describe('replay:yes', () => {
  const row = (replayOf: number | null) => ({ replayOf }) as LogRow;
  it('filters replays, in the list and in words', () => {
    const { query, errors } = parseFilter('replay:yes');
    expect(errors).toEqual([]);
    expect(query).toEqual({ replayOnly: true });
    expect(matchesFilter(row(3), query)).toBe(true);
    expect(matchesFilter(row(null), query)).toBe(false);
    expect(describeFilter(query)).toBe('Requests re-sent with Replay');
    expect(parseFilter('replay:no').errors[0]).toMatch(/replay:yes shows/);
  });
});

describe('jsonSyntaxError', () => {
  it('points at the first character that cannot be there', () => {
    expect(jsonSyntaxError('{"a": [1, 2,]}')).toEqual({ offset: 12, expected: 'a value: an object, array, string, number, true, false or null' });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, expected: '":" after the property name' });
    expect(jsonSyntaxError('{"a": "b"')).toEqual({ offset: 9, expected: '"," or "}"' });
    expect(jsonSyntaxError('[] x')).toEqual({ offset: 3, expected: 'the end of the body' });
    expect(jsonSyntaxError('"line\nbreak"')?.offset).toBe(0);
    for (const valid of ['{}', '[]', ' {"a":[true,false,null,-1.5e3,"\\u00e9\\n"],"b":{}} ', '0', '"x"']) expect(jsonSyntaxError(valid)).toBeNull();
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{', '}', '{"a":01}', '[1,]', 'tru', '{"a":1,}', '"\\x"', 'nul', '1.', '.5', '{"a":1}{}']) {
      expect(jsonSyntaxError(text), text).not.toBeNull();
      expect(() => JSON.parse(text), text).toThrow();
    }
  });

  it('shows a logged JSON body indented for editing, anything else as it was', () => {
    expect(editableBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(editableBody('not json')).toBe('not json');
    expect(editableBody(null)).toBe('');
  });
});
