/**
 * What a file is, read from its first bytes. Names and the browser's Content-Type are claims;
 * an executable renamed to `.pdf` starts with `MZ`, not `%PDF-`, and is refused.
 */
export const acceptedMediaTypes = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

export function detectMediaType(bytes: Uint8Array): AcceptedMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return "image/webp";
  }
  return null;
}

/** Files the system writes itself (an evidence pack's workbook), never accepted from an upload. */
export const xlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export type StoredMediaType = AcceptedMediaType | typeof xlsxMediaType;
/** What the download route serves as itself; anything else goes out as bytes. */
export const servedMediaTypes: readonly string[] = [...acceptedMediaTypes, xlsxMediaType];

export const extensionFor: Record<StoredMediaType, string> = {
  [xlsxMediaType]: "xlsx",
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};
