#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test program inside a private D-Bus session with an unlocked
# gnome-keyring in a throwaway home (see MACHINE.md "libsecret in tests").
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
dbus-run-session -- sh -c '
  printf "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  SL_TEST_KEYRING=1 exec "$@"' sh "$@"
# gnome-keyring-daemon leaves when its session bus goes away.
