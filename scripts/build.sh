#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds into the given build directory.
#   scripts/build.sh BUILDDIR [meson options...]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
shift || true
if [[ ! -f "$builddir/build.ninja" ]]; then
  meson setup "$builddir" "$@"
else
  meson configure "$builddir" "$@" >/dev/null
fi
ninja -C "$builddir"
