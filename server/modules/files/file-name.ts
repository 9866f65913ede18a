import { extensionFor, type StoredMediaType } from "./media-type.js";

/**
 * The name a stored file is shown and downloaded under. The name an uploader sends is a claim like
 * the Content-Type: `report.html`, `invoice\u202Efdp.hta` (which displays as «invoiceath.pdf») or
 * `../../etc/passwd` must not come back to a colleague's browser as such. So: the last path
 * segment only, no control, formatting or bidi characters, no characters Windows refuses in names,
 * no leading dots, a bounded length, and the extension of the type read from the bytes in place of
 * whatever extension was claimed.
 */
const maxStemLength = 120;

// Cc (controls, NUL included), Cf (formatting: bidi overrides and isolates, zero-width marks),
// Zl/Zp (line and paragraph separators), Co/Cn (private use, unassigned), lone surrogates.
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/gu;
const reservedByWindows = /[<>:"|?*]/g;
const reservedNames = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const claimedExtension = /\.[A-Za-z0-9_-]{1,10}$/;

export function safeFileName(claimed: string, mediaType: StoredMediaType): string {
  const normalized = claimed.normalize("NFC").replace(invisible, "");
  const lastSegment = normalized.split(/[\\/]/).pop() ?? "";
  let stem = lastSegment
    .replace(reservedByWindows, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  // `scan.pdf.exe`, `photo.jpg.html`: every claimed extension goes, the detected one is added.
  for (let i = 0; i < 4 && claimedExtension.test(stem); i++) stem = stem.replace(claimedExtension, "");
  stem = stem.replace(/[.\s]+$/, "");
  stem = [...stem].slice(0, maxStemLength).join("").trim();
  if (!stem || reservedNames.test(stem)) stem = "file";
  return `${stem}.${extensionFor[mediaType]}`;
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): an ASCII fallback in
 * `filename`, and the real, possibly Arabic, name percent-encoded in `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
