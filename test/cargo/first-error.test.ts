/**
 * cargoCheck's early signal: PreFlight starts the ISG refresh when cargo streams its first error, so the refresh
 * overlaps the rest of cargo's run (src/adapters/cargo/check.ts, src/app/preflight.ts).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cargoCheck } from '../../src/adapters/cargo/check.js';
import { isErrorMessageLine } from '../../src/adapters/cargo/diagnostics.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function crate(lib: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-first-error-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "fe"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n');
  writeFileSync(path.join(dir, 'src/lib.rs'), lib);
  writeFileSync(path.join(dir, 'src/main.rs'), 'fn main() { println!("{}", fe::answer()); }\n');
  return dir;
}

describe('isErrorMessageLine', () => {
  it('matches an error-level compiler message and nothing else', () => {
    const msg = (level: string, reason = 'compiler-message') => JSON.stringify({ reason, message: { level, message: 'x', spans: [] } });
    expect(isErrorMessageLine(msg('error'))).toBe(true);
    expect(isErrorMessageLine(msg('warning'))).toBe(false);
    expect(isErrorMessageLine(msg('error: internal compiler error'))).toBe(false);
    expect(isErrorMessageLine(msg('error', 'compiler-artifact'))).toBe(false);
    expect(isErrorMessageLine('{"reason":"compiler-message","message":{"level":"error"')).toBe(false);
    expect(isErrorMessageLine('')).toBe(false);
  });

  it('never throws, whatever the line (fuzz)', () => {
    const near = fc.constantFrom('{"reason":"compiler-message"', '"level":"error"', '{', '}', '"message":{', ',', 'null', '\\u0000');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(near).map((p) => p.join(''))), (line) => {
        expect(typeof isErrorMessageLine(line)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('cargoCheck onFirstError', () => {
  it('fires once, before cargo has exited, when the check fails', async () => {
    const dir = crate('pub fn answer() -> u32 { "forty-two" }\npub fn other() -> u8 { 300u16 }\n');
    const events: string[] = [];
    const res = await cargoCheck({ cwd: dir, targetDir: path.join(dir, 'target'), onFirstError: () => events.push('first-error') });
    events.push('exited');
    expect(res.exitCode).not.toBe(0);
    expect(res.diagnostics.filter((d) => d.level === 'error').length).toBeGreaterThanOrEqual(2);
    expect(events).toEqual(['first-error', 'exited']);
  }, 120_000);

  it('never fires on a clean check (warnings are not errors)', async () => {
    const dir = crate('pub fn answer() -> u32 { let unused = 1; 42 }\n');
    let fired = 0;
    const res = await cargoCheck({ cwd: dir, targetDir: path.join(dir, 'target'), onFirstError: () => (fired += 1) });
    expect(res.exitCode).toBe(0);
    expect(res.diagnostics.some((d) => d.level === 'warning')).toBe(true);
    expect(fired).toBe(0);
  }, 120_000);
});
