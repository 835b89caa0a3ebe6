// Visitor sessions (contract 3): the `_tly_vid` cookie and `visitors.session_expires_at` last this long after
// the visitor's latest activity; every click extends them. Other areas import this constant.
export const VISITOR_SESSION_MS = 4 * 24 * 3_600_000;

/** Cookie names set by /c/:slug: the visitor id and the last click id (the pixel reads `_tly_click`). */
export const VISITOR_COOKIE = "_tly_vid";
export const CLICK_COOKIE = "_tly_click";
