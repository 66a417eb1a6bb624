/**
 * Zip-bomb checks for DOCX, read from the central directory before anything is inflated: entry count,
 * total declared uncompressed size, and the size of each XML part (the parts mammoth inflates and parses).
 * Sizes that lie are caught by the analysis worker's heap limit.
 */
import yauzl from 'yauzl';
import { FileError } from '../../core/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Declared uncompressed size of any one XML part (document.xml, styles.xml, …). */
  maxXmlBytes: number;
}

export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxXmlBytes: 48 * 1024 * 1024,
};

interface Entry {
  name: string;
  size: number;
}

function listEntries(bytes: Buffer, maxEntries: number): Promise<{ entries: Entry[]; count: number }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err) return reject(err);
      const count = zip.entryCount;
      if (count > maxEntries) {
        zip.close();
        return resolve({ entries: [], count });
      }
      const entries: Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve({ entries, count }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Throws TOO_LARGE (zip bomb) or CORRUPT_FILE (not a zip) before the DOCX is unzipped. */
export async function checkZip(bytes: Buffer, file: string, limits: ZipLimits = DOCX_LIMITS): Promise<void> {
  let listing: { entries: Entry[]; count: number };
  try {
    listing = await listEntries(bytes, limits.maxEntries);
  } catch (err) {
    throw new FileError('CORRUPT_FILE', 'The DOCX file is damaged and cannot be read', file, {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  const bomb = (reason: string, extra: Record<string, unknown>) =>
    new FileError('TOO_LARGE', `The DOCX would unpack to too much data (${reason})`, file, {
      reason,
      ...extra,
    });
  if (listing.count > limits.maxEntries)
    throw bomb('entries', { entries: listing.count, max: limits.maxEntries });
  const total = listing.entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) throw bomb('unpacked size', { bytes: total, max: limits.maxTotalBytes });
  const xml = listing.entries.find((e) => /\.(xml|rels)$/iu.test(e.name) && e.size > limits.maxXmlBytes);
  if (xml) throw bomb('XML part size', { part: xml.name, bytes: xml.size, max: limits.maxXmlBytes });
}
