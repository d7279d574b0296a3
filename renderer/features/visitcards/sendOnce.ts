import { useRef } from 'react';

/**
 * A double click sends once: the second click finds the guard set before the button re-renders as
 * loading, so one success message and one result show. The sender releases the guard when its
 * command settles (`onSettled`), so a refused attempt can be corrected and sent again.
 */
export function useSendOnce(): (send: (release: () => void) => void) => void {
  const busy = useRef(false);
  return (send) => {
    if (busy.current) return;
    busy.current = true;
    send(() => {
      busy.current = false;
    });
  };
}
