import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../../electron/simulate/client.js';
import { hashSeed, mulberry32, seededRandom } from '../../../../electron/simulate/random.js';
import { parseTarget } from '../../../../electron/simulate/simulator.js';

describe('seeded random', () => {
  it('repeats its sequence for a seed', () => {
    const a = mulberry32(hashSeed('seed'));
    const b = mulberry32(hashSeed('seed'));
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, mulberry32(hashSeed('other')))).not.toEqual(first);
  });

  it('draws integers in range, distinct samples and GUID-shaped ids', () => {
    const random = seededRandom('x');
    const ints = Array.from({ length: 200 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const sample = random.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample([1, 2], 5)).toHaveLength(2);
    expect(random.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('simulator plumbing', () => {
  it('reads Retry-After as seconds or an HTTP date, defaulting to one second', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
  });

  it('takes the dialect flag from the Tenant URL and strips the query', () => {
    expect(parseTarget('http://127.0.0.1:7643/scim/v2/?aadOptscim062020')).toEqual({ base: 'http://127.0.0.1:7643/scim/v2', flag: true });
    expect(parseTarget('https://x.example/scim/v2')).toEqual({ base: 'https://x.example/scim/v2', flag: false });
    expect(() => parseTarget('ftp://x')).toThrow(/http\(s\) URL/);
  });
});
