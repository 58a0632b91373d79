/** Loading and validating pattern YAML, and the pattern source's candidate shape. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPatternDir, loadPatterns, packageRoot } from '../../src/adapters/patterns/load.js';
import { isRustgateError } from '../../src/core/errors.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import type { GraphQuery } from '../../src/core/isg/query.js';
import type { IsgNode } from '../../src/core/isg/types.js';
import { PATTERN_SCHEMA } from '../../src/core/patterns/schema.js';
import { createPatternSource, patternConfidence } from '../../src/core/patterns/source.js';

const VALID = readFileSync(path.resolve('patterns/mut_binding.yaml'), 'utf8');

/** Writes one pattern file into a fresh dir and returns the error loadPatterns throws (or null). */
function loadError(fileName: string, text: string): { code: string; message: string } | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-patterns-'));
  writeFileSync(path.join(dir, fileName), text);
  try {
    loadPatterns(dir);
    return null;
  } catch (e) {
    if (!isRustgateError(e)) throw e;
    return { code: e.code, message: e.message.replace(dir, '<dir>') };
  }
}

describe('loadPatterns', () => {
  it('finds the package root and loads the bundled library', () => {
    expect(packageRoot()).toBe(path.resolve('.'));
    expect(defaultPatternDir()).toBe(path.resolve('patterns'));
    const patterns = loadPatterns();
    expect(patterns.filter((p) => p.kind === 'fix')).toHaveLength(117);
    expect(patterns.filter((p) => p.kind === 'anti_pattern').map((p) => p.id)).toEqual([
      'arc_rwlock_to_mutex', 'cfg_feature_consolidation', 'dyn_trait_object_safety', 'guard_across_await', 'len_as_narrow_int', 'result_error_unification', 'unwrap_in_library',
    ]);
    expect(patterns.find((p) => p.id === 'mut_binding')?.template).toEqual({ action: 'add_mut_to_binding', params: { name: '{{message.name}}' } });
  });

  it('accepts a valid file', () => {
    expect(loadError('mut_binding.yaml', VALID)).toBeNull();
  });

  it.each([
    ['missing field', VALID.replace(/^rationale:.*\n/m, ''), 'pattern file <dir>/mut_binding.yaml: (root) must have required property \'rationale\''],
    ['unknown action', VALID.replace('add_mut_to_binding', 'rewrite_everything'), 'pattern file <dir>/mut_binding.yaml: template.action must be equal to one of the allowed values'],
    ['bad regex', VALID.replace("message: '^(?:", "message: '^((?:"), 'pattern file <dir>/mut_binding.yaml: detector.message is not a valid regex'],
    ['unknown detector field', VALID.replace('detector:\n', 'detector:\n  mesage: x\n'), 'pattern file <dir>/mut_binding.yaml: detector must NOT have additional properties (mesage)'],
    ['fix without template', VALID.replace(/^template:\n(?: {2}.*\n)+/m, ''), 'pattern file <dir>/mut_binding.yaml: (root) must have required property \'template\''],
    ['not YAML', 'id: [unclosed\n', 'pattern file <dir>/mut_binding.yaml: (root) is not valid YAML'],
  ])('rejects a file with a %s as PATTERN_INVALID naming the file and field', (_name, text, message) => {
    const err = loadError('mut_binding.yaml', text);
    expect(err?.code).toBe('PATTERN_INVALID');
    expect(err?.message.startsWith(message)).toBe(true);
  });

  it('requires the id to match the file name', () => {
    expect(loadError('other.yaml', VALID)).toEqual({ code: 'PATTERN_INVALID', message: 'pattern file <dir>/other.yaml: id must equal the file name (other)' });
  });

  it('exports the schema for docs', () => {
    expect(PATTERN_SCHEMA.required).toEqual(['id', 'title', 'error_codes', 'kind', 'detector', 'rationale', 'example', 'fixture']);
  });
});

describe('createPatternSource', () => {
  const text = 'pub fn f() -> u32 {\n    let total = 0;\n    total += 1;\n    total\n}\n';
  const at = text.indexOf('total += 1');
  const primary = { file: 'src/lib.rs', lineStart: 3, lineEnd: 3, columnStart: 5, columnEnd: 15, byteStart: at, byteEnd: at + 10, isPrimary: true, label: 'cannot assign twice to immutable variable' };
  const diag: Diagnostic = {
    level: 'error', code: 'E0384', message: 'cannot assign twice to immutable variable `total`', primary, spans: [primary],
    notes: ['help: consider making this binding mutable'], suggestions: [], rendered: '', source: 'test', packageName: 'p',
  };

  it('proposes pattern candidates with ids, origin, description and byte edits', async () => {
    const source = createPatternSource(loadPatterns());
    expect(source.name).toBe('patterns');
    const cands = await source.propose(0, { diagnostics: [diag], files: new Map([['src/lib.rs', text]]) });
    expect(cands).toEqual([{
      id: 'pattern:mut_binding:0:0', origin: 'pattern', patternId: 'mut_binding',
      description: 'Declare the binding mutable (name=total)',
      edits: [{ file: 'src/lib.rs', byteStart: text.indexOf('total = 0'), byteEnd: text.indexOf('total = 0'), replacement: 'mut ' }],
      touchedKeys: [], targets: [0],
    }]);
  });

  it('reports the confidence prior of a candidate\'s pattern', () => {
    const patterns = loadPatterns();
    expect([patternConfidence(patterns, 'mut_binding'), patternConfidence(patterns, 'moved_value_clone'), patternConfidence(patterns, 'rustc_suggestion'), patternConfidence(patterns, null)]).toEqual(['high', 'low', null, null]);
  });

  it('applies ISG conditions on the node at the primary span when a graph is given', async () => {
    const base = loadPatterns().find((p) => p.id === 'mut_binding');
    if (!base) throw new Error('mut_binding missing');
    const onlyInStructs = { ...base, id: 'mut_binding_struct_only', detector: { ...base.detector, isg: { kind: ['struct' as const] } } };
    const source = createPatternSource([onlyInStructs]);
    const node = (kind: IsgNode['kind']): IsgNode => ({ key: `src/lib.rs-lib-f`, kind, name: 'f', crate: 'p', file: 'src/lib.rs', span: { startLine: 1, endLine: 5 }, signature: '', sigHash: '', public: true, features: [], doc: '' });
    const graphWith = (kind: IsgNode['kind']): GraphQuery => ({
      getNode: async () => undefined, edgesOut: async () => [], edgesIn: async () => [], twoHop: async () => [],
      nodeAt: async (file, line) => (file === 'src/lib.rs' && line === 3 ? node(kind) : undefined),
    });
    const ctx = { diagnostics: [diag], files: new Map([['src/lib.rs', text]]) };
    expect(await source.propose(0, { ...ctx, graph: graphWith('fn') })).toEqual([]);
    expect((await source.propose(0, { ...ctx, graph: graphWith('struct') })).map((c) => c.patternId)).toEqual(['mut_binding_struct_only']);
  });

  it('proposes nothing for a file it was not given or a warning', async () => {
    const source = createPatternSource(loadPatterns());
    expect(await source.propose(0, { diagnostics: [diag], files: new Map() })).toEqual([]);
    expect(await source.propose(0, { diagnostics: [{ ...diag, level: 'warning' }], files: new Map([['src/lib.rs', text]]) })).toEqual([]);
  });
});
