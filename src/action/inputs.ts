/**
 * The Action's inputs and outputs, mirroring action.yml one to one, and their validation.
 * A test checks that the names and defaults here and in action.yml agree.
 */

/** Input names, defaults and allowed values, exactly as declared in action.yml. */
export const Inputs = {
  mode: { name: 'mode', default: 'preflight', values: ['preflight', 'fix', 'affected'] },
  githubToken: { name: 'github-token', default: '${{ github.token }}' },
  workingDirectory: { name: 'working-directory', default: '.' },
  features: { name: 'features', default: '' },
  tests: { name: 'tests', default: 'false' },
  failOn: { name: 'fail-on', default: 'error', values: ['error', 'warning', 'never'] },
  sarifFile: { name: 'sarif-file', default: 'rustgate.sarif' },
  maxSuggestions: { name: 'max-suggestions', default: '20' },
  llm: { name: 'llm', default: 'none', values: ['none', 'local'] },
  model: { name: 'model', default: '' },
  packages: { name: 'packages', default: '' },
  shards: { name: 'shards', default: '1' },
  allowPullRequestTarget: { name: 'allow-pull-request-target', default: 'false' },
} as const;

/** Output names, exactly as declared in action.yml. */
export const Outputs = {
  ok: 'ok',
  errors: 'errors',
  warnings: 'warnings',
  sarifFile: 'sarif-file',
  fixed: 'fixed',
  reviewId: 'review-id',
  affectedPackages: 'packages',
  affectedShards: 'shards',
  affectedAll: 'all',
} as const;

/** Validated inputs. */
export interface ActionInputs {
  mode: 'preflight' | 'fix' | 'affected';
  githubToken: string;
  workingDirectory: string;
  features: string;
  tests: boolean;
  failOn: 'error' | 'warning' | 'never';
  sarifFile: string;
  maxSuggestions: number;
  llm: 'none' | 'local';
  model: string;
  /** Workspace packages to check (`preflight --packages`), e.g. one shard of the affected mode's output. */
  packages: string[];
  /** How many shards the affected mode splits the packages into (1-256). */
  shards: number;
  /** Build the head of a pull_request_target event anyway (the author has opted in knowingly). */
  allowPullRequestTarget: boolean;
}

/** Reads one raw input ('' when unset), like `core.getInput`. */
export type InputReader = (name: string) => string;

/** Reads and validates every input; returns all problems at once so the user fixes them in one go. */
export function readInputs(get: InputReader): { ok: true; inputs: ActionInputs } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const raw = (key: keyof typeof Inputs): string => {
    const v = get(Inputs[key].name).trim();
    return v === '' && !Inputs[key].default.startsWith('${{') ? Inputs[key].default : v;
  };
  const oneOf = <T extends string>(key: 'mode' | 'failOn' | 'llm'): T => {
    const v = raw(key);
    const allowed: readonly string[] = Inputs[key].values;
    if (!allowed.includes(v)) problems.push(`input '${Inputs[key].name}' is '${v}'; expected one of: ${allowed.join(', ')}`);
    return v as T;
  };
  const mode = oneOf<ActionInputs['mode']>('mode');
  const failOn = oneOf<ActionInputs['failOn']>('failOn');
  const llm = oneOf<ActionInputs['llm']>('llm');
  const bool = (key: 'tests' | 'allowPullRequestTarget'): boolean => {
    const v = raw(key).toLowerCase();
    if (!['true', 'false'].includes(v)) problems.push(`input '${Inputs[key].name}' is '${raw(key)}'; expected true or false`);
    return v === 'true';
  };
  const tests = bool('tests');
  const allowPullRequestTarget = bool('allowPullRequestTarget');
  const packages = raw('packages').split(/[\s,]+/).filter(Boolean);
  const badPackage = packages.find((p) => !/^[A-Za-z0-9_.@:+-]+$/.test(p));
  if (badPackage !== undefined) problems.push(`input 'packages' names '${badPackage}'; expected comma-separated cargo package names`);
  const shardsRaw = raw('shards');
  const shards = Number(shardsRaw);
  if (!/^\d+$/.test(shardsRaw) || shards < 1 || shards > 256) problems.push(`input 'shards' is '${shardsRaw}'; expected a whole number from 1 to 256`);
  const maxRaw = raw('maxSuggestions');
  const maxSuggestions = Number(maxRaw);
  if (!/^\d+$/.test(maxRaw) || maxSuggestions > 100) problems.push(`input 'max-suggestions' is '${maxRaw}'; expected a whole number from 0 to 100`);
  const githubToken = raw('githubToken');
  if (mode === 'fix' && githubToken === '') problems.push(`input 'github-token' is empty; fix mode needs a token with pull-requests: write`);
  const sarifFile = raw('sarifFile');
  if (sarifFile === '') problems.push(`input 'sarif-file' is empty`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    inputs: {
      mode,
      githubToken,
      workingDirectory: raw('workingDirectory'),
      features: raw('features'),
      tests,
      failOn,
      sarifFile,
      maxSuggestions,
      llm,
      model: raw('model'),
      packages,
      shards,
      allowPullRequestTarget,
    },
  };
}
