/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-util.h: small helpers every test program (and the benchmarks)
 * share.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path: a file, or a folder with everything below it.  Missing
 * paths are fine.  Does not follow symbolic links to folders. */
void sl_test_rm_rf (const char *path);

/* A new temp folder (g_dir_make_tmp with @tmpl, e.g. "shortlist-XXXXXX")
 * that XDG_CACHE_HOME and XDG_DATA_HOME point to, so nothing the program
 * under test writes reaches the user's folders.  Aborts the test when it
 * cannot be made. */
char *sl_test_make_home (const char *tmpl) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
