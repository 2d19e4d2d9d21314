/**
 * An empty state that teaches: what will appear here, and the one thing to do to make it appear.
 */

import type { ReactNode } from 'react';

export function EmptyState({ title, children, icon, actions }: { title: string; children?: ReactNode; icon?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      {icon !== undefined && <div className="empty-icon" aria-hidden="true">{icon}</div>}
      <h2 className="empty-title">{title}</h2>
      {children !== undefined && <div className="empty-body">{children}</div>}
      {actions !== undefined && <div className="empty-actions">{actions}</div>}
    </div>
  );
}
