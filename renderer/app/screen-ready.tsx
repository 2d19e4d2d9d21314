/**
 * The `data-app-state="ready"` signal: set once the screen on display has loaded its first data.
 *
 * Tests wait on it instead of sleeping (design/style.md §6.14), and a screenshot taken after it shows real
 * content, not spinners. Each screen calls `useScreenReady(condition)`; the shell combines it with the status.
 */

import { createContext, useContext, useEffect } from 'react';

export const ScreenReadyContext = createContext<(ready: boolean) => void>(() => undefined);

export function useScreenReady(ready: boolean): void {
  const setReady = useContext(ScreenReadyContext);
  useEffect(() => {
    setReady(ready);
  }, [ready, setReady]);
}
