/**
 * Loads the pattern library from YAML (patterns/<id>.yaml), validates each file against the JSON schema with
 * ajv, and checks regexes compile. A bad file is a RustgateError PATTERN_INVALID naming the file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { RustgateError } from '../../core/errors.js';
import type { Pattern } from '../../core/patterns/model.js';
import { PATTERN_SCHEMA, REGEX_FIELDS } from '../../core/patterns/schema.js';

/** The package root: the nearest ancestor of this module holding package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 10; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new RustgateError('INTERNAL', 'cannot find the rustgate package root', 'reinstall rustgate (package.json is missing)');
}

/** The default pattern directory, `<package root>/patterns`. */
export function defaultPatternDir(): string {
  return path.join(packageRoot(), 'patterns');
}

let validator: ReturnType<Ajv['compile']> | null = null;

function validate(data: unknown): ErrorObject[] {
  if (!validator) validator = new Ajv({ allErrors: true, strict: false }).compile(PATTERN_SCHEMA);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

function invalid(file: string, field: string, why: string): RustgateError {
  return new RustgateError('PATTERN_INVALID', `pattern file ${file}: ${field || '(root)'} ${why}`, `fix ${field || 'the file'} in ${file} (see the pattern schema in src/core/patterns/schema.ts)`);
}

/** Parses and validates one pattern file's text; `file` is used in error messages only. */
export function parsePattern(text: string, file: string): Pattern {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw invalid(file, '', `is not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
  const errors = validate(data);
  if (errors.length > 0) {
    const e = errors[0] as ErrorObject;
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    throw invalid(file, e.instancePath.replace(/^\//, '').replace(/\//g, '.'), `${e.message ?? 'is invalid'}${extra}`);
  }
  const pattern = data as Pattern;
  const det = pattern.detector;
  for (const field of REGEX_FIELDS) {
    const src = det[field];
    if (src === undefined) continue;
    try {
      new RegExp(src, 's');
    } catch (e) {
      throw invalid(file, `detector.${field}`, `is not a valid regex: ${(e as Error).message}`);
    }
  }
  for (const field of ['message', 'replacement'] as const) {
    const src = det.suggestion?.[field];
    if (src === undefined) continue;
    try {
      new RegExp(src, 's');
    } catch (e) {
      throw invalid(file, `detector.suggestion.${field}`, `is not a valid regex: ${(e as Error).message}`);
    }
  }
  if (pattern.kind === 'fix' && det.text_detector !== undefined) throw invalid(file, 'detector.text_detector', 'is only allowed for anti_pattern');
  const stem = path.basename(file).replace(/\.ya?ml$/, '');
  if (stem !== pattern.id) throw invalid(file, 'id', `must equal the file name (${stem})`);
  return pattern;
}

/** Loads every `*.yaml` pattern in `dir` (default: the package's patterns/), sorted by id. */
export function loadPatterns(dir: string = defaultPatternDir()): Pattern[] {
  // The bundled library ships with the package and cannot change while a process runs: parse and validate it once
  // (debug-bug needs it for candidates, anti-pattern findings and exemplars). Other directories are read each time.
  const bundled = dir === defaultPatternDir();
  if (bundled && bundledPatterns) return [...bundledPatterns];
  const loaded = readPatternDir(dir);
  if (bundled) bundledPatterns = loaded;
  return [...loaded];
}

/** The bundled library once read; pattern objects are shared, so callers copy before changing one. */
let bundledPatterns: Pattern[] | undefined;

function readPatternDir(dir: string): Pattern[] {
  if (!existsSync(dir)) throw new RustgateError('PATTERN_INVALID', `pattern directory ${dir} does not exist`, 'reinstall rustgate or pass an existing pattern directory');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out = files.map((f) => parsePattern(readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)));
  const seen = new Set<string>();
  for (const p of out) {
    if (seen.has(p.id)) throw invalid(p.id, 'id', 'is duplicated');
    seen.add(p.id);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
