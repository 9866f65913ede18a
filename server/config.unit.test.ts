import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("runs on the embedded database in ./data with no settings at all", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe("pglite");
    expect(config.database.kind === "pglite" && config.database.dataDir.endsWith("/data")).toBe(true);
    expect(config.session.secureCookie).toBe(false);
  });

  it("switches to a PostgreSQL server with DATABASE_URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://silah@db.internal:5432/silah" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://silah@db.internal:5432/silah" });
  });

  it("refuses to start in production without its secrets, listing every problem at once", () => {
    try {
      loadConfig({ NODE_ENV: "production", PORT: "not-a-port" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/SILAH_SESSION_SECRET: is required in production/);
      expect(problems).toMatch(/DATABASE_URL: is required in production/);
      expect(problems).toMatch(/SILAH_PUBLIC_URL: is required in production/);
    }
  });

  it("accepts production with a database and a long secret, and marks cookies Secure", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://silah@db:5432/silah",
      SILAH_SESSION_SECRET: "x".repeat(40),
      SILAH_PUBLIC_URL: "https://silah.example.org",
    });
    expect(config.session.secureCookie).toBe(true);
  });

  it("reads trusted proxies as addresses and ranges, and refuses anything else", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ SILAH_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1,::1" }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "::1",
    ]);
    for (const bad of ["everyone", "10.0.0.0/33", "true", "1.2.3.4/8/9"]) {
      expect(() => loadConfig({ SILAH_TRUSTED_PROXIES: bad })).toThrow(/SILAH_TRUSTED_PROXIES/);
    }
  });
});
