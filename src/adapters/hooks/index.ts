/** Git hooks per clone: install/uninstall with chaining of existing hooks, and what a push sends. */
export { HOOK_MARKER, installHooks, uninstallHooks, RUSTGATE_HOOKS, shQuote, type HookCli, type InstallResult, type RustgateHook, type UninstallResult } from './install.js';
export { parsePushLines, planPush, type PushPlan, type PushUpdate } from './push.js';
export { openHookRepo } from './config.js';
