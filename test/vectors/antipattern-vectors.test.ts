// A4 by vectors: exemplars from the real pattern library (patterns/*.yaml), nodes flagged under τ, τ from rustgate.yaml.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { fixSettings, loadConfig } from '../../src/config/index.js';
import { reportedOnExistingCode } from '../../src/core/patterns/antipatterns.js';
import { embedAntiPatternExemplars, flagAntiPatternNodes } from '../../src/core/vectors/antipattern-vectors.js';

const exemplars = embedAntiPatternExemplars(reportedOnExistingCode(loadPatterns()));

// `parse_port` mirrors unwrap_in_library's example with every name changed; `add` and `Ledger::total` are unrelated.
const NODES = [
  { key: 'src/net.rs-net-parse_port', code: 'pub fn parse_port(text: &str) -> u16 { text.parse().unwrap() }' },
  { key: 'src/math.rs-math-add', code: 'pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}' },
  { key: 'src/ledger.rs-ledger-Ledger::total', code: 'pub fn total(&self) -> u64 {\n    self.items.iter().map(|i| i.cents).sum()\n}' },
  { key: 'src/empty.rs-empty-x', code: '   ' },
];

describe('vector anti-pattern detector', () => {
  it('embeds one exemplar per anti-pattern of the library', () => {
    // Constructs that are findings only when a fix adds them (`report_existing: false`) have no exemplar.
    const anti = reportedOnExistingCode(loadPatterns());
    expect(anti.some((p) => p.id === 'unsafe_block')).toBe(false);
    expect(exemplars.map((e) => e.patternId).sort()).toEqual(anti.map((p) => p.id).sort());
    for (const e of exemplars) expect([e.severity, e.vector.length]).toEqual([anti.find((p) => p.id === e.patternId)?.severity, 256]);
    expect(exemplars.find((e) => e.patternId === 'unwrap_in_library')?.severity).toBe('info');
  });

  it('flags the node that mirrors an exemplar under the default τ, and not the unrelated ones', () => {
    const hits = flagAntiPatternNodes(NODES, exemplars);
    expect(hits.map((h) => [h.key, h.patternId, h.severity])).toEqual([['src/net.rs-net-parse_port', 'unwrap_in_library', 'info']]);
    expect(hits[0]!.distance).toBeGreaterThan(0);
    expect(hits[0]!.distance).toBeLessThan(0.2);
    // With τ = 1 every non-empty node has a nearest exemplar; the unrelated ones are far beyond 0.2.
    const all = flagAntiPatternNodes(NODES, exemplars, { tau: 1 });
    // Which unrelated node comes next depends on the exemplar set; both stay well beyond the default τ (with the
    // style detectors' exemplars, `add` is 0.39 from ref_vec_param's `fn total(xs: &Vec<u32>) -> u32`).
    expect(all[0]?.key).toBe('src/net.rs-net-parse_port');
    expect(all.slice(1).map((h) => h.key).sort()).toEqual(['src/ledger.rs-ledger-Ledger::total', 'src/math.rs-math-add']);
    for (const h of all.slice(1)) expect(h.distance).toBeGreaterThan(0.3);
  });

  it('honours τ: a τ below the near-copy distance flags nothing', () => {
    const d = flagAntiPatternNodes(NODES, exemplars)[0]!.distance;
    expect(flagAntiPatternNodes(NODES, exemplars, { tau: d })).toEqual([]);
    expect(flagAntiPatternNodes(NODES, exemplars, { tau: d + 1e-6 }).map((h) => h.key)).toEqual(['src/net.rs-net-parse_port']);
    expect(flagAntiPatternNodes(NODES, [], { tau: 1 })).toEqual([]);
  });

  it('reads τ from rustgate.yaml (fix.anti_pattern_tau, default 0.2) and rejects values outside (0, 1]', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-tau-'));
    expect(fixSettings(loadConfig(dir)).antiPatternTau).toBe(0.2);
    writeFileSync(path.join(dir, 'rustgate.yaml'), 'fix:\n  anti_pattern_tau: 0.05\n  mode: low-mem\n');
    expect(fixSettings(loadConfig(dir))).toEqual({ llm: 'none', antiPatternTau: 0.05, mode: 'low-mem', gateSeconds: 5, validateFeatures: [[]] });
    for (const [bad, msg] of [
      ['0', '"fix.anti_pattern_tau" must be > 0 (expected a cosine distance in (0, 1], default 0.2)'],
      ['1.5', '"fix.anti_pattern_tau" must be <= 1 (expected a cosine distance in (0, 1], default 0.2)'],
    ] as const) {
      writeFileSync(path.join(dir, 'rustgate.yaml'), `fix:\n  anti_pattern_tau: ${bad}\n`);
      expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message: `${path.join(dir, 'rustgate.yaml')}: ${msg}` }));
    }
    writeFileSync(path.join(dir, 'rustgate.yaml'), 'fix:\n  mode: turbo\n');
    expect(() => loadConfig(dir)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message: expect.stringContaining('"fix.mode" must be equal to one of the allowed values') }));
  });
});
