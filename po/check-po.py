#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS has a .po file that compiles with
`msgfmt --check` and has no untranslated or fuzzy messages."""
import os
import subprocess
import sys

podir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
with open(os.path.join(podir, "LINGUAS"), encoding="utf-8") as f:
    langs = [l.strip() for l in f if l.strip() and not l.startswith("#")]

print(f"1..{max(len(langs), 1)}")
if not langs:
    print("ok 1 # SKIP no languages")
    sys.exit(0)
failed = False
for i, lang in enumerate(langs, 1):
    po = os.path.join(podir, f"{lang}.po")
    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    stats = (r.stderr or "").strip().splitlines()
    summary = stats[-1] if stats else ""
    ok = r.returncode == 0 and "untranslated" not in summary and "fuzzy" not in summary
    print(f"{'ok' if ok else 'not ok'} {i} - {lang}.po: {summary}")
    if not ok:
        for line in stats[:-1]:
            print(f"# {line}")
        failed = True
sys.exit(1 if failed else 0)
