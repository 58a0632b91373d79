import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfigText, preflightSettings, type PreflightConfigFlags } from '../../src/config/index.js';

const configured = parseConfigText(
  'preflight:\n  budget_seconds: 8\n  features: [serde]\n  packages: [ledger]\n  tests: {enabled: true, timeout_seconds: 60}\n  rust_analyzer: off\n',
  '/repo/rustgate.yaml',
);

describe('preflightSettings', () => {
  it.each<[string, PreflightConfigFlags, object]>([
    ['defaults, no flags', {}, { features: [], allFeatures: false, packages: [], tests: false, testTimeoutSeconds: 300, rustAnalyzer: 'auto', budgetSeconds: 20 }],
    ['defaults, --tests and flags', { tests: true, features: ['x'], allFeatures: true, package: ['p'], rustAnalyzer: 'off' }, {
      features: ['x'], allFeatures: true, packages: ['p'], tests: true, testTimeoutSeconds: 300, rustAnalyzer: 'off', budgetSeconds: 20,
    }],
  ])('%s', (_n, flags, expected) => {
    expect(preflightSettings(structuredClone(DEFAULT_CONFIG), flags)).toEqual(expected);
  });

  it('takes the file when flags are left out, and flags when given', () => {
    expect(preflightSettings(configured, {})).toEqual({
      features: ['serde'], allFeatures: false, packages: ['ledger'], tests: true, testTimeoutSeconds: 60, rustAnalyzer: 'off', budgetSeconds: 8,
    });
    expect(preflightSettings(configured, { features: ['fast'], package: [], rustAnalyzer: 'auto' })).toMatchObject({
      features: ['fast'], packages: ['ledger'], rustAnalyzer: 'auto',
    });
  });
});
