/**
 * The listener under test, in its own process: a fresh data folder, a token, and N users created through
 * the real SCIM endpoint so the database looks like one Entra filled.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../electron/monitor.js';

const users = Number(process.argv[2] ?? 2000);
const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
const monitor = await startMonitor({ dataDir, host: '127.0.0.1', port: 0 });
const { secret } = monitor.tokens.create({ label: 'bench' });
const ids: string[] = [];
for (let i = 0; i < users; i += 1) {
  const response = await fetch(`${monitor.listener.url}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(seedUser(i)),
  });
  const created = (await response.json()) as { id: string };
  ids.push(created.id);
}
process.stdout.write(`${JSON.stringify({ port: monitor.listener.port, secret, ids })}\n`);

process.on('SIGTERM', () => {
  const logged = monitor.log.count();
  void monitor.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.stderr.write(`listener logged ${logged} requests\n`);
    process.exit(0);
  });
});

function seedUser(i: number): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: `ext-${i}`,
    userName: `user${i}@contoso.com`,
    active: true,
    displayName: `User ${i}`,
    name: { givenName: 'User', familyName: String(i), formatted: `User ${i}` },
    emails: [{ primary: true, type: 'work', value: `user${i}@contoso.com` }],
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Engineering', employeeNumber: String(i) },
  };
}
