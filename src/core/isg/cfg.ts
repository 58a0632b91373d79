/**
 * `#[cfg(..)]` predicates evaluated against the configuration a check sees: the package's default features (and what
 * they enable), `test` (tests are checked too), and a Linux x86_64 host. Anything else — custom `--cfg` flags, other
 * platforms, `doc`, `miri` — is off. The resolver uses this only to prefer the active one of several definitions; an
 * inactive item still becomes a node.
 */
import type { WorkspacePackage } from './workspace.js';

/** Names that are set on the host a check runs on. */
const ON = new Set(['test', 'debug_assertions', 'unix', 'panic_unwind']);
/** `key = "value"` pairs that hold on the host. */
const ON_PAIRS = new Set([
  'target_os=linux', 'target_family=unix', 'target_pointer_width=64', 'target_arch=x86_64', 'target_endian=little',
  'target_env=gnu', 'panic=unwind', 'target_vendor=unknown',
]);

type Tok = { t: 'id' | 'str' | 'p'; v: string };

function lex(text: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',' || c === '=') {
      out.push({ t: 'p', v: c });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return undefined;
      out.push({ t: 'str', v: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) return undefined;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Evaluates one cfg predicate (`unix`, `feature = "x"`, `all(..)`, `any(..)`, `not(..)`); undefined when unparsable. */
export function evalCfg(text: string, features: ReadonlySet<string>): boolean | undefined {
  const toks = lex(text);
  if (!toks) return undefined;
  let i = 0;
  const pred = (): boolean | undefined => {
    const head = toks[i++];
    if (head?.t !== 'id') return undefined;
    const next = toks[i];
    if (next?.t === 'p' && next.v === '=') {
      i++;
      const value = toks[i++];
      if (value?.t !== 'str') return undefined;
      return head.v === 'feature' ? features.has(value.v) : ON_PAIRS.has(`${head.v}=${value.v}`);
    }
    if (next?.t === 'p' && next.v === '(') {
      i++;
      const args: boolean[] = [];
      while (toks[i] && !(toks[i]?.t === 'p' && toks[i]?.v === ')')) {
        const a = pred();
        if (a === undefined) return undefined;
        args.push(a);
        if (toks[i]?.t === 'p' && toks[i]?.v === ',') i++;
      }
      if (!(toks[i]?.t === 'p' && toks[i]?.v === ')')) return undefined;
      i++;
      if (head.v === 'all') return args.every(Boolean);
      if (head.v === 'any') return args.some(Boolean);
      if (head.v === 'not') return args.length === 1 ? !args[0] : undefined;
      return undefined;
    }
    return ON.has(head.v);
  };
  const v = pred();
  return i === toks.length ? v : undefined;
}

/** The features a package has with its default features on (the closure of `default` over its own features). */
export function defaultFeatures(pkg: WorkspacePackage): Set<string> {
  const on = new Set<string>();
  const visit = (f: string): void => {
    if (on.has(f) || f.startsWith('dep:') || f.includes('/')) return;
    on.add(f);
    for (const g of pkg.features[f] ?? []) visit(g);
  };
  if (pkg.features.default) visit('default');
  return on;
}

/** The features a check selects beyond the defaults (`rustgate.yaml` `preflight.features` / `all_features`). */
export interface FeatureSelection {
  /** `name` (every package that has it) or `package/name`, as cargo's `--features` takes them. */
  features?: readonly string[];
  allFeatures?: boolean;
}

/** The features on for `pkg` under `sel`: its defaults plus the selected ones, closed over what each enables. */
export function selectedFeatures(pkg: WorkspacePackage, sel: FeatureSelection | undefined): Set<string> {
  const on = defaultFeatures(pkg);
  if (!sel) return on;
  const visit = (f: string): void => {
    if (on.has(f) || f.startsWith('dep:') || f.includes('/')) return;
    on.add(f);
    for (const g of pkg.features[f] ?? []) visit(g);
  };
  if (sel.allFeatures) for (const f of Object.keys(pkg.features)) visit(f);
  for (const f of sel.features ?? []) {
    const slash = f.indexOf('/');
    if (slash < 0) {
      if (f in pkg.features) visit(f);
    } else if (f.slice(0, slash) === pkg.name) visit(f.slice(slash + 1));
  }
  return on;
}

/** True unless some predicate is known to be off (an unparsable predicate counts as on). */
export function cfgActive(preds: readonly string[] | undefined, features: ReadonlySet<string>): boolean {
  if (!preds) return true;
  return preds.every((p) => evalCfg(p, features) !== false);
}
