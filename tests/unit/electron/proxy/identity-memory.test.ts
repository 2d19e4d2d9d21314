/**
 * Proxy mode's id → identity memory: bounded, most recently used kept, and backed by the log for older ids.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openStore, type Store } from '../../../../electron/monitor.js';
import { identityMemory } from '../../../../electron/proxy/identity-memory.js';

let store: Store | undefined;
afterEach(() => store?.db.close());

describe('identityMemory', () => {
  it('remembers ids, forgets the least recently used beyond its size, and falls back to the log', () => {
    store = openStore(':memory:');
    const memory = identityMemory(store.db, 2);
    memory.remember('User', 'a', { identity: 'a@contoso.com', externalId: null });
    memory.remember('User', 'b', { identity: 'b@contoso.com', externalId: 'x-b' });
    expect(memory.recall('User', 'a')?.identity).toBe('a@contoso.com');
    memory.remember('User', 'c', { identity: 'c@contoso.com', externalId: null });
    expect(memory.recall('User', 'b')).toBeUndefined();
    expect(memory.recall('Group', 'a')).toBeUndefined();

    store.log.insert(
      {
        ts: 1, method: 'POST', path: '/scim/v2/Users', query: '', status: 201, duration_ms: 1, client_ip: null, token_id: null, resource_type: 'User',
        resource_id: 'b', scim_type: null, req_bytes: 0, res_bytes: 0, entity: 'User', operation: 'create', action: 'Create', outcome: 'Success',
        identity: 'b@contoso.com', external_id: 'x-b', change_id: randomUUID(), cycle_id: null, error_code: null, member_count: null, dialect: null,
        fault: null, forwarded_for: null, replay_of: null,
      },
      { req_headers: '{}', req_body: null, res_headers: '{}', res_body: null },
    );
    expect(memory.recall('User', 'b')).toEqual({ identity: 'b@contoso.com', externalId: 'x-b' });
  });
});
