import { inflateRawSync } from "node:zlib";

/**
 * A gate in front of the Office libraries (exceljs, mammoth): they inflate whatever the archive
 * holds, so an Excel or Word file is first measured here, by its central directory alone (a few
 * fixed-size records, no inflation), and refused when it declares too many entries, too many bytes
 * or an implausible compression ratio. `assertInflatesAsDeclared` then checks that no entry inflates
 * past what it declared, with zlib's own output cap, so a lying header cannot slip a bomb through.
 * This reads the zip format only as far as its sizes; the parsing proper is left to the libraries.
 */
export type ZipLimits = {
  maxEntries: number;
  /** Sum of the declared inflated sizes. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, checked for entries above one MiB (small files compress oddly). */
  maxRatio: number;
};

export type ZipEntryInfo = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** An import workbook is a few parts (workbook, sheets, strings, styles); a bomb is thousands. */
export const workbookLimits: ZipLimits = { maxEntries: 500, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };

/** A policy document is a few dozen parts; media make it larger, but not thousands of entries. */
export const documentLimits: ZipLimits = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };

/** `archive_unreadable`: not a zip we can read; `archive_bomb`: over the limits. */
export class ZipRefusedError extends Error {
  constructor(
    readonly code: "archive_unreadable" | "archive_bomb",
    message: string,
  ) {
    super(message);
    this.name = "ZipRefusedError";
  }
}

const END_OF_CENTRAL = 0x06054b50;
const CENTRAL_FILE = 0x02014b50;
const LOCAL_FILE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const oneMiB = 1024 * 1024;

const unreadable = (why: string) => new ZipRefusedError("archive_unreadable", why);
const bomb = (why: string) => new ZipRefusedError("archive_bomb", why);

function findEndOfCentralDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL) return i;
  }
  throw unreadable("no end-of-central-directory record: not a zip archive");
}

/** The entries as the central directory declares them, refused past the limits. */
export function inspectZipDirectory(zip: Buffer, limits: ZipLimits): ZipEntryInfo[] {
  if (zip.length < 22) throw unreadable("too short to be a zip archive");
  const end = findEndOfCentralDirectory(zip);
  const declaredCount = zip.readUInt16LE(end + 10);
  if (declaredCount === 0xffff) throw bomb("zip64 entry count");
  if (declaredCount > limits.maxEntries) throw bomb(`${declaredCount} entries`);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (let n = 0; n < declaredCount; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_FILE) {
      throw unreadable("damaged central directory");
    }
    const compressedSize = zip.readUInt32LE(offset + 20);
    const uncompressedSize = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    if (next > zip.length) throw unreadable("damaged central directory");
    const entry: ZipEntryInfo = {
      name: zip.toString("utf8", offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    };
    if (uncompressedSize === ZIP64_MARK || compressedSize === ZIP64_MARK) {
      throw bomb(`${entry.name}: zip64 sizes`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw bomb(`more than ${limits.maxTotalBytes} bytes inflated`);
    if (uncompressedSize > oneMiB && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw bomb(`${entry.name}: ratio ${Math.round(uncompressedSize / Math.max(1, compressedSize))}`);
    }
    entries.push(entry);
    offset = next;
  }
  return entries;
}

/**
 * Inflates each entry with the output capped at its declared size: an entry that holds more than
 * it says is refused before any library trusts the header. Costs at most the declared total,
 * which `inspectZipDirectory` has already bounded; run it off the event loop.
 */
export function assertInflatesAsDeclared(zip: Buffer, entries: ZipEntryInfo[]): void {
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_FILE) {
      throw unreadable(`${entry.name}: damaged local header`);
    }
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw bomb(`${entry.name}: stored size mismatch`);
      continue;
    }
    if (entry.method !== 8) throw unreadable(`${entry.name}: compression method ${entry.method}`);
    let inflated: Buffer;
    try {
      // One byte of headroom: reaching it means the entry holds more than it declared.
      inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw bomb(`${entry.name}: inflates past its declared ${entry.uncompressedSize} bytes`);
      }
      throw unreadable(`${entry.name}: ${(error as Error).message}`);
    }
    if (inflated.length > entry.uncompressedSize) {
      throw bomb(`${entry.name}: inflates past its declared ${entry.uncompressedSize} bytes`);
    }
  }
}
