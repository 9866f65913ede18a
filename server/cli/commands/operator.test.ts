import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as operator } from "./operator.js";

/** `npx silah operator create` on a fresh embedded database of its own. */
describe("silah operator create", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "silah-cli-operator-"));
  const saved = { ...process.env };
  const capture = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
  };

  beforeAll(() => {
    delete process.env.DATABASE_URL;
    process.env.NODE_ENV = "test";
    process.env.SILAH_DATA_DIR = dataDir;
    process.env.SILAH_LOG_LEVEL = "silent";
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const create = (email: string, password: string) =>
    ["create", "--email", email, "--name", "Badr Operator", "--password", password] as string[];

  it("refuses a guessable password and says why, in Arabic and English", { timeout: 180_000 }, async () => {
    const { lines, io } = capture();
    expect(await operator(create("ops@example.org", "1234567890"), io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/password \(password_weak\): كلمة المرور/);
  });

  it("creates the first operator, then a second one in the same platform", { timeout: 180_000 }, async () => {
    for (const email of ["ops@example.org", "ops2@example.org"]) {
      const { lines, io } = capture();
      expect(await operator(create(email, "orchard lantern 71 quietly"), io)).toBe(0);
      expect(lines.out.join("\n")).toMatch(new RegExp(`platform operator created: ${email}`));
    }
  });

  it("answers its usage for anything but create", async () => {
    const { lines, io } = capture();
    expect(await operator(["delete"], io)).toBe(2);
    expect(lines.err.join("\n")).toMatch(/usage: silah operator create/);
  });
});
