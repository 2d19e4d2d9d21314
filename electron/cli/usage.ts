/**
 * Command-line help and the error type for bad invocations (exit code 2).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: provisioning-monitor <command> [options]

Commands:
  serve [--port N] [--host H] [--data-dir DIR] [--token SECRET] [--admin-port N] [--no-open]
      Run the SCIM 2.0 listener headless. Prints "SCIM endpoint: <url>" once it accepts requests, and
      "Admin UI: <url>" once the UI is served on 127.0.0.1 (a one-time link; --no-open keeps the browser closed).
      --port 0 takes a free port (default 7643); --host defaults to 127.0.0.1 (a tunnel forwards to it).
      --faults FILE loads fault-injection rules (JSON) that answer matching requests with errors or latency.
      --tunnel ngrok|localtunnel|cloudflared|custom|none (default none) exposes the SCIM port, and only it, over a
      public URL and prints "Tenant URL: <public url>/scim/v2" once it is online; it reconnects on its own.
        ngrok:        NGROK_AUTHTOKEN must be set; [--tunnel-domain D] uses a domain reserved in ngrok.
        localtunnel:  [--tunnel-host URL] another localtunnel server (default https://localtunnel.me);
                      [--tunnel-subdomain NAME] asks for NAME.<server>.
        cloudflared:  a quick tunnel; needs the cloudflared binary on PATH or [--cloudflared-path FILE].
        custom:       --tunnel-host https://… is the public URL of your own proxy forwarding to this port.
      --upstream URL switches to proxy mode: requests that pass the Secret Token check are forwarded to the SCIM app
      at URL (its SCIM base, e.g. https://app.example.com/scim/v2) and its answers are logged and relayed unchanged.
        [--upstream-token SECRET] the upstream's bearer token (or set PROVISIONING_MONITOR_UPSTREAM_TOKEN);
                                  Entra's token is never forwarded.
        [--upstream-timeout MS]   how long the upstream may take (default 30000); slower answers become 504.
  token create --label L [--days N] [--data-dir DIR]
      Create a Secret Token for Entra's Secret Token field; the secret is printed once, alone on the last line.
  token list [--data-dir DIR]
  token revoke <id> [--data-dir DIR]
  token recreate <id> [--data-dir DIR]
      Revoke a token and issue a new one with the same label and validity (Britive's Re-Create).
  simulate --target URL --token SECRET [--users N] [--groups N] [--dialect default|aadOptscim062020]
           [--concurrency N] [--cycles N] [--seed S]
      Act as Entra's provisioning service against a SCIM Tenant URL: Test Connection, an initial cycle, then
      incremental cycles (updates, disables, re-enables, member removals, a hard delete). Prints a summary ending
      "N passed, M failed"; exits 0 when nothing failed, 1 when an operation failed or the target is unreachable.
  export --format csv|json|ndjson|html|har --out PATH [--failures-only] [--data-dir DIR]
         [--from T] [--to T] [--cycle N] [--identity PREFIX] [--status S]... [--source entra,simulator,replay]
         [--redact-attribute NAME]... [--base-name B]
      Export the request log as Entra's CSV trio (PATH is a folder; three files joined on Change ID), Graph-style JSON,
      NDJSON (one exchange a line), a self-contained HTML failure report, or HAR 1.2. Secrets are redacted (the
      Authorization header, passwords, and each --redact-attribute). Works while serve is running on the same data
      directory. Progress goes to stderr; the files written are printed on stdout.
      --source keeps only the requests these senders sent: entra, and the monitor's own simulator (Connect's
      simulated cycle) and replay (Live's Replay); --source entra leaves a rehearsal out of the report.

The data directory defaults to the desktop app's folder (PROVISIONING_MONITOR_DATA_DIR overrides it).
`;
