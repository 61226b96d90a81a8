/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-fuzz-regressions: replays the seed corpus (fuzz/corpus/TARGET) and
 * every input a fuzzer once crashed on (fuzz/regressions/TARGET) through the
 * same entry points the libFuzzer harnesses drive (fuzz/sl-fuzz-targets.c),
 * in the normal gcc build, so a fixed crash stays fixed.
 */
#include "config.h"

#include <glib.h>

#include "../fuzz/sl-fuzz-targets.h"

static guint
replay_dir (const char *target,
            const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", target, path);
      g_assert_true (sl_fuzz_run (target, (const guint8 *) data, len));
    }
  return files->len;
}

static void
test_target (gconstpointer data)
{
  const char *target = data;
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", target, NULL);
  g_autofree char *crashers = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "regressions", target, NULL);
  guint n = replay_dir (target, seeds) + replay_dir (target, crashers);

  /* The extractor seeds live per MIME type. */
  if (g_str_equal (target, "extract"))
    {
      const char *kinds[] = { "dispatch", "pdf", "docx", "odt", "rtf", "html", "text", "email", "mbox" };
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", kinds[i], NULL);
          n += replay_dir (target, dir);
        }
    }
  /* Every target has at least a seed: an empty replay would prove nothing. */
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *names = sl_fuzz_target_names ();

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", names[i]);
      g_test_add_data_func (path, names[i], test_target);
    }
  return g_test_run ();
}
