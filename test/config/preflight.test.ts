import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfigText, preflightSettings, type PreflightConfigFlags } from '../../src/config/index.js';

const configured = parseConfigText(
  'preflight:\n  budget_seconds: 8\n  features: [serde]\n  packages: [ledger]\n  tests: {enabled: true, timeout_seconds: 60}\n  rust_analyzer: off\n',
  '/repo/rustgate.yaml',
);

describe('preflightSettings', () => {
  it.each<[string, PreflightConfigFlags, object]>([
    ['defaults, no flags', {}, { features: [], allFeatures: false, packages: [], tests: false, testTimeoutSeconds: 300, rustAnalyzer: 'auto', budgetSeconds: 20, targets: 'all' }],
    ['defaults, --tests and flags', { tests: true, features: ['x'], allFeatures: true, package: ['p'], rustAnalyzer: 'off' }, {
      features: ['x'], allFeatures: true, packages: ['p'], tests: true, testTimeoutSeconds: 300, rustAnalyzer: 'off', budgetSeconds: 20, targets: 'all',
    }],
  ])('%s', (_n, flags, expected) => {
    expect(preflightSettings(structuredClone(DEFAULT_CONFIG), flags)).toEqual(expected);
  });

  it('turns the rust-analyzer overlay off in a hook unless the command line asks for it', () => {
    expect(preflightSettings(structuredClone(DEFAULT_CONFIG), { hook: true }).rustAnalyzer).toBe('off');
    expect(preflightSettings(structuredClone(DEFAULT_CONFIG), { hook: true, rustAnalyzer: 'auto' }).rustAnalyzer).toBe('auto');
  });

  it('reads preflight.targets: all by default, a narrower list when set, and rejects unknown kinds', () => {
    expect(preflightSettings(parseConfigText('preflight:\n  targets: [lib, tests]\n', '/r/rustgate.yaml'), {}).targets).toEqual(['lib', 'tests']);
    expect(preflightSettings(parseConfigText('preflight:\n  targets: [all]\n', '/r/rustgate.yaml'), {}).targets).toBe('all');
    expect(() => parseConfigText('preflight:\n  targets: [nightly-benches]\n', '/r/rustgate.yaml')).toThrow(/targets\[0\].*expected a list of 'all', 'lib'/);
  });

  it('takes the file when flags are left out, and flags when given', () => {
    expect(preflightSettings(configured, {})).toEqual({
      features: ['serde'], allFeatures: false, packages: ['ledger'], tests: true, testTimeoutSeconds: 60, rustAnalyzer: 'off', budgetSeconds: 8, targets: 'all',
    });
    expect(preflightSettings(configured, { features: ['fast'], package: [], rustAnalyzer: 'auto' })).toMatchObject({
      features: ['fast'], packages: ['ledger'], rustAnalyzer: 'auto',
    });
  });
});
