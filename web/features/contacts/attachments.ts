import type { FileKind } from "../../../shared/contracts/access.js";

/**
 * How the contacts feature stores and links files without importing the files feature: the app
 * hands it these two functions (features meet in web/app).
 */
export type Attachments = {
  /** Uploads one file and answers its id; refused (415, 413) files throw the API's error. */
  upload: (file: File) => Promise<{ id: string; name: string }>;
  /**
   * Where the browser downloads a stored file held as `kind`, or null when the reader's role may
   * not open that kind (shared/contracts/access.ts): the page says so instead of offering a link.
   */
  href: (fileId: string, kind: FileKind) => string | null;
};

/** What the server accepts; the picker offers only these, the server still reads the content. */
export const acceptedFileTypes = "application/pdf,image/jpeg,image/png,image/webp";
