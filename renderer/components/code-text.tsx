/**
 * An identifier shown in monospace that may wrap between its words: Entra's codes run to 60 characters
 * (`SystemForCrossDomainIdentityManagementServiceIncompatible`), and a table column must not grow to fit one.
 * The break opportunities are <wbr> elements between text pieces; the text itself is never markup.
 */

import { Fragment } from 'react';

export function CodeText({ text, className = '' }: { text: string; className?: string }) {
  const parts = text.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return (
    <span className={`mono code-text ${className}`} title={text}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
