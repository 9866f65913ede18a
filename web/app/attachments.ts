import { mayOpenFileKind } from "../../shared/contracts/access.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import type { Attachments } from "../features/contacts/attachments.js";
import { fileHref, uploadFile } from "../features/files/api/upload-file.js";

/** The files feature for the library and the policy: every role opens library documents. */
export const attachments = { upload: uploadFile, href: fileHref };

/**
 * The files feature handed to features that attach a beneficiary's files (they do not import each
 * other): a link only for the kinds the reader's roles may open (shared/contracts/access.ts).
 */
export function attachmentsFor(roles: readonly StaffRole[]): Attachments {
  return {
    upload: uploadFile,
    href: (fileId, kind) => (mayOpenFileKind(roles, kind) ? fileHref(fileId) : null),
  };
}
