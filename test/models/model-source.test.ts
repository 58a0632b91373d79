// The `llm` CandidateSource end to end with a real reasoner (the OpenAI-compatible backend over HTTP to a local
// server that answers from a script): context from the ISG neighbourhood, anchored edits to byte edits, refusals.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelSource, createPacker, type ModelCandidate, type ModelOutcome } from '../../src/adapters/llm/model-source.js';
import { createOpenAiReasoner } from '../../src/adapters/llm/reasoner.js';
import { contextAntiPatterns, introducedAntiPatterns } from '../../src/core/context/anti-patterns.js';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { applyEdits } from '../../src/core/fix/apply.js';
import type { FixContext } from '../../src/core/fix/types.js';
import type { GraphQuery, HopNode } from '../../src/core/isg/query.js';
import type { IsgEdge, IsgNode, NodeKind, Rel } from '../../src/core/isg/types.js';

const FILE = 'src/lib.rs';
const SRC = [
  'use std::thread;', // 1
  '', // 2
  'pub struct Counter { n: u64 }', // 3
  '', // 4
  'unsafe impl Send for Counter {}', // 5
  '', // 6
  "pub fn run<F>(job: F) -> u64 where F: FnOnce() -> u64 + 'static {", // 7
  '    thread::spawn(job).join().unwrap()', // 8
  '}', // 9
  '', // 10
  'pub fn helper() -> u64 {', // 11
  '    run(|| 1)', // 12
  '}', // 13
  '',
].join('\n');

const key = (name: string): string => `${FILE}-lib-${name}`;
function node(name: string, kind: NodeKind, start: number, end: number): IsgNode {
  return { key: key(name), kind, name, crate: 'demo', file: FILE, span: { startLine: start, endLine: end }, signature: '', sigHash: '', public: true, features: [], doc: '' };
}
const NODES = [node('Counter', 'struct', 3, 3), node('impl Send for Counter', 'impl', 5, 5), node('run', 'fn', 7, 9), node('helper', 'fn', 11, 13)];
const EDGES: IsgEdge[] = [
  { src: key('helper'), dst: key('run'), rel: 'CALLS', attr: '' },
  { src: key('run'), dst: key('Counter'), rel: 'USES', attr: '' },
  { src: key('impl Send for Counter'), dst: key('Counter'), rel: 'IMPLEMENTS', attr: '' },
];

/** A small in-memory GraphQuery over the nodes above (the store's job in production). */
const graph: GraphQuery = {
  getNode: async (k) => NODES.find((n) => n.key === k),
  edgesOut: async (k, rels) => EDGES.filter((e) => e.src === k && (!rels || rels.includes(e.rel))),
  edgesIn: async (k, rels) => EDGES.filter((e) => e.dst === k && (!rels || rels.includes(e.rel))),
  nodeAt: async (f, line) =>
    NODES.filter((n) => n.file === f && n.span.startLine <= line && line <= n.span.endLine).sort((a, b) => a.span.endLine - a.span.startLine - (b.span.endLine - b.span.startLine))[0],
  twoHop: async (seed: string, rels: readonly Rel[], cap: number): Promise<HopNode[]> => {
    const out: HopNode[] = [];
    const seen = new Set([seed]);
    let frontier = [seed];
    for (const hop of [1, 2] as const) {
      const next: string[] = [];
      for (const k of frontier) {
        for (const e of EDGES.filter((x) => rels.includes(x.rel) && (x.src === k || x.dst === k))) {
          const other = e.src === k ? e.dst : e.src;
          if (seen.has(other) || out.filter((h) => h.hop === hop).length >= cap) continue;
          seen.add(other);
          next.push(other);
          out.push({ key: other, kind: NODES.find((n) => n.key === other)!.kind, hop, via: e.rel });
        }
      }
      frontier = next;
    }
    return out;
  },
};

const diag: Diagnostic = {
  level: 'error',
  code: 'E0277',
  message: '`F` cannot be sent between threads safely',
  primary: { file: FILE, lineStart: 8, lineEnd: 8, columnStart: 19, columnEnd: 22, byteStart: 0, byteEnd: 0, isPrimary: true, label: null },
  spans: [],
  notes: ['help: consider further restricting type parameter `F` with trait `Send`'],
  suggestions: [],
  rendered: '',
  source: 'rustc',
  packageName: 'demo',
};
const ctx: FixContext = { diagnostics: [diag], files: new Map([[FILE, SRC]]), graph };

let server: http.Server;
let baseUrl: string;
let answer = '';
const bodies: Array<{ messages: Array<{ content: string }> }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(JSON.parse(data) as (typeof bodies)[number]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: answer } }], usage: { total_tokens: 500 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function propose(edits: unknown[]): Promise<{ candidates: ModelCandidate[]; outcome: ModelOutcome }> {
  answer = JSON.stringify({ edits, confidence: 'high' });
  const outcomes: ModelOutcome[] = [];
  const source = createModelSource(createOpenAiReasoner({ baseUrl }), createPacker({ budget: 3000 }), { onOutcome: (o) => outcomes.push(o) });
  const candidates = (await source.propose(0, ctx)) as ModelCandidate[];
  return { candidates, outcome: outcomes[0]! };
}

describe('model CandidateSource', () => {
  it('packs the seed and its ISG neighbours, warns about anti-patterns there, and makes the byte edit', async () => {
    const { candidates, outcome } = await propose([{ key: key('run'), original: "u64 + 'static {", replacement: "u64 + Send + 'static {" }]);
    expect(outcome.plannedKeys).toEqual([key('run'), key('helper'), key('Counter'), key('impl Send for Counter')]);
    expect(outcome.rejected).toBeNull();
    const user = bodies.at(-1)!.messages[1]!.content;
    expect(user).toContain(`- error[E0277] at ${FILE}:8 (key ${key('run')}): \`F\` cannot be sent between threads safely`);
    expect(user).toContain(`- ${key('impl Send for Counter')}:1: \`unsafe impl Send\` asserts thread safety the compiler could not prove; wrap the non-Send field in a type that is (\`Arc\`, \`Mutex\`, an atomic) or document the invariant with \`// SAFETY:\` — a fix must never add one (\`unsafe impl Send for Counter {}\`)`);
    expect(user).toContain('- rustc: help: consider further restricting type parameter `F` with trait `Send`');
    expect(candidates).toHaveLength(1);
    const c = candidates[0]!;
    expect(c).toMatchObject({ id: 'llm:0:0', origin: 'llm', patternId: null, touchedKeys: [key('run')], targets: [0], confidence: 0.85, tokensUsed: 500 });
    expect(applyEdits(SRC, c.edits)).toEqual({ ok: true, text: SRC.replace("u64 + 'static {", "u64 + Send + 'static {") });
  });

  it('refuses an edit that silences the error with unsafe code', async () => {
    const { candidates, outcome } = await propose([{ key: key('helper'), original: 'run(|| 1)', replacement: 'unsafe { run(|| 1) }' }]);
    expect(candidates).toEqual([]);
    expect(outcome.rejected).toBe('the edit introduces an anti-pattern: unsafe_block (`unsafe` block: rustc no longer checks memory safety inside; keep it minimal with a `// SAFETY:` comment — a fix must never add one to silence an error)');
  });

  it('refuses ambiguous quotes and keys outside the plan', async () => {
    const ambiguous = await propose([{ key: key('run'), original: 'job', replacement: 'task' }]);
    expect(ambiguous.candidates).toEqual([]);
    expect(ambiguous.outcome.rejected).toBe(`edit 1 (key "${key('run')}"): quote "job" occurs more than once in the key's code`);
    const outside = await propose([{ key: 'src/main.rs-main-main', original: 'x', replacement: 'y' }]);
    expect(outside.outcome.rejected).toBe('edit 1 (key "src/main.rs-main-main"): key is not in the planned scope');
  });
});

describe('anti-patterns in the model context (the never_introduce patterns of the library)', () => {
  const patterns = loadPatterns();
  it('finds silencing constructs on masked text: comments and strings never match', () => {
    const text = '#[allow(dead_code)]\nlet x: u64 = unsafe { std::mem::transmute(y) };\n// unsafe { }\ntodo!()\nlet s = "unsafe { todo!() }";\n';
    expect(contextAntiPatterns(text, 'src/lib.rs', patterns).map((h) => [h.id, h.line])).toEqual([
      ['lint_allow', 1],
      ['mem_transmute', 2],
      ['unsafe_block', 2],
      ['placeholder_macro', 4],
    ]);
  });

  it('reports only what an edit adds', () => {
    const slices = new Map([['k', { file: 'a.rs', byteStart: 0, text: 'unsafe { a() }\nb()\n' }]]);
    expect(introducedAntiPatterns([{ key: 'k', original: 'a()', replacement: 'a2()' }], slices, patterns)).toEqual([]);
    expect(introducedAntiPatterns([{ key: 'k', original: 'b()', replacement: 'unsafe { b() }' }], slices, patterns).map((h) => [h.id, h.line])).toEqual([['unsafe_block', 2]]);
    expect(introducedAntiPatterns([{ key: 'k', original: 'b()', replacement: 'b("unsafe { }")' }], slices, patterns)).toEqual([]);
  });
});
