/**
 * The typed filter input: applies a valid filter as you type (debounced) or on Enter, shows errors for unknown
 * keys or values, and echoes in plain words what the list shows.
 */

import { useEffect, useId, useState } from 'react';
import { describeFilter } from './filter-echo.js';
import { parseFilter } from './filter-parse.js';

const EXAMPLES = ['status>=400', 'op:disable', 'user:alice', 'outcome:Failure', 'method:PATCH', 'cycle:7', 'fault:yes'];

export function FilterBar({ value, onApply }: { value: string; onApply: (text: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [showHelp, setShowHelp] = useState(false);
  const parsed = parseFilter(draft);
  const ids = useId();

  // The applied filter can also change from outside (a link, the Clear button).
  useEffect(() => setDraft(value), [value]);

  useEffect(() => {
    if (draft === value || parseFilter(draft).errors.length > 0) return;
    const timer = setTimeout(() => onApply(draft), 350);
    return () => clearTimeout(timer);
  }, [draft, value, onApply]);

  const invalid = parsed.errors.length > 0;
  return (
    <div className="filter-bar">
      <div className="filter-row">
        <label className="visually-hidden" htmlFor={`${ids}-input`}>
          Filter requests
        </label>
        <input
          id={`${ids}-input`}
          className="input filter-input mono"
          type="search"
          spellCheck={false}
          autoComplete="off"
          placeholder="Filter: status>=400  op:disable  user:alice  or free text"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={`${ids}-echo`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !invalid) onApply(draft);
            if (e.key === 'Escape' && draft !== '') {
              e.stopPropagation(); // first Esc clears the filter, the next one reaches the pane
              setDraft('');
              onApply('');
            }
          }}
        />
        <button type="button" className="button button-subtle" aria-expanded={showHelp} onClick={() => setShowHelp((s) => !s)}>
          Filter help
        </button>
      </div>
      <div id={`${ids}-echo`} className="filter-echo" aria-live="polite">
        {invalid ? (
          <ul className="filter-errors" role="alert">
            {parsed.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : (
          <span data-testid="filter-echo">{describeFilter(parseFilter(value).query)}</span>
        )}
      </div>
      {showHelp && (
        <div className="filter-help">
          <p>
            Combine tokens with spaces (all must match); repeat a key or use commas for either value: <code>op:create,update</code>.
          </p>
          <p>
            Keys: <code>status</code> (<code>:404</code> <code>:4xx</code> <code>&gt;=400</code> <code>&lt;500</code>), <code>op</code>, <code>action</code>, <code>outcome</code>,{' '}
            <code>user</code> (prefix), <code>cycle</code>, <code>method</code>, <code>entity</code>, <code>error</code>, <code>id</code>, <code>change</code>, <code>fault:yes</code>, <code>replay:yes</code>,{' '}
            <code>source</code> (<code>entra</code>, <code>simulator</code>, <code>replay</code>). Anything else
            searches identity, path and query; quote text with a colon: <code>"urn:ietf"</code>.
          </p>
          <div className="filter-examples">
            {EXAMPLES.map((example) => (
              <button key={example} type="button" className="chip chip-button mono" onClick={() => onApply(example)}>
                {example}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
