import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../test/harness.js";

let h: Harness;
let web: FastifyInstance;
let webRoot: string;
let officer: Client;
beforeAll(async () => {
  h = await createHarness();
  // A built web app in miniature: the page shell and one hashed asset, as Vite writes them.
  webRoot = mkdtempSync(path.join(os.tmpdir(), "silah-web-"));
  mkdirSync(path.join(webRoot, "assets"));
  writeFileSync(
    path.join(webRoot, "index.html"),
    '<!doctype html><html lang="ar" dir="rtl"><script type="module" src="/assets/index-Abc123.js"></script></html>',
  );
  writeFileSync(path.join(webRoot, "assets", "index-Abc123.js"), "console.log('silah')");
  web = await buildApp({ config: h.config, db: h.db, clock: h.clock, modules: h.modules, webRoot });
  const association = await createAssociation(h, "headers");
  officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
});
afterAll(async () => {
  await web.close();
  await h.close();
  rmSync(webRoot, { recursive: true, force: true });
});

function directives(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)] as [string, string]),
  );
}

describe("security headers", () => {
  it("serve the web app under a policy that lets only this server's own scripts run", async () => {
    const page = await web.inject({ method: "GET", url: "/beneficiaries/new" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    const csp = directives(page.headers["content-security-policy"]);
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("script-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    for (const [name, value] of csp) {
      if (name.startsWith("script")) expect(value, name).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      expect(value, name).not.toMatch(/https?:\/\//); // no third-party origin anywhere
    }
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    // The shell is revalidated so a new release is picked up; hashed assets are cached for good.
    expect(page.headers["cache-control"]).toBe("no-cache");
    const asset = await web.inject({ method: "GET", url: "/assets/index-Abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("forbid any cache from keeping an API answer, personal or error", async () => {
    const session = await officer.request("GET", "/api/auth/session");
    expect(session.statusCode).toBe(200);
    const refused = await h.app.inject({ method: "GET", url: "/api/beneficiaries" });
    expect(refused.statusCode).toBe(401);
    const missing = await officer.request("GET", "/api/nothing-here");
    expect(missing.statusCode).toBe(404);
    for (const response of [session, refused, missing]) {
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(response.headers["x-request-id"]).toBeTruthy();
    }
  });

  it("ask browsers for HTTPS only in production", async () => {
    const development = await h.app.inject({ method: "GET", url: "/healthz" });
    expect(development.headers["strict-transport-security"]).toBeUndefined();
    expect(development.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");

    const production = await buildApp({
      config: productionConfig(),
      db: h.db,
      clock: h.clock,
      modules: h.modules,
    });
    const health = await production.inject({ method: "GET", url: "/healthz" });
    await production.close();
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(health.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("keep the API document to administrators in production, open elsewhere unless configured", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);

    const production = await buildApp({
      config: productionConfig(),
      db: h.db,
      clock: h.clock,
      modules: h.modules,
    });
    const association = await createAssociation(h, "openapi");
    const administrator = await createUser(h, association.id, ["administrator"]);
    // Signed in (with the second factor administrators need) through the harness: the session is shared.
    const administratorCookie = (await signIn(h, administrator.email)).cookie;
    const anonymous = await production.inject({ method: "GET", url: "/api/openapi.json" });
    const asOfficer = await production.inject({
      method: "GET",
      url: "/api/openapi.json",
      cookies: { silah_session: officer.cookie },
    });
    const asAdministrator = await production.inject({
      method: "GET",
      url: "/api/openapi.json",
      cookies: { silah_session: administratorCookie },
    });
    await production.close();
    expect(anonymous.statusCode).toBe(401);
    expect(asOfficer.statusCode).toBe(403);
    expect(asOfficer.json().code).toBe("forbidden");
    expect(asAdministrator.statusCode).toBe(200);
    expect(asAdministrator.json().openapi).toBe("3.1.0");

    const opened = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://localhost/silah",
      SILAH_SESSION_SECRET: "x".repeat(32),
      SILAH_PUBLIC_URL: "https://silah.example.org",
      SILAH_OPENAPI: "public",
    });
    expect(opened.openApi).toBe("public");
  });
});

function productionConfig() {
  const production = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: "postgres://localhost/silah",
    SILAH_SESSION_SECRET: "x".repeat(32),
    SILAH_PUBLIC_URL: "https://silah.example.org",
    SILAH_LOG_LEVEL: "silent",
  });
  // Everything but the environment stays the harness's (its database, files and session secret).
  return { ...h.config, env: production.env, openApi: production.openApi };
}
