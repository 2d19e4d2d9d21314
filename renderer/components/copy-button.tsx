/**
 * A Copy button that says "Copied" for a moment, so the admin knows the Tenant URL or token is on the clipboard.
 */

import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard.js';

export function CopyButton({ text, label = 'Copy', what, variant = 'secondary' }: { text: string; label?: string; what?: string; variant?: 'primary' | 'secondary' | 'subtle' }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1_800);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={`button button-${variant} copy-button`}
      aria-label={what === undefined ? label : `${label} ${what}`}
      onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </button>
  );
}
