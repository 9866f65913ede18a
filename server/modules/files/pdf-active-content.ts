import { inflateSync } from "node:zlib";

/**
 * Whether a PDF carries anything a viewer would run or open by itself: scripts, actions on open or
 * on page events, launching programs, embedded files, rich media, form submission. A scan or a
 * printed letter has none of these, so a PDF naming any of them is refused rather than cleaned.
 *
 * PDF names may escape any character as `#xx` (`/J#61vaScript` is `/JavaScript`), and objects may
 * hide inside compressed object streams; names are decoded before comparing, and object streams
 * are inflated (with an output cap) and searched the same way. An object stream that cannot be
 * inflated (another filter, encrypted, past the cap) cannot be checked, and is refused too.
 */
export type PdfFinding = { kind: "active_content"; name: string } | { kind: "uninspectable"; why: string };

const activeNames = new Set([
  "JavaScript",
  "JS",
  "OpenAction",
  "AA",
  "Launch",
  "EmbeddedFile",
  "EmbeddedFiles",
  "RichMedia",
  "SubmitForm",
  "ImportData",
  "GoToE",
  "GoToR",
  "XFA",
]);

/** Inflated bytes allowed per object stream and for the whole file. */
const perStreamCap = 8 * 1024 * 1024;
const totalCap = 32 * 1024 * 1024;

// A PDF name: a slash and the regular characters after it (PDF 32000-1 §7.3.5).
const nameToken = /\/([^\s/[\]<>(){}%\0]*)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function* names(text: string): Generator<{ name: string; end: number }> {
  for (const match of text.matchAll(nameToken)) {
    yield { name: decodeName(match[1] ?? ""), end: (match.index ?? 0) + match[0].length };
  }
}

/** Names so short that image bytes spell them now and then: counted only when a value follows. */
const shortNames = new Set(["JS", "AA", "XFA"]);

/** The first active name in a piece of PDF syntax, if any. */
function activeNameIn(text: string): string | null {
  for (const { name, end } of names(text)) {
    if (!activeNames.has(name)) continue;
    // A key's value starts with a string, dictionary, array, number or reference (or a comment
    // before it); random bytes rarely follow `/JS` with one, a real action always does.
    if (shortNames.has(name) && !/^[\t\n\f\r ]*[(<[0-9%]/.test(text.slice(end, end + 32))) continue;
    // An opening view given as a destination array (`/OpenAction [3 0 R /Fit]`) only turns to a
    // page; Word and scanners write it. An action dictionary or reference is refused.
    if (name === "OpenAction" && /^\s*\[/.test(text.slice(end, end + 64))) continue;
    return name;
  }
  return null;
}

export function findPdfActiveContent(bytes: Uint8Array): PdfFinding | null {
  // latin1 maps each byte to one character, so offsets match and binary data stays searchable.
  // Stream data is searched too: a cross-reference table may point a viewer at an object placed
  // inside another object's stream, so no region of the file is safe to skip.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const direct = activeNameIn(text);
  if (direct) return { kind: "active_content", name: direct };

  let inflatedTotal = 0;
  for (const match of text.matchAll(/\bstream(\r\n|\n|\r)/g)) {
    const keyword = match.index ?? 0;
    const start = keyword + match[0].length;
    // The stream's dictionary is what precedes the keyword back to its object header.
    const before = text.slice(Math.max(0, keyword - 4096), keyword);
    const dictionary = before.slice(before.lastIndexOf("obj") + 1);
    const dictionaryNames = new Set([...names(dictionary)].map((n) => n.name));
    if (!dictionaryNames.has("ObjStm")) continue;
    const stop = text.indexOf("endstream", start);
    if (stop < 0) return { kind: "uninspectable", why: "object stream without its end" };
    const filters = [...dictionaryNames].filter((n) => n.endsWith("Decode"));
    const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start);
    let content: string;
    if (filters.length === 0) continue; // already searched as it stands
    if (filters.length === 1 && filters[0] === "FlateDecode") {
      try {
        const inflated = inflateSync(body, { maxOutputLength: perStreamCap });
        inflatedTotal += inflated.length;
        content = inflated.toString("latin1");
      } catch {
        return { kind: "uninspectable", why: "object stream that does not inflate within the cap" };
      }
      if (inflatedTotal > totalCap) return { kind: "uninspectable", why: "object streams too large" };
    } else return { kind: "uninspectable", why: `object stream with ${filters.join(",")}` };
    const hidden = activeNameIn(content);
    if (hidden) return { kind: "active_content", name: hidden };
  }
  return null;
}
