/**
 * The Action's inputs and outputs, mirroring action.yml one to one, and their validation.
 * A test checks that the names and defaults here and in action.yml agree.
 */

/** Input names, defaults and allowed values, exactly as declared in action.yml. */
export const Inputs = {
  mode: { name: 'mode', default: 'preflight', values: ['preflight', 'fix'] },
  githubToken: { name: 'github-token', default: '${{ github.token }}' },
  workingDirectory: { name: 'working-directory', default: '.' },
  features: { name: 'features', default: '' },
  tests: { name: 'tests', default: 'false' },
  failOn: { name: 'fail-on', default: 'error', values: ['error', 'warning', 'never'] },
  sarifFile: { name: 'sarif-file', default: 'rustgate.sarif' },
  maxSuggestions: { name: 'max-suggestions', default: '20' },
  llm: { name: 'llm', default: 'none', values: ['none', 'local'] },
  model: { name: 'model', default: '' },
} as const;

/** Output names, exactly as declared in action.yml. */
export const Outputs = {
  ok: 'ok',
  errors: 'errors',
  warnings: 'warnings',
  sarifFile: 'sarif-file',
  fixed: 'fixed',
  reviewId: 'review-id',
} as const;

/** Validated inputs. */
export interface ActionInputs {
  mode: 'preflight' | 'fix';
  githubToken: string;
  workingDirectory: string;
  features: string;
  tests: boolean;
  failOn: 'error' | 'warning' | 'never';
  sarifFile: string;
  maxSuggestions: number;
  llm: 'none' | 'local';
  model: string;
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
  const testsRaw = raw('tests').toLowerCase();
  if (!['true', 'false'].includes(testsRaw)) problems.push(`input 'tests' is '${raw('tests')}'; expected true or false`);
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
      tests: testsRaw === 'true',
      failOn,
      sarifFile,
      maxSuggestions,
      llm,
      model: raw('model'),
    },
  };
}
