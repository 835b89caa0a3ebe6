// The app's single urql client, reachable from the router guard as well as from components.
import type { Client } from "@urql/core";
import { ViewerQuery } from "../features/auth/documents";
import { setAccount } from "../composables/format";
import { can, session } from "../composables/session";
import { SettingsQuery } from "../features/settings/documents";
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
    id: v.user?.id ?? null,
    name: v.user?.name || v.name,
    email: v.user?.email ?? null,
    role: v.user?.role ?? null,
    actorType: v.actorType,
    permissions: v.permissions,
  });
  // Money and dates in the account currency and time zone (reports also return them for those who cannot read settings).
  if (can("settings")) {
    const s = await client.query(SettingsQuery, {}).toPromise();
    setAccount(s.data?.settings.accountCurrency, s.data?.settings.timezone);
  }
  return true;
}

export function signOut() {
  session.setToken(null);
  resetLiveConnection();
  onSignedOut();
}
