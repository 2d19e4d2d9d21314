/**
 * `provisioning-monitor serve`: the headless monitor (architecture.md, command-line surface).
 */

import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir.js';
import type { FaultsState } from '../../shared/api/fault-types.js';
import { loadFaultRules } from '../faults/load.js';
import { startMonitorApp } from '../monitor-app.js';
import { printTunnel, TUNNEL_OPTIONS, tunnelConfig } from './serve-tunnel.js';
import { UPSTREAM_OPTIONS, upstreamConfig, upstreamLine } from './serve-upstream.js';
import { openInBrowser } from './open-browser.js';
import { UsageError } from './usage.js';

/** 7643, after RFC 7643 (SCIM core schema); any free port works, and --port 0 picks one. */
export const DEFAULT_PORT = 7643;

function port(raw: string | undefined, flag = '--port'): number {
  if (raw === undefined) return DEFAULT_PORT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new UsageError(`${flag} must be 0–65535, got "${raw}".`);
  return value;
}

/**
 * Says which fault rules are on at start, wherever they came from: rules saved in Settings come back after a restart,
 * and a forgotten 500 rule gets a real Entra job quarantined (entra-behavior.md §9).
 */
function printFaults(state: FaultsState, out: (line: string) => void): void {
  const names = state.rules.map((r) => r.rule.name).join(', ') || '(none)';
  if (state.source === 'file') out(`Fault injection: ${state.rules.length} rule(s) from ${state.file ?? 'the rules file'} for this run (saved rules not used): ${names}`);
  else if (state.rules.length > 0) out(`Fault injection: ${state.rules.length} rule(s) saved in Settings are active: ${names}. Turn them off in Settings → Fault injection.`);
  if (state.problem !== null) out(`Fault injection: ${state.problem}`);
}

export async function serve(args: string[], out: (line: string) => void = console.log): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      faults: { type: 'string' },
      'admin-port': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      ...TUNNEL_OPTIONS,
      ...UPSTREAM_OPTIONS,
    },
    strict: true,
    allowPositionals: false,
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const tunnel = tunnelConfig(values);
  const upstream = upstreamConfig(values);
  // Rules are read before the listener starts, so a bad file stops `serve` with the rule and field named.
  const faultRules = values.faults === undefined ? undefined : loadFaultRules(values.faults);
  const app = await startMonitorApp({
    dataDir,
    host: values.host,
    port: port(values.port),
    adminPort: values['admin-port'] === undefined ? 0 : port(values['admin-port'], '--admin-port'),
    ...(values.token === undefined ? {} : { token: values.token }),
    ...(faultRules === undefined ? {} : { faultsFile: { path: values.faults!, rules: faultRules } }),
    ...(tunnel === undefined ? {} : { tunnel }),
    ...(upstream === undefined ? {} : { upstream }),
  });
  const { monitor } = app;
  out(`Data directory: ${dataDir}`);
  out(`SCIM endpoint: ${monitor.listener.url}`);
  if (upstream !== undefined) out(upstreamLine(upstream));
  if (app.admin) {
    out(`Admin UI: ${app.admin.openUrl}`);
    if (!values['no-open']) openInBrowser(app.admin.openUrl);
  }
  printFaults(app.faults.state(), out);
  if (!monitor.tokens.hasActive()) {
    out(`No Secret Token yet: every request will get 401 until you create one${app.admin ? ' in the Admin UI (Connect)' : ''} or with`);
    out(`  provisioning-monitor token create --label "Entra ID" --data-dir "${dataDir}"`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    out(`Received ${signal}, stopping…`);
    app.close().then(
      () => {
        out('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Started last: the signal handlers are in place, and a slow or failing tunnel never holds up the listener.
  if (monitor.tunnel !== null) {
    printTunnel(monitor.tunnel, out);
    void monitor.tunnel.start();
  }
}
