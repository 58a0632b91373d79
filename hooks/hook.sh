#!/usr/bin/env sh
# rustgate @@HOOK@@ hook, installed by `rustgate hooks install` (undo with `rustgate hooks uninstall`).
# Skip rustgate once: RUSTGATE=0 git @@GITCMD@@ …   Skip every hook: git @@GITCMD@@ --no-verify
@@CHAIN@@
[ "${RUSTGATE-}" = "0" ] && { echo "rustgate: @@HOOK@@ check skipped (RUSTGATE=0)"; exit 0; }
n=@@NODE@@; [ -x "$n" ] || n=node
[ -f @@CLI_FILE@@ ] && exec "$n" @@CLI_ARGS@@ hooks run @@HOOK@@ --repo @@REPO@@ "$@"
exec npx --no-install rustgate hooks run @@HOOK@@ --repo @@REPO@@ "$@"
