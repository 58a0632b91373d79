/** Git hooks through husky: install/uninstall with chaining of existing hooks, and what a hook runs. */
export { installHooks, uninstallHooks, RUSTGATE_HOOKS, shQuote, type HookCli, type InstallResult, type RustgateHook, type UninstallResult } from './install.js';
export { pushBase, runHook, type HookRunOptions } from './run.js';
