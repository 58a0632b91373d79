import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, fixSettings, loadConfig } from '../../src/config/index.js';
import { RustgateError } from '../../src/core/errors.js';

function repoWith(yaml: string | null): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-config-'));
  if (yaml !== null) writeFileSync(path.join(dir, 'rustgate.yaml'), yaml);
  return dir;
}

/** Loads and returns the thrown RustgateError (fails the test when nothing is thrown). */
function loadError(yaml: string): { err: RustgateError; file: string } {
  const dir = repoWith(yaml);
  try {
    loadConfig(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(RustgateError);
    return { err: e as RustgateError, file: path.join(dir, 'rustgate.yaml') };
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('returns the defaults when there is no rustgate.yaml', () => {
    const cfg = loadConfig(repoWith(null));
    expect(cfg).toEqual({
      file: null,
      preflight: {
        budgetSeconds: 20,
        features: [],
        allFeatures: false,
        packages: [],
        tests: { enabled: false, timeoutSeconds: 300 },
        rustAnalyzer: 'auto',
        targets: 'all',
      },
      fix: { llm: 'none' },
    });
    // The returned object is a copy: mutating it never changes the shared defaults.
    cfg.preflight.features.push('x');
    expect(DEFAULT_CONFIG.preflight.features).toEqual([]);
  });

  it('treats an empty or comment-only file as all defaults', () => {
    const dir = repoWith('# nothing configured yet\n');
    const cfg = loadConfig(dir);
    expect(cfg.file).toBe(path.join(dir, 'rustgate.yaml'));
    expect(cfg.preflight.budgetSeconds).toBe(20);
    expect(cfg.fix.llm).toBe('none');
  });

  it('reads every key and fills the ones left out', () => {
    const cfg = loadConfig(
      repoWith(
        [
          'preflight:',
          '  budget_seconds: 12.5',
          '  features: [serde, "fast-io"]',
          '  all_features: true',
          '  packages: [ledger]',
          '  tests:',
          '    enabled: true',
          '  rust_analyzer: off',
          'fix:',
          '  llm: local',
          '',
        ].join('\n'),
      ),
    );
    expect(cfg.preflight).toEqual({
      budgetSeconds: 12.5,
      features: ['serde', 'fast-io'],
      allFeatures: true,
      packages: ['ledger'],
      tests: { enabled: true, timeoutSeconds: 300 },
      rustAnalyzer: 'off',
      targets: 'all',
    });
    expect(cfg.fix).toEqual({ llm: 'local' });
  });

  const bad: Array<[string, string, string]> = [
    ['unknown top-level key', 'preflite:\n  budget_seconds: 3\n', 'unknown key "preflite"'],
    ['unknown nested key', 'preflight:\n  tests:\n    enable: true\n', 'unknown key "preflight.tests.enable"'],
    ['zero budget', 'preflight:\n  budget_seconds: 0\n', '"preflight.budget_seconds" must be > 0 (expected a number of seconds greater than 0)'],
    ['string budget', 'preflight:\n  budget_seconds: "20"\n', '"preflight.budget_seconds" must be number (expected a number of seconds greater than 0)'],
    ['bad llm', 'fix:\n  llm: gpt\n', '"fix.llm" must be equal to one of the allowed values (expected \'none\', \'local\' or \'openai\')'],
    ['bad rust_analyzer', 'preflight:\n  rust_analyzer: yes\n', '"preflight.rust_analyzer" must be equal to one of the allowed values (expected \'auto\' or \'off\')'],
    ['feature not a string', 'preflight:\n  features: [serde, 3]\n', '"preflight.features[1]" must be string (expected a list of Cargo feature names)'],
    ['features not a list', 'preflight:\n  features: serde\n', '"preflight.features" must be array (expected a list of Cargo feature names)'],
    ['tests not a mapping', 'preflight:\n  tests: true\n', '"preflight.tests" must be object'],
  ];
  it.each(bad)('rejects %s with BAD_CONFIG naming the file and key', (_name, yaml, expected) => {
    const { err, file } = loadError(yaml);
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`${file}: ${expected}`);
    expect(err.hint).toContain('rustgate.yaml');
  });

  it('fix.validate_features: the feature sets a candidate is also checked with (default [[]], [] turns them off)', () => {
    expect(fixSettings(loadConfig(repoWith(null))).validateFeatures).toEqual([[]]);
    expect(fixSettings(loadConfig(repoWith('fix:\n  validate_features: [[], [std], [serde, alloc]]\n'))).validateFeatures).toEqual([[], ['std'], ['serde', 'alloc']]);
    expect(fixSettings(loadConfig(repoWith('fix:\n  validate_features: []\n'))).validateFeatures).toEqual([]);
    const { err, file } = loadError('fix:\n  validate_features: [std]\n');
    expect(err.message).toBe(
      `${file}: "fix.validate_features[0]" must be array (expected a list of feature sets, each a list of Cargo feature names checked with --no-default-features (default [[]]: --no-default-features alone; [] turns the extra checks off))`,
    );
    expect(loadError('fix:\n  validate_features: [["a,b"]]\n').err.message).toContain('"fix.validate_features[0][0]" must match pattern');
  });

  it('reports every problem at once', () => {
    const { err, file } = loadError('preflight:\n  budget_seconds: -1\n  colour: red\nfix:\n  llm: 7\n');
    expect(err.message).toBe(
      `${file}: unknown key "preflight.colour"; "preflight.budget_seconds" must be > 0 (expected a number of seconds greater than 0); ` +
        `"fix.llm" must be equal to one of the allowed values (expected 'none', 'local' or 'openai')`,
    );
  });

  it('rejects invalid YAML with the line number', () => {
    const { err, file } = loadError('preflight:\n  budget_seconds: [1,\n');
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.message.startsWith(`${file}:`)).toBe(true);
    expect(err.message).toContain('not valid YAML');
  });

  it('rejects a top level that is not a mapping', () => {
    const { err, file } = loadError('- preflight\n');
    expect(err.message).toBe(`${file}: the top level must be a mapping (e.g. "preflight:")`);
  });

  it('an unknown alias or an alias bomb is exit 2 naming the file and the cause, never a crash', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-config-alias-'));
    const file = path.join(dir, 'rustgate.yaml');
    writeFileSync(file, 'preflight:\n  features: *nope\n');
    expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', exitCode: 2, message: `${file}: bad YAML alias: Unresolved alias (the anchor must be set before the alias): nope` }));
    const nine = (x: string): string => `[${Array(9).fill(x).join(',')}]`;
    writeFileSync(file, `a: &a ${nine('"x"')}\nb: &b ${nine('*a')}\nc: &c ${nine('*b')}\nd: &d ${nine('*c')}\npreflight:\n  features: ${nine('*d')}\n`);
    expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', exitCode: 2, message: `${file}: too many YAML alias expansions (more than 50; an alias bomb?)` }));
    // A few aliases are still fine YAML.
    writeFileSync(file, 'preflight:\n  features: &f [serde]\n  packages: *f\n');
    expect(loadConfig(dir).preflight.packages).toEqual(['serde']);
  });

  it('a directory or a FIFO where rustgate.yaml should be is exit 2 naming the path (no hang)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-config-kind-'));
    const file = path.join(dir, 'rustgate.yaml');
    mkdirSync(file);
    expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', exitCode: 2, message: `${file} is a directory, not a configuration file` }));
    rmdirSync(file);
    execFileSync('mkfifo', [file]);
    expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', exitCode: 2, message: `${file} is not a regular file` }));
  });
});
