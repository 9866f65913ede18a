import type { Attachments } from "../features/contacts/attachments.js";
import { fileHref, uploadFile } from "../features/files/api/upload-file.js";

/** The files feature, handed to features that attach files (they do not import each other). */
export const attachments: Attachments = { upload: uploadFile, href: fileHref };
