// A minimal stand-in for the few browser globals the pixel's pieces touch (real browsers are covered by the
// pixel-browser project): a cookie jar with max-age, location, localStorage.
export function fakeBrowser(href: string) {
  const jar = new Map<string, string>();
  const store = new Map<string, string>();
  const g = globalThis as Record<string, unknown>;
  const url = new URL(href);
  g.location = { href, search: url.search, protocol: url.protocol, origin: url.origin };
  g.document = {
    referrer: "https://ref.example/",
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(s: string) {
      const [pair, ...attrs] = s.split("; ");
      const [k, v] = (pair as string).split("=") as [string, string];
      const maxAge = attrs.find((a) => a.startsWith("max-age="));
      if (maxAge && Number(maxAge.slice(8)) <= 0) jar.delete(k);
      else jar.set(k, v);
      cookieWrites.push(s);
    },
  };
  g.window = g;
  g.localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  const cookieWrites: string[] = [];
  return { jar, store, cookieWrites };
}
