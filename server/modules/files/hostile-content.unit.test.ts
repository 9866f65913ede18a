import { describe, expect, it } from "vitest";
import { fileSamples, objectStream, pdf, plainPdf } from "../../test/hostile-files.js";
import { attachmentDisposition, safeFileName } from "./file-name.js";
import { detectMediaType } from "./media-type.js";
import { findPdfActiveContent } from "./pdf-active-content.js";

describe("the name a file is kept and served under", () => {
  it("keeps an Arabic name and gives it the extension of what the bytes are", () => {
    expect(safeFileName("خطاب الإحالة.pdf", "application/pdf")).toBe("خطاب الإحالة.pdf");
    expect(safeFileName("صورة الهوية.jpg", "image/png")).toBe("صورة الهوية.png");
    expect(safeFileName("report.html", "application/pdf")).toBe("report.pdf");
    expect(safeFileName("setup.exe", "image/jpeg")).toBe("setup.jpg");
  });

  it("drops paths, controls, bidi overrides, reserved characters and names", () => {
    expect(safeFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(safeFileName("C:\\Users\\x\\..\\scan.pdf", "application/pdf")).toBe("scan.pdf");
    // «invoice‮fdp.hta» displays as «invoiceath.pdf»; the override goes and so does .hta.
    expect(safeFileName("invoice\u202Efdp.hta", "application/pdf")).toBe("invoicefdp.pdf");
    expect(safeFileName("a\u0000b\u0007c\u2066d\u200Fe.pdf", "application/pdf")).toBe("abcde.pdf");
    expect(safeFileName('what?<is>"this":*|.pdf', "application/pdf")).toBe("whatisthis.pdf");
    expect(safeFileName("nul.pdf", "application/pdf")).toBe("file.pdf");
    expect(safeFileName(" .hidden", "application/pdf")).toBe("hidden.pdf");
    expect(safeFileName(".pdf", "application/pdf")).toBe("pdf.pdf");
    expect(safeFileName("", "image/webp")).toBe("file.webp");
    expect([...safeFileName("ب".repeat(400), "application/pdf")]).toHaveLength(124);
  });

  it("says attachment, with an ASCII fallback and the Arabic name by RFC 6266", () => {
    expect(attachmentDisposition("صورة (1).png")).toBe(
      `attachment; filename="____ _1_.png"; filename*=UTF-8''%D8%B5%D9%88%D8%B1%D8%A9%20%281%29.png`.replace(
        '"____ _1_.png"',
        '"____ (1).png"',
      ),
    );
    expect(attachmentDisposition('a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});

describe("PDFs that would run something", () => {
  it("keeps a plain PDF and one that only opens at a page", () => {
    expect(findPdfActiveContent(plainPdf)).toBeNull();
    expect(findPdfActiveContent(pdf("<< /Type /Catalog /OpenAction [3 0 R /Fit] >>"))).toBeNull();
    expect(findPdfActiveContent(pdf("<< /Type /ObjStm >>", objectStream("<< /Type /Font >>")))).toBeNull();
  });

  it("finds every sample of the corpus that must be refused, and nothing in those kept", () => {
    for (const sample of fileSamples()) {
      if (detectMediaType(sample.bytes) !== "application/pdf") continue;
      const finding = findPdfActiveContent(sample.bytes);
      if (sample.expect.outcome === "refused" && sample.expect.code === "unsafe_file") {
        expect(finding, sample.label).not.toBeNull();
      } else if (sample.expect.outcome === "neutralised") expect(finding, sample.label).toBeNull();
    }
  });

  it("does not mistake image bytes that happen to spell /JS for a script", () => {
    // `/JS` then a byte that is no value: what a compressed picture produces by chance.
    const image = Buffer.concat([
      Buffer.from("<< /Filter /DCTDecode >>\nstream\n"),
      Buffer.from("\x01/JS\x20\xfe/AA\x0a\x80\x00"),
    ]);
    expect(findPdfActiveContent(pdf(image.toString("latin1")))).toBeNull();
  });
});
