import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/app/preflight.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import type { PreflightReport } from '../../src/core/preflight/types.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/reporters/github.js';
import { debugBugCanHelp, renderPretty } from '../../src/reporters/pretty.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { CORE_LIB, PROJECT_ROOT, SPAWN_KEY, breakSend, git, makeRepo, read, untouched, write } from './helpers.js';

/** A real report: staged E0277 plus an unused-variable warning, in a workspace under `rust/`. */
async function realReport(): Promise<PreflightReport> {
  const { top, ws } = await makeRepo({ subdir: 'rust' });
  write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)).replace('x * 2', 'let unused = 1;\n    x * 2'));
  await git(top, 'add', '-A');
  return untouched(top, () => runPreflight({ repo: ws, scope: 'staged' }));
}

function validator() {
  const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/schemas/sarif-2.1.0.json'), 'utf8')) as object;
  // CommonJS packages: under NodeNext the class / plugin is the `default` of the default import.
  const Ajv = AjvDraft04.default;
  const addFormats = ajvFormats.default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('reporters on a real run', () => {
  it('SARIF validates against the SARIF 2.1.0 schema and carries rules, locations, fingerprints and the ISG key', async () => {
    const report = await realReport();
    const sarif = toSarif(report);
    const validate = validator();
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = (sarif.runs as Array<Record<string, unknown>>)[0] as { tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> };
    expect(run.tool.driver.name).toBe('rustgate');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['E0277', 'unused_variables']);
    const [err, warn] = run.results;
    expect(err).toMatchObject({
      ruleId: 'E0277',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: `rust/${CORE_LIB}`, uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 19 } } }],
      properties: { isgKey: SPAWN_KEY },
    });
    expect(Object.keys(err?.partialFingerprints as object)).toEqual(['rustgate/v1']);
    expect(warn).toMatchObject({ ruleId: 'unused_variables', level: 'warning' });
    // A clean report is valid SARIF too (empty results, no rules).
    const clean = toSarif({ ...report, ok: true, findings: [] });
    expect(validate(clean)).toBe(true);
  });

  it('pretty groups by ISG node, errors before warnings, with the hint and the time', async () => {
    const report = await realReport();
    const text = renderPretty(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('rustgate preflight --staged: 1 changed file, 1 error, 1 warning (whole workspace, in the shadow copy)');
    // The node's first line is the ISG's business (with or without its doc comment): take it from the report.
    const at = (name: string) => report.findings.find((f) => f.isg?.name === name)?.isg?.startLine;
    const errLine = lines.findIndex((l) => l.startsWith(`error[E0277] in fn spawn_worker (crates/core/src/lib.rs:${at('spawn_worker')})`));
    const warnLine = lines.findIndex((l) => l.startsWith(`warning[unused_variables] in fn double (crates/core/src/lib.rs:${at('double')})`));
    expect(errLine).toBeGreaterThan(0);
    expect(warnLine).toBeGreaterThan(errLine);
    expect(lines[errLine]).toBe(`error[E0277] in fn spawn_worker (crates/core/src/lib.rs:${at('spawn_worker')}) — 1 caller, 3 in blast radius`);
    expect(lines[errLine + 1]).toBe('  `F` cannot be sent between threads safely');
    expect(text).toContain('hint: run `rustgate debug-bug` for a validated fix');
    expect(lines[lines.length - 1]).toMatch(/^failed in \d+\.\d+ s \(cargo \d+\.\d+ s\)$/);
    // A manifest error is not a code fix: no debug-bug hint for it.
    const manifest = { ...report, findings: report.findings.filter((f) => f.diagnostic.level === 'error').map((f) => ({ ...f, diagnostic: { ...f.diagnostic, code: null, message: 'cargo check failed: failed to parse manifest', primary: f.diagnostic.primary && { ...f.diagnostic.primary, file: 'Cargo.toml' } } })) };
    expect(debugBugCanHelp(report)).toBe(true);
    expect(debugBugCanHelp(manifest)).toBe(false);
    expect(renderPretty(manifest)).not.toContain('debug-bug');
  });
});

function finding(message: string, file: string): PreflightReport['findings'][number] {
  const diagnostic: Diagnostic = {
    level: 'error',
    code: 'E0308',
    message,
    primary: { file, lineStart: 3, lineEnd: 3, columnStart: 9, columnEnd: 14, byteStart: 0, byteEnd: 0, isPrimary: true, label: null },
    spans: [],
    notes: [],
    suggestions: [],
    rendered: message,
    source: 'rustc',
    packageName: 'x',
  };
  return { diagnostic, isg: { key: 'src/a,b.rs-a,b-Type::call', kind: 'method', name: 'Type::call', file, startLine: 2 }, blastRadius: [] };
}

describe('github annotations', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('renders one ::error line per finding with escaped file, title and message', () => {
    const report: PreflightReport = {
      ok: false,
      scope: 'staged',
      range: null,
      skipped: false,
      changedFiles: [],
      findings: [finding('mismatched types: 50% of\nthe time, a:b', 'src/a,b.rs')],
      tests: null,
      workspacePrefix: 'ws',
      cargo: null,
      mode: 'in_place',
      modeReason: null,
      checkedPackages: null,
      uncheckedFiles: [],
      outsideFiles: [],
      warnings: [],
      ms: { total: 1, cargo: 1, shadow: 0, isg: 0 },
    };
    expect(renderGithub(report)).toBe('::error file=ws/src/a%2Cb.rs,line=3,col=9,endLine=3,endColumn=14,title=E0308 in src/a%2Cb.rs-a%2Cb-Type%3A%3Acall::mismatched types: 50%25 of%0Athe time, a:b');
  });
});
