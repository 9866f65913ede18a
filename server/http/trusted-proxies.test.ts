import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createHarness, type Harness } from "../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

/** The address the server believes the client has, read through a route added for the test. */
async function clientAddress(trustedProxies: string[], remoteAddress: string, forwardedFor: string) {
  const config = { ...h.config, trustedProxies };
  const app = await buildApp({ config, db: h.db, clock: h.clock, modules: h.modules });
  app.get("/test/address", { config: { access: "public" } }, async (request) => ({ ip: request.ip }));
  const response = await app.inject({
    method: "GET",
    url: "/test/address",
    remoteAddress,
    headers: { "x-forwarded-for": forwardedFor },
  });
  await app.close();
  return (response.json() as { ip: string }).ip;
}

describe("the client address behind proxies", () => {
  it("ignores X-Forwarded-For when no proxy is configured, so a header cannot dodge a limit", async () => {
    expect(await clientAddress([], "198.51.100.9", "203.0.113.1")).toBe("198.51.100.9");
  });

  it("believes X-Forwarded-For only from a configured proxy address or range", async () => {
    expect(await clientAddress(["10.0.0.0/8"], "10.1.2.3", "203.0.113.1")).toBe("203.0.113.1");
    expect(await clientAddress(["10.0.0.5"], "198.51.100.9", "203.0.113.1")).toBe("198.51.100.9");
  });
});
