// ESLint flat config. The no-restricted-imports block enforces the layering in ARCHITECTURE.md:
// the pure core may not reach I/O, processes, the database, the parser, git or GitHub.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process', 'node:net', 'node:http',
  'node:https', 'execa', 'simple-git', 'cozo-lib-wasm', 'cozo-node', 'tree-sitter', 'tree-sitter-rust',
  'node-llama-cpp', '@actions/core', '@actions/github', 'vscode-jsonrpc', 'husky',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.work/**', 'test/fixtures/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'src/core is pure: do I/O in an adapter (see ARCHITECTURE.md).' })),
        patterns: [{ group: ['**/adapters/**', '**/store/**', '**/cli/**', '**/action/**', '**/app/**'], message: 'src/core may not import outer layers.' }],
      }],
      'no-console': 'error',
    },
  },
);
