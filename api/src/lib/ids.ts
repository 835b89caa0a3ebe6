import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";
import { flat } from "./flat.js";

// uuid's v7 asks the OS for 16 random bytes per id; the hot paths make several ids per request (a postback makes
// five), so the bytes come from a pool refilled 4 KiB at a time. The time/sequence state (monotonic within a
// millisecond) is kept here the way uuid keeps its own.
const pool = new Uint8Array(4096);
let at = pool.length;
let lastMs = Number.NEGATIVE_INFINITY;
let seq = 0;

/** Time-sortable, unguessable ids (UUIDv7: 48-bit time, 74 random bits) for every row. */
export const newId = (): string => {
  if (at + 16 > pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  const random = pool.subarray(at, at + 16);
  at += 16;
  const now = Date.now();
  if (now > lastMs) {
    seq = (((random[6] as number) & 0x7f) << 24) | ((random[7] as number) << 16) | ((random[8] as number) << 8) | (random[9] as number);
    lastMs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  // uuid builds the text from 20 pieces; ids are held in counters, caches and batches.
  return flat(v7({ random, msecs: lastMs, seq }));
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
