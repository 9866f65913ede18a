import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FileKind,
  fileKindNames,
  fileKinds,
  type SensitiveField,
  sensitiveFieldNames,
  sensitiveFields,
} from "../shared/contracts/access.js";
import { type StaffRole, staffRoles } from "../shared/contracts/roles.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "./test/harness.js";

/**
 * Who reads a sensitive field or opens a file is declared once (shared/contracts/access.ts). Like
 * the tenancy walk, this walks EVERY role through EVERY declared field and file kind on the real
 * endpoints: exactly the declared roles receive the value or the bytes; every other role gets the
 * field withheld (null, and named in `withheld`) or a 403. A field or kind added to the declaration
 * without a case here fails, and so does an endpoint that answers with a declared field's key but
 * says nothing of what it withheld.
 */

let h: Harness;
let associationId: string;
/** One user per role, none of whom wrote, owns or handles any record below. */
const walkers = new Map<StaffRole, Client>();

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
type Json = any;

async function ok(response: { statusCode: number; body: string; json(): Json }, status = 200): Promise<Json> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

let counter = 0;
/** A distinct PDF each time: the same bytes would be one stored file. */
async function upload(client: Client, name: string): Promise<{ id: string; bytes: Buffer }> {
  counter++;
  const bytes = Buffer.from(`%PDF-1.4\n% ${name} ${counter}\n%%EOF\n`);
  const response = await client.request("POST", `/api/files?name=${name}.pdf`, bytes, {
    contentType: "application/pdf",
  });
  return { id: (await ok(response, 201)).id, bytes };
}

type FieldCase = {
  /** The endpoint that serves the field, for the given fixture. */
  url: () => string;
  /** Where the field sits in the response. */
  pick: (body: Json) => unknown;
  /** What a reader allowed to see it receives. */
  value: () => unknown;
};

const fixture = {
  beneficiaryId: "",
  requestId: "",
  meetingId: "",
  complaintId: "",
  claimId: "",
  files: {} as Record<FileKind, { id: string; bytes: Buffer }>,
  unattached: { id: "", bytes: Buffer.alloc(0) as Buffer },
};

const beneficiaryValues = {
  monthlyIncome: 1800,
  circumstances: "أرملة تعول أربعة أطفال",
  healthNotes: "سكري من النوع الأول",
  disability: "إعاقة حركية",
};
const study = { findings: "منزل مستأجر بحالة سيئة", recommendation: "يوصى بمساعدة عاجلة" };
const complaintText = {
  details: "تأخر صرف المساعدة ثلاثة أشهر وأصبحت عاجزة عن دفع الإيجار",
  name: "نوال بنت فهد",
  phone: "0551234567",
};
const claimDescription = "تلف أجهزة منزلية بسبب توريد معيب";

// Typed by the declaration: a field added there without a case here does not compile.
const fieldCases: Record<SensitiveField, FieldCase> = {
  "beneficiary.monthly_income": {
    url: () => `/api/beneficiaries/${fixture.beneficiaryId}`,
    pick: (b) => b.monthlyIncome,
    value: () => beneficiaryValues.monthlyIncome,
  },
  "beneficiary.circumstances": {
    url: () => `/api/beneficiaries/${fixture.beneficiaryId}`,
    pick: (b) => b.circumstances,
    value: () => beneficiaryValues.circumstances,
  },
  "beneficiary.health_notes": {
    url: () => `/api/beneficiaries/${fixture.beneficiaryId}`,
    pick: (b) => b.healthNotes,
    value: () => beneficiaryValues.healthNotes,
  },
  "beneficiary.disability": {
    url: () => `/api/beneficiaries/${fixture.beneficiaryId}`,
    pick: (b) => b.disability,
    value: () => beneficiaryValues.disability,
  },
  "request.social_study": {
    url: () => `/api/requests/${fixture.requestId}`,
    pick: (r) => {
      const { findings, recommendation } = r.referrals[0].study;
      expect(findings === null, "findings and recommendation go together").toBe(recommendation === null);
      return findings === null ? null : { findings, recommendation };
    },
    value: () => study,
  },
  "committee.deliberations": {
    url: () => `/api/committee-meetings/${fixture.meetingId}`,
    pick: (m) =>
      m.items[0].votes === null && m.minutes === null
        ? null
        : { note: m.items[0].votes[0].note, minutes: typeof m.minutes.text },
    value: () => ({ note: "الأسرة مستحقة", minutes: "string" }),
  },
  "complaint.details": {
    url: () => `/api/complaints/${fixture.complaintId}`,
    pick: (c) => c.details,
    value: () => complaintText.details,
  },
  "complaint.complainant": {
    url: () => `/api/complaints/${fixture.complaintId}`,
    pick: (c) => (c.complainant === null ? null : { name: c.complainant.name, phone: c.complainant.phone }),
    // The phone is kept in its international form.
    value: () => ({ name: complaintText.name, phone: "+966551234567" }),
  },
  "compensation.harm": {
    url: () => `/api/compensation-claims/${fixture.claimId}`,
    pick: (c) =>
      c.description === null && c.proof === null ? null : { description: c.description, kind: c.proof.kind },
    value: () => ({ description: claimDescription, kind: "judicial_ruling" }),
  },
};

const packPdf = Buffer.from("%PDF-1.7\n% evidence pack\n%%EOF\n");

beforeAll(async () => {
  // Chromium is the one third party here: the evidence pack is printed by a renderer that answers a fixed PDF.
  h = await createHarness({}, { pdf: { render: async () => packPdf, close: async () => {} } });
  const association = await createAssociation(h, "sensitive");
  associationId = association.id;
  for (const role of staffRoles) {
    walkers.set(role, await signIn(h, (await createUser(h, associationId, [role], `قارئ ${role}`)).email));
  }
  // The people who do the work; the walkers hold the same roles but are none of them.
  const as = async (roles: StaffRole[], name: string) => {
    const user = await createUser(h, associationId, roles, name);
    return { id: user.id, client: await signIn(h, user.email) };
  };
  const admin = await as(["administrator"], "مسؤول النظام");
  const officer = await as(["officer"], "موظفة الاستقبال");
  const researcher = await as(["social_researcher"], "الباحثة");
  const member = await as(["committee_member"], "عضو اللجنة");
  const manager = await as(["manager"], "المدير");
  const followup = await as(["followup_committee_member"], "عضو المتابعة");

  // The registry: a file with every sensitive field filled in.
  fixture.beneficiaryId = (
    await ok(
      await officer.client.request("POST", "/api/beneficiaries", {
        fullName: "سارة بنت علي القحطاني",
        gender: "female",
        lawfulBasis: "service_request",
        ...beneficiaryValues,
      }),
      201,
    )
  ).id;

  // A service whose documents declare what they are, and a request with one of each attached.
  const requestKinds = [
    "identity_document",
    "supporting_document",
    "income_proof",
    "medical_report",
  ] as const;
  const service = await ok(
    await admin.client.request("POST", "/api/services", {
      code: "aid",
      nameAr: "مساعدة",
      kind: "financial",
      requirements: requestKinds.map((fileKind) => ({
        kind: "document",
        code: fileKind,
        labelAr: `مستند ${fileKind}`,
        fileKind,
      })),
    }),
    201,
  );
  const request = await ok(
    await officer.client.request("POST", "/api/requests", {
      beneficiaryId: fixture.beneficiaryId,
      serviceId: service.id,
      channel: "interview",
    }),
    201,
  );
  fixture.requestId = request.id;
  for (const kind of requestKinds) {
    fixture.files[kind] = await upload(officer.client, kind);
    await ok(
      await officer.client.request("POST", `/api/requests/${request.id}/documents`, {
        requirementCode: kind,
        fileId: fixture.files[kind].id,
      }),
    );
  }
  const referred = await ok(
    await officer.client.request("POST", `/api/requests/${request.id}/referrals`, {
      ownerUserId: researcher.id,
      reason: "تحتاج الأسرة إلى زيارة منزلية",
    }),
  );
  const referralId = referred.referrals[0].id;
  await ok(
    await researcher.client.request("POST", `/api/referrals/${referralId}/study`, {
      kind: "home_visit",
      on: "2026-03-15",
      ...study,
    }),
  );
  await ok(
    await researcher.client.request("POST", `/api/referrals/${referralId}/close`, { outcome: "تمت الزيارة" }),
  );
  fixture.files.signed_declaration = await upload(officer.client, "declaration");
  await ok(
    await officer.client.request("POST", `/api/requests/${request.id}/declaration`, {
      method: "on_screen",
      fileId: fixture.files.signed_declaration.id,
    }),
  );

  // The committee deliberates: a vote with its note, the decision, the minutes.
  const committee = await ok(
    await admin.client.request("POST", "/api/committees", {
      nameAr: "لجنة البحث",
      quorum: 1,
      memberIds: [member.id],
    }),
    201,
  );
  const meeting = await ok(
    await manager.client.request("POST", "/api/committee-meetings", {
      committeeId: committee.id,
      heldOn: "2026-03-16",
      requestIds: [request.id],
    }),
    201,
  );
  fixture.meetingId = meeting.id;
  const item = `/api/committee-meetings/${meeting.id}/items/${request.id}`;
  await ok(await member.client.request("POST", `${item}/votes`, { vote: "accept", note: "الأسرة مستحقة" }));
  await ok(
    await member.client.request("POST", `${item}/decision`, {
      outcome: "accept",
      reasons: "مستوفية الشروط",
      approvedAmount: 100_000,
    }),
  );
  await ok(await member.client.request("POST", `/api/committee-meetings/${meeting.id}/minutes`));

  // Contacts and letters with what came with them.
  fixture.files.contact_attachment = await upload(officer.client, "whatsapp-photo");
  await ok(
    await officer.client.request("POST", "/api/interactions", {
      kind: "contact",
      channel: "social_media",
      direction: "inbound",
      beneficiaryId: fixture.beneficiaryId,
      subject: "صورة مستند",
      fileIds: [fixture.files.contact_attachment.id],
    }),
    201,
  );
  fixture.files.correspondence_scan = await upload(officer.client, "fax");
  await ok(
    await officer.client.request("POST", "/api/correspondence", {
      direction: "incoming",
      medium: "fax",
      counterpart: "مستشفى",
      subject: "تقرير طبي",
      beneficiaryId: fixture.beneficiaryId,
      fileId: fixture.files.correspondence_scan.id,
    }),
    201,
  );

  // A complaint recorded by staff (unassigned: no walker handles it), and a claim proven by a ruling.
  fixture.files.complaint_attachment = await upload(officer.client, "complaint");
  const receipt = await ok(
    await officer.client.request("POST", "/api/complaints", {
      channel: "phone",
      category: "delay",
      subject: "تأخر الصرف",
      details: complaintText.details,
      name: complaintText.name,
      phone: complaintText.phone,
      fileIds: [fixture.files.complaint_attachment.id],
    }),
    201,
  );
  const listed = await ok(await manager.client.request("GET", "/api/complaints?status=all"));
  fixture.complaintId = listed.items.find(
    (c: { referenceNumber: string }) => c.referenceNumber === receipt.referenceNumber,
  ).id;
  fixture.files.judicial_ruling = await upload(followup.client, "ruling");
  fixture.claimId = (
    await ok(
      await followup.client.request("POST", "/api/compensation-claims", {
        claimantName: "نوال",
        description: claimDescription,
      }),
      201,
    )
  ).id;
  await ok(
    await followup.client.request("POST", `/api/compensation-claims/${fixture.claimId}/proof`, {
      kind: "judicial_ruling",
      number: "1234",
      date: "2026-02-01",
      authority: "المحكمة العامة",
      fileId: fixture.files.judicial_ruling.id,
    }),
  );

  // A photo taken on a supervisory visit (S2).
  const photoBytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
  ]);
  const photo = await ok(
    await manager.client.request("POST", "/api/files?name=office.png", photoBytes, {
      contentType: "image/png",
    }),
    201,
  );
  fixture.files.field_photo = { id: photo.id, bytes: photoBytes };
  await ok(
    await manager.client.request("POST", "/api/field/visits", {
      kind: "supervisory_visit",
      visitedOn: "2026-03-01",
      place: "مكتب الفرع",
      observations: "ملاحظات الزيارة",
      photoFileIds: [photo.id],
    }),
    201,
  );

  // The library every employee works by.
  fixture.files.library_document = await upload(admin.client, "bylaws");
  await ok(
    await admin.client.request("POST", "/api/library", {
      kind: "bylaws",
      titleAr: "اللائحة الأساسية",
      stepIndexes: [],
      version: { fileId: fixture.files.library_document.id, versionLabel: "1447" },
    }),
    201,
  );

  // The governance assessment's evidence pack (G7), made by its job: its PDF is the association's file.
  const queued = await ok(
    await manager.client.request("POST", "/api/evidence-packs", { from: "2026-03-01", to: "2026-03-14" }),
    202,
  );
  await h.queue.drain();
  const pack = await ok(await manager.client.request("GET", `/api/evidence-packs/${queued.id}`));
  expect(pack.status, JSON.stringify(pack)).toBe("done");
  fixture.files.evidence_pack = { id: pack.pdf.id, bytes: packPdf };

  fixture.unattached = await upload(officer.client, "not-yet-attached");
}, 120_000);
afterAll(() => h.close());

describe("the declaration is walked whole", () => {
  it("has a case for every declared field and a file of every declared kind", () => {
    expect(Object.keys(fieldCases).sort()).toEqual([...sensitiveFieldNames].sort());
    expect(Object.keys(fixture.files).sort()).toEqual([...fileKindNames].sort());
  });

  it("has every table that points at a stored file answered by the module that owns it", async () => {
    const referencing = await h.db.system(async (tx) => {
      const result = (await tx.execute(sql`
        select distinct c.conrelid::regclass::text as "table"
        from pg_constraint c
        where c.contype = 'f' and c.confrelid = 'files'::regclass`)) as unknown as {
        rows: { table: string }[];
      };
      return result.rows.map((r) => r.table);
    });
    expect(referencing.length).toBeGreaterThan(0);
    expect([...h.modules.files.service.declaredUseTables()].sort()).toEqual(referencing.sort());
  });

  it("finds every endpoint that answers with a declared field saying what it withheld", async () => {
    const document = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const keys = new Set<string>(Object.values(sensitiveFields).flatMap((rule) => rule.keys));
    const unaccounted: string[] = [];
    // An object that carries a declared key must sit in a response that has `withheld` at its top.
    const carries = (schema: Json, seen = new Set<Json>()): boolean => {
      if (!schema || typeof schema !== "object" || seen.has(schema)) return false;
      seen.add(schema);
      if (schema.properties && Object.keys(schema.properties).some((k) => keys.has(k))) return true;
      return Object.values(schema).some((value) => carries(value, seen));
    };
    for (const [path, operations] of Object.entries(document.paths as Record<string, Json>)) {
      for (const [method, operation] of Object.entries(operations as Record<string, Json>)) {
        for (const [status, response] of Object.entries(
          (operation.responses ?? {}) as Record<string, Json>,
        )) {
          if (!status.startsWith("2")) continue;
          const schema = response.content?.["application/json"]?.schema;
          if (!schema || !carries(schema)) continue;
          // The view itself, a list of views, or a view wrapped with something beside it.
          const says = [schema, schema.properties?.items?.items, schema.properties?.request].some(
            (view) => view?.properties?.withheld,
          );
          if (!says) unaccounted.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(unaccounted).toEqual([]);
  });
});

describe("every role through every sensitive field", () => {
  for (const role of staffRoles) {
    it(`a ${role} receives exactly the fields declared for the role`, async () => {
      const client = walkers.get(role)!;
      const outcome: Record<string, "read" | "withheld" | "refused"> = {};
      for (const field of sensitiveFieldNames) {
        const rule = fieldCases[field];
        const response = await client.request("GET", rule.url());
        const allowed = (sensitiveFields[field].roles as readonly StaffRole[]).includes(role);
        if (response.statusCode === 403) {
          outcome[field] = "refused";
        } else {
          const body = await ok(response);
          const value = rule.pick(body);
          if (value === null) {
            expect(body.withheld, `${field} for ${role}`).toContain(field);
            outcome[field] = "withheld";
          } else {
            expect(value, `${field} for ${role}`).toEqual(rule.value());
            expect(body.withheld, `${field} for ${role}`).not.toContain(field);
            outcome[field] = "read";
          }
        }
        expect(outcome[field] === "read", `${role} reading ${field}: ${outcome[field]}`).toBe(allowed);
      }
    });
  }
});

describe("every role through every kind of file", () => {
  for (const role of staffRoles) {
    it(`a ${role} opens exactly the kinds declared for the role`, async () => {
      const client = walkers.get(role)!;
      for (const kind of fileKindNames) {
        const file = fixture.files[kind];
        const response = await client.request("GET", `/api/files/${file.id}`);
        const allowed = (fileKinds[kind] as readonly StaffRole[]).includes(role);
        if (allowed) {
          expect(response.statusCode, `${role} opening ${kind}`).toBe(200);
          expect(response.rawPayload.equals(file.bytes), `${role} opening ${kind}`).toBe(true);
        } else {
          expect(response.statusCode, `${role} opening ${kind}`).toBe(403);
          expect(response.json().code).toBe("forbidden");
        }
      }
      // A file not attached anywhere yet is its uploader's alone.
      expect((await client.request("GET", `/api/files/${fixture.unattached.id}`)).statusCode).toBe(403);
    });
  }
});

describe("the named person besides the roles", () => {
  it("lets the researcher who owns a referral read their study whatever the referral role", async () => {
    // The association refers to officers; the officer who did the study reads it, other officers do not.
    const admin = walkers.get("administrator")!;
    await ok(await admin.request("PUT", "/api/request-settings", { referralRole: "officer" }));
    const owner = await createUser(h, associationId, ["officer"], "موظف الزيارة");
    const ownerClient = await signIn(h, owner.email);
    const request = await ok(
      await ownerClient.request("POST", "/api/requests", {
        beneficiaryId: fixture.beneficiaryId,
        serviceId: (await ok(await ownerClient.request("GET", `/api/requests/${fixture.requestId}`))).service
          .id,
        channel: "phone",
      }),
      201,
    );
    const referred = await ok(
      await ownerClient.request("POST", `/api/requests/${request.id}/referrals`, {
        ownerUserId: owner.id,
        reason: "زيارة",
      }),
    );
    const written = await ok(
      await ownerClient.request("POST", `/api/referrals/${referred.referrals[0].id}/study`, {
        kind: "social_study",
        on: "2026-03-15",
        ...study,
      }),
    );
    expect(written.referrals[0].study).toMatchObject(study);
    expect(written.withheld).toEqual([]);
    const other = await ok(await walkers.get("officer")!.request("GET", `/api/requests/${request.id}`));
    expect(other.referrals[0].study).toMatchObject({ findings: null, recommendation: null });
    expect(other.withheld).toEqual(["request.social_study"]);
    await ok(await admin.request("PUT", "/api/request-settings", { referralRole: "social_researcher" }));
  });

  it("logs each read of a sensitive field, in a record or in a list", async () => {
    const reads = () =>
      h.db.system((tx) =>
        tx.query.auditEvents.findMany({
          where: (t, { and, eq }) => and(eq(t.associationId, associationId), eq(t.type, "sensitive.read")),
          orderBy: (t, { asc }) => asc(t.id),
        }),
      );
    const fields = new Set((await reads()).flatMap((e) => (e.payload as { fields: string[] }).fields));
    for (const field of [
      "request.social_study",
      "committee.deliberations",
      "complaint.details",
      "complaint.complainant",
      "compensation.harm",
    ]) {
      expect(fields.has(field), field).toBe(true);
    }
    const before = (await reads()).length;
    await ok(await walkers.get("manager")!.request("GET", "/api/complaints?status=all"));
    await ok(await walkers.get("board_member")!.request("GET", "/api/complaints?status=all"));
    const after = await reads();
    // The manager read what complainants wrote; the board member read the list without it.
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.payload).toEqual({ fields: ["complaint.details", "complaint.complainant"] });
  });
});
