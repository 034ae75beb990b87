// storage.local in memory, as webextension-polyfill's default export: for
// unit tests of the worker's stores (the extension API is the only thing
// replaced; schemas and migrations are real).
export function memoryPolyfill(area: Map<string, unknown>) {
  return {
    default: {
      storage: {
        local: {
          get: (keys: string[]) => Promise.resolve(Object.fromEntries(keys.filter((k) => area.has(k)).map((k) => [k, area.get(k)]))),
          set: (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) area.set(k, structuredClone(v));
            return Promise.resolve();
          },
          remove: (keys: string[]) => {
            for (const k of keys) area.delete(k);
            return Promise.resolve();
          },
        },
      },
    },
  };
}
