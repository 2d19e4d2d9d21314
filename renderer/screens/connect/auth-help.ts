/**
 * Plain-language help for the two failures that stop a setup: 401 (which token problem exactly, read from the
 * SCIM error detail the listener wrote, electron/auth/tokens.ts) and 404 (a Tenant URL with the wrong path).
 */

import { SCIM_BASE_PATH } from '../../../shared/scim/constants.js';

export type AuthReason = 'missing' | 'scheme' | 'unknown' | 'revoked' | 'expired' | 'other';

export interface Help {
  readonly title: string;
  readonly fix: string;
}

/** The listener's 401 `detail` texts are stable sentences; match their distinctive words. */
export function authReason(detail: string | null): AuthReason {
  const text = (detail ?? '').toLowerCase();
  if (text.includes('no authorization header')) return 'missing';
  if (text.includes('bearer scheme')) return 'scheme';
  if (text.includes('was revoked')) return 'revoked';
  if (text.includes('expired')) return 'expired';
  if (text.includes('not a secret token')) return 'unknown';
  return 'other';
}

const AUTH_HELP: Readonly<Record<AuthReason, Help>> = {
  missing: {
    title: 'Entra sent no token',
    fix: "The Secret Token field in Entra is empty, so Entra sent no Authorization header. Create a token here, paste it into Entra's Secret Token field, and press Test Connection again.",
  },
  scheme: {
    title: 'Entra sent a token in the wrong form',
    fix: "The Authorization header did not use 'Bearer <token>'. Leave Entra's Secret Token field as the bare token (no 'Bearer' prefix) and test again.",
  },
  unknown: {
    title: 'Entra sent a token this monitor does not know',
    fix: "The token is not one created here: a typo, an old token, or one from another tool. Copy the current token (or create a new one) into Entra's Secret Token field and test again.",
  },
  revoked: {
    title: "Entra's token was revoked",
    fix: 'That token was revoked here. Create or re-create a token, paste it into Entra, Test Connection, then Restart provisioning so Entra leaves quarantine.',
  },
  expired: {
    title: "Entra's token expired",
    fix: "Re-create the token and paste the new one into Entra. Microsoft recommends tokens that don't expire: an expired token quarantines the provisioning job.",
  },
  other: {
    title: 'The listener refused the credentials',
    fix: 'Open the request in Live to read the exact reason, then paste a current Secret Token into Entra and test again.',
  },
};

export const authHelp = (reason: AuthReason): Help => AUTH_HELP[reason];

export function notFoundHelp(path: string): Help {
  return {
    title: 'Entra called a path this listener does not serve',
    fix: `Entra asked for ${path}. The Tenant URL must end with ${SCIM_BASE_PATH} (for example https://…${SCIM_BASE_PATH}); Entra appends /Users and /Groups to it. Fix the Tenant URL in Entra and test again.`,
  };
}

/** The `detail` of a SCIM error body, or null. */
export function scimDetail(body: string | null): string | null {
  try {
    const parsed = JSON.parse(body ?? '') as { detail?: unknown };
    return typeof parsed.detail === 'string' ? parsed.detail : null;
  } catch {
    return null;
  }
}
