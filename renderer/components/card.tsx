/**
 * A titled section of a screen. `aside` holds the card's own actions (top right).
 */

import type { ReactNode } from 'react';

export function Card({ title, subtitle, aside, children, className = '', id }: { title: ReactNode; subtitle?: ReactNode; aside?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const headingId = id === undefined ? undefined : `${id}-title`;
  return (
    <section className={`card ${className}`} aria-labelledby={headingId} id={id}>
      <header className="card-head">
        <div>
          <h2 className="card-title" id={headingId}>
            {title}
          </h2>
          {subtitle !== undefined && <p className="card-subtitle">{subtitle}</p>}
        </div>
        {aside !== undefined && <div className="card-aside">{aside}</div>}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}
