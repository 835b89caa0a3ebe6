import type { Deps } from "../../deps.js";

/** Base URL of tracking and postback links for this install (PUBLIC_URL, else localhost on the listening port). */
export const publicBase = (deps: Deps): string => deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
