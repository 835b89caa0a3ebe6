// The event bus: GraphQL subscriptions and config-snapshot invalidation share it. In process by default; over
// Redis pub/sub when REDIS_URL is set, so an event published on one api node reaches every node.
import { setMaxListeners } from "node:events";
import { createPubSub, type PubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { Redis } from "ioredis";

/** Topics and their payloads. Keep payloads small and JSON-safe (they cross Redis). */
export interface BusTopics {
  /** Some operator configuration changed: the click engine reloads its snapshot. */
  "config:changed": [{ entity: string; id?: string; at: number }];
  /** A conversion committed (created or changed status). */
  "conversion:recorded": [
    {
      conversionId: string;
      campaignId: string;
      offerId: string | null;
      sourceId: string | null;
      change: "created" | "status" | "revenue";
      /** A new conversion that counts toward its offer's caps (approved, not a rebill): the click engine bumps its count. */
      capCounted?: boolean;
    },
  ];
  /** A session or API key was revoked: subscriptions on it end. */
  "auth:revoked": [{ sessionId?: string; apiKeyId?: string; userId?: string }];
  /** A new in-app notification. */
  "notification:created": [{ notificationId: string; userId: string | null }];
}

export type Bus = PubSub<{ [K in keyof BusTopics]: BusTopics[K] }>;

export function memoryBus(): Bus {
  // Every open subscription (each console tab's live feed and bell, each graphql-ws connection's revocation watch)
  // is a listener on one topic: many are normal, so Node's "possible leak" warning past 10 would only be noise.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<{ [K in keyof BusTopics]: BusTopics[K] }>({ eventTarget: eventTarget as never });
}

/** Channels are namespaced by `prefix`, so several installs (or test runs) can share one Redis. */
export function redisBus(publishClient: Redis, subscribeClient: Redis, prefix = "tly:"): Bus {
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  const inner = createPubSub<Record<string, [unknown]>>({ eventTarget });
  return {
    publish: (topic: string, payload: unknown) => inner.publish(prefix + topic, payload),
    subscribe: (topic: string) => inner.subscribe(prefix + topic),
  } as unknown as Bus;
}
