/**
 * The UI benchmark's traffic (issue 10: "200 requests/s arriving for 30 s"): Entra-like requests against the loopback
 * listener at a fixed rate, from a bounded loop. Requests go out on a schedule (not back to back), a cap on requests
 * in flight keeps a slow listener from piling up sockets, and the rate achieved is reported next to the target.
 */

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const TICK_MS = 50;
const MAX_IN_FLIGHT = 200;

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly skipped: number;
  readonly seconds: number;
  readonly rps: number;
}

/** The mix of a busy incremental cycle: matches, reads, creates, updates and disables, with a few conflicts. */
function requestFor(n: number, ids: readonly string[]): { method: string; path: string; body?: unknown } {
  const id = ids[n % Math.max(1, ids.length)] ?? 'missing';
  switch (n % 10) {
    case 0:
    case 1:
    case 2:
      return { method: 'GET', path: `/Users?filter=${encodeURIComponent(`userName eq "load${n % 500}@contoso.com"`)}` };
    case 3:
      return { method: 'GET', path: `/Users/${id}` };
    case 4:
    case 5:
      return { method: 'POST', path: '/Users', body: { schemas: [USER], userName: `load${n}@contoso.com`, active: true, displayName: `Load ${n}` } };
    case 6:
      // A create for a name that exists: a 409, so the failure views have work too.
      return { method: 'POST', path: '/Users', body: { schemas: [USER], userName: 'seed0@contoso.com', active: true } };
    case 7:
      return { method: 'PATCH', path: `/Users/${id}`, body: { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } };
    default:
      return { method: 'PATCH', path: `/Users/${id}`, body: { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'title', value: `Title ${n}` }] } };
  }
}

/** Creates `count` users to read and patch during the load; returns their ids. */
export async function seedUsers(scimUrl: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${scimUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: [USER], userName: `seed${i}@contoso.com`, active: true, displayName: `Seed ${i}` }),
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

export async function driveLoad(scimUrl: string, token: string, ids: readonly string[], rps: number, seconds: number): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  const perTick = (rps * TICK_MS) / 1000;
  const ticks = Math.round((seconds * 1000) / TICK_MS);
  const started = performance.now();
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = Math.round(perTick * (tick + 1)) - Math.round(perTick * tick);
    for (let i = 0; i < due; i += 1) {
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped += 1;
        continue;
      }
      const { method, path, body } = requestFor(sent, ids);
      sent += 1;
      inFlight += 1;
      const request: Promise<void> = fetch(scimUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status < 500) ok += 1;
          else failed += 1;
        })
        .catch(() => void (failed += 1))
        .finally(() => {
          inFlight -= 1;
          pending.delete(request);
        });
      pending.add(request);
    }
    // Sleep to the next tick's scheduled time, so a late tick is caught up rather than the rate drifting down.
    const wait = started + (tick + 1) * TICK_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  return { sent, ok, failed, skipped, seconds: elapsed, rps: sent / elapsed };
}
