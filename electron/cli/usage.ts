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
  serve [--port N] [--host H] [--data-dir DIR] [--token SECRET]
      Run the SCIM 2.0 listener headless. Prints "SCIM endpoint: <url>" once it accepts requests.
      --port 0 takes a free port (default 7643); --host defaults to 127.0.0.1 (a tunnel forwards to it).
  token create --label L [--days N] [--data-dir DIR]
      Create a Secret Token for Entra's Secret Token field; the secret is printed once, alone on the last line.
  token list [--data-dir DIR]
  token revoke <id> [--data-dir DIR]
  token recreate <id> [--data-dir DIR]
      Revoke a token and issue a new one with the same label and validity (Britive's Re-Create).

The data directory defaults to the desktop app's folder (PROVISIONING_MONITOR_DATA_DIR overrides it).
`;
