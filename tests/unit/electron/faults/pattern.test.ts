import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../../electron/faults/pattern.js';

describe('fault rule patterns', () => {
  it('globs: * stays within a segment, ** crosses them, ? is one character, case-insensitive', () => {
    expect(compilePattern('/Users/*').test('/users/abc')).toBe(true);
    expect(compilePattern('/Users/*').test('/Users/abc/def')).toBe(false);
    expect(compilePattern('/Users/**').test('/Users/abc/def')).toBe(true);
    expect(compilePattern('/Group?').test('/Groups')).toBe(true);
    expect(compilePattern('adele.v*@CONTOSO.com').test('Adele.Vance@contoso.com')).toBe(true);
    expect(compilePattern('a.b').test('axb')).toBe(false);
  });

  it('/regex/flags is a regular expression used as written', () => {
    expect(compilePattern('/^Adele/').test('AdeleV@contoso.com')).toBe(true);
    expect(compilePattern('/^adele/').test('AdeleV@contoso.com')).toBe(false);
    expect(compilePattern('/^adele/i').test('AdeleV@contoso.com')).toBe(true);
    expect(compilePattern('/^adele/gi').test('AdeleV@contoso.com')).toBe(true);
    expect(compilePattern('/^adele/gi').test('AdeleV@contoso.com')).toBe(true);
  });
});
