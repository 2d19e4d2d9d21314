/**
 * The simulated Entra tenant: N users with a value for every row of the Britive user mapping
 * (shared/scim/britive-mapping.ts, entra-behavior.md §12) and G groups with members, all derived from one seed.
 */

import { BRITIVE_USER_ATTRIBUTES } from '../../shared/scim/britive-mapping.js';
import { SCHEMA_ENTERPRISE_USER } from '../../shared/scim/constants.js';
import type { AttributeValue } from './paths.js';
import { seededRandom, type Random } from './random.js';
import { CITIES, DEPARTMENTS, DIVISIONS, FAMILY_NAMES, GIVEN_NAMES, GROUP_NAMES, ORGANIZATIONS, STREETS, TITLES, WORK_DOMAIN, type City } from './vocabulary.js';

/** The manager row is a reference: it is exported in a second PATCH, not with the other attributes (§3.2 rule 6). */
export const MANAGER_PATH = `${SCHEMA_ENTERPRISE_USER}:manager`;

export interface SourceUser {
  readonly index: number;
  /** The Entra objectId (source anchor). */
  readonly objectId: string;
  /** Target value per Britive mapping path, `active` included; every row but the manager. */
  readonly attributes: Record<string, AttributeValue>;
  /** Index of the manager in the tenant's user list, or null. */
  manager: number | null;
  /** Hard-deleted in Entra: the next cycle sends DELETE (§5.2). */
  deleted: boolean;
}

export interface SourceGroup {
  readonly index: number;
  readonly objectId: string;
  readonly displayName: string;
  /** Member user indexes. */
  readonly members: Set<number>;
}

export interface SourceDirectory {
  readonly seed: string;
  readonly users: SourceUser[];
  readonly groups: SourceGroup[];
}

const phone = (rng: Random, where: City): string => `+${where.callingCode} ${rng.int(200, 989)} ${rng.int(200, 989)} ${rng.int(1000, 9999)}`;

function addressParts(rng: Random, where: City): Record<string, string> {
  const streetAddress = `${rng.int(1, 2400)} ${rng.pick(STREETS)}`;
  return {
    formatted: `${streetAddress}, ${where.locality}, ${where.region} ${where.postalCode}, ${where.country}`,
    streetAddress,
    locality: where.locality,
    region: where.region,
    postalCode: where.postalCode,
    country: where.country,
  };
}

function makeUser(rng: Random, index: number, taken: Set<string>, employeeBase: number): SourceUser {
  const given = rng.pick(GIVEN_NAMES);
  const family = rng.pick(FAMILY_NAMES);
  let nickname = `${given}${family[0]!}`;
  for (let n = 2; taken.has(nickname.toLowerCase()); n += 1) nickname = `${given}${family[0]!}${n}`;
  taken.add(nickname.toLowerCase());
  const office = rng.pick(CITIES);
  const elsewhere = rng.pick(CITIES);
  const a: Record<string, AttributeValue> = {
    userName: `${nickname}@${WORK_DOMAIN}`,
    active: true,
    displayName: `${given} ${family}`,
    title: rng.pick(TITLES),
    // Britive's mapping sends mailNickname as externalId (entra-behavior.md §12).
    externalId: nickname,
    preferredLanguage: office.locale,
    'name.givenName': given,
    'name.familyName': family,
    nickName: given,
    userType: 'Member',
    locale: office.locale,
    timezone: office.timezone,
  };
  const local = `${given}.${family}`.toLowerCase();
  const emails: Record<string, string> = { home: `${local}@outlook.com`, other: `${local}.${index}@example.org`, work: `${nickname}@${WORK_DOMAIN}` };
  const addresses: Record<string, Record<string, string>> = { work: addressParts(rng, office), home: addressParts(rng, office), other: addressParts(rng, elsewhere) };
  const enterprise: Record<string, string> = {
    employeeNumber: String(employeeBase + index),
    costCenter: `CC-${rng.int(1000, 9999)}`,
    organization: rng.pick(ORGANIZATIONS),
    division: rng.pick(DIVISIONS),
    department: rng.pick(DEPARTMENTS),
  };
  for (const { path } of BRITIVE_USER_ATTRIBUTES) {
    if (path in a || path === MANAGER_PATH) continue;
    const typed = /^(\w+)\[type eq "(\w+)"\]\.(\w+)$/.exec(path);
    if (typed?.[1] === 'emails') a[path] = emails[typed[2]!]!;
    else if (typed?.[1] === 'phoneNumbers') a[path] = phone(rng, typed[2] === 'other' ? elsewhere : office);
    else if (typed?.[1] === 'addresses') a[path] = addresses[typed[2]!]![typed[3]!]!;
    else a[path] = enterprise[path.slice(SCHEMA_ENTERPRISE_USER.length + 1)]!;
  }
  return { index, objectId: rng.guid(), attributes: a, manager: null, deleted: false };
}

/**
 * @param seed any text; the same seed, user and group counts always give the same tenant.
 */
export function generateDirectory(seed: string, userCount: number, groupCount: number): SourceDirectory {
  const rng = seededRandom(`${seed}:directory`);
  const taken = new Set<string>();
  const employeeBase = rng.int(100_000, 800_000);
  const users = Array.from({ length: userCount }, (_, i) => makeUser(rng, i, taken, employeeBase));
  // About one user in five manages others; user 0 heads the tenant, so the reference graph has no cycles.
  const managers = Math.max(1, Math.ceil(userCount / 5));
  for (const user of users) {
    if (user.index === 0) continue;
    user.manager = user.index < managers ? 0 : rng.int(0, managers - 1);
  }
  const groups = Array.from({ length: groupCount }, (_, i): SourceGroup => {
    const base = GROUP_NAMES[i % GROUP_NAMES.length]!;
    const displayName = i < GROUP_NAMES.length ? base : `${base} ${Math.floor(i / GROUP_NAMES.length) + 1}`;
    const members = new Set(users.filter(() => rng.chance(Math.min(1, 6 / Math.max(1, userCount)))).map((u) => u.index));
    if (members.size === 0 && userCount > 0) members.add(rng.int(0, userCount - 1));
    return { index: i, objectId: rng.guid(), displayName, members };
  });
  return { seed, users, groups };
}

/** The user's userName (the matching attribute, §12). */
export const userNameOf = (user: SourceUser): string => String(user.attributes.userName);
