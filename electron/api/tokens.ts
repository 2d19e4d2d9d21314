/**
 * `tokens.*`: the Secret Tokens Entra presents, managed like Britive's token page (entra-behavior.md §12).
 *
 * A secret crosses the API exactly once, in the answer to `create` or `recreate`; `list` carries only the last
 * four characters (issue 11: no token in any log, export or message).
 */

import type { CreatedTokenResult, TokenSummary } from '../../shared/api/admin-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { CreatedToken, TokenInfo } from '../auth/tokens.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

/** Field by field, so nothing the service adds later (a hash, a source) leaks into the API by accident. */
const toSummary = (info: TokenInfo): TokenSummary => ({
  id: info.id,
  label: info.label,
  created: info.created,
  expires: info.expires,
  lastUsed: info.lastUsed,
  revoked: info.revoked,
  last4: info.last4,
});

const toCreated = (created: CreatedToken): CreatedTokenResult => ({ token: toSummary(created.info), secret: created.secret });

/** The service throws plain Errors with messages written for admins; they become invalid-argument results. */
function asApiFailure(error: unknown): never {
  if (error instanceof ApiFailure) throw error;
  throw new ApiFailure('invalid-argument', error instanceof Error ? error.message : String(error));
}

export function tokenHandlers(deps: ApiDeps): NamespaceHandlers<'tokens'> {
  const tokens = deps.store.tokens;
  const requireToken = (id: string): TokenInfo => {
    const found = tokens.list().find((token) => token.id === id);
    if (!found) throw new ApiFailure('not-found', `No token with id ${id}.`);
    return found;
  };
  return {
    /** Every token, newest first, without secrets. */
    'tokens.list': () => tokens.list().map(toSummary),

    /** A new token from the app; `days: null` never expires. */
    'tokens.create': ({ label, days }) => {
      try {
        return toCreated(tokens.create({ label, days, source: 'app' }));
      } catch (error) {
        return asApiFailure(error);
      }
    },

    /** Revokes a token; Entra's next request with it gets 401. `revoked: false` when it was already revoked. */
    'tokens.revoke': ({ id }) => {
      requireToken(id);
      return { revoked: tokens.revoke(id) };
    },

    /** Britive's Re-Create: revokes the token and issues a new one with the same label and validity. */
    'tokens.recreate': ({ id }) => {
      requireToken(id);
      try {
        return toCreated(tokens.recreate(id));
      } catch (error) {
        return asApiFailure(error);
      }
    },
  };
}
