#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Shortlist on its embedded
# default database ($XDG_DATA_HOME/shortlist/shortlist.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
if [[ -x build/src/app/shortlist ]]; then
  exec build/src/app/shortlist "$@"
fi
exec build/src/cli/shortlist-cli stats
