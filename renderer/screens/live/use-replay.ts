/**
 * Sends a replay (`replay.resend`) from the detail pane, as it was or edited, and reports the result or the error.
 * One at a time per pane: the buttons are disabled while a replay is on its way.
 */

import { useCallback, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract.js';
import type { ReplayEdit, ReplayResult } from '../../../shared/api/replay-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';

export interface ReplayState {
  readonly sending: boolean;
  readonly error: ApiError | undefined;
  /** Resolves true when the replay was sent (whatever the listener answered), false on an error. */
  send(id: number, edit?: ReplayEdit): Promise<boolean>;
  clearError(): void;
}

export function useReplay(onReplayed: (result: ReplayResult) => void): ReplayState {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const busy = useRef(false);
  const done = useRef(onReplayed);
  done.current = onReplayed;

  const send = useCallback(async (id: number, edit?: ReplayEdit): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setSending(true);
    setError(undefined);
    // The contract's input type has mutable arrays (zod's output); the transport only serialises the object.
    const input = (edit === undefined ? { id } : { id, edit }) as MethodInput<'replay.resend'>;
    const result = await getBackend().call('replay.resend', input);
    busy.current = false;
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    done.current(result.value);
    return true;
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { sending, error, send, clearError };
}
