/**
 * The model manager: the manifest (models/models.yaml), the local cache dir, hash verification and the one place
 * that may download a model (`pullModel`, through node-llama-cpp's downloader). Offline mode never touches the network.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, createReadStream, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { RustgateError } from '../core/errors.js';
import { parseGgufHeader } from '../core/gguf/header.js';
import type { CandidateSource } from '../core/fix/types.js';
import { importLlamaCpp, requireLlamaCpp } from '../adapters/llm/llama-cpp.js';
import { LocalLlm } from '../adapters/llm/local.js';
import { createModelSource, createPacker, type EscalationOptions, type ModelSourceOptions } from '../adapters/llm/model-source.js';
import { createLocalReasoner, createOpenAiReasoner, type Reasoner } from '../adapters/llm/reasoner.js';

export type ModelRole = 'reasoner' | 'embedding' | 'scout';

/** One manifest entry. `size_bytes`/`sha256` are null until verified by a maintainer (see the manifest's note). */
export interface ModelEntry {
  id: string;
  role: ModelRole;
  file: string;
  format: 'gguf';
  size_bytes: number | null;
  sha256: string | null;
  /** `hf:<user>/<repo>/<file>` (node-llama-cpp model URI). */
  source: string;
  /** Memory the model needs to run comfortably (resource modes). */
  min_ram_gb: number;
  description: string;
  /** The GGUF `general.architecture` the file must declare (e.g. qwen2); null: not checked. */
  architecture: string | null;
}

/** One row of `models list --json` (CONTRACT.md). */
export interface ModelListing {
  id: string;
  role: ModelRole;
  file: string;
  format: 'gguf';
  size_bytes: number | null;
  sha256: string | null;
  present: boolean;
  path: string;
  source: string;
}

/** Where the manifest and the cache are, and whether the network is allowed. */
export interface ModelsEnv {
  manifestPath?: string;
  env?: NodeJS.ProcessEnv;
  offline?: boolean;
}

/** The manifest shipped with the package (models/ sits two levels above both src/app and dist/app). */
export function defaultManifestPath(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'models.yaml');
}

/** The cache dir: RUSTGATE_MODELS_DIR, else ~/.cache/rustgate/models. */
export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUSTGATE_MODELS_DIR ? path.resolve(env.RUSTGATE_MODELS_DIR) : path.join(os.homedir(), '.cache', 'rustgate', 'models');
}

/** True when downloads are forbidden (flag or RUSTGATE_OFFLINE=1). */
export function isOffline(opts: ModelsEnv = {}): boolean {
  const v = (opts.env ?? process.env).RUSTGATE_OFFLINE;
  return opts.offline === true || v === '1' || v === 'true';
}

const ROLES: readonly ModelRole[] = ['reasoner', 'embedding', 'scout'];

/** Reads and checks the manifest; a broken manifest is BAD_CONFIG naming the entry and field. */
export function loadManifest(file = defaultManifestPath()): ModelEntry[] {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RustgateError('BAD_CONFIG', `cannot read the model manifest ${file}: ${(e as Error).message}`, 'reinstall rustgate or fix the YAML');
  }
  const list = (doc as { models?: unknown } | null)?.models;
  if (!Array.isArray(list)) throw new RustgateError('BAD_CONFIG', `${file}: expected a "models" list`, 'see models/models.yaml in the rustgate package');
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    const bad = (field: string, want: string): never => {
      throw new RustgateError('BAD_CONFIG', `${file}: models[${i}].${field} must be ${want}`, 'fix the manifest entry');
    };
    if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(e.id)) bad('id', 'a lowercase id');
    if (seen.has(e.id as string)) bad('id', 'unique');
    seen.add(e.id as string);
    if (!ROLES.includes(e.role as ModelRole)) bad('role', ROLES.join('|'));
    if (typeof e.file !== 'string' || e.file.includes('/') || !e.file.endsWith('.gguf')) bad('file', 'a .gguf file name');
    if (e.format !== 'gguf') bad('format', '"gguf"');
    if (e.size_bytes !== null && (typeof e.size_bytes !== 'number' || e.size_bytes <= 0)) bad('size_bytes', 'a positive number or null');
    if (e.sha256 !== null && (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))) bad('sha256', '64 hex digits or null');
    if (typeof e.source !== 'string' || !e.source.startsWith('hf:')) bad('source', 'an hf:<user>/<repo>/<file> URI');
    if (e.architecture !== undefined && e.architecture !== null && (typeof e.architecture !== 'string' || !/^[a-z0-9_.-]+$/.test(e.architecture))) bad('architecture', 'a GGUF architecture name or null');
    return {
      id: e.id as string,
      role: e.role as ModelRole,
      file: e.file as string,
      format: 'gguf',
      size_bytes: (e.size_bytes as number | null) ?? null,
      sha256: (e.sha256 as string | null) ?? null,
      source: e.source as string,
      min_ram_gb: typeof e.min_ram_gb === 'number' ? e.min_ram_gb : 0,
      description: typeof e.description === 'string' ? e.description : '',
      architecture: typeof e.architecture === 'string' ? e.architecture : null,
    };
  });
}

/** Hashes recorded on first verified pull, per model id ("trust on first use" for null manifest hashes). */
type Recorded = Record<string, { file: string; sha256: string; size_bytes: number }>;

function recordedPath(dir: string): string {
  return path.join(dir, 'verified.json');
}

function readRecorded(dir: string): Recorded {
  try {
    return JSON.parse(readFileSync(recordedPath(dir), 'utf8')) as Recorded;
  } catch {
    return {};
  }
}

function writeRecorded(dir: string, rec: Recorded): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${recordedPath(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(rec, null, 2)}\n`);
  renameSync(tmp, recordedPath(dir));
}

/** sha256 (hex) of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Bounds of a model file: smaller cannot hold a GGUF header, larger is no model rustgate would run. */
const MIN_MODEL_BYTES = 24;
const MAX_MODEL_BYTES = 512 * 1024 ** 3;
/** How much of the file the header reader sees (the architecture comes first in every real model). */
const HEADER_BYTES = 16 * 1024 * 1024;

/** What a model file holds: its header's verdict, and its sha256 (of exactly `size` bytes). */
export interface ModelFileCheck {
  size: number;
  sha256: string;
  architecture: string | null;
  /** Why the file is not the model the entry describes (bad header, wrong architecture); null when fine. */
  problem: string | null;
}

/**
 * Opens a model file safely and reads it: only a regular file (a FIFO, a device such as /dev/zero, a directory is
 * MODEL_INVALID naming the path, without blocking), within size bounds; checks the GGUF header and, when `expect`
 * is given, that `general.architecture` matches; hashes exactly the size seen at open.
 */
export async function inspectModelFile(file: string, expect: { architecture?: string | null } = {}): Promise<ModelFileCheck> {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then refuses it.
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RustgateError('MODEL_MISSING', `model file ${file} does not exist`, 'pass an existing GGUF file, or `rustgate models pull ID`');
    throw new RustgateError('MODEL_INVALID', `cannot open model file ${file}: ${(e as Error).message}`, 'check the path and its permissions');
  }
  let size: number;
  let head: Uint8Array;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      throw new RustgateError('MODEL_INVALID', `model path ${file} is ${kind}, not a GGUF file`, `replace ${file} with the model file (or remove it and \`rustgate models pull ID\`)`);
    }
    size = st.size;
    if (size < MIN_MODEL_BYTES || size > MAX_MODEL_BYTES) {
      throw new RustgateError('MODEL_INVALID', `model file ${file} is ${size} bytes, outside ${MIN_MODEL_BYTES}..${MAX_MODEL_BYTES}`, `replace ${file} with the real model file`);
    }
    const buf = Buffer.alloc(Math.min(size, HEADER_BYTES));
    const n = readSync(fd, buf, 0, buf.length, 0);
    head = buf.subarray(0, n);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const hash = createHash('sha256');
  // The stream owns and closes the fd; `end` bounds the read to the size seen at open (a growing file cannot hang us).
  for await (const chunk of createReadStream('', { fd, start: 0, end: size - 1 })) hash.update(chunk as Buffer);
  const parsed = parseGgufHeader(head);
  let problem: string | null = null;
  let architecture: string | null = null;
  if (!parsed.ok) problem = parsed.problem;
  else {
    architecture = parsed.header.architecture;
    if (architecture === null) problem = `no general.architecture in the first ${Math.min(size, HEADER_BYTES)} bytes`;
    else if (expect.architecture && architecture !== expect.architecture) problem = `architecture ${architecture}, the manifest entry expects ${expect.architecture}`;
  }
  return { size, sha256: hash.digest('hex'), architecture, problem };
}

function findEntry(entries: ModelEntry[], id: string): ModelEntry {
  const entry = entries.find((m) => m.id === id);
  if (entry === undefined) {
    throw new RustgateError('BAD_FLAG', `unknown model id "${id}"`, `choose one of: ${entries.map((m) => m.id).join(', ')} (see \`rustgate models list\`)`);
  }
  return entry;
}

/** `models list`: every manifest entry with whether its file is in the cache dir. */
export function listModels(opts: ModelsEnv = {}): { models: ModelListing[]; dir: string } {
  const dir = modelsDir(opts.env);
  const rec = readRecorded(dir);
  const models = loadManifest(opts.manifestPath).map((m) => {
    const file = path.join(dir, m.file);
    const present = existsSync(file) && statSync(file).isFile();
    const known = rec[m.id]?.file === m.file ? rec[m.id] : undefined;
    return {
      id: m.id,
      role: m.role,
      file: m.file,
      format: m.format,
      size_bytes: m.size_bytes ?? known?.size_bytes ?? (present ? statSync(file).size : null),
      sha256: m.sha256 ?? known?.sha256 ?? null,
      present,
      path: file,
      source: m.source,
    };
  });
  return { models, dir };
}

/** Result of checking one model file. */
export interface VerifyRow {
  id: string;
  file: string;
  /**
   * ok: matches the manifest or the recorded hash; recorded: no hash known, this one is now recorded (only after the
   * header checked out); invalid: not a GGUF file of the entry's architecture (see `problem`), never recorded.
   */
  status: 'ok' | 'mismatch' | 'missing' | 'recorded' | 'invalid';
  expected_sha256: string | null;
  actual_sha256: string | null;
  /** `general.architecture` read from the file's header (null when missing or unreadable). */
  architecture?: string | null;
  /** Why the file is invalid. */
  problem?: string;
}

/** `models verify [ID]`: hashes present files; a missing file is an error only when its id was asked for. */
export async function verifyModels(id: string | undefined, opts: ModelsEnv = {}): Promise<{ ok: boolean; models: VerifyRow[] }> {
  const dir = modelsDir(opts.env);
  const entries = loadManifest(opts.manifestPath);
  const chosen = id === undefined ? entries : [findEntry(entries, id)];
  const rec = readRecorded(dir);
  const rows: VerifyRow[] = [];
  for (const m of chosen) {
    const file = path.join(dir, m.file);
    const known = m.sha256 ?? (rec[m.id]?.file === m.file ? rec[m.id]!.sha256 : null);
    if (!existsSync(file)) {
      if (id !== undefined) throw missingError(m, dir);
      rows.push({ id: m.id, file: m.file, status: 'missing', expected_sha256: known, actual_sha256: null });
      continue;
    }
    const check = await inspectModelFile(file, { architecture: m.architecture });
    const actual = check.sha256;
    if (check.problem !== null) {
      // Never trust (or record) a file whose header is not the model the entry describes.
      rows.push({ id: m.id, file: m.file, status: 'invalid', expected_sha256: known, actual_sha256: actual, architecture: check.architecture, problem: check.problem });
    } else if (m.size_bytes !== null && check.size !== m.size_bytes) {
      rows.push({ id: m.id, file: m.file, status: 'mismatch', expected_sha256: known, actual_sha256: actual, architecture: check.architecture, problem: `size ${check.size}, the manifest says ${m.size_bytes}` });
    } else if (known === null) {
      rec[m.id] = { file: m.file, sha256: actual, size_bytes: check.size };
      rows.push({ id: m.id, file: m.file, status: 'recorded', expected_sha256: null, actual_sha256: actual, architecture: check.architecture });
    } else {
      rows.push({ id: m.id, file: m.file, status: known === actual ? 'ok' : 'mismatch', expected_sha256: known, actual_sha256: actual, architecture: check.architecture });
    }
  }
  if (rows.some((r) => r.status === 'recorded')) writeRecorded(dir, rec);
  return { ok: rows.every((r) => r.status !== 'mismatch' && r.status !== 'invalid'), models: rows };
}

/** The public page a file can be fetched from by hand. */
function sourcePage(m: ModelEntry): string {
  const parts = m.source.slice('hf:'.length).split('/');
  return `https://huggingface.co/${parts.slice(0, 2).join('/')}`;
}

function missingError(m: ModelEntry, dir: string, offline = false): RustgateError {
  const why = offline ? ' and offline mode (--offline / RUSTGATE_OFFLINE=1) forbids downloading it' : '';
  return new RustgateError(
    'MODEL_MISSING',
    `model ${m.id} (${m.file}) is not in ${dir}${why}`,
    `run \`rustgate models pull ${m.id}\` on a connected machine, or copy ${m.file} from ${sourcePage(m)} into ${dir} (or set RUSTGATE_MODELS_DIR), or pass \`--model PATH\``,
  );
}

/** Result of `models pull`. */
export interface PullResult {
  id: string;
  path: string;
  downloaded: boolean;
  sha256: string;
  verified: 'manifest' | 'recorded' | 'first_use';
}

/**
 * `models pull ID`: a present file is kept (skipExisting) and only verified; otherwise the file is downloaded
 * with node-llama-cpp's downloader into the cache dir, unless offline. A hash mismatch deletes the download.
 */
export async function pullModel(id: string, opts: ModelsEnv & { onProgress?: (done: number, total: number) => void } = {}): Promise<PullResult> {
  const dir = modelsDir(opts.env);
  const m = findEntry(loadManifest(opts.manifestPath), id);
  const target = path.join(dir, m.file);
  let downloaded = false;
  if (!existsSync(target)) {
    if (isOffline(opts)) throw missingError(m, dir, true);
    mkdirSync(dir, { recursive: true });
    // Imported here so that listing and verifying never load node-llama-cpp (an optional peer: a typed error if absent).
    const { createModelDownloader } = await importLlamaCpp('`rustgate models pull`');
    try {
      const downloader = await createModelDownloader({
        modelUri: m.source,
        dirPath: dir,
        fileName: m.file,
        skipExisting: true,
        showCliProgress: false,
        deleteTempFileOnCancel: true,
        onProgress: opts.onProgress ? ({ downloadedSize, totalSize }) => opts.onProgress?.(downloadedSize, totalSize) : undefined,
      });
      await downloader.download();
    } catch (e) {
      throw new RustgateError('MODEL_MISSING', `cannot download ${m.source}: ${(e as Error).message}`, `check the network, or copy ${m.file} from ${sourcePage(m)} into ${dir}`);
    }
    downloaded = true;
  }
  const check = await inspectModelFile(target, { architecture: m.architecture });
  if (check.problem !== null) {
    if (downloaded) rmSync(target, { force: true });
    throw new RustgateError('MODEL_INVALID', `${target} is not a valid ${m.id} model: ${check.problem}`, downloaded ? 'the download was removed; pull again' : `delete ${target} and pull again`);
  }
  const sha = check.sha256;
  const rec = readRecorded(dir);
  const recorded = rec[m.id]?.file === m.file ? rec[m.id]!.sha256 : null;
  const expected = m.sha256 ?? recorded;
  if (expected !== null && expected !== sha) {
    if (downloaded) rmSync(target, { force: true });
    throw new RustgateError('MODEL_INVALID', `${m.file} has sha256 ${sha}, expected ${expected}`, downloaded ? 'the download was removed; pull again' : `delete ${target} and pull again`);
  }
  if (expected === null) {
    rec[m.id] = { file: m.file, sha256: sha, size_bytes: check.size };
    writeRecorded(dir, rec);
  }
  return { id: m.id, path: target, downloaded, sha256: sha, verified: m.sha256 !== null ? 'manifest' : recorded !== null ? 'recorded' : 'first_use' };
}

/**
 * The model file to load for `--model X`: an existing path is used as is; a manifest id maps to its cached file
 * (MODEL_MISSING with the pull hint when absent); no value picks the recommended model for `role`.
 */
export function resolveModelPath(idOrPath: string | undefined, role: ModelRole, opts: ModelsEnv & { totalMemBytes?: number } = {}): string {
  const entries = loadManifest(opts.manifestPath);
  const dir = modelsDir(opts.env);
  if (idOrPath !== undefined) {
    const byId = entries.find((m) => m.id === idOrPath);
    if (byId === undefined) return assertModelPathKind(path.resolve(idOrPath));
    const file = path.join(dir, byId.file);
    if (!existsSync(file)) throw missingError(byId, dir, isOffline(opts));
    return assertModelPathKind(file);
  }
  const pick = recommendModel(entries, role, opts.totalMemBytes ?? os.totalmem(), dir);
  if (pick === undefined) throw new RustgateError('MODEL_MISSING', `no ${role} model in the manifest`, 'pass `--model PATH`');
  const file = path.join(dir, pick.file);
  if (!existsSync(file)) throw missingError(pick, dir, isOffline(opts));
  return assertModelPathKind(file);
}

/** A model path that exists but is not a regular file (a directory, a FIFO, a device) is MODEL_INVALID naming it. */
function assertModelPathKind(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    return file; // a missing path is reported where the model is loaded, with the pull hint
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new RustgateError('MODEL_INVALID', `model path ${file} is ${kind}, not a GGUF file`, `pass the path of a .gguf file (or a manifest id; see \`rustgate models list\`)`);
  }
  return file;
}

/**
 * Resource modes: the model to use for `role` on a machine with `totalMemBytes`. Present files win over absent
 * ones; among those, the largest whose `min_ram_gb` fits; when none fits, the smallest.
 */
export function recommendModel(entries: ModelEntry[], role: ModelRole, totalMemBytes: number, dir?: string): ModelEntry | undefined {
  const ofRole = entries.filter((m) => m.role === role).sort((a, b) => a.min_ram_gb - b.min_ram_gb);
  const gb = totalMemBytes / 1024 ** 3;
  const present = dir === undefined ? [] : ofRole.filter((m) => existsSync(path.join(dir, m.file)));
  for (const pool of [present, ofRole]) {
    const fits = pool.filter((m) => m.min_ram_gb <= gb);
    if (fits.length) return fits[fits.length - 1];
  }
  return ofRole[0];
}

/** `--llm` values of debug-bug. */
export type LlmMode = 'none' | 'local' | 'openai';

/** Flags and environment for opening a reasoner. */
export interface ReasonerFlags extends ModelsEnv {
  /** `--model`: a GGUF path or a manifest id (local), or the server's model name (openai). */
  model?: string;
  threads?: number;
  contextSize?: number;
  timeoutMs?: number;
  /** Memory the recommended reasoner may assume (resource modes); default os.totalmem(). */
  totalMemBytes?: number;
}

/**
 * Opens the reasoner for `--llm MODE`: null for `none`; for `local` the `--model` file (or the recommended cached
 * reasoner) in a worker process; for `openai` the server in RUSTGATE_OPENAI_BASE_URL. Close it when done.
 */
export async function openReasoner(mode: LlmMode, flags: ReasonerFlags = {}): Promise<Reasoner | null> {
  if (mode === 'none') return null;
  if (mode === 'openai') return createOpenAiReasoner({ env: flags.env, model: flags.model, timeoutMs: flags.timeoutMs });
  // The library before the model file: pulling a model needs it too.
  requireLlamaCpp('`--llm local`');
  const file = resolveModelPath(flags.model, 'reasoner', flags);
  const llm = await LocalLlm.open(file, { threads: flags.threads, contextSize: flags.contextSize, timeoutMs: flags.timeoutMs });
  return createLocalReasoner(llm);
}

/**
 * The `llm` CandidateSource for the fix engine, or null for `--llm none`. The packer counts tokens with the model's
 * own tokenizer when it has one. Call `close()` when the run ends (it stops the model worker).
 */
export async function openModelSource(
  mode: LlmMode,
  flags: ReasonerFlags & { budget?: number; source?: ModelSourceOptions } & EscalationFlags = {},
): Promise<{ source: CandidateSource; reasoner: Reasoner; fallbackPath: string | null; close: () => Promise<void> } | null> {
  const reasoner = await openReasoner(mode, flags);
  if (reasoner === null) return null;
  const packer = createPacker({ budget: flags.budget, countTokens: reasoner.countTokens ? (t) => reasoner.countTokens!(t) : undefined });
  const primaryPath = mode === 'local' ? reasoner.name.replace(/^local:/, '') : null;
  const fallbackPath = fallbackModelPath(primaryPath, flags);
  let fallback: Reasoner | undefined;
  const escalation: EscalationOptions | undefined =
    fallbackPath === null
      ? undefined
      : {
          name: `local:${fallbackPath}`,
          threshold: flags.escalationThreshold,
          timeoutMs: flags.escalationTimeoutMs,
          open: async () => {
            const llm = await LocalLlm.open(fallbackPath, { threads: flags.threads, contextSize: flags.contextSize, timeoutMs: flags.escalationTimeoutMs ?? flags.timeoutMs, loadTimeoutMs: flags.escalationTimeoutMs });
            fallback = createLocalReasoner(llm);
            return fallback;
          },
        };
  const source = createModelSource(reasoner, packer, { ...flags.source, ...(escalation ? { escalation } : {}) });
  return {
    source,
    reasoner,
    fallbackPath,
    close: async () => {
      await reasoner.close();
      await fallback?.close();
    },
  };
}

/** Escalation settings of `openModelSource`. */
export interface EscalationFlags {
  /** `--fallback-model PATH|ID`: the larger model asked when the first one is unsure. */
  fallbackModel?: string;
  /** Look for a larger cached reasoner in the manifest when no `fallbackModel` is given (default true). */
  escalateFromManifest?: boolean;
  /** Confidence below which the fallback is asked (default 0.5). */
  escalationThreshold?: number;
  /** Hard limit for loading the fallback and for its answer, each (ms). */
  escalationTimeoutMs?: number;
}

/**
 * The fallback model file: `--fallback-model` (a path or manifest id) when given; else, for a local primary, the
 * next larger manifest reasoner (by min_ram_gb) whose file is cached; else null (no escalation).
 */
export function fallbackModelPath(primaryPath: string | null, flags: ModelsEnv & EscalationFlags): string | null {
  if (flags.fallbackModel !== undefined) return resolveModelPath(flags.fallbackModel, 'reasoner', flags);
  if (primaryPath === null || flags.escalateFromManifest === false) return null;
  const dir = modelsDir(flags.env);
  const reasoners = loadManifest(flags.manifestPath)
    .filter((m) => m.role === 'reasoner')
    .sort((a, b) => a.min_ram_gb - b.min_ram_gb);
  const current = reasoners.find((m) => path.join(dir, m.file) === path.resolve(primaryPath));
  // A primary outside the manifest has no known size: nothing is assumed larger than it.
  if (current === undefined) return null;
  const larger = reasoners.find((m) => m.min_ram_gb > current.min_ram_gb && existsSync(path.join(dir, m.file)));
  return larger === undefined ? null : path.join(dir, larger.file);
}
