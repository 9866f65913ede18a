import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Builds zips in memory, for tests of Office-file readers (.docx, .xlsx) and of the zip-bomb
 * gate: an entry may lie about its inflated size (`declare`), or repeat.
 */
/** An entry's content, or its deflated data already made (see `repeatedSpaces`). */
export type Prepared = { deflated: Buffer; size: number; crc: number };
export type ZipEntry = string | Buffer | { content: string | Buffer | Prepared; declare?: number };

const isPrepared = (c: unknown): c is Prepared => typeof c === "object" && c !== null && "deflated" in c;

/**
 * `size` bytes of spaces, deflated without ever holding them: one mebibyte compressed once, its
 * blocks repeated, then an empty final block. A 256 MiB bomb costs a few hundred KB and no time.
 */
export function repeatedSpaces(size: number): Prepared {
  const chunk = 1024 * 1024;
  const block = Buffer.alloc(chunk, 0x20);
  const body = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let left = size; left > 0; left -= chunk) {
    const piece = left >= chunk ? block : block.subarray(0, left);
    parts.push(left >= chunk ? body : deflateRawSync(piece, { finishFlush: constants.Z_FULL_FLUSH }));
    crc = crc32(piece, crc);
  }
  // A final, empty block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
  parts.push(Buffer.from([0x03, 0x00]));
  return { deflated: Buffer.concat(parts), size, crc };
}

export function zip(entries: Record<string, ZipEntry> | Array<[string, ZipEntry]>): Buffer {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, entry] of list) {
    const spec = typeof entry === "string" || Buffer.isBuffer(entry) ? { content: entry } : entry;
    let data: Buffer;
    let size: number;
    let checksum: number;
    if (isPrepared(spec.content)) {
      ({ deflated: data, size, crc: checksum } = spec.content);
    } else {
      const raw = Buffer.isBuffer(spec.content) ? spec.content : Buffer.from(spec.content, "utf8");
      data = deflateRawSync(raw);
      size = raw.length;
      checksum = crc32(raw);
    }
    const declared = spec.declare ?? size;
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(list.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(list.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
const officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A minimal Word document as Word writes one: content types, relationships, a bulleted list
 * definition (numId 1), and `body` (the `<w:body>` children) as `word/document.xml`.
 */
export function docx(body: string, extra: Record<string, ZipEntry> = {}): Buffer {
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relationships}"><Relationship Id="rId1" Type="${officeRelationship}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${relationships}"><Relationship Id="rId1" Type="${officeRelationship}/numbering" Target="numbering.xml"/></Relationships>`,
    "word/numbering.xml": `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${wordNamespace}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${wordNamespace}"><w:body>${body}</w:body></w:document>`,
    ...extra,
  });
}
