/**
 * A local stand-in for api.github.com for the Action tests. Every request is matched to an operation of
 * GitHub's published OpenAPI description (@octokit/openapi, api.github.com.deref.json) by method + path
 * template; its query names and JSON body are validated against that operation with ajv, and so is every
 * response this server sends (so the fake answers like GitHub, field for field).
 *
 * Adaptations of the OpenAPI 3.0.3 schemas for ajv (JSON Schema draft-07), all listed here:
 * - `nullable: true` becomes a `null` alternative (`type: [t, "null"]`, or `anyOf` when there is no `type`);
 * - annotation-only keywords (`example`, `examples`, `discriminator`, `xml`, `externalDocs`, `deprecated`,
 *   `readOnly`, `writeOnly`, `x-*`) are dropped; formats are checked with ajv-formats, unknown ones (int64…) ignored;
 * - request bodies get `additionalProperties: false` on every object schema that lists `properties` and does
 *   not say otherwise. That is STRICTER than GitHub (which ignores unknown fields): it catches misspelt fields.
 * Beyond the schema, the server enforces the one rule the schema cannot express and GitHub does: every review
 * comment must sit on a line of the PR diff (the test passes the allowed lines), else 422 for the whole review.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  operationId: string;
  queryNames: Set<string>;
  body: ValidateFunction | null;
  responses: Map<number, ValidateFunction>;
}

/** One request the server saw, with what validation said about it. */
export interface SeenRequest {
  method: string;
  path: string;
  operationId: string | null;
  query: Record<string, string>;
  body: unknown;
  problems: string[];
}

/** A failure the test wants a given operation to return. */
export interface InjectedFailure {
  status: number;
  message: string;
}

/** Review state the fake keeps, shaped like GitHub's objects. */
export interface FakeState {
  headSha: string;
  /** PR files as `pulls.listFiles` returns them. */
  files: Array<{ filename: string; patch: string; status: 'added' | 'modified' | 'removed' }>;
  /** path → RIGHT-side lines GitHub accepts comments on (the oracle for the 422 rule). */
  commentable: Map<string, Set<number>>;
  reviews: Array<Record<string, Json>>;
  comments: Array<Record<string, Json>>;
  /** operationId → failure to return instead of the normal answer. */
  failures: Map<string, InjectedFailure>;
}

/** A running fake. */
export interface FakeGitHub {
  url: string;
  state: FakeState;
  requests: SeenRequest[];
  /** Every validation problem across all requests and responses ('' when none). */
  problems(): string[];
  close(): Promise<void>;
}

const OWNER = 'octo-org';
const REPO = 'ledger';
const DROP = new Set(['example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly']);
const OPERATIONS: Array<[string, string]> = [
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['put', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['delete', '/repos/{owner}/{repo}/pulls/comments/{comment_id}'],
];

let cachedOps: Operation[] | null = null;

/** Converts an OpenAPI 3.0 schema object to JSON Schema (see the list of adaptations above). */
export function toJsonSchema(s: unknown, closeObjects: boolean): unknown {
  if (Array.isArray(s)) return s.map((x) => toJsonSchema(x, closeObjects));
  if (typeof s !== 'object' || s === null) return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) {
    if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
    if (k === 'properties' && typeof v === 'object' && v !== null) {
      // Property names are data, not keywords: convert each value, keep every name.
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([name, sub]) => [name, toJsonSchema(sub, closeObjects)]));
    } else {
      out[k] = toJsonSchema(v, closeObjects);
    }
  }
  if (closeObjects && out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
  if ((s as Schema).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}

function loadOperations(): Operation[] {
  if (cachedOps) return cachedOps;
  const require = createRequire(import.meta.url);
  const specPath = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Record<string, Schema>> };
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false, validateFormats: true }));
  cachedOps = OPERATIONS.map(([method, template]) => {
    const op = spec.paths[template]?.[method] as Schema | undefined;
    if (!op) throw new Error(`OpenAPI description has no ${method.toUpperCase()} ${template}`);
    const params = (op.parameters as Array<{ name: string; in: string }> | undefined) ?? [];
    const bodySchema = (op.requestBody as Schema | undefined)?.content as Record<string, { schema: unknown }> | undefined;
    const responses = new Map<number, ValidateFunction>();
    for (const [code, r] of Object.entries((op.responses as Record<string, Schema>) ?? {})) {
      const schema = (r.content as Record<string, { schema: unknown }> | undefined)?.['application/json']?.schema;
      if (schema) responses.set(Number(code), ajv.compile(toJsonSchema(schema, false) as Schema));
    }
    return {
      method: method.toUpperCase(),
      template,
      regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      operationId: String(op.operationId),
      queryNames: new Set(params.filter((p) => p.in === 'query').map((p) => p.name)),
      body: bodySchema?.['application/json'] ? ajv.compile(toJsonSchema(bodySchema['application/json'].schema, true) as Schema) : null,
      responses,
    };
  });
  return cachedOps;
}

/** Starts the fake on 127.0.0.1 (random port); `token` is the only accepted credential. */
export async function startFakeGitHub(token: string, init: Pick<FakeState, 'headSha' | 'files' | 'commentable'>): Promise<FakeGitHub> {
  const ops = loadOperations();
  const state: FakeState = { ...init, reviews: [], comments: [], failures: new Map() };
  const requests: SeenRequest[] = [];
  let nextId = 1000;
  let base = '';

  const user = (): Record<string, Json> => {
    const u = 'https://api.github.com/users/github-actions%5Bbot%5D';
    return {
      login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      gravatar_id: '', url: u, html_url: 'https://github.com/apps/github-actions', followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`, gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`, repos_url: `${u}/repos`, events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`, type: 'Bot', site_admin: false,
    };
  };

  const handle = (op: Operation, m: RegExpExecArray, body: Record<string, Json>): [number, Json] => {
    const failure = state.failures.get(op.operationId);
    if (failure) return [failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest', status: String(failure.status) }];
    const pull = Number(m[3]);
    const prUrl = `${base}/repos/${OWNER}/${REPO}/pulls/${pull}`;
    switch (op.operationId) {
      case 'pulls/list-files':
        return [200, state.files.map((f, i) => {
          const adds = f.patch.split('\n').filter((l) => l.startsWith('+')).length;
          const dels = f.patch.split('\n').filter((l) => l.startsWith('-')).length;
          return {
            sha: `${i}`.padStart(40, 'a'), filename: f.filename, status: f.status, additions: adds, deletions: dels, changes: adds + dels,
            blob_url: `https://github.com/${OWNER}/${REPO}/blob/${state.headSha}/${f.filename}`,
            raw_url: `https://github.com/${OWNER}/${REPO}/raw/${state.headSha}/${f.filename}`,
            contents_url: `${base}/repos/${OWNER}/${REPO}/contents/${f.filename}?ref=${state.headSha}`, patch: f.patch,
          };
        })];
      case 'pulls/list-reviews':
        return [200, state.reviews];
      case 'pulls/list-review-comments':
        return [200, state.comments];
      case 'pulls/create-review': {
        if (body.commit_id !== state.headSha) return [422, { message: 'Unprocessable Entity', errors: ['commit_id is not part of the pull request'], documentation_url: 'https://docs.github.com/rest', status: '422' }];
        const comments = (body.comments as Array<Record<string, Json>> | undefined) ?? [];
        for (const c of comments) {
          const lines = state.commentable.get(String(c.path)) ?? new Set<number>();
          const first = typeof c.start_line === 'number' ? c.start_line : Number(c.line);
          for (let l = first; l <= Number(c.line); l++) {
            if (!lines.has(l)) return [422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest', status: '422' }];
          }
        }
        const id = nextId++;
        const html = `https://github.com/${OWNER}/${REPO}/pull/${pull}#pullrequestreview-${id}`;
        const review: Record<string, Json> = {
          id, node_id: `PRR_${id}`, user: user(), body: String(body.body ?? ''), state: 'COMMENTED', html_url: html, pull_request_url: prUrl,
          _links: { html: { href: html }, pull_request: { href: prUrl } }, submitted_at: '2026-11-26T06:00:00Z', commit_id: state.headSha, author_association: 'NONE',
        };
        state.reviews.push(review);
        for (const c of comments) {
          const cid = nextId++;
          state.comments.push({
            url: `${base}/repos/${OWNER}/${REPO}/pulls/comments/${cid}`, id: cid, node_id: `PRRC_${cid}`, pull_request_review_id: id,
            diff_hunk: '@@', path: c.path ?? '', commit_id: state.headSha, original_commit_id: state.headSha, user: user(), body: c.body ?? '',
            created_at: '2026-11-26T06:00:00Z', updated_at: '2026-11-26T06:00:00Z', html_url: `https://github.com/${OWNER}/${REPO}/pull/${pull}#discussion_r${cid}`,
            pull_request_url: prUrl, author_association: 'NONE',
            _links: { self: { href: `${base}/repos/${OWNER}/${REPO}/pulls/comments/${cid}` }, html: { href: `https://github.com/${OWNER}/${REPO}/pull/${pull}#discussion_r${cid}` }, pull_request: { href: prUrl } },
            start_line: c.start_line ?? null, original_start_line: c.start_line ?? null, start_side: c.start_side ?? null,
            line: c.line ?? null, original_line: c.line ?? null, side: c.side ?? 'RIGHT', subject_type: 'line',
          });
        }
        return [200, review];
      }
      case 'pulls/update-review': {
        const review = state.reviews.find((r) => r.id === Number(m[4]));
        if (!review) return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }];
        review.body = String(body.body);
        return [200, review];
      }
      case 'pulls/delete-review-comment': {
        const i = state.comments.findIndex((c) => c.id === Number(m[3]));
        if (i < 0) return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }];
        state.comments.splice(i, 1);
        return [204, null];
      }
      default:
        return [404, { message: 'Not Found' }];
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, operationId: null, query: Object.fromEntries(url.searchParams), body: null, problems: [] };
      requests.push(seen);
      const send = (status: number, json: Json): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(status === 204 ? '' : JSON.stringify(json));
      };
      if (req.headers.authorization !== `token ${token}`) {
        seen.problems.push(`bad authorization header`);
        return send(401, { message: 'Bad credentials' });
      }
      const op = ops.find((o) => o.method === req.method && o.regex.test(url.pathname));
      const m = op?.regex.exec(url.pathname);
      if (!op || !m) {
        seen.problems.push(`no OpenAPI operation for ${req.method} ${url.pathname}`);
        return send(404, { message: 'Not Found' });
      }
      seen.operationId = op.operationId;
      if (m[1] !== OWNER || m[2] !== REPO) seen.problems.push(`unexpected repository ${m[1]}/${m[2]}`);
      for (const q of url.searchParams.keys()) if (!op.queryNames.has(q)) seen.problems.push(`query parameter '${q}' is not declared by ${op.operationId}`);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, Json> = {};
      if (raw) {
        body = JSON.parse(raw) as Record<string, Json>;
        seen.body = body;
      }
      if (op.body && raw && !op.body(body)) {
        seen.problems.push(`${op.operationId} body: ${JSON.stringify(op.body.errors)}`);
        // GitHub answers a body that breaks the schema with 422 and changes nothing.
        return send(422, { message: 'Invalid request.', documentation_url: 'https://docs.github.com/rest', status: '422' });
      }
      if (!op.body && raw) seen.problems.push(`${op.operationId} takes no body`);
      const [status, json] = handle(op, m, body);
      const check = op.responses.get(status);
      if (status < 300 && status !== 204 && !check) seen.problems.push(`${op.operationId} has no ${status} response in the description`);
      if (status < 300 && check && !check(json)) seen.problems.push(`fake response of ${op.operationId} breaks the schema: ${JSON.stringify(check.errors).slice(0, 500)}`);
      send(status, json);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url: base,
    state,
    requests,
    problems: () => requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The repository the fake serves, as GITHUB_REPOSITORY. */
export const FAKE_REPOSITORY = `${OWNER}/${REPO}`;
