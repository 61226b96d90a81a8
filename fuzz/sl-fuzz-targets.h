/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-fuzz-targets.h: the entry points the parser fuzzers drive, shared by
 * the libFuzzer harness (fuzz/fuzz-parsers.c, clang) and the regression
 * replay test (tests/test-fuzz-regressions.c, gcc, meson test).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL-terminated: rules, llm-answer, query, csv, json-resume, extract. */
const char * const *sl_fuzz_target_names (void);

/* Runs one input through @target.  Aborts (__builtin_trap) when an
 * invariant breaks (a result and an error, neither, invalid UTF-8 out).
 * Returns FALSE for an unknown target. */
gboolean sl_fuzz_run (const char   *target,
                      const guint8 *data,
                      gsize         size);

G_END_DECLS
