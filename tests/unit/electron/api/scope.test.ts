/**
 * scope.* over real traffic: the expected-users checklist states (design/screens.md Screen 6), unexpected
 * identities, and importing an export of Entra's "Users and groups" blade.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../../../electron/api/call.js';
import { scopeHandlers } from '../../../../electron/api/scope.js';
import { parseCsv, scopeEntriesFromCsv } from '../../../../electron/provisioning/scope-csv.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { testApiDeps } from '../../../support/api.js';
import { MINUTE, START, startEntraReplay, STEP_MS, type EntraReplay } from '../../../support/entra-replay.js';

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

async function setup() {
  r = await startEntraReplay();
  const replay = r;
  const api = scopeHandlers(testApiDepsFor(replay));
  return { r: replay, api };
}

/** A `testApiDeps` needs the TestMonitor; the replay carries it. */
function testApiDepsFor(replay: EntraReplay) {
  return testApiDeps(replay.t, { now: () => replay.now() });
}

describe('scope.get', () => {
  it('gives each expected identity its state from the latest write, and lists unexpected identities', async () => {
    r = await startEntraReplay();
    const api = scopeHandlers(testApiDepsFor(r));
    const user = (value: string) => ({ value, kind: 'user' as const });
    await api['scope.set']({
      entries: [
        user('nobody@contoso.com'),
        user('matched@contoso.com'),
        user('Created@Contoso.com'),
        user('updated@contoso.com'),
        user('disabled@contoso.com'),
        user('deleted@contoso.com'),
        user('failed@contoso.com'),
        { value: 'Marketing', kind: 'group' },
      ],
    });
    expect((await api['scope.get'](undefined)).entries.every((e) => e.state === 'Not seen')).toBe(true);

    await r.matchUser('matched@contoso.com');
    await r.provisionUser('created@contoso.com');
    const updated = await r.provisionUser('updated@contoso.com');
    await r.patchUser(updated, { op: 'Replace', path: 'title', value: 'Lead' });
    // A PATCH that changes nothing is Entra's "Other" and does not change the state.
    await r.patchUser(updated, { op: 'Replace', path: 'title', value: 'Lead' });
    const disabled = await r.provisionUser('disabled@contoso.com');
    await r.patchUser(disabled, { op: 'Replace', path: 'active', value: 'False' });
    const deleted = await r.provisionUser('deleted@contoso.com');
    const holder = await r.provisionUser('failed@contoso.com');
    expect((await r.createUser('failed@contoso.com')).status).toBe(409);
    await r.provisionGroup('Marketing');
    await r.provisionUser('stranger@contoso.com');
    r.at(START + 40 * MINUTE);
    expect((await r.deleteUser(deleted)).status).toBe(204);

    const report = await api['scope.get'](undefined);
    const at = (n: number) => START + n * STEP_MS;
    expect(report.entries).toEqual([
      { value: 'Created@Contoso.com', kind: 'user', state: 'Created', reason: null, lastCycle: 1, lastSeen: at(2) },
      { value: 'deleted@contoso.com', kind: 'user', state: 'Deleted', reason: null, lastCycle: 2, lastSeen: START + 40 * MINUTE },
      { value: 'disabled@contoso.com', kind: 'user', state: 'Disabled', reason: null, lastCycle: 1, lastSeen: at(9) },
      {
        value: 'failed@contoso.com',
        kind: 'user',
        state: 'Failed',
        reason: `EntryConflict: userName "failed@contoso.com" is already used by user ${holder}; userName is unique and compared case-insensitively. Entra records this as EntryConflict.`,
        lastCycle: 1,
        lastSeen: at(14),
      },
      { value: 'Marketing', kind: 'group', state: 'Created', reason: null, lastCycle: 1, lastSeen: at(16) },
      { value: 'matched@contoso.com', kind: 'user', state: 'Matched only', reason: null, lastCycle: 1, lastSeen: at(0) },
      { value: 'nobody@contoso.com', kind: 'user', state: 'Not seen', reason: null, lastCycle: null, lastSeen: null },
      { value: 'updated@contoso.com', kind: 'user', state: 'Updated', reason: null, lastCycle: 1, lastSeen: at(6) },
    ]);
    expect(report.unexpected).toEqual(['stranger@contoso.com']);
  });

  it('lists nothing as unexpected while no scope is set', async () => {
    const { r, api } = await setup();
    await r.provisionUser('someone@contoso.com');
    expect(await api['scope.get'](undefined)).toEqual({ entries: [], unexpected: [] });
  });
});

describe('scope.set and scope.importCsv', () => {
  it('replaces the list on set, and adds an Entra-style CSV export on import', async () => {
    const { r, api } = await setup();
    await api['scope.set']({ entries: [{ value: 'old@contoso.com', kind: 'user' }] });
    await api['scope.set']({ entries: [{ value: 'zed@contoso.com', kind: 'user' }] });
    r.advance(MINUTE);
    const csv =
      '\uFEFF"Display name","User principal name","Object type","Email"\r\n' +
      '"Smith, Alice","alice@contoso.com","User","alice@contoso.com"\r\n' +
      '"Sales ""EMEA""","","Group",""\r\n' +
      '"Bob\r\nJones","bob@contoso.com","User",""\r\n' +
      '"Zed again","ZED@contoso.com","User",""\r\n';
    const report = await api['scope.importCsv']({ csv });
    expect(report.entries.map((e) => [e.value, e.kind])).toEqual([
      // Already listed: keeps its spelling and place.
      ['zed@contoso.com', 'user'],
      ['alice@contoso.com', 'user'],
      ['bob@contoso.com', 'user'],
      ['Sales "EMEA"', 'group'],
    ]);
  });

  it('says which headers it found when no column names users or groups', async () => {
    const { r } = await setup();
    const handlers = scopeHandlers(testApiDepsFor(r)) as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'scope.importCsv', { csv: 'Object Id,Role assigned\n1,User\n' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message:
          'No column with user or group names in this CSV. Expected a header named one of "User principal name", "userPrincipalName", "UPN", "Email", "Mail", "userName", "Display name", "displayName", "Name"; found "Object Id", "Role assigned".',
      },
    });
    expect(await callApi(handlers, 'scope.importCsv', { csv: '\r\n\r\n' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('parseCsv', () => {
  it('follows RFC 4180: quoted commas, doubled quotes, line breaks in quotes, CRLF, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",last')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'last'],
    ]);
  });

  it('picks semicolons or tabs when the header has no comma, as Excel writes in some locales', () => {
    expect(parseCsv('Name;Type\nA, B;Group\n')).toEqual([
      ['Name', 'Type'],
      ['A, B', 'Group'],
    ]);
    expect(parseCsv('userName\tType\nbob\tUser')).toEqual([
      ['userName', 'Type'],
      ['bob', 'User'],
    ]);
  });
});

describe('scopeEntriesFromCsv', () => {
  it('matches headers without case or spaces and takes a group name from its display name', () => {
    expect(scopeEntriesFromCsv('displayName,USERPRINCIPALNAME,type\nAda,ada@x.io,user\nOps,,GROUP\nNo UPN,,User\n')).toEqual([
      { value: 'ada@x.io', kind: 'user' },
      { value: 'Ops', kind: 'group' },
    ]);
    expect(scopeEntriesFromCsv('Mail\nbob@x.io\nBOB@x.io\n')).toEqual([{ value: 'bob@x.io', kind: 'user' }]);
  });
});
