/**
 * A GUID-valued matching attribute (externalId mapped to Entra's objectId): Test Connection's probe and Entra's real
 * matches then look alike, `externalId eq "<GUID>"` (entra-behavior.md §1.1, §2.1). A random GUID names nothing, so a
 * GUID query that finds an object is logged as a match, and a re-match of every user (Restart provisioning, §5.2)
 * stays one cycle instead of opening a new one per user as "a probe after real work".
 */

import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, START, startEntraReplay, type EntraReplay } from '../support/entra-replay.js';

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

const byExternalId = (objectId: string): string => `/Users?filter=${encodeURIComponent(`externalId eq "${objectId}"`)}`;

describe('matching on externalId = objectId', () => {
  it('logs a GUID query that found a user as a match, and keeps the re-match in one cycle', async () => {
    r = await startEntraReplay();
    const objectIds = [randomUUID(), randomUUID(), randomUUID()];
    // Initial cycle: the probe, then for each user a match that finds nothing and a create.
    const probe = await r.send('GET', byExternalId(randomUUID()));
    expect(probe.body.totalResults).toBe(0);
    const ids: string[] = [];
    for (const [i, objectId] of objectIds.entries()) {
      expect((await r.send('GET', byExternalId(objectId))).body.totalResults).toBe(0);
      ids.push((await r.createUser(`user${i}@contoso.com`, { externalId: objectId })).body.id as string);
    }

    // Restart provisioning an hour later: Entra matches every user again and finds each one, then updates it.
    r.at(START + 60 * MINUTE);
    const restartProbe = await r.send('GET', byExternalId(randomUUID()));
    expect(restartProbe.body.totalResults).toBe(0);
    for (const [i, objectId] of objectIds.entries()) {
      expect((await r.send('GET', byExternalId(objectId))).body.totalResults).toBe(1);
      expect((await r.patchUser(ids[i]!, { op: 'Replace', path: 'displayName', value: `User ${i}` })).status).toBe(200);
    }

    const { log, cycles } = r.t.monitor;
    const rows = log.latest(100).reverse();
    const restart = rows.filter((row) => row.ts >= START + 60 * MINUTE);
    expect(restart.map((row) => row.operation)).toEqual(['test-connection', 'match', 'update', 'match', 'update', 'match', 'update']);
    // Every request of the restart is in the one cycle its probe opened.
    expect(new Set(restart.map((row) => row.cycle_id)).size).toBe(1);
    const cycle = cycles.get(restart[0]!.cycle_id!);
    expect(cycle).toMatchObject({ requests: 7, probes: 1, matches: 3, updates: 3 });
  });
});
