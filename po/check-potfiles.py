#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is not listed in
po/POTFILES.in, or when POTFILES.in lists a file that does not exist.

Translatable means: a gettext marker in C (_("…"), N_("…"), C_(…), NC_(…),
Q_(…), ngettext/g_dngettext/g_dgettext calls), translatable="yes" in a .ui
or other XML file, a GSettings schema with summaries or descriptions, and
every .desktop.in / .metainfo.xml.in (their fields are translatable by
default)."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
SEARCH = ["src", "resources", "data"]
C_MARK = re.compile(r'(?<![A-Za-z0-9])(?:N?C_|N_|Q_|_)\s*\(\s*"|\b(?:n|dn|dcn|g_dn|g_d|g_dc|g_dpg)gettext\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
SCHEMA_MARK = re.compile(r"<(?:summary|description)>")


def needs_translation(rel, text):
    if rel.endswith((".c", ".h")):
        return C_MARK.search(text) is not None
    if rel.endswith((".desktop.in", ".metainfo.xml.in", ".appdata.xml.in")):
        return True
    if rel.endswith(".gschema.xml"):
        return SCHEMA_MARK.search(text) is not None
    if rel.endswith((".ui", ".xml", ".blp")):
        return UI_MARK.search(text) is not None
    return False


listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

problems = []
for rel in sorted(listed):
    if not os.path.exists(os.path.join(root, rel)):
        problems.append(f"POTFILES.in lists {rel}, which does not exist")

for top in SEARCH:
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if needs_translation(rel, text) and rel not in listed:
                problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

print("1..1")
if problems:
    for p in problems:
        print(f"# {p}")
    print("not ok 1 - POTFILES.in is complete")
    sys.exit(1)
print(f"ok 1 - POTFILES.in is complete ({len(listed)} files)")
