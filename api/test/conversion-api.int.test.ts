import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Deps } from "../src/deps.js";
import { newId } from "../src/lib/ids.js";
import { hashPassword } from "../src/lib/secrets.js";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { withAdmin } from "./helpers/pg.js";
import { createClick, createFixture, type Fixture } from "./helpers/conversion-fixtures.js";

const Conversions = graphql(`
  query ConvList($filter: ConversionFilter) {
    conversions(filter: $filter, first: 10) {
      totalCount
      edges { node { id status revenue revenueAccount type transactionId } }
    }
  }
`);
const ConversionDetail = graphql(`
  query ConvDetail($id: ID!) {
    conversion(id: $id) {
      id status ecomStatus revenue
      history { fromStatus toStatus toEcomStatus origin userId note }
      postbackLog { outcome channel }
      deliveries { eventId status }
    }
  }
`);
const Change = graphql(`
  mutation ChangeConv($input: ChangeConversionInput!) {
    changeConversion(input: $input) {
      __typename
      ... on MutationChangeConversionSuccess { data { outcome conversion { status revenue ecomStatus } } }
      ... on Error { message }
    }
  }
`);
const CreateKey = graphql(`
  mutation CreatePbKey($name: String) {
    createPostbackKey(name: $name) {
      __typename
      ... on MutationCreatePostbackKeySuccess { data { key postbackKey { id prefix revokedAt } } }
      ... on Error { message }
    }
  }
`);
const Logout = graphql(`
  mutation LogoutMe { logout }
`);

const SUB = `subscription Live($campaignId: ID) { conversionRecorded(campaignId: $campaignId) { conversionId campaignId change conversion { revenue } } }`;

let a: TestApp;
let b: TestApp;
let deps: Deps;
let f: Fixture;
let token: string;
beforeAll(async () => {
  a = await startTestApp({ redis: true });
  // Node A's migration run leaves its advisory lock on an idle pooled connection (the unlock can run on another
  // connection of the pool), so a second node would wait for it: end A's idle connections first (A reconnects).
  await withAdmin((cl) =>
    cl.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle' AND pid <> pg_backend_pid()", [a.db?.name]),
  );
  b = await startTestApp({ redis: true, shareDatabaseOf: a });
  deps = a.app.deps;
  token = await a.login();
  f = await createFixture(deps, { postbackUrl: "https://source.example/pb?c={click_id}&s={status}", onStatusChange: true });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

function wsClient(url: string, tok: string): Client {
  return createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${tok}` },
    retryAttempts: 0,
  });
}

/** Collects events of one subscription until `n` arrive (or it ends). */
function collect(client: Client, variables: Record<string, unknown>) {
  const events: Array<Record<string, unknown>> = [];
  let ended: unknown = null;
  let done = false;
  const dispose = client.subscribe(
    { query: SUB, variables },
    {
      next: (v) => events.push((v.data as Record<string, Record<string, unknown>>).conversionRecorded as Record<string, unknown>),
      error: (e) => {
        ended = e;
        done = true;
      },
      complete: () => {
        done = true;
      },
    },
  );
  return { events, dispose, isDone: () => done, error: () => ended };
}

const until = async (fn: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("conversions API", () => {
  it("lists, shows history and log, changes status and revenue (audited, re-sent)", async () => {
    const c = await createClick(deps, f);
    const pb = await a.rest("GET", `/postback?click_id=${c.clickId}&status=pending&txid=Z`);
    const id = pb.body.conversion_id as string;
    const list = await a.gql(Conversions, { filter: { campaignId: f.campaignId, status: "PENDING" } }, token);
    expect(list.data?.conversions.edges.map((e) => e.node.id)).toContain(id);
    const ch = await a.gql(Change, { input: { id, status: "sale", note: "checked with the network" } }, token);
    expect(ch.data?.changeConversion).toMatchObject({
      data: { outcome: "status_change", conversion: { status: "APPROVED", revenue: "40", ecomStatus: "sale" } },
    });
    const ed = await a.gql(Change, { input: { id, revenue: "55.5" } }, token);
    expect(ed.data?.changeConversion).toMatchObject({ data: { conversion: { status: "APPROVED", revenue: "55.5" } } });
    const d = await a.gql(ConversionDetail, { id }, token);
    expect(d.data?.conversion?.history.map((h) => [h.fromStatus, h.toStatus, h.origin, h.note])).toEqual([
      [null, "PENDING", "POSTBACK", "created"],
      ["PENDING", "APPROVED", "OPERATOR", "checked with the network"],
      ["APPROVED", "APPROVED", "OPERATOR", ""],
    ]);
    expect(d.data?.conversion?.postbackLog.map((l) => l.outcome)).toEqual(["RECORDED", "STATUS_CHANGE", "STATUS_CHANGE"]);
    // the source asked for status changes: created (pending), approved, revenue edit
    expect(d.data?.conversion?.deliveries).toHaveLength(3);
    const audit = await deps.db.prisma.auditLog.findMany({ where: { entityType: "conversion", entityId: id } });
    expect(audit.map((x) => x.action).sort()).toEqual(["conversion.revenue_edit", "conversion.status_change"]);
    const bad = await a.gql(Change, { input: { id, revenue: "-3" } }, token);
    expect(bad.data?.changeConversion.__typename).toBe("ValidationError");

    // REST
    const rl = await a.rest("GET", `/admin/api/conversions?campaignId=${f.campaignId}&status=approved`, { token });
    expect(rl.status).toBe(200);
    expect(rl.body.data.map((x: { id: string }) => x.id)).toContain(id);
    const rd = await a.rest("GET", `/admin/api/conversions/${id}`, { token });
    expect(rd.body.history).toHaveLength(3);
    expect(rd.body.postbackLog).toHaveLength(3);
    const rp = await a.rest("PATCH", `/admin/api/conversions/${id}`, { token, body: { status: "refunded" } });
    expect(rp.body).toMatchObject({ outcome: "removed", conversion: { status: "REJECTED", ecomStatus: "refunded" } });
    expect((await a.rest("GET", "/admin/api/conversions?status=nope", { token })).status).toBe(400);
    expect((await a.rest("GET", "/admin/api/conversions")).status).toBe(401);
    const log = await a.rest("GET", `/admin/api/postback-log?clickId=${c.clickId}`, { token });
    expect(log.body.data.length).toBeGreaterThanOrEqual(1);
  });

  it("postback keys over GraphQL and REST", async () => {
    const k = await a.gql(CreateKey, { name: "main" }, token);
    if (k.data?.createPostbackKey.__typename !== "MutationCreatePostbackKeySuccess") throw new Error(JSON.stringify(k));
    expect(k.data.createPostbackKey.data.key).toMatch(/^tly_pb_/);
    const r = await a.rest("POST", "/admin/api/postback-keys", { token, body: { name: "second" } });
    expect(r.status).toBe(201);
    const third = await a.rest("POST", "/admin/api/postback-keys", { token, body: { name: "third" } });
    expect(third.status).toBe(409);
    const list = await a.rest("GET", "/admin/api/postback-keys", { token });
    expect(list.body.data).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain("keyHash");
    for (const row of list.body.data) expect((await a.rest("POST", `/admin/api/postback-keys/${row.id}/revoke`, { token })).status).toBe(200);
  });
});

describe("conversionRecorded subscription", () => {
  it("a postback on node A reaches a graphql-ws subscriber on node B (Redis), filtered by campaign", async () => {
    const f2 = await createFixture(deps);
    const client = wsClient(b.url, token);
    const all = collect(client, {});
    const only2 = collect(client, { campaignId: f2.campaignId });
    await new Promise((r) => setTimeout(r, 300));
    const c1 = await createClick(deps, f);
    const c2 = await createClick(deps, f2);
    const r1 = await a.rest("GET", `/postback?click_id=${c1.clickId}&payout=3`);
    const r2 = await a.rest("GET", `/postback?click_id=${c2.clickId}&payout=4`);
    await until(() => all.events.length >= 2 && only2.events.length >= 1);
    expect(all.events.map((e) => e.conversionId)).toEqual([r1.body.conversion_id, r2.body.conversion_id]);
    expect(all.events[0]).toMatchObject({ change: "created", conversion: { revenue: "3" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(only2.events.map((e) => e.conversionId)).toEqual([r2.body.conversion_id]);
    all.dispose();
    only2.dispose();
    await client.dispose();
  });

  it("needs auth at connection_init and read access to reports; a revoked session ends it", async () => {
    const bad = wsClient(a.url, "tly_sess_nope");
    const s = collect(bad, {});
    await until(() => s.isDone());
    await bad.dispose();

    const tok2 = await a.login();
    const client = wsClient(b.url, tok2);
    const live = collect(client, {});
    await new Promise((r) => setTimeout(r, 300));
    await a.gql(Logout, {}, tok2);
    await until(() => live.isDone());
    await client.dispose();
  });

  it("is scoped by role: a custom role without reports cannot subscribe or list, a viewer can", async () => {
    const hash = await hashPassword("role-password-1");
    await deps.db.prisma.user.create({
      data: { id: newId(), email: "noreports@test.local", passwordHash: hash, role: "CUSTOM", permissions: { campaigns: { read: true } } },
    });
    await deps.db.prisma.user.create({ data: { id: newId(), email: "viewer@test.local", passwordHash: hash, role: "VIEWER" } });
    const noReports = await a.login("noreports@test.local", "role-password-1");
    const viewer = await a.login("viewer@test.local", "role-password-1");
    const denied = wsClient(a.url, noReports);
    const s1 = collect(denied, {});
    await until(() => s1.isDone());
    expect(s1.error()).toBeTruthy();
    await denied.dispose();
    expect((await a.gql(Conversions, {}, noReports)).errors?.length).toBeGreaterThan(0);
    expect((await a.rest("GET", "/admin/api/conversions", { token: noReports })).status).toBe(403);
    expect((await a.gql(Change, { input: { id: newId(), status: "sale" } }, viewer)).errors?.length).toBeGreaterThan(0);
    const ok = wsClient(a.url, viewer);
    const s2 = collect(ok, {});
    await new Promise((r) => setTimeout(r, 300));
    const c = await createClick(deps, f);
    await a.rest("GET", `/postback?click_id=${c.clickId}`);
    await until(() => s2.events.length >= 1);
    s2.dispose();
    await ok.dispose();
  });

  it("works over SSE through Yoga", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${a.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUB, variables: { campaignId: f.campaignId } }),
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await new Promise((r) => setTimeout(r, 300));
    const c = await createClick(deps, f);
    const pb = await a.rest("GET", `/postback?click_id=${c.clickId}&payout=8`);
    let text = "";
    while (!text.includes(pb.body.conversion_id)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain(pb.body.conversion_id);
    ctrl.abort();
  });
});
