/**
 * Where Settings' fault rules are kept between runs: the `faultRules` key of `<dataDir>/settings.json`, next to the
 * monitor settings (electron/settings/store.ts). A separate conf instance on the same file: conf reads the file
 * before every write, so neither instance loses the other's keys.
 *
 * Rules saved here are active again after a restart — which is the point of saving them, and the reason the status
 * strip says so on every screen (a forgotten 500 rule gets a real Entra job quarantined, entra-behavior.md §9).
 */

import Conf from 'conf';
import { FaultRuleError, parseFaultRules, type FaultRule } from '../faults/rules.js';
import { FAULT_RULES_KEY, SETTINGS_CONFIG_NAME } from './schema.js';

export interface SavedFaultRules {
  readonly rules: FaultRule[];
  /** Why saved rules could not be used (a hand-edited file), in words; null when all is well. */
  readonly problem: string | null;
}

export interface FaultRulesStore {
  load(): SavedFaultRules;
  /** Saves rules already validated by parseFaultRules; an empty list removes the key. */
  save(rules: readonly FaultRule[]): void;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function checked(raw: unknown): SavedFaultRules {
  if (raw === undefined) return { rules: [], problem: null };
  try {
    return { rules: parseFaultRules(raw), problem: null };
  } catch (error) {
    if (!(error instanceof FaultRuleError)) throw error;
    // No rule runs rather than some of them: a half-applied set would rehearse something the admin did not write.
    return { rules: [], problem: `The fault rules saved in settings.json were not loaded: ${error.message} Set them again in Settings.` };
  }
}

/** Opens the store of a data directory; `:memory:` keeps the rules in memory (tests). */
export function createFaultRulesStore(dataDir: string): FaultRulesStore {
  if (dataDir === ':memory:') {
    let saved: FaultRule[] = [];
    return { load: () => ({ rules: [...saved], problem: null }), save: (rules) => void (saved = [...rules]) };
  }
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_CONFIG_NAME });
  return {
    load() {
      try {
        return checked(conf.get(FAULT_RULES_KEY));
      } catch (error) {
        return { rules: [], problem: `The fault rules in settings.json could not be read: ${message(error)}` };
      }
    },
    save(rules) {
      if (rules.length === 0) conf.delete(FAULT_RULES_KEY);
      else conf.set(FAULT_RULES_KEY, rules.map((rule) => ({ ...rule })));
    },
  };
}
