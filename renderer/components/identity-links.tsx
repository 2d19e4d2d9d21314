/**
 * The first few identities as links to their Directory page, then "+N" (Sentry's "users affected"). Identities
 * come from SCIM bodies, so they are link *text* only; the href is built by us from the encoded value.
 */

import { href } from '../app/router.js';

export function IdentityLinks({ identities, shown = 3, total }: { identities: readonly string[]; shown?: number; total?: number }) {
  const count = Math.max(total ?? identities.length, identities.length);
  if (count === 0) return <span className="faint">—</span>;
  const first = identities.slice(0, shown);
  const rest = count - first.length;
  return (
    <span className="identity-links">
      {first.map((identity, i) => (
        <span key={identity} className="identity-link-item">
          <a href={href('directory', [identity])} className="truncate" title={identity}>
            {identity}
          </a>
          {i < first.length - 1 && <span aria-hidden="true">, </span>}
        </span>
      ))}
      {rest > 0 && (
        <span className="chip" title={identities.slice(shown).join('\n') || undefined}>
          +{rest}
        </span>
      )}
    </span>
  );
}
