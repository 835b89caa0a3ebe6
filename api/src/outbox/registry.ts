// The running outbox of each app instance, so a commit anywhere can wake it without importing the app.
import type { Deps } from "../deps.js";

const kickers = new WeakMap<Deps, () => void>();

export function registerOutbox(deps: Deps, kick: () => void): void {
  kickers.set(deps, kick);
}

export function unregisterOutbox(deps: Deps): void {
  kickers.delete(deps);
}

/** Wakes the outbox now instead of at its next poll (no-op when none runs, e.g. in scripts). */
export function kickOutbox(deps: Deps): void {
  kickers.get(deps)?.();
}
