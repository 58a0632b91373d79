/** `rustgate isg show KEY`, `isg two-hop KEY` and `isg similar KEY`: read the stored ISG. */
import path from 'node:path';
import type { Command } from 'commander';
import { storeDir } from '../../app/workdir.js';
import { ExitCode, RustgateError } from '../../core/errors.js';
import { edgeJson, nodeJson, type ShowNodeJson } from '../../core/isg/json.js';
import { RELS, type IsgNode, type Rel } from '../../core/isg/types.js';
import type { IsgStore } from '../../store/types.js';
import { printJson, type CliIO } from '../io.js';
import { buildRepoIsg } from './build-isg.js';
import type { SetExit } from './index.js';
import { editDistance } from '../../core/edit-distance.js';

interface IsgFlags {
  repo: string;
  json?: boolean;
  rel?: string;
  cap?: string;
  direction?: string;
}

/** Opens the repository's store, building the ISG first when it was never built. */
async function openBuilt(repo: string, io: CliIO): Promise<IsgStore> {
  // Loaded here so that other commands (and --help) never load Cozo or execa.
  const [{ checkWorkspaceDir }, { openStore }] = await Promise.all([import('../../adapters/cargo/metadata.js'), import('../../store/cozo-store.js')]);
  const root = checkWorkspaceDir(repo);
  const onWarning = (m: string): void => io.err(`rustgate: warning: ${m}`);
  let store = await openStore(storeDir(root), { onWarning });
  if ((await store.getMeta('facts_version')) === undefined) {
    await store.close();
    await buildRepoIsg(root, io);
    store = await openStore(storeDir(root), { onWarning });
  }
  return store;
}

/** The keys most like `key`: same item name first, then by edit distance. */
export function closestKeys(key: string, nodes: readonly IsgNode[], n = 3): string[] {
  const wanted = key.slice(key.lastIndexOf('-') + 1).toLowerCase();
  const scored = nodes.map((node) => {
    const sameName = node.name.toLowerCase() === wanted || node.key.toLowerCase().endsWith(wanted) ? 0 : 1;
    return { key: node.key, s: sameName * 1000 + editDistance(key.toLowerCase(), node.key.toLowerCase()) };
  });
  scored.sort((a, b) => a.s - b.s || (a.key < b.key ? -1 : 1));
  // When some keys end with the same interface name, those are the suggestions; otherwise the nearest by spelling.
  const sameName = scored.filter((x) => x.s < 1000);
  return (sameName.length > 0 ? sameName : scored).slice(0, n).map((x) => x.key);
}

async function unknownKey(store: IsgStore, key: string): Promise<RustgateError> {
  const near = closestKeys(key, await store.allNodes());
  return new RustgateError(
    'UNKNOWN_KEY',
    `no ISG node with key '${key}'`,
    near.length > 0 ? `closest keys: ${near.map((k) => `'${k}'`).join(', ')} (run rustgate build-isg if the code changed)` : 'run rustgate build-isg first',
  );
}

function parseRels(text: string | undefined): Rel[] {
  if (!text) return [...RELS];
  const rels = text.split(',').map((r) => r.trim().toUpperCase()).filter(Boolean);
  for (const r of rels) {
    if (!RELS.includes(r as Rel)) throw new RustgateError('BAD_FLAG', `unknown relation '${r}' in --rel`, `use a comma-separated list of ${RELS.join(', ')}`);
  }
  return rels as Rel[];
}

/** `isg show` as the JSON object of the contract. */
export async function showNode(store: IsgStore, key: string): Promise<ShowNodeJson> {
  const node = await store.getNode(key);
  if (!node) throw await unknownKey(store, key);
  const out = await store.edgesOut(key);
  const inc = await store.edgesIn(key);
  const order = (a: { rel: string; k: string }, b: { rel: string; k: string }): number => RELS.indexOf(a.rel as Rel) - RELS.indexOf(b.rel as Rel) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
  return {
    ...nodeJson(node),
    edges_out: out
      .map((e) => ({ rel: e.rel, k: e.dst, attr: e.attr }))
      .sort(order)
      .map((e) => (e.attr ? { rel: e.rel, dst: e.k, attr: e.attr } : { rel: e.rel, dst: e.k })),
    edges_in: inc
      .map((e) => ({ rel: e.rel, k: e.src, attr: e.attr }))
      .sort(order)
      .map((e) => (e.attr ? { rel: e.rel, src: e.k, attr: e.attr } : { rel: e.rel, src: e.k })),
  };
}

/** Registers `isg show` and `isg two-hop` on the program. */
export function registerIsg(program: Command, io: CliIO, setExit: SetExit): void {
  const isg = program.command('isg').description('Query the Interface Signature Graph');
  isg
    .command('show <key>')
    .description('Show one node: signature, span, features, and its edges')
    .option('--repo <dir>', 'the workspace root', '.')
    .option('--json', 'print JSON')
    .action(async (key: string, flags: IsgFlags) => {
      const store = await openBuilt(flags.repo, io);
      try {
        const shown = await showNode(store, key);
        if (flags.json) printJson(io, shown);
        else {
          const span = shown.span as { start_line: number; end_line: number };
          io.out(`${String(shown.key)}`);
          io.out(`  ${String(shown.kind)} ${String(shown.name)}${shown.public ? ' (public)' : ''}  ${String(shown.file)}:${span.start_line}-${span.end_line}`);
          if (shown.signature) io.out(`  ${String(shown.signature)}`);
          const features = shown.features as string[];
          if (features.length > 0) io.out(`  features: ${features.join(', ')}`);
          for (const e of shown.edges_out as { rel: string; dst: string; attr?: string }[]) io.out(`  → ${e.rel} ${e.dst}${e.attr ? `  [${e.attr}]` : ''}`);
          for (const e of shown.edges_in as { rel: string; src: string; attr?: string }[]) io.out(`  ← ${e.rel} ${e.src}${e.attr ? `  [${e.attr}]` : ''}`);
        }
        setExit(ExitCode.Ok);
      } finally {
        await store.close();
      }
    });
  isg
    .command('two-hop <key>')
    .description('Nodes within two hops of KEY (the blast radius of a change)')
    .option('--rel <rels>', `relations to follow, comma-separated (default: all of ${RELS.join(',')})`)
    .option('--cap <n>', 'at most N nodes per hop', '30')
    .option('--direction <dir>', 'follow edges out, in, or both', 'both')
    .option('--repo <dir>', 'the workspace root', '.')
    .option('--json', 'print JSON')
    .action(async (key: string, flags: IsgFlags) => {
      const rels = parseRels(flags.rel);
      const cap = Number(flags.cap ?? '30');
      if (!Number.isInteger(cap) || cap < 1) throw new RustgateError('BAD_FLAG', `--cap must be a positive integer (got '${flags.cap}')`, 'for example --cap 30');
      const direction = flags.direction ?? 'both';
      if (direction !== 'out' && direction !== 'in' && direction !== 'both') throw new RustgateError('BAD_FLAG', `--direction must be out, in or both (got '${direction}')`, 'for example --direction both');
      const store = await openBuilt(flags.repo, io);
      try {
        if (!(await store.getNode(key))) throw await unknownKey(store, key);
        const nodes = await store.twoHop(key, rels, cap, direction);
        const result = { seed: key, nodes: nodes.map((n) => ({ key: n.key, kind: n.kind, hop: n.hop, via: n.via })) };
        if (flags.json) printJson(io, result);
        else {
          io.out(`${key}: ${nodes.filter((n) => n.hop === 1).length} at hop 1, ${nodes.filter((n) => n.hop === 2).length} at hop 2`);
          for (const n of nodes) io.out(`  ${n.hop} ${n.via.padEnd(16)} ${n.kind.padEnd(7)} ${n.key}`);
        }
        setExit(ExitCode.Ok);
      } finally {
        await store.close();
      }
    });
  isg
    .command('export')
    .description('Print every node and edge of the ISG (json: one object; jsonl: one node or edge a line)')
    .option('--format <fmt>', 'json or jsonl', 'json')
    .option('--repo <dir>', 'the workspace root', '.')
    .action(async (flags: { format?: string; repo: string }) => {
      const format = flags.format ?? 'json';
      if (format !== 'json' && format !== 'jsonl') throw new RustgateError('BAD_FLAG', `--format must be json or jsonl (got '${format}')`, 'for example --format jsonl');
      const store = await openBuilt(flags.repo, io);
      try {
        const [nodes, edges] = await Promise.all([store.allNodes(), store.allEdges()]);
        if (format === 'jsonl') {
          // One write per chunk of lines: a large graph is not held twice as one string.
          let chunk: string[] = [];
          const push = (line: string): void => {
            chunk.push(line);
            if (chunk.length >= 2000) {
              io.out(chunk.join('\n'));
              chunk = [];
            }
          };
          for (const n of nodes) push(JSON.stringify({ node: nodeJson(n) }));
          for (const e of edges) push(JSON.stringify({ edge: edgeJson(e) }));
          if (chunk.length > 0) io.out(chunk.join('\n'));
        } else {
          io.out(JSON.stringify({ nodes: nodes.map(nodeJson), edges: edges.map(edgeJson) }));
        }
        setExit(ExitCode.Ok);
      } finally {
        await store.close();
      }
    });
  isg
    .command('similar <key>')
    .description('Vector neighbours of KEY: interfaces that look alike (built-in embedder, exact top-k)')
    .option('--k <n>', 'how many neighbours', '15')
    .option('--repo <dir>', 'the workspace root', '.')
    .option('--json', 'print JSON')
    .action(async (key: string, flags: { k?: string; repo: string; json?: boolean }) => {
      const k = Number(flags.k ?? '15');
      const store = await openBuilt(flags.repo, io);
      try {
        if (!(await store.getNode(key))) throw await unknownKey(store, key);
        const { similarNodes } = await import('../../app/similar.js');
        const result = await similarNodes(store, key, { repo: path.resolve(flags.repo), k });
        if (flags.json) printJson(io, result);
        else {
          io.out(`${key}: ${result.neighbors.length} nearest`);
          for (const n of result.neighbors) io.out(`  ${n.distance.toFixed(3)} ${n.kind.padEnd(7)} ${n.key}`);
        }
        setExit(ExitCode.Ok);
      } finally {
        await store.close();
      }
    });
}
