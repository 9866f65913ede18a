import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
let officer: Client;
let associationId: string;

beforeAll(async () => {
  h = await createHarness({ SILAH_MAX_UPLOAD_MB: "1" });
  const association = await createAssociation(h, "files");
  associationId = association.id;
  officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
});
afterAll(() => h.close());

const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

const upload = (name: string, body: Buffer, contentType = "application/octet-stream") =>
  officer.request("POST", `/api/files?name=${encodeURIComponent(name)}`, body, { contentType });

describe("uploading files", () => {
  it("keeps a PDF or an image with its type read from the content, and gives the same bytes back", async () => {
    const response = await upload("خطاب الإحالة.pdf", pdf, "image/png");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      name: "خطاب الإحالة.pdf",
      mediaType: "application/pdf",
      size: pdf.length,
    });

    const download = await officer.request("GET", `/api/files/${response.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["file.uploaded", "file.downloaded"]),
    );

    const image = await upload("../../etc/صورة الهوية.png", png);
    expect(image.json()).toMatchObject({ name: "صورة الهوية.png", mediaType: "image/png" });
  });

  it("refuses a disguised file, an empty one and an oversized one, and keeps none of them", async () => {
    const disguised = await upload(
      "تقرير.pdf",
      Buffer.from("MZ\x90\x00 this is a program"),
      "application/pdf",
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: "unsupported_file" });
    expect(disguised.json().message.ar).toContain("PDF");

    const empty = await upload("فارغ.pdf", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);

    const huge = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await upload("كبير.pdf", huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe("payload_too_large");

    const uploads = (await auditTypes(h, associationId)).filter((t) => t === "file.uploaded");
    expect(uploads).toHaveLength(2);
  });
});

describe("the correspondence register and contact attachments", () => {
  it("numbers letters per direction and Hijri year, keeps the scan, and lists them by beneficiary", async () => {
    const scan = (await upload("scan.pdf", pdf)).json();
    const person = (
      await officer.request("POST", "/api/beneficiaries", {
        fullName: "مشاعل بنت سعد السهلي",
        gender: "female",
        lawfulBasis: "service_request",
      })
    ).json();
    const first = await officer.request("POST", "/api/correspondence", {
      direction: "incoming",
      medium: "fax",
      counterpart: "مستشفى الملك فهد",
      subject: "تقرير طبي للمستفيدة",
      externalReference: "م/1234",
      datedOn: "2026-03-10",
      beneficiaryId: person.id,
      fileId: scan.id,
    });
    expect(first.statusCode, first.body).toBe(201);
    // 15 March 2026 is in Ramadan 1447.
    expect(first.json()).toMatchObject({ referenceNumber: "IN-1447-0001", file: { id: scan.id } });
    const second = await officer.request("POST", "/api/correspondence", {
      direction: "incoming",
      medium: "letter",
      counterpart: "وزارة الموارد البشرية",
      subject: "تعميم",
    });
    expect(second.json().referenceNumber).toBe("IN-1447-0002");
    const outgoing = await officer.request("POST", "/api/correspondence", {
      direction: "outgoing",
      medium: "letter",
      counterpart: "المستفيدة",
      subject: "إشعار",
    });
    expect(outgoing.json().referenceNumber).toBe("OUT-1447-0001");

    const listed = (await officer.request("GET", `/api/correspondence?beneficiaryId=${person.id}`)).json()
      .items;
    expect(listed.map((c: { referenceNumber: string }) => c.referenceNumber)).toEqual(["IN-1447-0001"]);
    const timeline = (await officer.request("GET", `/api/beneficiaries/${person.id}/timeline`)).json().items;
    // The letter is on the person's timeline with its register number (issue 11).
    expect(timeline).toContainEqual(
      expect.objectContaining({ kind: "correspondence", referenceNumber: "IN-1447-0001" }),
    );

    const missingFile = await officer.request("POST", "/api/correspondence", {
      direction: "incoming",
      medium: "letter",
      counterpart: "جهة",
      subject: "موضوع",
      fileId: "00000000-0000-4000-8000-000000000000",
    });
    expect(missingFile.statusCode).toBe(400);
    expect(missingFile.json().errors[0]).toMatchObject({ path: "fileId", code: "file_unknown" });
  });

  it("attaches uploaded files to a recorded contact", async () => {
    const file = (await upload("صورة.png", png)).json();
    const contact = await officer.request("POST", "/api/interactions", {
      kind: "contact",
      channel: "social_media",
      direction: "inbound",
      subject: "صورة مستند عبر واتساب",
      fileIds: [file.id],
    });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json().attachments).toEqual([{ id: file.id, name: "صورة.png", mediaType: "image/png" }]);
  });
});
