/**
 * Edit & replay (issue 8; screens.md Screen 2, "Replay with edit"): the logged request as the replay would send it
 * (`replay.draft`), editable as method, path, header lines and JSON body, then sent to the listener.
 *
 * The form says up front what the log cannot give back: the token (kept masked, the monitor's own replay token is
 * used) and a removed password (sent as the literal text "[redacted]" unless replaced).
 */

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { REPLAY_METHODS, type ReplayDraft, type ReplayEdit, type ReplayMethod } from '../../../shared/api/replay-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { hasRedactedPassword } from '../../../shared/domain/redacted-password.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { useApi } from '../../hooks/use-api.js';
import { editableBody, headersToText, jsonBodyError, parseHeaderLines } from './replay-text.js';

export interface ReplayFormProps {
  readonly id: number;
  readonly sending: boolean;
  readonly error: ApiError | undefined;
  readonly onSend: (edit: ReplayEdit) => void;
  readonly onCancel: () => void;
}

const isReplayMethod = (method: string): method is ReplayMethod => (REPLAY_METHODS as readonly string[]).includes(method);

function ReplayFields({ draft, sending, error, onSend, onCancel }: Omit<ReplayFormProps, 'id'> & { draft: ReplayDraft }) {
  const ids = useId();
  const [method, setMethod] = useState<ReplayMethod>(isReplayMethod(draft.method) ? draft.method : 'GET');
  const [path, setPath] = useState(draft.path);
  const [headerText, setHeaderText] = useState(headersToText(draft.headers));
  const [body, setBody] = useState(() => editableBody(draft.body));

  const headers = parseHeaderLines(headerText);
  const bodyError = jsonBodyError(body);
  const pathError = /^\/\S*$/.test(path) ? null : 'The path starts with / and has no spaces, e.g. /scim/v2/Users?filter=…';
  const redacted = hasRedactedPassword(body);
  const invalid = headers.errors.length > 0 || bodyError !== null || pathError !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid && !sending) onSend({ method, path, headers: headers.headers, body: body.trim() === '' ? null : body });
  };
  // Esc cancels the form; without this it would reach the Live screen and close the whole pane.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="replay-form" aria-label="Edit and replay" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <p className="muted replay-intro">
        Edit request #{draft.id}, then send it to the listener. It is logged as a new request linked to this one.
      </p>
      <div className="replay-target">
        <label className="visually-hidden" htmlFor={`${ids}-method`}>
          Method
        </label>
        <select id={`${ids}-method`} className="select mono" value={method} onChange={(e) => setMethod(e.target.value as ReplayMethod)}>
          {REPLAY_METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${ids}-path`}>
          Path
        </label>
        <input id={`${ids}-path`} className="input mono replay-path" spellCheck={false} value={path} aria-invalid={pathError !== null} onChange={(e) => setPath(e.target.value)} />
      </div>
      {pathError !== null && <p className="replay-error">{pathError}</p>}

      <div className="field">
        <label className="field-label" htmlFor={`${ids}-headers`}>
          Headers <span className="muted">(one per line, Name: value)</span>
        </label>
        {/* Errors sit between the label and the field, so the footer never hides them. */}
        {headers.errors.map((message) => (
          <p key={message} className="replay-error" id={`${ids}-headers-error`}>
            {message}
          </p>
        ))}
        <textarea
          id={`${ids}-headers`}
          className="textarea"
          rows={Math.min(10, Math.max(4, draft.headers.length + 1))}
          spellCheck={false}
          value={headerText}
          aria-invalid={headers.errors.length > 0}
          aria-describedby={`${ids}-auth`}
          onChange={(e) => setHeaderText(e.target.value)}
        />
        <p id={`${ids}-auth`} className="field-hint">
          Authorization: leave the masked <span className="mono">Bearer ••••</span> value (or remove the line) to use the monitor&apos;s own replay token; type a
          token to send exactly that; leave it empty to send none. Host and Content-Length are set by the monitor.
        </p>
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${ids}-body`}>
          Body <span className="muted">(JSON; empty sends none)</span>
        </label>
        {redacted && (
          <p className="inline-warning" role="note">
            The log removed a password from this body: it still reads &quot;[redacted]&quot; and will be sent as that literal text. Type a password or delete the attribute.
          </p>
        )}
        {bodyError !== null && (
          <p className="replay-error" id={`${ids}-body-error`}>
            {bodyError}
          </p>
        )}
        <textarea
          id={`${ids}-body`}
          className="textarea replay-body"
          rows={10}
          spellCheck={false}
          value={body}
          aria-invalid={bodyError !== null}
          aria-describedby={bodyError === null ? undefined : `${ids}-body-error`}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>

      {draft.notes.map((note) => (
        <p key={note} className="field-hint">
          {note}
        </p>
      ))}
      <div className="replay-footer">
        {/* In the sticky footer: the answer to "Send" appears where the admin clicked, however far the form scrolled. */}
        {error !== undefined && <ErrorBanner error={error} compact />}
        <div className="replay-actions">
          <button type="submit" className="button button-primary" disabled={invalid || sending}>
            {sending ? 'Sending…' : 'Send replay'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

export function ReplayForm({ id, ...rest }: ReplayFormProps) {
  const { data, error, refetch } = useApi('replay.draft', { id }, [id]);
  if (error !== undefined) return <ErrorBanner error={error} onRetry={() => void refetch()} />;
  if (data === undefined || data.id !== id) return <div className="detail-loading" aria-busy="true" />;
  // Keyed by id: another request's draft starts a fresh form.
  return <ReplayFields key={data.id} draft={data} {...rest} />;
}
