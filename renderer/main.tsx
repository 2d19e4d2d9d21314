/**
 * Entry point: connect to the monitor (session exchange or the desktop bridge), then render the shell.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initClient, type InitOutcome } from './api/client.js';
import { AppShell } from './app/app-shell.js';
import { SignedOut } from './app/signed-out.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/badges.css';
import './styles/tables.css';
import './styles/feedback.css';
import './styles/shell.css';
import './styles/live.css';
import './styles/detail.css';
import './styles/replay.css';
import './styles/connect.css';
import './styles/checklist.css';
import './styles/lists.css';
import './styles/failures.css';
import './styles/directory.css';
import './styles/identity.css';
import './styles/settings.css';
import './styles/fault-rules.css';
import './styles/simulate.css';
import './styles/charts.css';
import './styles/cycles.css';
import './styles/health.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

function render(outcome: InitOutcome): void {
  root.render(<StrictMode>{outcome === 'ready' ? <AppShell /> : <SignedOut outcome={outcome} />}</StrictMode>);
}

void initClient().then(render, () => render('unreachable'));
