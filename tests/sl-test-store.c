/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-store.c: see sl-test-store.h.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "sl-test-store.h"
#include "sl-test-util.h"

void
sl_test_store_open (SlTestStore *t,
                    const char  *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *templ = g_strdup_printf ("shortlist-%s-XXXXXX", prefix);

  t->dir = g_dir_make_tmp (templ, &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "shortlist.db", NULL);
  t->store = sl_store_open (t->path, &error);
  g_assert_no_error (error);
}

void
sl_test_store_close (SlTestStore *t)
{
  if (t->store != NULL)
    g_assert_finalize_object (t->store);
  t->store = NULL;
  sl_test_rm_rf (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->path, g_free);
}

gint64
sl_test_count (const char *db_path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

gboolean
sl_test_file_contains (const char *path,
                       const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem (data, len, needle, strlen (needle)) != NULL;
}
