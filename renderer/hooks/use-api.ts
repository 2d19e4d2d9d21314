/**
 * `useApi(method, input, deps)`: one MonitorApi call tied to a component's life, with loading/error/data and
 * refetch.
 *
 * Data stays on screen while a refetch runs (no flash of "loading" on every live update), and an answer that
 * arrives after a newer call was started is dropped, so a slow old query never overwrites a fresh one.
 */

import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import type { ApiError } from '../../shared/api/result.js';
import { getBackend } from '../api/client.js';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  /** True until the first answer, and while a refetch runs. */
  readonly loading: boolean;
  /** True once any answer (data or error) arrived. */
  readonly settled: boolean;
  readonly refetch: () => Promise<void>;
}

export interface UseApiOptions {
  /** Skip the call (e.g. no id selected yet); data is cleared. */
  readonly skip?: boolean;
}

export function useApi<M extends MethodName>(method: M, input: MethodInput<M>, deps: DependencyList = [], options: UseApiOptions = {}): ApiState<MethodOutput<M>> {
  const [data, setData] = useState<MethodOutput<M> | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const [settled, setSettled] = useState(false);
  const latest = useRef(0);
  // The input object is usually rebuilt every render; `deps` says when it really changed.
  const inputRef = useRef(input);
  inputRef.current = input;
  const skip = options.skip === true;

  const run = useCallback(async () => {
    if (skip) return;
    const ticket = ++latest.current;
    setLoading(true);
    const result = await getBackend().call(method, inputRef.current);
    if (ticket !== latest.current) return;
    if (result.ok) {
      setData(result.value);
      setError(undefined);
    } else {
      setError(result.error);
    }
    setLoading(false);
    setSettled(true);
  }, [method, skip, ...deps]); // `deps` stands in for the input's contents

  useEffect(() => {
    if (skip) {
      latest.current++;
      setData(undefined);
      setError(undefined);
      setLoading(false);
      return;
    }
    void run();
  }, [run, skip]);

  return { data, error, loading, settled, refetch: run };
}
