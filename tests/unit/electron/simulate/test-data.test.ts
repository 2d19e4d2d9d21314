/**
 * The simulated tenant: deterministic per seed, and a realistic value for every row of the Britive mapping.
 */

import { describe, expect, it } from 'vitest';
import { applyCycleChanges } from '../../../../electron/simulate/changes.js';
import { valueAt } from '../../../../electron/simulate/paths.js';
import { userCreateBody } from '../../../../electron/simulate/requests.js';
import { MANAGER_PATH, generateDirectory, type SourceDirectory } from '../../../../electron/simulate/test-data.js';
import { BRITIVE_USER_ATTRIBUTES } from '../../../../shared/scim/britive-mapping.js';

const plain = (directory: SourceDirectory) => JSON.parse(JSON.stringify(directory, (_key, value: unknown) => (value instanceof Set ? [...value] : value)));

describe('generateDirectory', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(plain(generateDirectory('42', 25, 4))).toEqual(plain(generateDirectory('42', 25, 4)));
    expect(plain(generateDirectory('42', 25, 4))).not.toEqual(plain(generateDirectory('43', 25, 4)));
  });

  it('gives every user a value for every Britive row but the manager, which is a reference', () => {
    const { users } = generateDirectory('7', 30, 2);
    const rows = BRITIVE_USER_ATTRIBUTES.filter((row) => !row.reference).map((row) => row.path);
    expect(rows).toHaveLength(44);
    for (const user of users) {
      expect(Object.keys(user.attributes).sort()).toEqual([...rows].sort());
      for (const path of rows) expect(user.attributes[path], path).toSatisfy((v: unknown) => v === true || (typeof v === 'string' && v.length > 0));
    }
    expect(BRITIVE_USER_ATTRIBUTES.find((row) => row.reference)?.path).toBe(MANAGER_PATH);
    expect(users[0]!.manager).toBeNull();
    expect(users.slice(1).every((u) => u.manager !== null && u.manager < u.index)).toBe(true);
  });

  it('uses realistic, unique values', () => {
    const { users, groups } = generateDirectory('7', 60, 12);
    const userNames = users.map((u) => String(u.attributes.userName).toLowerCase());
    expect(new Set(userNames).size).toBe(60);
    const first = users[0]!.attributes;
    expect(first.userName).toMatch(/^[A-Z][a-z]+[A-Z]\d*@contoso\.com$/);
    expect(first['emails[type eq "work"].value']).toBe(first.userName);
    expect(first.displayName).toBe(`${String(first['name.givenName'])} ${String(first['name.familyName'])}`);
    expect(first['phoneNumbers[type eq "mobile"].value']).toMatch(/^\+\d{1,3} \d{3} \d{3} \d{4}$/);
    expect(first['addresses[type eq "work"].country']).toMatch(/^[A-Z]{2}$/);
    expect(first.locale).toBe(first.preferredLanguage);
    expect(new Set(groups.map((g) => g.displayName)).size).toBe(12);
    expect(groups.every((g) => g.members.size > 0 && [...g.members].every((m) => m < 60))).toBe(true);
    expect(groups.map((g) => g.objectId).every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('puts every generated value into the create body at its mapping path', () => {
    for (const user of generateDirectory('9', 5, 0).users) {
      const body = userCreateBody(user);
      for (const [path, value] of Object.entries(user.attributes)) expect(valueAt(body, path), path).toBe(value);
    }
  });
});

describe('applyCycleChanges', () => {
  it('is deterministic and changes a few users, never deleting a manager', () => {
    const a = generateDirectory('5', 20, 3);
    const b = generateDirectory('5', 20, 3);
    const changes = applyCycleChanges(a, 2);
    expect(applyCycleChanges(b, 2)).toEqual(changes);
    expect(plain(a)).toEqual(plain(b));
    expect(changes.deleted).toHaveLength(1);
    expect(changes.disabled).toHaveLength(2);
    expect(changes.updated).toHaveLength(2);
    expect(changes.enabled).toEqual([]);
    expect(changes.removedMembers.length).toBeGreaterThan(0);
    const managers = new Set(a.users.map((u) => u.manager));
    expect(managers.has(changes.deleted[0]!)).toBe(false);
    expect(a.users.filter((u) => u.attributes.active === false).map((u) => u.index).sort()).toEqual([...changes.disabled].sort());
  });

  it('re-enables the users disabled in the previous cycle', () => {
    const directory = generateDirectory('5', 20, 3);
    const second = applyCycleChanges(directory, 2);
    const third = applyCycleChanges(directory, 3);
    expect([...third.enabled].sort()).toEqual([...second.disabled].sort());
    expect(third.deleted.some((i) => second.deleted.includes(i))).toBe(false);
  });
});
