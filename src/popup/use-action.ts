import { useState } from 'preact/hooks';
import { ClickDialError, type ErrorCode } from '../shared/protocol';

export interface ActionState {
  error: string | undefined;
  /** Why the last action failed, as the phone or the worker said (to offer the way out: "Allow camera"). */
  code: ErrorCode | undefined;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/**
 * Runs user actions and keeps the last failure as a message: a refused call
 * or a missing microphone is said on screen, never swallowed.
 */
export function useAction(): ActionState {
  const [failure, setFailure] = useState<{ error: string; code: ErrorCode | undefined }>();
  const run = async (action: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setFailure({ error: e instanceof Error ? e.message : String(e), code: e instanceof ClickDialError ? e.code : undefined });
      return false;
    }
  };
  return { error: failure?.error, code: failure?.code, run, clear: () => setFailure(undefined) };
}
