import { useCallback, useEffect, useRef } from 'react';

/**
 * Calls the latest function given once `delayMs` have passed since the last `schedule` (typing pauses), at once on
 * `flush`, or never after `cancel`. A pending call is dropped when the component goes away.
 */
export function useDelayedCall(delayMs: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const call = pending.current;
    pending.current = null;
    call?.();
  }, []);

  const schedule = useCallback(
    (call: () => void) => {
      clearTimeout(timer.current);
      pending.current = call;
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  return { schedule, flush, cancel };
}
