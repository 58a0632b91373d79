#!/bin/sh
# rustgate-hook v2 chain: runs the @@HOOK@@ hook of core.hooksPath=@@FROM@@, which ran before `rustgate hooks install`
# pointed core.hooksPath here; `rustgate hooks uninstall` removes this file.
[ -x @@PREV@@ ] || exit 0
exec @@PREV@@ "$@"
