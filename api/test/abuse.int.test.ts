// RELIABILITY.md I6 and the auth attack modes, against the real server: GraphQL alias, token, depth, directive
// and recursion floods, oversized and batched bodies, introspection and suggestions in production, graphql-ws
// connection rules, and writes that never run for an anonymous or under-privileged caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestApp, type TestApp } from "./helpers/app.js";

let t: TestApp;
let prod: TestApp;
let token: string;
beforeAll(async () => {
  [t, prod] = await Promise.all([startTestApp(), startTestApp({ env: { NODE_ENV: "production" } })]);
  token = await t.login();
});
afterAll(async () => {
  await Promise.all([t?.stop(), prod?.stop()]);
});

async function post(app: TestApp, body: unknown, auth: string | null = token) {
  const started = performance.now();
  const r = await app.rest("POST", "/graphql", { token: auth, body });
  return { ...r, ms: performance.now() - started };
}
const firstError = (body: { errors?: Array<{ message: string }> }) => body?.errors?.[0]?.message ?? "";

describe("GraphQL limits (I6)", () => {
  it("10,000 aliased mutations are refused before any resolver runs", async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: createDomain(input: { hostname: "h${i}.example.com" }) { __typename }`).join(" ");
    const r = await post(t, { query: `mutation { ${aliases} }` });
    expect(r.status === 413 || r.status === 400 || !!r.body?.errors).toBe(true);
    expect(await t.app.deps.db.prisma.domain.count()).toBe(0);
  });

  it("10,000 aliases of __typename are stopped by the token limit", async () => {
    const r = await post(t, { query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(" ")} }` });
    expect(firstError(r.body)).toMatch(/token|too large|alias/i);
  });

  it("refuses aliases hidden in fragments, deep nesting, recursive fragments and directive floods quickly", async () => {
    const timings: number[] = [];
    const fragmentAliases = `query { ...F } fragment F on Query { ${Array.from({ length: 40 }, (_, i) => `x${i}: __typename`).join(" ")} }`;
    let deep = "id";
    for (let i = 0; i < 10; i++) deep = `source { campaigns { ${deep} } }`;
    const cases: Array<[string, RegExp]> = [
      [fragmentAliases, /alias/i],
      [`{ campaigns(first: 1) { edges { node { ${deep} } } } }`, /depth|cost/i],
      ["query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }", /cannot spread fragment|cycle|recurs/i],
      [`{ __typename ${Array.from({ length: 50 }, () => "@include(if: true)").join(" ")} }`, /directive/i],
    ];
    for (const [query, expected] of cases) {
      const r = await post(t, { query });
      expect(firstError(r.body), query.slice(0, 60)).toMatch(expected);
      expect(r.body.data ?? null).toBeNull();
      timings.push(r.ms);
    }
    // Bounded work: rejections take milliseconds (generous bound for a shared 2-core machine).
    expect(Math.min(...timings)).toBeLessThan(100);
  });

  it("refuses oversized bodies, missing Content-Length semantics aside, and batched arrays", async () => {
    const big = await t.rest("POST", "/graphql", { token, body: { query: `{ __typename }`, variables: { pad: "x".repeat(300 * 1024) } } });
    expect(big.status).toBe(413);
    const batch = await t.rest("POST", "/graphql", { token, body: [{ query: "{ __typename }" }, { query: "{ __typename }" }] });
    expect(batch.status).toBeGreaterThanOrEqual(400);
  });

  it("turns introspection and field suggestions off in production", async () => {
    const ptoken = await prod.login();
    const intro = await post(prod, { query: "{ __schema { types { name } } }" }, ptoken);
    expect(firstError(intro.body)).toMatch(/introspection/i);
    const typo = await post(prod, { query: "{ campaignz { totalCount } }" }, ptoken);
    expect(firstError(typo.body)).not.toMatch(/did you mean/i);
    const devTypo = await post(t, { query: "{ campaignz { totalCount } }" });
    expect(firstError(devTypo.body)).toMatch(/did you mean/i);
  });
});

describe("writes need credentials and the right section", () => {
  it("anonymous and under-privileged mutations write nothing", async () => {
    const anon = await post(t, { query: 'mutation { createOffer(input: { name: "x", url: "https://x.example.com" }) { __typename } }' }, null);
    expect(anon.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    await t.rest("POST", "/admin/api/users", { token, body: { email: "viewer@abuse.test", password: "viewer-password", role: "VIEWER" } });
    const viewer = await t.login("viewer@abuse.test", "viewer-password");
    const denied = await post(t, { query: 'mutation { createOffer(input: { name: "x", url: "https://x.example.com" }) { __typename } }' }, viewer);
    expect(denied.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await t.rest("POST", "/admin/api/offers", { token: viewer, body: { name: "x", url: "https://x.example.com" } })).status).toBe(403);
    expect(await t.app.deps.db.prisma.offer.count()).toBe(0);
    const forged = await t.rest("GET", "/admin/api/offers", { token: "tly_sess_forged" });
    expect(forged.status).toBe(401);
    const key = await t.rest("GET", "/admin/api/offers", { headers: { "x-api-key": "tly_key_forged" } });
    expect(key.status).toBe(401);
  });

  it("REST answers 4xx, never 5xx, on malformed input", async () => {
    const cases: Array<[string, string, unknown, Record<string, string>?]> = [
      ["POST", "/admin/api/offers", "{not json", { "content-type": "application/json" }],
      ["POST", "/admin/api/offers", [1, 2, 3]],
      ["PATCH", "/admin/api/offers/0190f000-0000-7000-8000-000000000000", { name: "x" }],
      ["PATCH", "/admin/api/settings", { unknownSetting: true }],
      ["GET", "/admin/api/offers?cursor=zzz", undefined],
      ["POST", "/admin/api/import/all", { offers: "nope" }],
      ["POST", "/admin/api/flows", { campaignId: "0190f000-0000-7000-8000-000000000000", filters: "country=US" }],
      ["DELETE", "/admin/api/users/not-a-uuid", undefined],
      ["GET", "/admin/api/flows?campaignId=x", undefined],
      ["GET", "/admin/api/offers?networkId=x", undefined],
      ["GET", "/admin/api/campaigns/x/conflicts", undefined],
    ];
    for (const [method, path, body, headers] of cases) {
      const r = await t.rest(method, path, { token, body, headers });
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
      expect(typeof r.body.error).toBe("string");
    }
    for (const query of ['{ offer(id: "x") { id } }', '{ offers(filter: { ids: ["x"] }, first: 1) { totalCount } }', '{ flows(campaignId: "x") { id } }']) {
      const g = await post(t, { query });
      expect(g.body.errors[0].extensions.code, query).toBe("BAD_USER_INPUT");
      expect(g.body.errors[0].message, query).toMatch(/UUID/);
    }
    const huge = await t.rest("POST", "/admin/api/landings", { token, body: { name: "x", html: "x".repeat(6 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });
});

describe("graphql-ws", () => {
  const connect = (app: TestApp) => new WebSocket(`${app.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  const opened = (ws: WebSocket) => new Promise<void>((resolve) => ws.on("open", () => resolve()));

  it("closes 4403 on a bad token and 4429 on a second init", async () => {
    const bad = connect(t);
    await opened(bad);
    const badClosed = closed(bad);
    bad.send(JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer tly_sess_nope" } }));
    expect(await badClosed).toBe(4403);

    const twice = connect(t);
    await opened(twice);
    const twiceClosed = closed(twice);
    twice.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    twice.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    expect(await twiceClosed).toBe(4429);
  });

  it("ends the connection when its session is revoked (logout)", async () => {
    const session = await t.login();
    const ws = connect(t);
    await opened(ws);
    const acked = new Promise<void>((resolve) => ws.on("message", (m) => JSON.parse(String(m)).type === "connection_ack" && resolve()));
    const wsClosed = closed(ws);
    ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${session}` } }));
    await acked;
    expect((await t.rest("POST", "/admin/api/logout", { token: session })).status).toBe(200);
    expect(await wsClosed).toBe(4403);
  });

  it("closes 4408 when no connection_init arrives in time", async () => {
    const ws = connect(t);
    await opened(ws);
    expect(await closed(ws)).toBe(4408);
  }, 10_000);
});
