#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes screenshots of each page of the app, in light and dark mode, into
# docs/screenshots/ (the AppStream metainfo points at them). Runs the app
# under its own Xvfb on a temp database filled with the bundled sample
# resumes (imported by shortlist-cli, i.e. the same pipeline as the app).
#   scripts/screenshots.sh [BUILDDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
[[ -x "$builddir/src/app/shortlist" ]] || scripts/build.sh "$builddir"

out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/shortlist.db"

export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 LC_ALL=C.UTF-8 TZ=UTC

if ! "$builddir/src/cli/shortlist-cli" --db "$db" import data/samples >"$tmp/import.log" 2>&1; then
  echo "screenshots: importing the sample resumes failed:" >&2
  cat "$tmp/import.log" >&2
  exit 1
fi
# A job with a shortlist for the Jobs page, through the rank room's API
# (tests/demo-shortlist is built once the rank room's scoring is in).
if [[ -x "$builddir/tests/demo-shortlist" ]] &&
   ! "$builddir/tests/demo-shortlist" "$db" data/jobs/backend-engineer.txt >>"$tmp/import.log" 2>&1; then
  echo "screenshots: making the demo shortlist failed:" >&2
  cat "$tmp/import.log" >&2
  exit 1
fi

# The title buttons GNOME shows (close only); GTK alone adds minimize and
# maximize.
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' >"$XDG_CONFIG_HOME/gtk-4.0/settings.ini"

shoot() { # scheme name db args...  (SHOT_WIDTH=360 for a phone-sized window)
  local scheme=$1 name=$2 shot_db=$3; shift 3
  local width=${SHOT_WIDTH:-1100} settings="export GSETTINGS_BACKEND=memory"
  if [[ $width != 1100 ]]; then
    # The window's size comes from its settings: a key file just for this.
    mkdir -p "$tmp/narrow/glib-2.0/settings"
    printf '[io/github/shortlist/Shortlist]\nwindow-width=%d\nwindow-height=720\n' "$width" \
      >"$tmp/narrow/glib-2.0/settings/keyfile"
    settings="export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$tmp/narrow"
    cp -r "$XDG_CONFIG_HOME/gtk-4.0" "$tmp/narrow/"
    # Without a compositor GTK draws a 5 px frame on each side.
    width=$((width + 10))
  fi
  cat >"$tmp/run.sh" <<RUN
#!/usr/bin/env bash
export ADW_DEBUG_COLOR_SCHEME=$scheme
$settings
"$PWD/$builddir/src/app/shortlist" --db "$shot_db" $* &
pid=\$!
sleep 8
import -window root -crop ${width}x720+0+0 +repage "$PWD/$out/$name.png"
kill \$pid
wait \$pid 2>/dev/null || true
RUN
  chmod +x "$tmp/run.sh"
  xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/run.sh"
  echo "screenshots: $out/$name.png"
}

# The Imports page shows a batch as it happens: the samples given to the
# app on the command line, into a database of its own.
samples=$(ls "$PWD"/data/samples/* | tr '\n' ' ')
for scheme in ${SCHEMES:-light dark}; do
  adw=prefer-$scheme
  shoot "$adw" "candidates-$scheme" "$db" --page candidates
  shoot "$adw" "profile-$scheme" "$db" --open-first
  shoot "$adw" "imports-$scheme" "$tmp/imports-$scheme.db" --page imports $samples
  shoot "$adw" "statistics-$scheme" "$db" --page statistics
  shoot "$adw" "jobs-ranking-$scheme" "$db" --page jobs/ranking
  shoot "$adw" "jobs-shortlist-$scheme" "$db" --page jobs/shortlist
  # A phone-sized window (360 px): the list, then a profile.
  SHOT_WIDTH=360 shoot "$adw" "narrow-candidates-$scheme" "$db" --page candidates
  SHOT_WIDTH=360 shoot "$adw" "narrow-profile-$scheme" "$db" --open-first
done
