#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with -Dwerror=true and runs the whole test
# suite under Xvfb (the GTK tests need a display; PostgreSQL tests start their
# own throwaway cluster).  Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 2

builddir=${SHORTLIST_TEST_BUILDDIR:-build-test}
scripts/build.sh "$builddir" -Dwerror=true || { echo "0 passed, 1 failed"; exit 1; }

status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?

# The same suite again with AddressSanitizer + UndefinedBehaviorSanitizer
# (second build dir; ~3 min build + ~2.5 min tests on 2 cores).  Leak
# detection is off: GLib/GTK/fontconfig/poppler keep one-time allocations
# that LSan reports and that are not ours; the fuzzers (fuzz/) do check
# leaks in our parsers.  UBSan stops at the first report.
# SHORTLIST_TEST_NO_ASAN=1 skips it.
asandir=${SHORTLIST_TEST_ASAN_BUILDDIR:-build-asan}
if [[ -z ${SHORTLIST_TEST_NO_ASAN:-} ]]; then
  if scripts/build.sh "$asandir" -Db_sanitize=address,undefined -Dbuildtype=debugoptimized; then
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      xvfb-run -a -s "-screen 0 1280x800x24" \
      meson test -C "$asandir" --print-errorlogs --num-processes 2 -t 3 || status=$?
  else
    echo "sanitizer build failed"; status=1
  fi
fi

python3 - "$builddir/meson-logs/testlog.json" ${SHORTLIST_TEST_NO_ASAN:+--} "$asandir/meson-logs/testlog.json" <<'PY'
import json, sys
import os
passed = failed = skipped = 0
logs = [p for p in sys.argv[1:] if p != "--"]
if "--" in sys.argv:
    logs = logs[:1]
lines = []
for p in logs:
    if os.path.exists(p):
        lines += open(p).readlines()
for line in lines:
    r = json.loads(line)
    res = r.get("result")
    if res in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif res == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
