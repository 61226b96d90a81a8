/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-traces.h: the byte search behind the erase tests: which of the
 * database files (db, -wal, -shm, -journal) and which files under the
 * archive still contain a string.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the file at @path holds the bytes of @needle. */
gboolean  sl_test_file_contains (const char *path,
                                 const char *needle);

/* Appends "PATH\n" for every regular file under @dir (recursively) that
 * holds @needle. */
void      sl_test_find_in_tree  (const char *dir,
                                 const char *needle,
                                 GString    *hits);

/* The files of the database at @db_path and under @archive_dir (nullable)
 * that hold @needle, one per line; "" when none. */
char     *sl_test_traces_of     (const char *db_path,
                                 const char *archive_dir,
                                 const char *needle) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
