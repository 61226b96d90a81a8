/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sl-test-util.h"

#include <glib/gstdio.h>

void
sl_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      sl_test_rm_rf (child);
    }
  g_rmdir (path);
}

char *
sl_test_make_home (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  return home;
}
