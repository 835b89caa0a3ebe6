// The urql client: document cache, bearer auth from the session, fetch for queries/mutations and graphql-ws
// (same /graphql path) for subscriptions. The API only reads `Authorization: Bearer` and, over graphql-ws, the
// `authorization` connection param (api/src/graphql/ws.ts).
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { ref } from "vue";
import { session } from "../composables/session";

let ws: WsClient | null = null;

/** True while the live connection is open and acknowledged by the API (what the console's "connected" badge shows). */
export const liveConnected = ref(false);

function wsUrl(): string {
  const u = new URL("/graphql", window.location.href);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  return u.toString();
}

function wsClient(): WsClient {
  ws ??= createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session.token.value !== null,
    connectionParams: () => ({ authorization: `Bearer ${session.token.value ?? ""}` }),
    on: {
      connected: () => {
        liveConnected.value = true;
      },
      closed: () => {
        liveConnected.value = false;
      },
    },
  });
  return ws;
}

/** Closes the live connection: after logout (or a token change) the next subscription reconnects with the new token. */
export function resetLiveConnection() {
  ws?.dispose();
  ws = null;
  liveConnected.value = false;
}

export function createUrqlClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: "/graphql",
    requestPolicy: "cache-and-network",
    fetchOptions: () => {
      const token = session.token.value;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const unauth = error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED") || error.response?.status === 401;
          if (unauth && session.token.value) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
