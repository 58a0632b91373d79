// docs/contract.md against the CLI: every command and flag its headings document is one the CLI registers, and
// every registered command is documented.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands/index.js';
import type { CliIO } from '../../src/cli/io.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const io: CliIO = { out: () => undefined, err: () => undefined } as unknown as CliIO;

/** Registered commands by path ('isg show') → their long flags. */
function registered(): Map<string, Set<string>> {
  const program = new Command();
  registerCommands(program, io, () => undefined);
  const out = new Map<string, Set<string>>();
  const walk = (c: Command, prefix: string): void => {
    for (const s of c.commands) {
      const name = `${prefix}${s.name()}`;
      out.set(name, new Set(s.options.map((o) => o.long ?? '')));
      walk(s, `${name} `);
    }
  };
  walk(program, '');
  return out;
}

/** The command forms in the contract's `## \`rustgate …\`` headings: command path and flags. */
function documented(): Array<{ command: string; flags: string[] }> {
  const text = readFileSync(path.join(ROOT, 'docs/contract.md'), 'utf8');
  const forms: Array<{ command: string; flags: string[] }> = [];
  for (const heading of text.split('\n').filter((l) => l.startsWith('## `rustgate '))) {
    for (const m of heading.matchAll(/`rustgate ([^`]+)`/g)) {
      const words = (m[1] ?? '').split(' ');
      const cmd: string[] = [];
      for (const w of words) {
        if (!/^[a-z][a-z-]*$/.test(w)) break;
        cmd.push(w);
      }
      forms.push({ command: cmd.join(' '), flags: [...(m[1] ?? '').matchAll(/--[a-z][a-z-]*/g)].map((f) => f[0]) });
    }
  }
  return forms;
}

describe('docs/contract.md', () => {
  it('documents only registered commands and flags', () => {
    const cli = registered();
    const forms = documented();
    expect(forms.length).toBeGreaterThan(15);
    for (const f of forms) {
      const flags = cli.get(f.command);
      expect(flags, `documented command \`rustgate ${f.command}\` is not registered`).toBeDefined();
      for (const flag of f.flags) expect(flags?.has(flag), `\`rustgate ${f.command}\` has no ${flag}`).toBe(true);
    }
  });

  it('documents every registered leaf command (the hook-internal `hooks run` aside)', () => {
    const cli = registered();
    const documentedCommands = new Set(documented().map((f) => f.command));
    const leaves = [...cli.keys()].filter((c) => ![...cli.keys()].some((o) => o.startsWith(`${c} `)) && c !== 'hooks run');
    for (const c of leaves) expect(documentedCommands.has(c), `\`rustgate ${c}\` is missing from docs/contract.md`).toBe(true);
  });
});
