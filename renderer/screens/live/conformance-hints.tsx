/**
 * Conformance hints for one exchange (issue "Proxy mode"): answers Entra will reject or misread, each citing the
 * behaviour it breaks. They matter most in proxy mode, where the answer comes from the admin's own app.
 */

import type { ConformanceHint } from '../../../shared/api/log-types.js';
import { Badge } from '../../components/badge.js';

export function ConformanceHints({ hints }: { hints: readonly ConformanceHint[] }) {
  return (
    <section className="conformance-hints" aria-label="Conformance hints">
      <h3>Conformance hints</h3>
      {hints.length === 0 ? (
        <p className="faint">Nothing in this answer that Entra is known to reject.</p>
      ) : (
        <ul>
          {hints.map((hint) => (
            <li key={hint.id}>
              <Badge tone={hint.severity === 'error' ? 'danger' : 'warning'}>{hint.severity === 'error' ? 'Entra fails' : 'Off-spec'}</Badge>{' '}
              <span>{hint.message}</span> <span className="faint">({hint.source})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
