import { createInflateRaw } from 'node:zlib';
import { SpreadsheetFileTooLargeException, SpreadsheetUnreadableFileException } from './spreadsheet.exception.js';

/** One file inside a zip, as its central directory describes it. */
interface ZipEntry {
  method: number;
  compressedSize: number;
  /** What the zip says the entry unpacks to; a hostile file may say less than the truth. */
  declaredSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Refuses a zip (an xlsx) that unpacks to more than `maxBytes` in all, before anything unpacks it for real: first
 * by the sizes its central directory declares (a few bytes read, so an honest zip bomb is refused at once), then by
 * inflating each entry and counting the bytes that come out, stopping as soon as they pass what the entry declared
 * or what is left of the budget (a zip that lies about its sizes). The inflating runs in zlib's thread pool and
 * its output is counted and dropped, so neither the event loop nor the memory carries the unpacked file.
 *
 * Throws `IMPORT_FILE_TOO_LARGE` (413) when over the limit, `IMPORT_UNREADABLE_FILE` when the zip is damaged.
 */
export async function assertUnpackedSizeAtMost(buffer: Buffer, maxBytes: number, maxEntries: number): Promise<void> {
  const entries = centralDirectory(buffer, maxEntries, maxBytes);
  let budget = maxBytes;
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    const limit = Math.min(entry.declaredSize, budget);
    let unpacked: number;
    if (entry.method === STORED) unpacked = data.length;
    else if (entry.method === DEFLATED) unpacked = await inflatedSize(data, limit);
    else throw new SpreadsheetUnreadableFileException('xlsx');
    if (unpacked > limit) throw new SpreadsheetFileTooLargeException(maxBytes);
    budget -= unpacked;
  }
}

function centralDirectory(buffer: Buffer, maxEntries: number, maxBytes: number): ZipEntry[] {
  const end = findEndOfCentralDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  // 0xffff entries or a 0xffffffff offset mark a zip64 archive: far more than a hand-kept spreadsheet.
  if (count > maxEntries) throw new SpreadsheetFileTooLargeException(maxBytes);
  let position = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (position + 46 > buffer.length || buffer.readUInt32LE(position) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new SpreadsheetUnreadableFileException('xlsx');
    }
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(position + 10),
      compressedSize: buffer.readUInt32LE(position + 20),
      declaredSize: buffer.readUInt32LE(position + 24),
      localHeaderOffset: buffer.readUInt32LE(position + 42),
    };
    declaredTotal += entry.declaredSize;
    if (entry.declaredSize > maxBytes || declaredTotal > maxBytes) throw new SpreadsheetFileTooLargeException(maxBytes);
    entries.push(entry);
    position +=
      46 + buffer.readUInt16LE(position + 28) + buffer.readUInt16LE(position + 30) + buffer.readUInt16LE(position + 32);
  }
  return entries;
}

/** The end-of-central-directory record: in the last 22 bytes, or before a comment of at most 64 KiB. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new SpreadsheetUnreadableFileException('xlsx');
}

function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
    throw new SpreadsheetUnreadableFileException('xlsx');
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw new SpreadsheetUnreadableFileException('xlsx');
  return buffer.subarray(start, start + entry.compressedSize);
}

/** How many bytes `data` inflates to, counting no further than just past `limit`. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(() => resolve(size));
        inflater.destroy();
      }
    });
    inflater.on('end', () => settle(() => resolve(size)));
    inflater.on('error', () => settle(() => reject(new SpreadsheetUnreadableFileException('xlsx'))));
    inflater.end(data);
  });
}
