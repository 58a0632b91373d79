/**
 * Loads patterns/map/error-codes.yaml (the error map), validates it against its JSON schema with ajv and checks it
 * against the pattern library. A bad map is a RustgateError PATTERN_INVALID naming the entry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { RustgateError } from '../../core/errors.js';
import { checkErrorMap, ERROR_MAP_SCHEMA, type ErrorMapEntry } from '../../core/patterns/error-map.js';
import { defaultPatternDir, loadPatterns } from './load.js';

/** The bundled map's path. */
export function defaultErrorMapPath(): string {
  return path.join(defaultPatternDir(), 'map', 'error-codes.yaml');
}

/** Parses and validates a map text against the schema and the given library (default: the bundled one). */
export function parseErrorMap(text: string, file: string, patterns = loadPatterns()): ErrorMapEntry[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new RustgateError('PATTERN_INVALID', `error map ${file} is not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`, `fix the YAML in ${file}`);
  }
  const validate = new Ajv({ allErrors: false, strict: false }).compile(ERROR_MAP_SCHEMA);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new RustgateError('PATTERN_INVALID', `error map ${file}: entry ${e?.instancePath || '(root)'} ${e?.message ?? 'is invalid'}`, `fix that entry in ${file} (schema: src/core/patterns/error-map.ts)`);
  }
  const entries = data as ErrorMapEntry[];
  const problems = checkErrorMap(entries, patterns);
  if (problems.length > 0) throw new RustgateError('PATTERN_INVALID', `error map ${file}: ${problems[0] ?? ''}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`, `fix ${file} or the pattern's error_codes`);
  return entries;
}

/** Loads the bundled error map (or `file`). */
export function loadErrorMap(file: string = defaultErrorMapPath()): ErrorMapEntry[] {
  return parseErrorMap(readFileSync(file, 'utf8'), file);
}
