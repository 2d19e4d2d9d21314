/**
 * The SCIM error detail of each group's sample request ("Attribute 'active' must be a boolean…"), for the list's
 * subtitles. FailureGroup carries no detail text, so it is read with `logs.get`, once per signature: a signature
 * fixes the detail's template, so a later sample would only change the quoted values.
 */

import { useEffect, useRef, useState } from 'react';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import { getBackend } from '../../api/client.js';
import { scimDetail } from './failure-explain.js';

/** Groups whose detail is fetched; the rest show their meaning. */
const MAX_FETCHED = 50;

export function useGroupDetails(groups: readonly FailureGroup[]): ReadonlyMap<string, string | null> {
  const [details, setDetails] = useState<ReadonlyMap<string, string | null>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const missing = groups.slice(0, MAX_FETCHED).filter((g) => !asked.current.has(g.signature));
    for (const group of missing) {
      asked.current.add(group.signature);
      void getBackend()
        .call('logs.get', { id: group.sampleRequestId })
        .then((result) => setDetails((map) => new Map(map).set(group.signature, result.ok ? scimDetail(result.value.responseBody) : null)));
    }
  }, [groups]);
  return details;
}
