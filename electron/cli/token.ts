/**
 * `provisioning-monitor token …`: Secret Tokens from the command line, Britive-style.
 */

import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir.js';
import { openStore } from '../monitor.js';
import type { TokenInfo } from '../auth/tokens.js';
import { UsageError } from './usage.js';

function describe(info: TokenInfo): string {
  const state = info.revoked ? `revoked ${info.revoked}` : info.expires ? `expires ${info.expires}` : 'never expires';
  return `${info.id}  "${info.label}"  …${info.last4}  created ${info.created}  ${state}  last used ${info.lastUsed ?? 'never'}`;
}

export function token(args: string[], out: (line: string) => void = console.log): void {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, label: { type: 'string' }, days: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const store = openStore(values['data-dir'] ?? defaultDataDir());
  try {
    switch (action) {
      case 'create': {
        if (!values.label) throw new UsageError('token create needs --label, e.g. --label "Entra ID".');
        const days = values.days === undefined ? null : Number(values.days);
        if (days !== null && !Number.isInteger(days)) throw new UsageError(`--days must be a whole number, got "${values.days}".`);
        const created = store.tokens.create({ label: values.label, days, source: 'cli' });
        out(`Created ${describe(created.info)}`);
        out('Copy it into Entra\'s Secret Token field now; it is not shown again:');
        out(created.secret);
        return;
      }
      case 'recreate': {
        const id = positionals[0];
        if (!id) throw new UsageError('token recreate needs the token id (see token list).');
        const created = store.tokens.recreate(id);
        out(`Revoked ${id}; created ${describe(created.info)}`);
        out('Copy it into Entra\'s Secret Token field now; it is not shown again:');
        out(created.secret);
        return;
      }
      case 'revoke': {
        const id = positionals[0];
        if (!id) throw new UsageError('token revoke needs the token id (see token list).');
        out(store.tokens.revoke(id) ? `Revoked ${id}.` : `No active token with id ${id}.`);
        return;
      }
      case 'list': {
        const all = store.tokens.list();
        if (all.length === 0) out('No tokens yet.');
        for (const info of all) out(describe(info));
        return;
      }
      default:
        throw new UsageError(`Unknown token action "${action ?? ''}"; use create, list, revoke or recreate.`);
    }
  } finally {
    store.db.close();
  }
}
