#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds one libFuzzer binary per extractor with clang (-fsanitize=fuzzer,address)
# into fuzz/out/.  Separate from the meson build, which uses gcc.
#   fuzz/build.sh            (everything)
#   fuzz/build.sh parsers    (only the parser targets)
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/out
mkdir -p "$out"
cat > "$out/config.h" <<'H'
#define PACKAGE_VERSION "fuzz"
#define GETTEXT_PACKAGE "shortlist"
H
pkgs="glib-2.0 gio-2.0 poppler-glib poppler cairo libxml-2.0 libarchive gmime-3.0 tesseract lept libclamav nettle"
cflags="$(pkg-config --cflags $pkgs) -I$out -Isrc -g -O1 -fno-omit-frame-pointer -DG_LOG_DOMAIN=\"shortlist-fuzz\""
libs="$(pkg-config --libs $pkgs) -lm -lstdc++"
srcs="src/core/sl-document.c src/core/sl-util.c $(ls src/extract/*.c)"

if [[ ${1:-all} != parsers ]]; then
# Objects once, with coverage for the fuzzer; harnesses link them.
objs=()
for s in $srcs; do
  o="$out/$(basename "${s%.c}").o"
  clang -fsanitize=fuzzer-no-link,address $cflags -c "$s" -o "$o"
  objs+=("$o")
done
# the PDF page walk is C++ (poppler's core API)
for s in src/extract/*.cc; do
  o="$out/$(basename "${s%.cc}").o"
  clang++ -std=c++17 -fsanitize=fuzzer-no-link,address $cflags -c "$s" -o "$o"
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
fi

# The parsers (fuzz/sl-fuzz-targets.c): rule parser, LLM answer parser,
# search query parser, CSV and JSON Resume importers, and the dispatcher.
# These link most rooms, so compile those too (their GResources generated).
ppkgs="$pkgs json-glib-1.0 sqlite3 libsoup-3.0 libsecret-1"
pcflags="$(pkg-config --cflags $ppkgs) -I$out -Isrc -Ifuzz -g -O1 -fno-omit-frame-pointer -DG_LOG_DOMAIN=\"shortlist-fuzz\""
plibs="$(pkg-config --libs $ppkgs) -lm -lstdc++"
glib-compile-resources --generate-source --c-name sl_skills --sourcedir data/skills \
  --target "$out/sl-skills-resources.c" data/skills/skills.gresource.xml
glib-compile-resources --generate-source --c-name sl_llm --sourcedir resources/llm \
  --target "$out/sl-llm-resources.c" resources/llm/sl-llm.gresource.xml
glib-compile-resources --generate-header --c-name sl_skills --sourcedir data/skills \
  --target "$out/sl-skills-resources.h" data/skills/skills.gresource.xml
glib-compile-resources --generate-header --c-name sl_llm --sourcedir resources/llm \
  --target "$out/sl-llm-resources.h" resources/llm/sl-llm.gresource.xml
pobjs=()
for s in $(ls src/core/*.c src/parse/*.c src/store/*.c src/llm/*.c src/export/*.c src/extract/*.c) \
         "$out/sl-skills-resources.c" "$out/sl-llm-resources.c" fuzz/sl-fuzz-targets.c; do
  o="$out/p-$(basename "${s%.c}").o"
  if [[ ! -f $o || $s -nt $o ]]; then
    clang -fsanitize=fuzzer-no-link,address,undefined $pcflags -c "$s" -o "$o"
  fi
  pobjs+=("$o")
done
for s in src/extract/*.cc; do
  o="$out/p-$(basename "${s%.cc}").o"
  if [[ ! -f $o || $s -nt $o ]]; then
    clang++ -std=c++17 -fsanitize=fuzzer-no-link,address,undefined $pcflags -c "$s" -o "$o"
  fi
  pobjs+=("$o")
done
for t in rules llm-answer query csv json-resume; do
  clang -fsanitize=fuzzer,address,undefined $pcflags -DFUZZ_TARGET="\"$t\"" \
    fuzz/fuzz-parsers.c "${pobjs[@]}" $plibs -o "$out/fuzz-$t"
done
echo "built parsers: rules llm-answer query csv json-resume"
