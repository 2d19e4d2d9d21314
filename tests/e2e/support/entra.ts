/**
 * A small Entra-like SCIM client for browser tests: the requests Entra sends (entra-behavior.md §1.1, §2, §3),
 * in its default dialect (PascalCase ops, "False" strings), with fetch against the real listener.
 */

import { randomUUID } from 'node:crypto';

export interface Reply {
  readonly status: number;
  readonly body: any;
}

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function entraClient(scimUrl: string, token: string | null) {
  const send = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = { 'content-type': 'application/scim+json', accept: 'application/scim+json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const response = await fetch(scimUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  const filter = (expression: string): string => `filter=${encodeURIComponent(expression)}`;
  return {
    send,
    /** Test Connection: a match query for a random GUID, answered 200 with an empty ListResponse. */
    probe: () => send('GET', `/Users?${filter(`userName eq "${randomUUID()}"`)}`),
    match: (userName: string) => send('GET', `/Users?${filter(`userName eq "${userName}"`)}`),
    createUser: (userName: string, externalId = randomUUID()) =>
      send('POST', '/Users', {
        schemas: [USER],
        externalId,
        userName,
        active: true,
        displayName: userName.split('@')[0],
        emails: [{ primary: true, type: 'work', value: userName }],
      }),
    /** Entra's default-dialect disable: `"op":"Replace"`, `"value":"False"`. */
    disable: (id: string) => send('PATCH', `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }),
    createGroup: (displayName: string) => send('POST', '/Groups', { schemas: [GROUP], externalId: randomUUID(), displayName, members: [] }),
    addMembers: (groupId: string, userIds: readonly string[]) =>
      send('PATCH', `/Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'Add', path: 'members', value: userIds.map((value) => ({ value })) }] }),
  };
}
