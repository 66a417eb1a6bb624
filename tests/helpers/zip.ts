/** A minimal ZIP writer for test inputs (stored or deflated entries, streamed so huge entries stay cheap). */
import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's content, produced in chunks (so a 1 GB entry never sits in memory). */
  chunks: () => Iterable<Buffer>;
}

async function deflateEntry(entry: ZipEntry): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  let size = 0;
  for (const chunk of entry.chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  const ended = once(deflate, 'end');
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** Builds a ZIP (deflate, sizes < 4 GiB) of the entries. */
export async function buildZip(entries: ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflateEntry(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** `total` bytes of `pattern` repeated, in 1 MiB chunks. */
export function* repeated(pattern: string, total: number): Iterable<Buffer> {
  const unit = Buffer.from(pattern);
  const chunk = Buffer.alloc(Math.max(unit.length, Math.floor((1 << 20) / unit.length) * unit.length));
  chunk.fill(unit);
  for (let left = total; left > 0; left -= chunk.length)
    yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const DOC_TAIL = `</w:body></w:document>`;

/** A DOCX whose body is `paragraphs` copies of one paragraph (a paragraph bomb when large). */
export function paragraphDocx(
  paragraph: string,
  paragraphs: number,
  extra: ZipEntry[] = [],
): Promise<Buffer> {
  const p = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  return buildZip([
    { name: '[Content_Types].xml', chunks: () => [Buffer.from(CONTENT_TYPES)] },
    { name: '_rels/.rels', chunks: () => [Buffer.from(RELS)] },
    {
      name: 'word/document.xml',
      chunks: function* () {
        yield Buffer.from(DOC_HEAD);
        yield* repeated(p, Buffer.byteLength(p) * paragraphs);
        yield Buffer.from(DOC_TAIL);
      },
    },
    ...extra,
  ]);
}
