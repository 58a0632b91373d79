// A4 wired into debug-bug: among the errors' ISG nodes and their two-hop neighbourhood, a node that mirrors an
// anti-pattern exemplar is reported with source 'vector'; an unrelated planned node is not; τ comes from rustgate.yaml.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDebugBug } from '../../src/app/debug-bug.js';
import { git } from '../fix/helpers.js';
import { memoryStore, node } from '../fix/memory-store.js';

const LIB = [
  'pub fn parse_port(text: &str) -> u16 { text.parse().unwrap() }', // 1
  '', // 2
  'pub fn add(a: u16, b: u16) -> u16 {', // 3
  '    a + b', // 4
  '}', // 5
  '', // 6
  'pub fn serve(spec: &str) -> u16 {', // 7
  '    add(parse_port(spec), missing_offset)', // 8
  '}', // 9
  '',
].join('\n');

async function repoWith(config: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rg-vec-ap-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'Cargo.toml'), '[package]\nname = "ports"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n');
  await writeFile(path.join(dir, 'src/lib.rs'), LIB);
  if (config !== null) await writeFile(path.join(dir, 'rustgate.yaml'), config);
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'init');
  return dir;
}

const k = (name: string): string => `src/lib.rs-lib-${name}`;
const store = () =>
  memoryStore(
    [node(k('parse_port'), 'fn', 'src/lib.rs', 1, 1), node(k('add'), 'fn', 'src/lib.rs', 3, 5), node(k('serve'), 'fn', 'src/lib.rs', 7, 9)],
    [
      { src: k('serve'), dst: k('parse_port'), rel: 'CALLS', attr: '' },
      { src: k('serve'), dst: k('add'), rel: 'CALLS', attr: '' },
    ],
  );

describe('debug-bug vector anti-pattern findings', () => {
  it('reports the planned node that mirrors an exemplar, not the unrelated one, and honours fix.anti_pattern_tau', async () => {
    const repo = await repoWith(null);
    const r = await runDebugBug({ repo, sources: [], store: store(), maxRounds: 1, investigate: true });
    expect(r.errors).toEqual([{ code: 'E0425', file: 'src/lib.rs', line: 8, isg_key: k('serve') }]);
    const vector = r.report.anti_patterns.filter((a) => a.source === 'vector');
    expect(vector.map((a) => [a.pattern_id, a.severity, a.file, a.line, a.isg_key])).toEqual([['unwrap_in_library', 'info', 'src/lib.rs', 1, k('parse_port')]]);
    expect(vector[0]!.distance).toBeLessThan(0.2);
    expect(vector[0]!.message).toMatch(/^src\/lib\.rs-lib-parse_port looks like the "[^"]+" anti-pattern \(vector distance 0\.\d+ < τ 0\.2\)$/);
    // The text detector's finding is kept alongside.
    expect(r.report.anti_patterns.filter((a) => a.source === undefined).map((a) => [a.pattern_id, a.line])).toEqual([['unwrap_in_library', 1]]);

    const strict = await repoWith('fix:\n  anti_pattern_tau: 0.01\n');
    const r2 = await runDebugBug({ repo: strict, sources: [], store: store(), maxRounds: 1, investigate: true });
    expect(r2.report.anti_patterns.filter((a) => a.source === 'vector')).toEqual([]);
    // An explicit option wins over the file.
    const r3 = await runDebugBug({ repo: strict, sources: [], store: store(), maxRounds: 1, investigate: true, antiPatternTau: 0.2 });
    expect(r3.report.anti_patterns.filter((a) => a.source === 'vector').map((a) => a.isg_key)).toEqual([k('parse_port')]);
  }, 60_000);
});
