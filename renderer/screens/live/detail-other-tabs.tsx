/**
 * Response, Changes and Raw tabs of the detail pane.
 */

import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { CopyButton } from '../../components/copy-button.js';
import { JsonView } from '../../components/json-view.js';
import { KeyValueTable, Table } from '../../components/table.js';
import { rawRequest, rawResponse, reasonPhrase } from './wire-text.js';

export function DetailResponse({ detail }: { detail: ExchangeDetail }) {
  return (
    <div className="detail-stack">
      <p className="request-line">
        <HttpStatusBadge status={detail.status} /> <strong>{reasonPhrase(detail.status)}</strong>
      </p>
      <h3>Headers</h3>
      <KeyValueTable label="Response headers" rows={Object.entries(detail.responseHeaders)} />
      <h3>Body</h3>
      <JsonView text={detail.responseBody} label="Response body" />
    </div>
  );
}

/** Entra's "Modified Properties", but exact: computed from our directory before and after the write. */
export function DetailChanges({ detail }: { detail: ExchangeDetail }) {
  if (detail.modified.length === 0) {
    const why = detail.status >= 300 ? 'The request failed, so nothing was written.' : detail.action === 'Other' ? 'Reads and queries change nothing.' : 'The write left every attribute as it was.';
    return <p className="muted">No attributes changed. {why}</p>;
  }
  return (
    <Table label="Modified properties">
      <thead>
        <tr>
          <th>Attribute</th>
          <th>Old value</th>
          <th aria-hidden="true" />
          <th>New value</th>
        </tr>
      </thead>
      <tbody>
        {detail.modified.map((m) => (
          <tr key={m.attribute}>
            <td className="mono wrap">{m.attribute}</td>
            <td className="mono wrap old-value">{m.oldValue ?? <span className="faint">(none)</span>}</td>
            <td className="arrow" aria-label="changed to">
              →
            </td>
            <td className="mono wrap new-value">{m.newValue ?? <span className="faint">(removed)</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function RawBlock({ title, text }: { title: string; text: string }) {
  return (
    <section className="raw-block">
      <header className="raw-head">
        <h3>{title}</h3>
        <CopyButton text={text} what={title.toLowerCase()} variant="subtle" />
      </header>
      <pre className="code" aria-label={title}>
        {text}
      </pre>
    </section>
  );
}

export function DetailRaw({ detail }: { detail: ExchangeDetail }) {
  return (
    <div className="detail-stack">
      <p className="muted">Rebuilt from the log: headers as received (the token masked), bodies exactly as sent unless they held a password.</p>
      <RawBlock title="Request" text={rawRequest(detail)} />
      <RawBlock title="Response" text={rawResponse(detail)} />
    </div>
  );
}
