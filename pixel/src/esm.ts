// ESM build for bundlers: the same pieces, no globals touched until createTracker() is called.
export { createTracker, optedOut } from "./tracker";
export type { Options, Tracker } from "./tracker";
export { browserTransport, send } from "./send";
export type { Transport } from "./send";
export { resolve, fromUrl } from "./attribution";
export type { Context } from "./attribution";
