/**
 * The CSV trio's writers (entra-behavior.md §11): RFC 4180 quoting, the UTF-8 BOM, the formula-injection guard, and
 * rows that parse back with the suggested headers and one Change ID across the three files.
 */

import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvHeader, csvLine, LOGS_HEADER, logsCsvLine, MODIFIED_HEADER, modifiedCsvLines, STEPS_HEADER, stepsCsvLines } from '../../../../electron/export/csv.js';
import { csvObjects, parseCsv } from '../../../support/rfc4180.js';
import { exportRow } from './fixtures.js';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('alice@contoso.com')).toBe('alice@contoso.com');
    expect(csvCell(409)).toBe('409');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180 §2)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(parseCsv(csvLine(['a,b', 'say "hi"', 'x\r\ny', '']))).toEqual([['a,b', 'say "hi"', 'x\r\ny', '']]);
  });

  it('prefixes text that a spreadsheet would run as a formula with a single quote', () => {
    for (const risky of ['=1+1', '+1', '-2', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0"]) {
      const cell = csvCell(risky);
      const [[parsed]] = parseCsv(cell + '\r\n') as [[string]];
      expect(parsed).toBe(`'${risky}`);
    }
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-1)).toBe('-1'); // a number we wrote ourselves is not text from a request
  });

  it('ends lines with CRLF and starts a file with the UTF-8 BOM', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(csvHeader(['x'])).toBe(`${BOM}x\r\n`);
    expect(BOM).toBe('\uFEFF');
  });
});

describe('the three files', () => {
  const failed = exportRow({ identity: '=cmd|calc', responseBody: '{"detail":"a, \\"quoted\\"\\nvalue"}' });
  const updated = exportRow({
    id: 8,
    changeId: 'c-2',
    method: 'PATCH',
    status: 200,
    operation: 'update',
    action: 'Update',
    outcome: 'Success',
    errorCode: null,
    scimType: null,
    modified: [
      { attribute: 'displayName', oldValue: 'Alice', newValue: '@Alice, "the admin"' },
      { attribute: 'title', oldValue: null, newValue: 'Engineer' },
    ],
  });

  it('writes the main file with the suggested headers and Entra’s failure text', () => {
    const text = csvHeader(LOGS_HEADER) + logsCsvLine(failed) + logsCsvLine(updated);
    const rows = csvObjects(text);
    expect(Object.keys(rows[0]!)).toEqual([...LOGS_HEADER]);
    expect(LOGS_HEADER.slice(0, 18)).toEqual([
      'Date (UTC)', 'Job ID', 'Cycle ID', 'Change ID', 'Action', 'Status', 'Identity', 'Source ID', 'Target ID', 'Source System', 'Target System',
      'Identity type', 'Error code', 'Status reason', 'Duration (ms)', 'HTTP method', 'Request path', 'HTTP status',
    ]);
    expect(rows[0]).toMatchObject({
      'Date (UTC)': '2025-06-01T08:00:00.000Z',
      'Cycle ID': '3',
      'Change ID': failed.changeId,
      Action: 'Create',
      Status: 'Failure',
      Identity: "'=cmd|calc",
      'Error code': 'EntryConflict',
      'HTTP status': '409',
    });
    expect(rows[0]!['Status reason']).toMatch(/^StatusCode: Conflict\nMessage: Processing of the HTTP request/);
    expect(rows[0]!['Status reason']).toContain('Web Response: {"detail":"a, \\"quoted\\"\\nvalue"}');
    expect(rows[0]!['Recommended action']).toMatch(/conflicting attribute value/);
    expect(rows[1]).toMatchObject({ Status: 'Success', 'Error code': '', 'Status reason': '' });
  });

  it('says who sent each row in a last column of its own, leaving Entra’s columns where Entra has them', () => {
    expect(LOGS_HEADER.at(-1)).toBe('Sent by');
    expect(LOGS_HEADER.indexOf('Identity')).toBe(6);
    const text = csvHeader(LOGS_HEADER) + logsCsvLine(failed) + logsCsvLine(exportRow({ id: 10, source: 'simulator' })) + logsCsvLine(exportRow({ id: 11, replayOf: 7, source: 'replay' }));
    expect(text.startsWith(BOM)).toBe(true);
    const rows = csvObjects(text);
    expect(rows.map((row) => [row['Request ID'], row['Sent by']])).toEqual([['7', 'Entra'], ['10', 'Simulator'], ['11', 'Replay']]);
    // csvObjects refuses a record whose cell count differs from the header's; the formula guard still applies.
    expect(rows[0]!.Identity).toBe("'=cmd|calc");
  });

  it('joins steps and modified properties on the Change ID', () => {
    const steps = csvObjects(csvHeader(STEPS_HEADER) + stepsCsvLines(failed) + stepsCsvLines(updated));
    expect(steps.map((s) => [s['Change ID'], s['Step #'], s['Step type'], s['Step status']])).toEqual([
      [failed.changeId, '1', 'import', 'success'],
      [failed.changeId, '2', 'matching', 'success'],
      [failed.changeId, '3', 'export', 'failure'],
      ['c-2', '1', 'import', 'success'],
      ['c-2', '2', 'matching', 'success'],
      ['c-2', '3', 'export', 'success'],
    ]);
    expect(steps[2]).toMatchObject({ 'Step name': 'EntryExportAdd' });
    expect(steps[2]!.Details).toContain('HTTP status: 409');
    const modified = csvObjects(csvHeader(MODIFIED_HEADER) + modifiedCsvLines(failed) + modifiedCsvLines(updated));
    expect(modified).toEqual([
      { 'Change ID': 'c-2', Property: 'displayName', 'Old value': 'Alice', 'New value': `'@Alice, "the admin"` },
      { 'Change ID': 'c-2', Property: 'title', 'Old value': '', 'New value': 'Engineer' },
    ]);
  });
});
