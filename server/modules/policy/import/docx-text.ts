import { inflateRawSync } from "node:zlib";

/**
 * The text of a Word (.docx) file, without a dependency: a .docx is a zip whose
 * `word/document.xml` holds the paragraphs. Paragraphs become lines, numbered or bulleted paragraphs
 * get a "- " marker so the importer sees them as list items, and table rows become tab-separated lines.
 */

export class DocxError extends Error {}

const LOCAL_FILE = 0x04034b50;
const CENTRAL_FILE = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/** Reads one entry of a zip archive (stored or deflated), or null when it is not there. */
export function readZipEntry(zip: Buffer, name: string): Buffer | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new DocxError("not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_FILE)
      throw new DocxError("damaged zip directory");
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE) throw new DocxError("damaged zip entry");
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data);
    throw new DocxError(`unsupported zip compression method ${method}`);
  }
  return null;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
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
