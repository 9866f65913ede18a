import mammoth from "mammoth";
import { assertInflatesAsDeclared, documentLimits, inspectZipDirectory } from "../../../lib/zip-guard.js";

/**
 * The text of a Word (.docx) file, read by mammoth, as the lines the policy importer understands:
 * paragraphs become lines, headings get "# ", list items "- ", and table rows become tab-separated
 * lines. Runs in a worker thread (policy.service.ts, the CLI calls it directly): the archive is
 * measured and checked against its declared sizes before mammoth inflates anything.
 */
export class DocxError extends Error {
  readonly code = "docx_unreadable";
}

const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p.Title => h1:fresh",
  "p.Subtitle => h2:fresh",
];

// Images carry no policy text; leaving them out keeps their bytes out of the HTML.
const noImages = mammoth.images.imgElement(async () => ({ src: "" }));

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/**
 * mammoth's HTML (which it escapes itself, so a document's text cannot open a tag) turned into the
 * importer's lines.
 */
export function mammothHtmlToText(html: string): string {
  const lines: string[] = [];
  let text = "";
  let block: "p" | "h" | "li" | null = null;
  let row: string[] | null = null;
  let cell: string | null = null;

  const flush = () => {
    if (cell !== null) {
      if (text.trim()) cell += (cell ? " " : "") + text.trim();
    } else if (block === "h") {
      if (text.trim()) lines.push(`# ${text}`);
    } else if (block === "li") {
      if (text.trim()) lines.push(`- ${text}`);
    } else if (block === "p" || text.trim()) lines.push(text);
    text = "";
    block = null;
  };

  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi)) {
    const [, closing, rawTag, content] = m;
    if (content !== undefined) {
      text += decodeEntities(content);
      continue;
    }
    const tag = rawTag?.toLowerCase() ?? "";
    const open = closing !== "/";
    if (tag === "br") text += "\n";
    else if (tag === "p" || tag === "li" || /^h[1-6]$/.test(tag)) {
      flush();
      if (open) block = tag === "p" ? "p" : tag === "li" ? "li" : "h";
    } else if (tag === "td" || tag === "th") {
      if (open) {
        flush();
        cell = "";
      } else {
        flush();
        row?.push((cell ?? "").replace(/\s+/g, " ").trim());
        cell = null;
      }
    } else if (tag === "tr") {
      if (open) row = [];
      else if (row) {
        lines.push(row.join("\t"));
        row = null;
      }
    }
  }
  flush();
  return lines.join("\n");
}

/** In the worker thread (or the CLI): `file` is the upload's bytes. */
export async function docxToText(file: Uint8Array): Promise<string> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  assertInflatesAsDeclared(bytes, inspectZipDirectory(bytes, documentLimits));
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap, convertImage: noImages })).value;
  } catch (error) {
    throw new DocxError(error instanceof Error ? error.message : String(error));
  }
  return mammothHtmlToText(html);
}
