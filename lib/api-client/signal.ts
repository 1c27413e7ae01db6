/** A page-wide "something happened" with no payload: listeners subscribe, anyone may fire it. */
type Listener = () => void;

export function createSignal(): { on(listener: Listener): () => void; emit(): void } {
  const listeners = new Set<Listener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit() {
      for (const listener of listeners) listener();
    },
  };
}
