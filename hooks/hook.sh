#!/bin/sh
# rustgate @@HOOK@@ hook (rustgate-hook v2), written by `rustgate hooks install`; `rustgate hooks uninstall` removes it.
# It lives in this clone's git directory, not in a tracked file, and finds its repository through git at run time.
# Skip rustgate once: RUSTGATE=0 git @@GITCMD@@ …   Skip every hook: git @@GITCMD@@ --no-verify
@@CHAIN@@
[ "${RUSTGATE-}" = "0" ] && { echo "rustgate: @@HOOK@@ check skipped (RUSTGATE=0)" >&2; exit 0; }
set -- hooks run @@HOOK@@@@WORKSPACE@@ -- "$@"
# rustgate on PATH, else the project's node_modules/.bin, else the CLI that installed this hook, else npx.
command -v rustgate >/dev/null 2>&1 && exec rustgate "$@"
@@LOCAL@@
@@INSTALLER@@
command -v npx >/dev/null 2>&1 && npx --no-install rustgate --version >/dev/null 2>&1 && exec npx --no-install rustgate "$@"
echo "rustgate: the @@HOOK@@ hook cannot find rustgate: not on PATH, not in node_modules/.bin, not at the CLI that installed it, not through npx." >&2
echo "  Install it (npm install -g rustgate), skip it once with RUSTGATE=0 git @@GITCMD@@ …, or remove it with rustgate hooks uninstall." >&2
exit 1
