import type { ReactNode } from 'react';

/** One label/value line of a `<dl>` (detail panes, explanations, Settings cards), styled by `.field-row`. */
export function FieldRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
