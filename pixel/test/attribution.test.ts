import { afterEach, describe, expect, it } from "vitest";
import { fromUrl, resolve } from "../src/attribution";
import { fakeBrowser } from "./dom";

const A = "0191a0b0-0000-7000-8000-00000000000a";
const B = "0191a0b0-0000-7000-8000-00000000000b";
const V = "0191a0b0-0000-7000-8000-0000000000ff";

afterEach(() => {
  for (const k of ["document", "location", "window", "localStorage"]) delete (globalThis as Record<string, unknown>)[k];
});

describe("fromUrl", () => {
  it("reads _tly_click (or tly_click) and vid, ignoring anything that is not a UUID", () => {
    expect(fromUrl(`?_tly_click=${A}&vid=${V}`)).toEqual({ click: A, vid: V });
    expect(fromUrl(`?tly_click=${A.toUpperCase()}`)).toEqual({ click: A, vid: undefined });
    expect(fromUrl("?_tly_click=<script>&vid=1")).toEqual({ click: undefined, vid: undefined });
    // The offer redirect's default click-id parameter, or one named by data-click-param.
    expect(fromUrl(`?sub2=${A}`).click).toBe(A);
    expect(fromUrl(`?subid=${B}`, "subid").click).toBe(B);
    expect(fromUrl("?sub2=not-ours").click).toBeUndefined();
  });
});

describe("resolve", () => {
  it("keeps the click from the URL in a first-party cookie with the configured lifetime", () => {
    const b = fakeBrowser(`https://shop.example/p?_tly_click=${A}&vid=${V}`);
    expect(resolve(undefined, location.search, 7)).toMatchObject({ click: A, vid: V });
    expect(b.cookieWrites[0]).toBe(`_tly_click=${A}; max-age=604800; path=/; SameSite=Lax; Secure`);
    // A later page without the parameter still knows the click.
    (globalThis as { location: { search: string } }).location.search = "";
    expect(resolve(undefined, "", 7)).toMatchObject({ click: A, vid: V });
  });

  it("prefers the lander context, then a fresh URL click over an older cookie", () => {
    const b = fakeBrowser(`http://shop.example/?_tly_click=${B}`);
    b.jar.set("_tly_click", A);
    expect(resolve(undefined, location.search, 30).click).toBe(B);
    expect(b.jar.get("_tly_click")).toBe(B);
    expect(resolve({ click: A, landing: V }, location.search, 30)).toMatchObject({ click: A, landing: V });
  });

  it("survives a document whose cookie access throws", () => {
    fakeBrowser("https://x.example/");
    Object.defineProperty(globalThis.document, "cookie", {
      get() {
        throw new Error("SecurityError");
      },
      set() {
        throw new Error("SecurityError");
      },
    });
    expect(resolve(undefined, `?_tly_click=${A}`, 30).click).toBe(A);
  });
});
