/**
 * Temporary body of a screen that is not built yet: a heading and what it will show (from screens.md), so the
 * navigation is complete while screens are filled in one by one.
 */

import { useScreenReady } from '../app/screen-ready.js';

export function PlaceholderScreen({ title, summary }: { title: string; summary: string }) {
  useScreenReady(true);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      <div className="placeholder">
        <p className="placeholder-badge">Coming next</p>
        <p>{summary}</p>
      </div>
    </div>
  );
}
