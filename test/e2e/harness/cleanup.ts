// Last-resort cleanup of child processes and temp dirs when a test process dies
// without calling stop()/close() (assertion crash, Ctrl-C, runner timeout SIGTERM).
// Handlers must be synchronous: 'exit' listeners cannot await.

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let installed = false;

function runAll(): void {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // Best effort: the process is going away anyway.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      // Someone else (e.g. scripts/start.ts) handles this signal and shuts down gracefully;
      // the 'exit' hook still sweeps whatever they leave behind.
      if (process.listenerCount(signal) > 1) return;
      // A signal listener replaces Node's default "exit on signal": clean up, then re-raise
      // without us listening so the exit status still says we were killed.
      runAll();
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Register a synchronous cleanup; returns a function that unregisters it (call it after a normal stop). */
export function onProcessExit(fn: Cleanup): () => void {
  install();
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}
