#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds one libFuzzer binary per extractor with clang (-fsanitize=fuzzer,address)
# into fuzz/out/.  Separate from the meson build, which uses gcc.
#   fuzz/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/out
mkdir -p "$out"
cat > "$out/config.h" <<'H'
#define PACKAGE_VERSION "fuzz"
#define GETTEXT_PACKAGE "shortlist"
H
pkgs="glib-2.0 gio-2.0 poppler-glib cairo libxml-2.0 libarchive gmime-3.0 tesseract lept libclamav"
cflags="$(pkg-config --cflags $pkgs) -I$out -Isrc -g -O1 -fno-omit-frame-pointer -DG_LOG_DOMAIN=\"shortlist-fuzz\""
libs="$(pkg-config --libs $pkgs) -lm"
srcs="src/core/sl-document.c src/core/sl-util.c $(ls src/extract/*.c)"

# Objects once, with coverage for the fuzzer; harnesses link them.
objs=()
for s in $srcs; do
  o="$out/$(basename "${s%.c}").o"
  clang -fsanitize=fuzzer-no-link,address $cflags -c "$s" -o "$o"
  objs+=("$o")
done

declare -A targets=(
  [pdf]="application/pdf"
  [docx]="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  [odt]="application/vnd.oasis.opendocument.text"
  [rtf]="application/rtf"
  [html]="text/html"
  [text]="text/plain"
  [email]="message/rfc822"
  [mbox]="application/mbox"
)
for t in "${!targets[@]}"; do
  clang -fsanitize=fuzzer,address $cflags -DFUZZ_MIME="\"${targets[$t]}\"" \
    fuzz/fuzz-extract.c "${objs[@]}" $libs -o "$out/fuzz-$t"
done
clang -fsanitize=fuzzer,address $cflags fuzz/fuzz-extract.c "${objs[@]}" $libs -o "$out/fuzz-dispatch"
# The XML inside the containers, wrapped in a fresh zip per input.
clang -fsanitize=fuzzer,address $cflags -DFUZZ_MIME="\"${targets[docx]}\"" -DFUZZ_ZIP_MEMBER='"word/document.xml"' \
  fuzz/fuzz-extract.c "${objs[@]}" $libs -o "$out/fuzz-docx-xml"
clang -fsanitize=fuzzer,address $cflags -DFUZZ_MIME="\"${targets[odt]}\"" -DFUZZ_ZIP_MEMBER='"content.xml"' \
  fuzz/fuzz-extract.c "${objs[@]}" $libs -o "$out/fuzz-odt-xml"
echo "built: $(ls $out | grep '^fuzz-' | tr '\n' ' ')"
