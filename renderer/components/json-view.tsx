/**
 * Pretty JSON rendered as text.
 *
 * SCIM bodies are attacker-controlled (any Entra admin, or anyone with the token, chooses the strings), so they
 * are only ever React text children: never HTML, never links, even for `profileUrl` or `photos[].value`.
 * Highlighting wraps tokens in spans whose content is still plain text.
 */

import { useMemo, type ReactNode } from 'react';

/** Above this size highlighting costs more than it helps; the text is shown plain. */
const HIGHLIGHT_LIMIT = 100_000;
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export type Pretty = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string; readonly error: string };

export function prettyJson(text: string): Pretty {
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (error) {
    return { ok: false, text, error: error instanceof Error ? error.message : String(error) };
  }
}

function highlight(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    const [whole, str, colon, literal, num] = match;
    if (str !== undefined) {
      out.push(
        <span key={at} className={colon === undefined ? 'j-str' : 'j-key'}>
          {str}
        </span>,
      );
      if (colon !== undefined) out.push(colon);
    } else if (literal !== undefined) {
      out.push(<span key={at} className="j-lit">{literal}</span>);
    } else if (num !== undefined) {
      out.push(<span key={at} className="j-num">{num}</span>);
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function JsonView({ text, label }: { text: string | null; label: string }) {
  const pretty = useMemo(() => (text === null ? null : prettyJson(text)), [text]);
  if (pretty === null || text === '') return <p className="muted">No body.</p>;
  return (
    <div className="json-view">
      {!pretty.ok && <p className="inline-warning">Not valid JSON ({pretty.error}); shown as received.</p>}
      <pre className="code" aria-label={label} tabIndex={0}>
        {pretty.ok && pretty.text.length <= HIGHLIGHT_LIMIT ? highlight(pretty.text) : pretty.text}
      </pre>
    </div>
  );
}
