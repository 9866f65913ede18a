import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalCodes, portalSessions, surveyFollowUps, surveyInvitations } from "../../db/schema.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import type { Reactions } from "../module.js";

/**
 * Merging a duplicate (SPEC C1) keeps the person's whole history on the kept file: every module
 * that holds rows about a beneficiary moves its own rows in the merge's transaction (ADR 0015).
 */
let h: Harness;
let associationId: string;
let officer: Client;
let manager: Client;
let m1: Client;
let m2: Client;
let committeeId: string;
let serviceId: string;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

let people = 0;
async function register(fullName: string, extra: Record<string, unknown> = {}) {
  people++;
  return (
    await ok(
      await officer.request("POST", "/api/beneficiaries", {
        fullName,
        gender: "female",
        lawfulBasis: "service_request",
        email: `person${people}@example.test`,
        preferredChannel: "email",
        confirmNotDuplicate: true,
        ...extra,
      }),
      201,
    )
  ).id as string;
}

/** Opened complete (the quick service asks only the family size) and declared on screen. */
async function declaredRequest(beneficiaryId: string) {
  const opened = await ok(
    await officer.request("POST", "/api/requests", {
      beneficiaryId,
      serviceId,
      channel: "phone",
      data: { family_size: 3 },
    }),
    201,
  );
  const signature = await ok(
    await officer.request("POST", "/api/files?name=signature.pdf", Buffer.from("%PDF-1.4 signature"), {
      contentType: "application/pdf",
    }),
    201,
  );
  const declared = await ok(
    await officer.request("POST", `/api/requests/${opened.id}/declaration`, {
      method: "on_screen",
      fileId: signature.id,
    }),
  );
  expect(declared.request.state).toBe("declared");
  return opened.id as string;
}

async function merge(keepId: string, duplicateId: string) {
  return manager.request("POST", `/api/beneficiaries/${keepId}/merge`, { duplicateId });
}

beforeAll(async () => {
  h = await createHarness();
  associationId = (await createAssociation(h, "merge")).id;
  const admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  officer = await signIn(h, (await createUser(h, associationId, ["officer"])).email);
  manager = await signIn(h, (await createUser(h, associationId, ["manager"])).email);
  const memberUsers = await Promise.all(
    [1, 2].map((n) => createUser(h, associationId, ["committee_member"], `عضو ${n}`)),
  );
  [m1, m2] = (await Promise.all(memberUsers.map((u) => signIn(h, u.email)))) as [Client, Client];
  serviceId = (
    await ok(
      await admin.request("POST", "/api/services", {
        code: "food_basket",
        nameAr: "سلة غذائية",
        kind: "in_kind",
        requirements: [
          { kind: "field", code: "family_size", labelAr: "عدد أفراد الأسرة", fieldType: "number" },
        ],
      }),
      201,
    )
  ).id;
  committeeId = (
    await ok(
      await admin.request("POST", "/api/committees", {
        nameAr: "لجنة البحث",
        quorum: 1,
        memberIds: memberUsers.map((u) => u.id),
      }),
      201,
    )
  ).id;
});
afterAll(async () => {
  await h.close();
});

describe("merging a duplicate keeps the person's whole history", () => {
  it("moves requests, complaints, claims, correspondence and conflicts of interest to the kept file", async () => {
    const keep = await register("نورة بنت سالم القحطاني");
    const duplicate = await register("نوره سالم القحطاني");
    const keptRequest = await declaredRequest(keep);
    const duplicateRequest = await declaredRequest(duplicate);
    // Member 2 is related to the person, declared on the duplicate record.
    await ok(
      await m2.request("POST", "/api/conflict-declarations", {
        beneficiaryId: duplicate,
        reason: "ابنة خالتي",
      }),
      201,
    );
    const receipt = await ok(
      await manager.request("POST", "/api/complaints", {
        channel: "phone",
        beneficiaryId: duplicate,
        category: "delay",
        subject: "تأخر السلة الغذائية",
        details: "لم تصل السلة الغذائية في موعدها المعتاد.",
      }),
      201,
    );
    const claim = await ok(
      await manager.request("POST", "/api/compensation-claims", {
        beneficiaryId: duplicate,
        claimantName: "نوره سالم",
        description: "تلف مواد السلة عند التسليم",
      }),
      201,
    );
    const letter = await ok(
      await officer.request("POST", "/api/correspondence", {
        direction: "incoming",
        medium: "letter",
        counterpart: "الضمان الاجتماعي",
        subject: "إفادة عن حالة المستفيدة",
        beneficiaryId: duplicate,
      }),
      201,
    );

    const merged = await merge(keep, duplicate);
    expect(merged.statusCode, merged.body).toBe(200);

    // The kept file shows both open requests, unchanged; the merged-away record holds none.
    const onKept = (await ok(await officer.request("GET", `/api/requests?beneficiaryId=${keep}`))).items;
    expect(onKept.map((r: { id: string }) => r.id).sort()).toEqual([keptRequest, duplicateRequest].sort());
    expect(onKept.map((r: { state: string }) => r.state)).toEqual(["declared", "declared"]);
    const onDuplicate = (await ok(await officer.request("GET", `/api/requests?beneficiaryId=${duplicate}`)))
      .items;
    expect(onDuplicate).toEqual([]);
    // The declaration was made on the request's data, which did not change: it still covers it.
    const moved = await ok(await officer.request("GET", `/api/requests/${duplicateRequest}`));
    expect(moved.beneficiary.id).toBe(keep);
    expect(moved.declaration).toMatchObject({ status: "signed", covering: true });

    // The conflict declared on the duplicate now keeps member 2 off the kept person's requests.
    const meeting = await ok(
      await manager.request("POST", "/api/committee-meetings", {
        committeeId,
        heldOn: "2026-03-16",
        requestIds: [keptRequest],
      }),
      201,
    );
    const m2Vote = await m2.request(
      "POST",
      `/api/committee-meetings/${meeting.id}/items/${keptRequest}/votes`,
      {
        vote: "accept",
      },
    );
    expect(m2Vote.statusCode, m2Vote.body).toBe(403);
    expect(m2Vote.json().code).toBe("conflict_of_interest");
    expect((await ok(await m2.request("GET", "/api/my-work"))).items).toEqual([]);
    expect((await ok(await m1.request("GET", "/api/my-work"))).items).toEqual([
      expect.objectContaining({ kind: "vote", requestId: keptRequest }),
    ]);

    // Complaints, claims and the correspondence register follow the person.
    const complaint = (await ok(await manager.request("GET", "/api/complaints?limit=200"))).items.find(
      (c: { referenceNumber: string }) => c.referenceNumber === receipt.referenceNumber,
    );
    expect(complaint.beneficiaryId).toBe(keep);
    expect(
      (await ok(await manager.request("GET", `/api/compensation-claims/${claim.id}`))).beneficiaryId,
    ).toBe(keep);
    const letters = (await ok(await officer.request("GET", `/api/correspondence?beneficiaryId=${keep}`)))
      .items;
    expect(letters.map((l: { id: string }) => l.id)).toEqual([letter.id]);

    // The kept person's timeline tells the duplicate's story too.
    const timeline = (await ok(await officer.request("GET", `/api/beneficiaries/${keep}/timeline`))).items;
    const opened = timeline.filter((t: { kind: string }) => t.kind === "support_request.opened");
    expect(opened).toHaveLength(2);

    // One audit event says what moved.
    const events = (await ok(await manager.request("GET", "/api/audit-events?type=beneficiary.merged")))
      .items;
    const event = events.find((e: { subjectId: string }) => e.subjectId === keep);
    expect(event.payload).toMatchObject({
      duplicateId: duplicate,
      moved: expect.objectContaining({ support_requests: 1, complaints: 1, conflict_declarations: 1 }),
    });
  });

  it("keeps one conflict of interest when a member declared one on both records", async () => {
    const keep = await register("هيلة بنت ناصر العتيبي");
    const duplicate = await register("هيله ناصر العتيبي");
    for (const beneficiaryId of [keep, duplicate]) {
      await ok(
        await m1.request("POST", "/api/conflict-declarations", { beneficiaryId, reason: "أخت زوجتي" }),
        201,
      );
    }
    const merged = await merge(keep, duplicate);
    expect(merged.statusCode, merged.body).toBe(200);
    const rows = await h.db.system(async (tx) => {
      const result = await tx.execute(
        sql`select beneficiary_id from conflict_declarations where association_id = ${associationId} and beneficiary_id in (${keep}, ${duplicate})`,
      );
      return (result as unknown as { rows: { beneficiary_id: string }[] }).rows;
    });
    expect(rows.map((r) => r.beneficiary_id)).toEqual([keep]);
  });

  it("moves nothing when one module cannot move its rows: the merge is one transaction", async () => {
    const keep = await register("منيرة بنت علي الحربي");
    const duplicate = await register("منيره علي الحربي");
    const request = await declaredRequest(duplicate);
    await ok(
      await manager.request("POST", "/api/complaints", {
        channel: "letters",
        beneficiaryId: duplicate,
        category: "service",
        subject: "ملاحظة على الخدمة",
        details: "ملاحظة مكتوبة على مستوى الخدمة المقدمة.",
      }),
      201,
    );
    // The database refuses the complaints' move, as a broken constraint or a lost connection would.
    await h.db.system(async (tx) => {
      await tx.execute(
        sql.raw(`create function silah_test_refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused by the test'; end $$`),
      );
      await tx.execute(
        sql.raw(
          "create trigger silah_test_refuse before update on complaints for each row execute function silah_test_refuse()",
        ),
      );
    });
    try {
      const merged = await merge(keep, duplicate);
      expect(merged.statusCode).toBe(500);
    } finally {
      await h.db.system((tx) => tx.execute(sql.raw("drop trigger silah_test_refuse on complaints")));
    }
    expect((await ok(await officer.request("GET", `/api/requests/${request}`))).beneficiary.id).toBe(
      duplicate,
    );
    const stillThere = await ok(await officer.request("GET", `/api/beneficiaries/${duplicate}`));
    expect(stillThere.id).toBe(duplicate);
    const events = (await ok(await manager.request("GET", "/api/audit-events?type=beneficiary.merged")))
      .items;
    expect(events.filter((e: { subjectId: string }) => e.subjectId === keep)).toEqual([]);
    // And once the obstacle is gone the same merge goes through.
    expect((await merge(keep, duplicate)).statusCode).toBe(200);
  });
});

/** Every column that refers to a beneficiary: foreign keys to beneficiaries(id), and by name. */
async function beneficiaryColumns(): Promise<{ table: string; column: string }[]> {
  return h.db.system(async (tx) => {
    const result = await tx.execute(sql`
      select c.relname as "table", a.attname as "column"
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
       where k.contype = 'f' and k.confrelid = 'public.beneficiaries'::regclass and n.nspname = 'public'
      union
      select table_name::text, column_name::text
        from information_schema.columns
       where table_schema = 'public'
         and (column_name = 'beneficiary_id' or column_name like '%\\_beneficiary\\_id')
      order by 1, 2`);
    return (result as unknown as { rows: { table: string; column: string }[] }).rows;
  });
}

async function rowsPointingAt(id: string) {
  const counts: Record<string, number> = {};
  for (const { table, column } of await beneficiaryColumns()) {
    const result = await h.db.system((tx) =>
      tx.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`,
      ),
    );
    counts[`${table}.${column}`] = (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
  }
  return counts;
}

describe("no table referring to a beneficiary is left behind by a merge", () => {
  it("every such table in the database catalogue is moved by some module's reaction", async () => {
    const columns = await beneficiaryColumns();
    expect(columns.length).toBeGreaterThan(5);
    const declared = Object.values(h.modules).flatMap(
      (m: { reactions?: Reactions }) => m.reactions?.["beneficiary.merged"]?.tables ?? [],
    );
    const unhandled = [...new Set(columns.map((c) => c.table))].filter((t) => !declared.includes(t));
    // A new table with a beneficiary column: its module must move its rows on `beneficiary.merged`.
    expect(unhandled).toEqual([]);
    // And no module claims a table that does not refer to a beneficiary (a stale declaration).
    expect(declared.filter((t) => !columns.some((c) => c.table === t))).toEqual([]);
  });

  it("after a merge no row in any of them points at the merged-away record", async () => {
    const keep = await register("فاطمة بنت حمد السبيعي");
    const duplicate = await register("فاطمه حمد السبيعي", {
      household: [{ relation: "son", fullName: "حمد بن محمد السبيعي" }],
      consent: { purpose: "التواصل بالبريد الإلكتروني", noticeVersion: "2026-1" },
    });
    // A record merged into the duplicate earlier: its pointer must follow to the kept file.
    const older = await register("فاطمة حمد السبيعى");
    expect((await merge(duplicate, older)).statusCode).toBe(200);

    await declaredRequest(duplicate); // also queues the beneficiary's notification
    await ok(
      await officer.request("POST", "/api/interactions", {
        beneficiaryId: duplicate,
        kind: "contact",
        channel: "phone",
        direction: "inbound",
        subject: "سؤال عن موعد التسليم",
      }),
      201,
    );
    await ok(
      await officer.request("POST", "/api/correspondence", {
        direction: "outgoing",
        medium: "letter",
        counterpart: "المستشفى",
        subject: "طلب تقرير طبي",
        beneficiaryId: duplicate,
      }),
      201,
    );
    await ok(
      await m1.request("POST", "/api/conflict-declarations", { beneficiaryId: duplicate, reason: "جارتي" }),
      201,
    );
    await ok(
      await manager.request("POST", "/api/complaints", {
        channel: "phone",
        beneficiaryId: duplicate,
        category: "service",
        subject: "ملاحظة على الخدمة",
        details: "ملاحظة على طريقة التواصل مع المستفيدة.",
      }),
      201,
    );
    await ok(
      await manager.request("POST", "/api/compensation-claims", {
        beneficiaryId: duplicate,
        claimantName: "فاطمه حمد",
        description: "ضرر ناتج عن تأخر التسليم",
      }),
      201,
    );

    // The portal's rows: a code she asked for and a session she opened (written as the portal does).
    await h.db.tenant(associationId, async (tx) => {
      const now = h.clock.now();
      await tx.insert(portalCodes).values({
        associationId,
        beneficiaryId: duplicate,
        idKey: "merge-test",
        codeHash: "merge-test",
        channel: "email",
        expiresAt: new Date(now.getTime() + 600_000),
      });
      await tx.insert(portalSessions).values({
        associationId,
        beneficiaryId: duplicate,
        tokenHash: "merge-test",
        csrfToken: "merge-test",
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
    });

    // Satisfaction surveys: an invitation, the choice not to be asked, a follow-up allowed.
    const survey = await ok(
      await manager.request("POST", "/api/surveys", {
        name: "استبانة بعد الخدمة",
        purpose: "post_service",
        questions: [{ key: "csat", kind: "csat", text: { ar: "ما مدى رضاك؟" } }],
      }),
      201,
    );
    await ok(
      await manager.request("PUT", `/api/beneficiaries/${duplicate}/survey-preference`, { optedOut: true }),
    );
    await h.db.system(async (tx) => {
      const now = new Date();
      await tx.insert(surveyInvitations).values({
        associationId,
        surveyId: survey.id,
        beneficiaryId: duplicate,
        trigger: "delivery",
        tokenNonce: "nonce",
        tokenHash: "hash-of-merge-test",
        invitedAt: now,
        expiresAt: now,
      });
      await tx.insert(surveyFollowUps).values({
        associationId,
        surveyId: survey.id,
        beneficiaryId: duplicate,
        text: "ملاحظة",
        createdAt: now,
      });
    });

    const before = await rowsPointingAt(duplicate);
    // Each table holds a row for the duplicate, so the check below can fail; a new table needs a seed here.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);

    expect((await merge(keep, duplicate)).statusCode).toBe(200);
    const after = await rowsPointingAt(duplicate);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    // Her portal session ended with the merge: she signs in again as the kept file.
    const sessions = await h.db.system((tx) => tx.select().from(portalSessions));
    expect(sessions.find((row) => row.tokenHash === "merge-test")?.endedAt).not.toBeNull();
    const onKept = await rowsPointingAt(keep);
    for (const [column, n] of Object.entries(before))
      expect(onKept[column], column).toBeGreaterThanOrEqual(n);
  });
});
