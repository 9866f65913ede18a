/**
 * How the policy pages store a board member's signature without importing the files feature: the
 * app hands them this function (features meet in web/app).
 */
export type PolicyUploads = {
  /** Uploads one file (a scanned or drawn signature) and answers its id. */
  upload: (file: File) => Promise<{ id: string; name: string }>;
};
