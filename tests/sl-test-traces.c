/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-traces.c: searching files for the bytes of a string (see the
 * header).
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <string.h>

#include "sl-test-traces.h"

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

void
sl_test_find_in_tree (const char *dir,
                      const char *needle,
                      GString    *hits)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sl_test_find_in_tree (child, needle, hits);
      else if (sl_test_file_contains (child, needle))
        g_string_append_printf (hits, "%s\n", child);
    }
  g_dir_close (d);
}

char *
sl_test_traces_of (const char *db_path,
                   const char *archive_dir,
                   const char *needle)
{
  GString *hits = g_string_new (NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (db_path, suffixes[i], NULL);
      if (sl_test_file_contains (p, needle))
        g_string_append_printf (hits, "%s\n", p);
    }
  if (archive_dir != NULL)
    sl_test_find_in_tree (archive_dir, needle, hits);
  return g_string_free (hits, FALSE);
}
