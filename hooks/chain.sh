#!/usr/bin/env sh
# Runs a git hook that was installed before rustgate took over core.hooksPath (written by `rustgate hooks install`).
@@CHAIN@@
