#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test program inside a private D-Bus session with an unlocked
# gnome-keyring in a throwaway home (see MACHINE.md "libsecret in tests").
# The unlock password is a throwaway too: given one, gnome-keyring creates
# the "login" collection and unlocks it, so the default collection the app
# stores into exists without a prompt (an empty one leaves it missing).
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
# The bus and the keyring daemon (also when D-Bus starts it again) run
# without the tests' G_DEBUG=fatal-warnings: a warning of gnome-keyring's
# own must not kill it half way through a test; the test gets it back.
SL_TEST_G_DEBUG=${G_DEBUG-} env -u G_DEBUG dbus-run-session -- sh -c '
  printf "shortlist-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  G_DEBUG=$SL_TEST_G_DEBUG SL_TEST_KEYRING=1 exec "$@"' sh "$@"
# gnome-keyring-daemon leaves when its session bus goes away.
