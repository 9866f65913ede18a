import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as association } from "./association.js";
import { run as user } from "./user.js";

/** `npx silah user create` on a fresh embedded database of its own. */
describe("silah user create", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "silah-cli-user-"));
  const saved = { ...process.env };
  const capture = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
  };

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.NODE_ENV = "test";
    process.env.SILAH_DATA_DIR = dataDir;
    process.env.SILAH_LOG_LEVEL = "silent";
    const { io } = capture();
    expect(await association(["create", "--slug", "cli-test", "--name", "جمعية سطر الأوامر"], io)).toBe(0);
    // Opening and migrating a fresh embedded database twice: slower than one test harness.
  }, 180_000);
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const create = (password: string) =>
    [
      "create",
      "--association",
      "cli-test",
      "--email",
      "first.admin@cli.test",
      "--name",
      "Noura Admin",
      "--roles",
      "administrator",
      "--password",
      password,
    ] as string[];

  it("refuses a guessable password and says why, in Arabic and English", { timeout: 120_000 }, async () => {
    const { lines, io } = capture();
    expect(await user(create("1234567890"), io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/password \(password_weak\): كلمة المرور شائعة/);
    expect(lines.out).toEqual([]);
  });

  it("creates the account with a strong one", { timeout: 120_000 }, async () => {
    const { lines, io } = capture();
    expect(await user(create("orchard lantern 71 quietly"), io)).toBe(0);
    expect(lines.out.join("\n")).toMatch(/user created: first.admin@cli.test/);
  });
});
