import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffRoles } from "../shared/contracts/roles.js";
import { associations, auditEvents, sessions, users } from "./db/schema.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "./test/harness.js";

/**
 * One association never sees another's data (SPEC R2). The matrix walks every operation in the
 * generated OpenAPI document, so a new endpoint without a cross-tenant case fails here until one
 * is added to `cases`.
 */

type Case = { body?: unknown; query?: string; last?: boolean };

// How an all-roles user of association A calls each operation while aiming at association B.
// Path parameters are filled from B's ids by name (see `idsOfB`).
const cases: Record<string, Case> = {
  "GET /api/audit-events": {},
  "GET /api/associations/current": {},
  "GET /api/users": {},
  "POST /api/users": {
    body: {
      fullName: "مستخدم جديد",
      email: "newcomer@example.test",
      password: "long-enough-password",
      roles: ["officer"],
    },
  },
  "PATCH /api/me/preferences": { body: { locale: "en" } },
  "GET /api/auth/session": {},
  "POST /api/auth/sign-in": { body: { email: "b-user@example.test", password: "wrong-password" } },
  "POST /api/auth/sign-out": { last: true },
  "GET /healthz": {},
};

let h: Harness;
let clientA: Client;
let idsOfB: Record<string, string>;
let markersOfB: string[];

async function snapshotOfB(associationId: string) {
  return h.db.system(async (tx) => ({
    association: await tx.select().from(associations).where(eq(associations.id, associationId)),
    users: await tx.select().from(users).where(eq(users.associationId, associationId)).orderBy(users.id),
    sessions: await tx
      .select()
      .from(sessions)
      .where(eq(sessions.associationId, associationId))
      .orderBy(sessions.id),
    auditCount: await tx.$count(auditEvents, eq(auditEvents.associationId, associationId)),
  }));
}

beforeAll(async () => {
  h = await createHarness();
  const a = await createAssociation(h, "alpha");
  const b = await createAssociation(h, "beta");
  const userA = await createUser(h, a.id, [...staffRoles], "موظف ألفا");
  const userB = await createUser(h, b.id, [...staffRoles], "موظفة بيتا");
  await signIn(h, userB.email); // B has a live session and audit events of its own.
  clientA = await signIn(h, userA.email);
  const [sessionB] = await h.db.system((tx) =>
    tx.select().from(sessions).where(eq(sessions.userId, userB.id)),
  );
  idsOfB = { associationId: b.id, userId: userB.id, sessionId: sessionB!.id };
  markersOfB = [b.id, b.slug, b.nameAr, userB.id, userB.email, userB.fullName, sessionB!.id];
});
afterAll(() => h.close());

describe("cross-tenant matrix", () => {
  it("covers every operation of the API", async () => {
    const document = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const missing = operations.filter((operation) => !(operation in cases));
    expect(missing, "add a cross-tenant case for these operations").toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  });

  it("never shows or changes anything of association B to a user of association A", async () => {
    const before = await snapshotOfB(idsOfB.associationId!);
    const ordered = Object.entries(cases).sort(
      ([, x], [, y]) => Number(x.last ?? false) - Number(y.last ?? false),
    );
    for (const [operation, testCase] of ordered) {
      const [method, template] = operation.split(" ") as [
        "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
        string,
      ];
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const id = idsOfB[name];
        if (!id) throw new Error(`no id of B for path parameter ${name} in ${operation}`);
        return id;
      });
      const response = await clientA.request(
        method,
        testCase.query ? `${url}?${testCase.query}` : url,
        testCase.body,
      );
      expect(response.statusCode, `${operation} failed on the server`).toBeLessThan(500);
      for (const marker of markersOfB) {
        expect(response.body.includes(marker), `${operation} leaked ${marker}`).toBe(false);
      }
    }
    const after = await snapshotOfB(idsOfB.associationId!);
    expect(after).toEqual(before);
  });
});

describe("row-level security backstop", () => {
  it("confines a query that forgets its tenant filter to the current association", async () => {
    const a = await createAssociation(h, "rls-a");
    const b = await createAssociation(h, "rls-b");
    await createUser(h, a.id, ["officer"]);
    await createUser(h, b.id, ["officer"]);
    const seen = await h.db.tenant(a.id, async (tx) => ({
      users: await tx.select().from(users),
      associations: await tx.select().from(associations),
      audit: await tx.select().from(auditEvents),
      role: ((await tx.execute(sql`select current_user as role`)) as unknown as { rows: { role: string }[] })
        .rows[0]!,
    }));
    expect(seen.role.role).toBe("silah_app");
    expect(seen.users.length).toBeGreaterThan(0);
    expect(seen.users.every((u) => u.associationId === a.id)).toBe(true);
    expect(seen.associations.map((x) => x.id)).toEqual([a.id]);
    expect(seen.audit.every((e) => e.associationId === a.id)).toBe(true);
  });

  it("refuses to write a row into another association, and cannot touch its rows", async () => {
    const a = await createAssociation(h, "rls-w-a");
    const b = await createAssociation(h, "rls-w-b");
    const userB = await createUser(h, b.id, ["officer"]);
    await expect(
      h.db.tenant(a.id, (tx) =>
        tx
          .insert(users)
          .values({ associationId: b.id, email: "intruder@example.test", fullName: "x", passwordHash: "x" }),
      ),
    ).rejects.toThrow();
    const changed = await h.db.tenant(a.id, (tx) =>
      tx.update(users).set({ fullName: "تغيير" }).where(eq(users.id, userB.id)).returning(),
    );
    expect(changed).toEqual([]);
    const deleted = await h.db.tenant(a.id, (tx) =>
      tx.delete(users).where(eq(users.id, userB.id)).returning(),
    );
    expect(deleted).toEqual([]);
  });

  it("sees nothing at all when no association is set", async () => {
    const rows = await h.db.raw.transaction(async (tx) => {
      await tx.execute(sql`set local role silah_app`);
      return tx.select().from(users);
    });
    expect(rows).toEqual([]);
  });

  it("keeps the audit log append-only, even for the owner", async () => {
    const a = await createAssociation(h, "append");
    await expect(
      h.db.tenant(a.id, (tx) =>
        tx.update(auditEvents).set({ type: "x" }).where(eq(auditEvents.associationId, a.id)),
      ),
    ).rejects.toThrow();
    const error = await h.db
      .system((tx) => tx.delete(auditEvents).where(eq(auditEvents.associationId, a.id)))
      .catch((e: Error & { cause?: Error }) => e);
    expect((error as Error & { cause?: Error }).cause?.message).toMatch(/append-only/);
  });
});
