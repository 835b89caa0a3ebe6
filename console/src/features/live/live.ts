// Live conversions: one graphql-ws subscription for the whole app (started by the layout), feeding the bell and
// the conversions page. New events flash and, when the operator allowed sound, chime.
import { computed, reactive, ref } from "vue";
import { liveConnected } from "../../graphql/client";

export interface LiveEvent {
  key: string;
  at: number;
  change: string;
  conversionId: string;
  campaignId: string;
  type: string;
  status: string;
  revenue: string;
  currency: string;
  transactionId: string;
  country: string;
}

const MAX = 50;
const subscriptionFailed = ref(false);
export const live = reactive({
  events: [] as LiveEvent[],
  unread: 0,
  /** The websocket is up and acknowledged and the subscription has not failed; false while it reconnects. */
  connected: computed(() => liveConnected.value && !subscriptionFailed.value),
});

export function setSubscriptionFailed(failed: boolean) {
  subscriptionFailed.value = failed;
}
export const soundOn = ref(globalThis.localStorage?.getItem("trackily.liveSound") === "1");

export function setSound(on: boolean) {
  soundOn.value = on;
  try {
    localStorage.setItem("trackily.liveSound", on ? "1" : "0");
  } catch {
    /* ignore */
  }
}

function chime() {
  if (!soundOn.value) return;
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  } catch {
    /* no audio */
  }
}

export function pushLive(e: Omit<LiveEvent, "key" | "at">) {
  live.events.unshift({ ...e, key: `${e.conversionId}:${Date.now()}:${Math.random()}`, at: Date.now() });
  if (live.events.length > MAX) live.events.length = MAX;
  live.unread++;
  chime();
}

export function markRead() {
  live.unread = 0;
}
