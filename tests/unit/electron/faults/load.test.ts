import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFaultRules } from '../../../../electron/faults/load.js';

const dir = mkdtempSync(join(tmpdir(), 'pm-faults-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadFaultRules', () => {
  it('reads {"rules": [...]} from a JSON file', () => {
    const path = file('ok.json', JSON.stringify({ rules: [{ name: 'throttle', match: { operation: 'create' }, count: 2, respond: { status: 429, retryAfter: 1 } }] }));
    expect(loadFaultRules(path)).toEqual([{ name: 'throttle', match: { operation: 'create' }, count: 2, respond: { status: 429, retryAfter: 1 } }]);
  });

  it('names the file in every error', () => {
    expect(() => loadFaultRules(join(dir, 'missing.json'))).toThrow(/^Cannot read the fault rules file .*missing\.json: ENOENT/);
    expect(() => loadFaultRules(file('bad.json', '[{'))).toThrow(/^The fault rules file .*bad\.json is not valid JSON: /);
    expect(() => loadFaultRules(file('rule.json', '[{"name":"x","respond":{"status":700}}]'))).toThrow(
      `${join(dir, 'rule.json')}: rules[0] ("x").respond.status must be a whole number from 400 to 599, got 700.`,
    );
  });
});
