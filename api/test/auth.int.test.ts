import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { ADMIN, startTestApp, type TestApp } from "./helpers/app.js";

const Viewer = graphql(`
  query Viewer {
    viewer {
      actorType
      name
      permissions { section read write }
    }
  }
`);

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on MutationLoginSuccess { data { token expiresAt user { email role } } }
      ... on Error { message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const CreateKey = graphql(`
  mutation CreateKey($name: String!, $scopes: [SectionAccessInput!]) {
    createApiKey(name: $name, scopes: $scopes) {
      __typename
      ... on MutationCreateApiKeySuccess { data { key apiKey { id prefix scopes { section read write } } } }
      ... on Error { message }
    }
  }
`);

const RevokeKey = graphql(`
  mutation RevokeKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { revokedAt } } }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

describe("login and sessions", () => {
  it("signs in over REST and GraphQL, and the token authenticates", async () => {
    const r = await t.rest("POST", "/admin/api/login", { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^tly_sess_/);
    expect(r.body.user).toMatchObject({ email: ADMIN.email, role: "ADMIN" });

    const g = await t.gql(Login, { email: ADMIN.email, password: ADMIN.password });
    expect(g.data?.login.__typename).toBe("MutationLoginSuccess");

    const me = await t.gql(Viewer, {}, r.body.token);
    expect(me.data?.viewer?.actorType).toBe("USER");
    expect(me.data?.viewer?.permissions).toHaveLength(10);
  });

  it("refuses a wrong password without saying whether the email exists, and stores no session", async () => {
    const before = await t.app.deps.db.prisma.session.count();
    const wrong = await t.rest("POST", "/admin/api/login", { body: { email: ADMIN.email, password: "nope" } });
    const unknown = await t.rest("POST", "/admin/api/login", { body: { email: "ghost@test.local", password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe(unknown.body.error);
    expect(await t.app.deps.db.prisma.session.count()).toBe(before);
  });

  it("names the bad field on malformed input", async () => {
    const r = await t.rest("POST", "/admin/api/login", { body: { email: "not-an-email" } });
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "password"]);
    const bad = await t.rest("POST", "/admin/api/login", { body: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
  });

  it("rate-limits repeated attempts for one email", async () => {
    const email = "victim@test.local";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.rest("POST", "/admin/api/login", { body: { email, password: `guess-${i}` } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("logout revokes the token", async () => {
    const token = await t.login();
    expect((await t.rest("GET", "/admin/api/me", { token })).status).toBe(200);
    expect((await t.rest("POST", "/admin/api/logout", { token })).status).toBe(200);
    expect((await t.rest("GET", "/admin/api/me", { token })).status).toBe(401);
    expect((await t.gql(Viewer, {}, token)).data?.viewer).toBeNull();
  });

  it("an expired session is refused", async () => {
    const token = await t.login();
    await t.app.deps.db.prisma.session.updateMany({
      where: { expiresAt: { gt: new Date() }, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await t.rest("GET", "/admin/api/me", { token })).status).toBe(401);
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, scoped, usable as Bearer or X-Api-Key, and revocable", async () => {
    const token = await t.login();
    const created = await t.gql(CreateKey, { name: "optimizer", scopes: [{ section: "reports", read: true, write: false }] }, token);
    expect(created.data?.createApiKey.__typename).toBe("MutationCreateApiKeySuccess");
    if (created.data?.createApiKey.__typename !== "MutationCreateApiKeySuccess") throw new Error("unreachable");
    const { key, apiKey } = created.data.createApiKey.data;
    expect(key).toMatch(/^tly_key_/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);

    const stored = await t.app.deps.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.keyHash).not.toContain(key.slice(8));
    expect(JSON.stringify(stored)).not.toContain(key);

    const viaHeader = await t.rest("GET", "/admin/api/me", { headers: { "x-api-key": key } });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.type).toBe("API_KEY");
    expect(viaHeader.body.permissions.reports).toEqual({ read: true, write: false });
    expect(viaHeader.body.permissions.campaigns).toEqual({ read: false, write: false });

    // Scoped: reports only, so campaigns are refused.
    expect((await t.rest("GET", "/admin/api/campaigns", { token: key })).status).toBe(403);

    const revoked = await t.gql(RevokeKey, { id: apiKey.id }, token);
    expect(revoked.data?.revokeApiKey.__typename).toBe("MutationRevokeApiKeySuccess");
    expect((await t.rest("GET", "/admin/api/me", { token: key })).status).toBe(401);
  });

  it("cannot be created by an API key", async () => {
    const token = await t.login();
    const created = await t.gql(CreateKey, { name: "k1", scopes: [{ section: "users", read: true, write: true }] }, token);
    if (created.data?.createApiKey.__typename !== "MutationCreateApiKeySuccess") throw new Error("expected a key");
    const second = await t.gql(CreateKey, { name: "k2" }, created.data.createApiKey.data.key);
    expect(second.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the first admin", () => {
  it("is created once from ADMIN_EMAIL / ADMIN_PASSWORD with an audit entry", async () => {
    const users = await t.app.deps.db.prisma.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]?.passwordHash).toMatch(/^scrypt\$/);
    const audit = await t.app.deps.db.prisma.auditLog.findFirst({ where: { action: "user.create" } });
    expect(audit?.actorType).toBe("SYSTEM");
  });
});
