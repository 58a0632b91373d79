/**
 * The rustgate MCP server (stdio): the use cases of the CLI as MCP tools for Claude Code and other agents.
 * Tools call the app functions directly (never the CLI), validate their inputs with zod, load heavy modules
 * lazily inside the handlers, and answer with `structuredContent` matching each tool's declared output schema
 * (`output-schemas.ts`) plus the same JSON as one text block for clients without structured output. Nothing here
 * writes the user's files:
 * `debug_bug` always investigates, `validate_fix` and `prove_fix` work in private copies.
 */
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isRustgateError } from '../core/errors.js';
import type { TwoHopJson } from '../core/isg/json.js';
import type { IsgStore } from '../store/types.js';
import { OUTPUT_SCHEMAS, type BuildIsgToolResult } from './output-schemas.js';

/** Every tool the server offers (the plugin's commands and agents may only name these). */
export const TOOL_NAMES = ['build_isg', 'isg_show', 'isg_two_hop', 'isg_similar', 'preflight', 'context', 'validate_fix', 'debug_bug', 'prove_fix'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Options of the server. */
export interface RustgateServerOptions {
  /** The workspace a tool works on when its `repo` argument is absent (relative `repo` arguments resolve against it). */
  repo: string;
  version?: string;
}

const RELS = ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS', 'REQUIRES_BOUND', 'FEATURE_GATED_BY'] as const;
const repoArg = z.string().min(1).optional().describe('workspace root (default: the directory the server was started for)');
const keyArg = z.string().min(1).describe('an ISGL1 key, e.g. src/lib.rs-lib-clamp');
const patchArg = z.string().min(1).describe('a unified diff (git diff format), paths relative to the workspace root');

/** What a model should know before calling the tools: the order that works. */
export const SERVER_INSTRUCTIONS =
  'rustgate checks and fixes Rust workspaces. Work in this order: build_isg (once per session; cheap when nothing changed) → ' +
  'preflight (scope worktree after edits, staged before a commit) → debug_bug for the current errors, or context for an ' +
  'error code or ISG key → write a minimal unified diff → validate_fix (a private copy; never writes the user\'s files) → ' +
  'prove_fix with a test that compiles and fails without the fix. Only the user applies a fix. ISG keys in answers ' +
  'can be passed to isg_show, isg_two_hop and isg_similar.';

/** Tools that only read (the graph, diagnostics, context); validate_fix and prove_fix build private copies. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;
const PRIVATE_COPY = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A result: the JSON as `structuredContent` (checked against the tool's output schema) and as one text block. */
function ok<T extends object>(value: T): CallToolResult {
  const text = JSON.stringify(value);
  return { content: [{ type: 'text', text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
}

/** A RustgateError (usage, environment, refused patch) as a tool error the agent can read and act on. */
function failed(e: unknown, extra: Record<string, unknown> = {}): CallToolResult {
  if (isRustgateError(e)) return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error: e.code, message: e.message, hint: e.hint, ...extra }) }] };
  const err = e instanceof Error ? e : new Error(String(e));
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error: 'INTERNAL', message: err.message, hint: 'this is a bug in rustgate; please report it with the tool call' }) }] };
}

/** Creates the server with every tool registered (not yet connected to a transport). */
export function createRustgateServer(opts: RustgateServerOptions): McpServer {
  const server = new McpServer({ name: 'rustgate', version: opts.version ?? '0.1.0' }, { instructions: SERVER_INSTRUCTIONS });
  const repoOf = (r: string | undefined): string => path.resolve(opts.repo, r ?? '.');
  const guard = <A>(fn: (args: A) => Promise<CallToolResult>) => async (args: A): Promise<CallToolResult> => {
    try {
      return await fn(args);
    } catch (e) {
      return failed(e);
    }
  };
  // Opens the repo's store, building the ISG when it was never built.
  const openBuilt = async (repo: string): Promise<IsgStore> => {
    const [{ openStore }, { storeDir }, { checkWorkspaceDir }] = await Promise.all([import('../store/cozo-store.js'), import('../app/workdir.js'), import('../adapters/cargo/metadata.js')]);
    const root = checkWorkspaceDir(repo);
    let store = await openStore(storeDir(root));
    if ((await store.getMeta('facts_version')) === undefined) {
      await store.close();
      const { openBuiltStore } = await import('../app/validate-fix.js');
      store = await openBuiltStore(root, storeDir(root));
    }
    return store;
  };

  server.registerTool(
    'build_isg',
    { annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.build_isg, title: 'Build the ISG', description: 'Build or incrementally refresh the Interface Signature Graph of the workspace; returns node/edge counts by kind and relation.', inputSchema: { repo: repoArg } },
    guard(async ({ repo }) => {
      const [{ openStore }, { buildIsg }, { storeDir }] = await Promise.all([import('../store/cozo-store.js'), import('../app/build-isg.js'), import('../app/workdir.js')]);
      const { readWorkspace } = await import('../adapters/cargo/metadata.js');
      const workspace = await readWorkspace(repoOf(repo));
      const root = workspace.root;
      const store = await openStore(storeDir(root));
      try {
        const r = await buildIsg({ root, store, workspace });
        return ok<BuildIsgToolResult>({ nodes: r.nodes, edges: r.edges, by_kind: r.by_kind, by_rel: r.by_rel, files_parsed: r.files_parsed, files_reused: r.files_reused, ms: r.ms, problems: r.problems.slice(0, 20) });
      } finally {
        await store.close();
      }
    }),
  );

  server.registerTool(
    'isg_show',
    { annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.isg_show, title: 'Show an ISG node', description: 'One node of the ISG: kind, file, span, signature, bounds, features, and its edges in and out.', inputSchema: { key: keyArg, repo: repoArg } },
    guard(async ({ key, repo }) => {
      const { showNode } = await import('../cli/commands/isg.js');
      const store = await openBuilt(repoOf(repo));
      try {
        return ok(await showNode(store, key));
      } finally {
        await store.close();
      }
    }),
  );

  server.registerTool(
    'isg_two_hop',
    {
      annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.isg_two_hop,
      title: 'Two-hop neighbourhood',
      description: 'Nodes within two hops of KEY along the given relations (the blast radius of a change), nearest first.',
      inputSchema: { key: keyArg, rels: z.array(z.enum(RELS)).min(1).optional().describe('relations to follow (default all)'), cap: z.number().int().min(1).max(500).optional().describe('most nodes per hop (default 30)'), direction: z.enum(['out', 'in', 'both']).optional().describe('out: what KEY reaches; in: what reaches KEY (callers); default both'), repo: repoArg },
    },
    guard(async ({ key, rels, cap, direction, repo }) => {
      const store = await openBuilt(repoOf(repo));
      try {
        if (!(await store.getNode(key))) return failed(await unknownKey(store, key));
        const nodes = await store.twoHop(key, rels ?? [...RELS], cap ?? 30, direction ?? 'both');
        return ok<TwoHopJson>({ seed: key, nodes: nodes.map((n) => ({ key: n.key, kind: n.kind, hop: n.hop, via: n.via })) });
      } finally {
        await store.close();
      }
    }),
  );

  server.registerTool(
    'isg_similar',
    { annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.isg_similar, title: 'Similar nodes', description: 'Vector neighbours of a node (nodes with similar signatures and names), nearest first.', inputSchema: { key: keyArg, k: z.number().int().min(1).max(100).optional().describe('how many neighbours (default 15)'), repo: repoArg } },
    guard(async ({ key, k, repo }) => {
      const { checkWorkspaceDir } = await import('../adapters/cargo/metadata.js');
      const root = checkWorkspaceDir(repoOf(repo));
      const { similarNodes } = await import('../app/similar.js');
      const store = await openBuilt(root);
      try {
        return ok(await similarNodes(store, key, { repo: root, ...(k !== undefined ? { k } : {}) }));
      } finally {
        await store.close();
      }
    }),
  );

  server.registerTool(
    'preflight',
    {
      annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.preflight,
      title: 'PreFlight',
      description: 'cargo check (and optionally the impacted tests) of the staged content, a commit range or the working tree (in place when that is the working tree, else in a private copy; only the affected packages); diagnostics mapped to ISG keys with their blast radius.',
      inputSchema: { scope: z.enum(['staged', 'worktree', 'diff']).optional().describe('default worktree'), range: z.string().min(3).optional().describe('BASE..HEAD for scope diff'), tests: z.boolean().optional().describe('also run the tests impacted by the change'), repo: repoArg },
    },
    guard(async ({ scope, range, tests, repo }) => {
      const root = repoOf(repo);
      const [{ runPreflight }, { toContractJson }, { preflightSeams }] = await Promise.all([import('../app/preflight.js'), import('../core/preflight/report.js'), import('../cli/commands/preflight-seams.js')]);
      const flags = { repo: root, format: 'json', ...(tests ? { tests: true } : {}), rustAnalyzer: 'off' };
      const extensions = await (preflightSeams().extensions?.(flags) ?? []);
      const s = scope ?? 'worktree';
      const report = await runPreflight({ repo: root, scope: s, ...(range !== undefined ? { range } : {}), extensions });
      return ok(toContractJson(report));
    }),
  );

  server.registerTool(
    'context',
    { annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.context, title: 'Context bundle', description: 'Context, as data, for an error code of the workspace (e.g. E0277) or an ISG key: the error, its ISG node, the definitions the error names, two-hop neighbours, constraints and the accepted fixes whose detectors match, as code slices under a token budget.', inputSchema: { target: z.string().min(1).describe('an error code (E0277) or an ISG key'), budget: z.number().int().min(200).max(100_000).optional().describe('token budget of the bundle (default 3000)'), repo: repoArg } },
    guard(async ({ target, budget, repo }) => {
      const { buildContext } = await import('../app/context.js');
      return ok(await buildContext({ repo: repoOf(repo), target, ...(budget !== undefined ? { budget } : {}) }));
    }),
  );

  server.registerTool(
    'validate_fix',
    { annotations: PRIVATE_COPY, outputSchema: OUTPUT_SCHEMAS.validate_fix, title: 'Validate a fix', description: 'PreFlight of a proposed unified diff in a private copy (never writes your files): applies?, touched keys, diagnostics, tests, validation_status.', inputSchema: { patch: patchArg, staged: z.boolean().optional().describe('apply to the staged content (the index) instead of the working tree'), tests: z.boolean().optional().describe('also run the impacted tests'), repo: repoArg } },
    async ({ patch, staged, tests, repo }) => {
      try {
        const { validateFix } = await import('../app/validate-fix.js');
        return ok(await validateFix({ repo: repoOf(repo), patch, ...(staged ? { staged: true } : {}), ...(tests ? { tests: true } : {}) }));
      } catch (e) {
        const refused = isRustgateError(e) && (e.code === 'PATCH_REJECTED' || e.code === 'PATCH_DOES_NOT_APPLY');
        return failed(e, refused ? { ok: false, applies: false } : {});
      }
    },
  );

  server.registerTool(
    'debug_bug',
    { annotations: READ_ONLY, outputSchema: OUTPUT_SCHEMAS.debug_bug, title: 'Investigate the current errors', description: 'Runs the fix pipeline on the current errors of the working tree and reports errors, the best validated candidate diff and a rating. Always investigates: never applies.', inputSchema: { test: z.string().min(1).optional().describe('investigate this failing test instead of the compile errors'), repo: repoArg } },
    guard(async ({ test, repo }) => {
      const root = repoOf(repo);
      const [{ runDebugBug, loadPatternSources }, { defaultOpenStore }] = await Promise.all([import('../app/debug-bug.js'), import('../cli/commands/debug-bug.js')]);
      const store = await defaultOpenStore(root);
      try {
        const report = await runDebugBug({ repo: root, investigate: true, apply: false, llm: 'none', test: test ?? null, sources: await loadPatternSources(), store });
        return ok(report);
      } finally {
        await store?.close();
      }
    }),
  );

  server.registerTool(
    'prove_fix',
    { annotations: PRIVATE_COPY, outputSchema: OUTPUT_SCHEMAS.prove_fix, title: 'Prove a fix RED → GREEN', description: 'The test (a test patch, or an existing test by name) must fail without the fix and pass with it, with no regressions; without a test, returns where to write one and the context.', inputSchema: { fix: patchArg, test_patch: patchArg.optional().describe('a unified diff adding the #[test] that shows the bug'), test: z.string().min(1).optional().describe('or the name of an existing test'), repo: repoArg } },
    guard(async ({ fix, test_patch, test, repo }) => {
      const { proveFix } = await import('../app/prove-fix.js');
      return ok(await proveFix({ repo: repoOf(repo), fix, ...(test_patch !== undefined ? { testPatch: test_patch } : {}), ...(test !== undefined ? { test } : {}) }));
    }),
  );
  return server;
}

async function unknownKey(store: IsgStore, key: string): Promise<unknown> {
  const { RustgateError } = await import('../core/errors.js');
  const { closestKeys } = await import('../cli/commands/isg.js');
  const near = closestKeys(key, await store.allNodes());
  return new RustgateError('UNKNOWN_KEY', `no ISG node with key '${key}'`, near.length > 0 ? `closest keys: ${near.join(', ')}` : 'run build_isg first');
}

/** Serves the tools over stdio until stdin closes (one message per line, at most MAX_MESSAGE_BYTES each). */
export async function serveStdio(opts: RustgateServerOptions): Promise<void> {
  const { GuardedStdioTransport } = await import('./transport.js');
  const server = createRustgateServer(opts);
  const transport = new GuardedStdioTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
