/**
 * How the library stores files without importing the files feature: the app hands it these two
 * functions (features meet in web/app).
 */
export type LibraryUploads = {
  /** Uploads one file and answers its id; refused (415, 413) files throw the API's error. */
  upload: (file: File) => Promise<{ id: string; name: string }>;
  /** Where the browser downloads a stored file. */
  href: (fileId: string) => string;
};
