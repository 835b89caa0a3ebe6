// A variable that does not match its input type is the client's mistake: a 400 that says what was wrong, never
// a masked "Unexpected error".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.js";

describe("GraphQL variables that do not match their input type", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login();
  });
  afterAll(() => t.stop());

  const post = (query: string, variables: unknown) =>
    fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  const mutation = "mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { __typename } }";

  it("an unknown nested field answers 400 naming the field, and writes nothing", async () => {
    const res = await post(mutation, { i: { accountCurrency: "EUR", smtp: { host: "", user: "" } } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.message).toContain('Field "user" is not defined by type "SmtpSettingsInput"');
    expect(body.errors[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const settings = await t.app.deps.db.prisma.settings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.accountCurrency).toBe("USD");
  });

  it("a wrong scalar type answers 400 too", async () => {
    const res = await post(mutation, { i: { pixelCookieDays: "thirty" } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toContain("pixelCookieDays");
  });
});
