import { useState } from 'preact/hooks';

/**
 * Runs user actions and keeps the last failure as a message: a refused call
 * or a missing microphone is said on screen, never swallowed.
 */
export function useAction(): { error: string | undefined; run: (action: () => Promise<unknown>) => Promise<boolean>; clear: () => void } {
  const [error, setError] = useState<string | undefined>();
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  return { error, run, clear: () => setError(undefined) };
}
