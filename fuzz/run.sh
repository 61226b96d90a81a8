#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every fuzzer (or the ones named) for SECONDS each, starting from the
# seed corpus in fuzz/corpus/TARGET; new inputs go to fuzz/out/corpus-TARGET
# and crashes to fuzz/out/crash-*; the whole log to fuzz/out/log-TARGET.txt.
# Runs at nice 19: the machine is shared.  A unit slower than FUZZ_TIMEOUT
# seconds (default 120) counts as a hang: at nice 19 on two cores with a load
# of 10+, a 0.5 s input was once starved past a 20 s limit.
#   fuzz/run.sh SECONDS [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(pdf docx docx-xml odt odt-xml rtf html text email mbox dispatch)
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/out/corpus-$t"
  seeds="fuzz/corpus/$t"
  [[ -d $seeds ]] || seeds="fuzz/corpus/dispatch"
  echo "== $t (${secs}s)"
  LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp OMP_THREAD_LIMIT=1 nice -n 19 fuzz/out/fuzz-$t -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-120}" -rss_limit_mb=2048 \
    -max_len=262144 -artifact_prefix="fuzz/out/crash-$t-" -print_final_stats=1 \
    "fuzz/out/corpus-$t" "$seeds" 2>&1 | tee "fuzz/out/log-$t.txt" | grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Test unit written" || true
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done
exit $status
