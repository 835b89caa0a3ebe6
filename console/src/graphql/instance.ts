// The app's single urql client, reachable from the router guard as well as from components.
import type { Client } from "@urql/core";
import { ViewerQuery } from "../features/auth/documents";
import { session } from "../composables/session";
import { createUrqlClient, resetLiveConnection } from "./client";

let onSignedOut: () => void = () => {};
export const client: Client = createUrqlClient(() => signOut());

export function whenSignedOut(fn: () => void) {
  onSignedOut = fn;
}

/** Loads who the token belongs to; false when the token is no longer valid. */
export async function loadViewer(): Promise<boolean> {
  if (!session.token.value) return false;
  const r = await client.query(ViewerQuery, {}, { requestPolicy: "network-only" }).toPromise();
  const v = r.data?.viewer;
  if (!v) {
    if (!r.error?.networkError) session.setToken(null);
    return false;
  }
  session.setUser({
    name: v.user?.name || v.name,
    email: v.user?.email ?? null,
    role: v.user?.role ?? null,
    actorType: v.actorType,
    permissions: v.permissions,
  });
  return true;
}

export function signOut() {
  session.setToken(null);
  resetLiveConnection();
  onSignedOut();
}
