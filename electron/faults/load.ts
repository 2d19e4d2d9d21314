/**
 * Reads fault rules from a JSON file (`serve --faults FILE`): an array of rules, or `{ "rules": [...] }`.
 */

import { readFileSync } from 'node:fs';
import { FaultRuleError, parseFaultRules, type FaultRule } from './rules.js';

/** Throws FaultRuleError naming the file for an unreadable file, invalid JSON or an invalid rule. */
export function loadFaultRules(file: string): FaultRule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FaultRuleError(`Cannot read the fault rules file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FaultRuleError(`The fault rules file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseFaultRules(json);
  } catch (error) {
    if (error instanceof FaultRuleError) throw new FaultRuleError(`${file}: ${error.message}`);
    throw error;
  }
}
