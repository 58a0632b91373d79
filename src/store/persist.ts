/**
 * On-disk layout of a persisted store: one snapshot (a full Cozo export, replaced atomically by temp file + fsync +
 * rename) and an append-only journal of the writes flushed since that snapshot. Each journal line carries the
 * snapshot's generation id and a checksum, so a torn append or a journal left over from an older snapshot is detected
 * and ignored: a crash mid-flush loses at most that flush, never leaves half of one.
 */
import { randomBytes, createHash } from 'node:crypto';
import { open, readFile, rename, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CozoExport } from './cozo-engine.js';

const SNAPSHOT = 'store.snapshot';
const JOURNAL = 'store.journal';
const HEAD = 'store.head';
const FORMAT = 'rustgate-store';

export interface SnapshotHeader {
  format: string;
  schema: number;
  gen: string;
  bytes: number;
  sha256: string;
}

/** Result of reading the snapshot: absent, usable, or unusable with a reason for the warning. */
export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'ok'; gen: string; data: CozoExport; json: string; bytes: number }
  | { kind: 'unusable'; reason: string };

/** A fresh generation id (random, so a rebuilt store can never adopt an old journal). */
export function newGen(): string {
  return randomBytes(8).toString('hex');
}

function sha(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes `content` to `path` atomically: readers see the old file or the new one, never a mix. */
export async function writeFileAtomic(path: string, dir: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Writes a full snapshot of `data` as generation `gen`; returns its size in bytes. */
export async function writeSnapshot(dir: string, schema: number, gen: string, data: CozoExport): Promise<number> {
  await mkdir(dir, { recursive: true });
  const body = JSON.stringify(data);
  const header: SnapshotHeader = { format: FORMAT, schema, gen, bytes: Buffer.byteLength(body), sha256: sha(body) };
  const content = `${JSON.stringify(header)}\n${body}`;
  await writeFileAtomic(join(dir, SNAPSHOT), dir, content);
  return Buffer.byteLength(content);
}

/** Reads and verifies the snapshot; never throws for bad content (the caller rebuilds). */
export async function readSnapshot(dir: string, schema: number): Promise<SnapshotRead> {
  let buf: Buffer;
  try {
    buf = await readFile(join(dir, SNAPSHOT));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', reason: `cannot read ${SNAPSHOT}: ${(e as Error).message}` };
  }
  const nl = buf.indexOf(10);
  if (nl < 0) return { kind: 'unusable', reason: 'no header' };
  let header: SnapshotHeader;
  try {
    header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as SnapshotHeader;
  } catch {
    return { kind: 'unusable', reason: 'header is not JSON' };
  }
  if (header.format !== FORMAT) return { kind: 'unusable', reason: 'not a rustgate store' };
  if (header.schema !== schema) return { kind: 'unusable', reason: `schema ${String(header.schema)}, expected ${schema}` };
  const body = buf.subarray(nl + 1);
  if (body.length !== header.bytes || sha(body) !== header.sha256) return { kind: 'unusable', reason: 'checksum mismatch' };
  try {
    const json = body.toString('utf8');
    const data = JSON.parse(json) as CozoExport;
    return { kind: 'ok', gen: header.gen, data, json, bytes: buf.length };
  } catch {
    return { kind: 'unusable', reason: 'body is not JSON' };
  }
}

/** One flush's worth of writes, as recorded in the journal. */
export interface JournalEntry {
  g: string;
  ops: unknown[];
}

/** Encodes one journal line: `<sha256 prefix> <json>\n`. */
export function encodeJournalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${sha(json).slice(0, 16)} ${json}\n`;
}

/** Appends one line and fsyncs it; returns the bytes written. */
export async function appendJournal(dir: string, line: string): Promise<number> {
  const fh = await open(join(dir, JOURNAL), 'a');
  try {
    await fh.writeFile(line);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return Buffer.byteLength(line);
}

/** Removes the journal after a snapshot made it redundant (no fsync: a surviving journal has a stale generation id). */
export async function removeJournal(dir: string): Promise<void> {
  await rm(join(dir, JOURNAL), { force: true });
}

/** What the journal holds for generation `gen`. */
export interface JournalRead {
  entries: JournalEntry[];
  bytes: number;
  /** Lines that were ignored: a torn last append or lines of an older snapshot. The next flush rewrites. */
  discarded: number;
  /** Set when a line other than the last is damaged: the journal cannot be trusted. */
  corrupt?: string;
}

/** Reads the journal lines that belong to snapshot generation `gen`. */
export async function readJournal(dir: string, gen: string | undefined): Promise<JournalRead> {
  let text: string;
  try {
    text = await readFile(join(dir, JOURNAL), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], bytes: 0, discarded: 0 };
    return { entries: [], bytes: 0, discarded: 0, corrupt: `cannot read ${JOURNAL}: ${(e as Error).message}` };
  }
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const read: JournalRead = { entries: [], bytes: Buffer.byteLength(text), discarded: tail === '' ? 0 : 1 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const sp = line.indexOf(' ');
    const json = line.slice(sp + 1);
    let entry: JournalEntry | undefined;
    if (sp === 16 && sha(json).slice(0, 16) === line.slice(0, 16)) {
      try {
        entry = JSON.parse(json) as JournalEntry;
      } catch {
        entry = undefined;
      }
    }
    if (entry === undefined) {
      // Only the last append can be torn by a crash; damage anywhere else means the file was altered.
      if (i === lines.length - 1 && tail === '') {
        read.discarded++;
        continue;
      }
      return { ...read, corrupt: `journal line ${i + 1} is damaged` };
    }
    if (entry.g !== gen) {
      read.discarded++;
      continue;
    }
    read.entries.push(entry);
  }
  return read;
}

/**
 * The head: which snapshot generation is current and how many journal lines it has, rewritten atomically after every
 * flush. A journal with fewer lines than the head records (deleted, truncated, replaced) would silently roll the graph
 * back; the head makes that detectable.
 */
export interface StoreHead {
  gen: string;
  entries: number;
}

/** Writes the head atomically. */
export async function writeHead(dir: string, head: StoreHead): Promise<void> {
  await writeFileAtomic(join(dir, HEAD), dir, `${JSON.stringify(head)}\n`);
}

/** Reads the head; undefined when absent or unreadable (stores written before it existed have none). */
export async function readHead(dir: string): Promise<StoreHead | undefined> {
  try {
    const v = JSON.parse(await readFile(join(dir, HEAD), 'utf8')) as Partial<StoreHead>;
    return typeof v.gen === 'string' && Number.isSafeInteger(v.entries) ? { gen: v.gen, entries: v.entries as number } : undefined;
  } catch {
    return undefined;
  }
}
