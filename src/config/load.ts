/** Reads `<repo>/rustgate.yaml`: YAML → schema validation (ajv, defaults applied) → RustgateConfig. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { RustgateError } from '../core/errors.js';
import { CONFIG_FILE, CONFIG_SCHEMA, DEFAULT_CONFIG, type CargoTargetKind, type RawConfig, type RustgateConfig } from './schema.js';


/** How many alias expansions a configuration may use (the file is tiny; a bomb needs thousands). */
const MAX_ALIASES = 50;

/** A configuration larger than this is not one (1 MiB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, strictTuples: false });
const validate = ajv.compile<RawConfig>(CONFIG_SCHEMA);

/** Loads the configuration of the repository at `root`; a missing file gives the defaults. */
export function loadConfig(root: string): RustgateConfig {
  const file = path.resolve(root, CONFIG_FILE);
  let text: string;
  try {
    // Only a regular file of sane size is read: a FIFO would block forever, a directory is not a config.
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
    if (!st.isFile()) throw new RustgateError('BAD_CONFIG', `${file} is not a regular file`, `Replace ${file} with a plain YAML file.`);
    if (st.size > MAX_CONFIG_BYTES) throw new RustgateError('BAD_CONFIG', `${file} is ${st.size} bytes; a configuration is at most ${MAX_CONFIG_BYTES}`, `Check that ${file} is the rustgate configuration.`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof RustgateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return structuredClone(DEFAULT_CONFIG) as RustgateConfig;
    if (code === 'EISDIR') throw new RustgateError('BAD_CONFIG', `${file} is a directory, not a configuration file`, `Remove or rename the directory ${file}; rustgate.yaml must be a YAML file.`, { cause: e });
    throw new RustgateError('BAD_CONFIG', `cannot read ${file}: ${(e as Error).message}`, 'Check the file permissions.', { cause: e });
  }
  return parseConfigText(text, file);
}

/** Parses and validates the text of a configuration file; `file` is used in messages. */
export function parseConfigText(text: string, file: string): RustgateConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    throw new RustgateError(
      'BAD_CONFIG',
      `${file}${line === undefined ? '' : `:${line}`}: not valid YAML: ${first.message.split('\n')[0]}`,
      `Fix the YAML syntax of ${path.basename(file)} (or delete it to use the defaults).`,
    );
  }
  // An empty file (or one with only comments) means "all defaults". Aliases resolve here: an unknown one
  // (`features: *nope`) or an alias bomb (more than MAX_ALIASES expansions) is a bad file, not a crash.
  let value: unknown;
  try {
    value = doc.contents === null ? {} : doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const cause = /resource exhaustion/i.test(why ?? '') ? `too many YAML alias expansions (more than ${MAX_ALIASES}; an alias bomb?)` : `bad YAML alias: ${why}`;
    throw new RustgateError('BAD_CONFIG', `${file}: ${cause}`, `Write the values out in ${path.basename(file)} instead of using YAML anchors and aliases (&name / *name).`, { cause: e });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RustgateError('BAD_CONFIG', `${file}: the top level must be a mapping (e.g. "preflight:")`, hintFor(file));
  }
  const data = value as Record<string, unknown>;
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describeError);
    throw new RustgateError('BAD_CONFIG', `${file}: ${[...new Set(problems)].join('; ')}`, hintFor(file));
  }
  const raw = data as unknown as RawConfig;
  return {
    file,
    preflight: {
      budgetSeconds: raw.preflight.budget_seconds,
      features: raw.preflight.features,
      allFeatures: raw.preflight.all_features,
      packages: raw.preflight.packages,
      tests: { enabled: raw.preflight.tests.enabled, timeoutSeconds: raw.preflight.tests.timeout_seconds },
      rustAnalyzer: raw.preflight.rust_analyzer,
      targets: raw.preflight.targets.includes('all') ? 'all' : (raw.preflight.targets as CargoTargetKind[]),
    },
    fix: {
      llm: raw.fix.llm,
      ...(raw.fix.anti_pattern_tau !== undefined ? { antiPatternTau: raw.fix.anti_pattern_tau } : {}),
      ...(raw.fix.mode !== undefined ? { mode: raw.fix.mode } : {}),
      ...(raw.fix.gate_seconds !== undefined ? { gateSeconds: raw.fix.gate_seconds } : {}),
      ...(raw.fix.validate_features !== undefined ? { validateFeatures: raw.fix.validate_features } : {}),
    },
  };
}

function hintFor(file: string): string {
  return `Edit ${path.basename(file)}: allowed keys are preflight.{budget_seconds, features, all_features, packages, tests.{enabled, timeout_seconds}, rust_analyzer, targets} and fix.{llm, anti_pattern_tau, mode, gate_seconds, validate_features}.`;
}

/** `/preflight/tests/enabled` → `preflight.tests.enabled`; array items as `features[0]`. */
function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === '' ? p : `${acc}.${p}`), '');
}

/** The nearest description along the schema path of an error: what the user should write there. */
function expectedAt(schemaPath: string): string | undefined {
  let node: unknown = CONFIG_SCHEMA;
  let found: string | undefined;
  // schemaPath looks like `#/properties/preflight/properties/features/items/type`; items inherit their list's text.
  for (const p of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[p];
    const d = node !== null && typeof node === 'object' ? (node as Record<string, unknown>).description : undefined;
    if (typeof d === 'string') found = d;
  }
  return found;
}

function describeError(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') {
    const key = keyPath(e.instancePath, String((e.params as { additionalProperty: string }).additionalProperty));
    return `unknown key "${key}"`;
  }
  const key = keyPath(e.instancePath) || '(top level)';
  const expected = expectedAt(e.schemaPath);
  return `"${key}" ${e.message ?? 'is invalid'}${expected === undefined ? '' : ` (expected ${expected})`}`;
}
