import { decodeXml, readZipEntry as readZip } from "../../../lib/zip.js";

/**
 * The text of a Word (.docx) file, without a dependency: a .docx is a zip whose
 * `word/document.xml` holds the paragraphs. Paragraphs become lines, numbered or bulleted paragraphs
 * get a "- " marker so the importer sees them as list items, and table rows become tab-separated lines.
 */

export class DocxError extends Error {}

function readZipEntry(zip: Buffer, name: string): Buffer | null {
  try {
    return readZip(zip, name);
  } catch (error) {
    throw new DocxError(error instanceof Error ? error.message : String(error));
  }
}

/** Lines of `word/document.xml`: paragraphs, list paragraphs marked "- ", table rows tab-separated. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  let paragraph = "";
  let listParagraph = false;
  let row: string[] | null = null;
  let cell = "";
  let tableDepth = 0;
  let headingParagraph = false;
  const token = /<(\/?)w:(p|tr|tc|t|tab|br|cr|numPr|tbl|pStyle)\b([^>]*?)(\/?)>|([^<]+)|<[^>]*>/g;
  let inText = false;
  for (const m of xml.matchAll(token)) {
    const [, closing, tag, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) paragraph += decodeXml(text);
      continue;
    }
    if (tag === undefined) continue;
    const open = closing !== "/";
    switch (tag) {
      case "t":
        inText = open && selfClosing !== "/";
        break;
      case "tab":
        if (open) paragraph += "\t";
        break;
      case "br":
      case "cr":
        if (open) paragraph += "\n";
        break;
      case "pStyle":
        // Word's built-in «Heading 1…» and «Title» styles (style ids are not localised).
        if (open && /w:val="(Heading\d|Title|Subtitle)"/i.test(attributes ?? "")) headingParagraph = true;
        break;
      case "numPr":
        if (open) listParagraph = true;
        break;
      case "tbl":
        tableDepth += open && selfClosing !== "/" ? 1 : open ? 0 : -1;
        break;
      case "tr":
        if (open) row = [];
        else if (row) {
          lines.push(row.join("\t"));
          row = null;
        }
        break;
      case "tc":
        if (open) cell = "";
        else if (row) row.push(cell.replace(/\s+/g, " ").trim());
        break;
      case "p":
        if (open && selfClosing !== "/") {
          paragraph = "";
          listParagraph = false;
          headingParagraph = false;
        } else if (!open) {
          const blank = paragraph.trim() === "";
          if (row && tableDepth > 0) cell += (cell ? " " : "") + paragraph;
          else if (headingParagraph && !blank) lines.push(`# ${paragraph}`);
          else lines.push(listParagraph && !blank ? `- ${paragraph}` : paragraph);
          paragraph = "";
        }
        break;
    }
  }
  return lines.join("\n");
}

/** The text of a .docx file's main document. */
export function docxToText(file: Buffer): string {
  const xml = readZipEntry(file, "word/document.xml");
  if (!xml) throw new DocxError("word/document.xml is missing: not a Word document");
  return documentXmlToText(xml.toString("utf8"));
}
