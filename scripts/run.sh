#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Shortlist on its embedded
# default database ($XDG_DATA_HOME/shortlist/shortlist.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
if [[ -x build/src/app/shortlist ]]; then
  # The uninstalled app finds its GSettings schema in the build dir.
  export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  exec build/src/app/shortlist "$@"
fi
exec build/src/cli/shortlist-cli stats
