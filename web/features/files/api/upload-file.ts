import { fileViewSchema } from "../../../../shared/contracts/files.js";
import { requestJson } from "../../../lib/http.js";

/**
 * Sends the file's bytes as the body; the server reads the type from the content (PDF, JPEG, PNG,
 * WebP) and answers 415 or 413 otherwise. The returned id is what a contact or a letter refers to.
 */
export async function uploadFile(file: File) {
  return requestJson("/api/files", fileViewSchema, {
    method: "POST",
    query: { name: file.name },
    raw: { content: file, type: file.type || "application/octet-stream" },
  });
}

/** Where the browser downloads a stored file (the server logs the read). */
export function fileHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}`;
}
