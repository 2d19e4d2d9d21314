/**
 * A labelled search box that reports its value after a short pause in typing, so a list query is not sent per
 * keystroke. Escape clears it.
 */

import { useEffect, useId, useState } from 'react';

export function SearchField({ label, value, onChange, placeholder, delayMs = 250 }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string; delayMs?: number }) {
  const id = useId();
  const [text, setText] = useState(value);
  // An outside change (a link with ?q=, a cleared filter) replaces what is typed.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onChange, delayMs]);
  return (
    <div className="search-field">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text);
          if (e.key === 'Escape' && text !== '') {
            e.preventDefault();
            setText('');
            onChange('');
          }
        }}
      />
    </div>
  );
}
