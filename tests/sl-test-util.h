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

G_END_DECLS
