/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-export: does exporting stream?  For each row count (default 1,000
 * and 100,000) a store is generated in a temporary folder by a child
 * process, then CSV and JSON Resume exports to /dev/null run in fresh child
 * processes, each reporting its time and its peak resident memory
 * (getrusage ru_maxrss).  Streaming means the peak does not grow with the
 * number of rows.
 *
 *   bench-export [--rows 1000,100000]
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/sl-profile.h"
#include "export/sl-export.h"
#include "store/sl-store.h"

static const char *skills[] = { "Python", "Rust", "SQL", "Kubernetes", "React", "Go", "Java",
                                "Terraform", "PostgreSQL", "Figma", "Excel", "SAP" };
static const char *companies[] = { "Acme", "Globex, Inc.", "Initech", "Umbrella", "Hooli", "Stark" };
static const char *titles[] = { "Data Engineer", "Backend Developer", "Product Manager",
                                "=Designer", "Site Reliability Engineer" };

static SlProfile *
generate (guint i)
{
  SlProfile *p = sl_profile_new ();

  p->personal.name = g_strdup_printf ("Candidate Number %u", i);
  p->personal.email = g_strdup_printf ("candidate%u@example.org", i);
  p->personal.phone = g_strdup_printf ("+49 30 %07u", i);
  p->personal.location = g_strdup (i % 2 ? "Berlin, Germany" : "Lisbon, Portugal");
  p->personal.summary = g_strdup ("Ships things. Likes \"quotes\", commas, and\nnew lines.");
  for (guint w = 0; w < 3; w++)
    {
      SlWorkEntry *e = sl_work_entry_new ();
      e->company = g_strdup (companies[(i + w) % G_N_ELEMENTS (companies)]);
      e->title = g_strdup (titles[(i + w) % G_N_ELEMENTS (titles)]);
      e->start = g_strdup_printf ("%u-%02u", 2010 + w * 4, 1 + i % 12);
      e->end = w == 2 ? NULL : g_strdup_printf ("%u-%02u", 2014 + w * 4, 1 + i % 12);
      e->current = w == 2;
      e->description = g_strdup ("Built the thing.\n• Made it fast\n• Made it right");
      g_ptr_array_add (p->work, e);
    }
  for (guint s = 0; s < 6; s++)
    g_ptr_array_add (p->skills, sl_skill_new (skills[(i + s * 5) % G_N_ELEMENTS (skills)], NULL));
  {
    SlEducationEntry *e = sl_education_entry_new ();
    e->institution = g_strdup ("Technical University");
    e->degree = g_strdup ("M.Sc. Computer Science");
    e->end = g_strdup ("2009");
    g_ptr_array_add (p->education, e);
  }
  g_ptr_array_add (p->languages, sl_language_new ("English", "C1"));
  g_ptr_array_add (p->languages, sl_language_new ("German", "native"));
  p->source = g_strdup ("cli");
  return p;
}

static int
do_generate (const char *db,
             guint       rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint start = 0; start < rows; start += 2000)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
      g_autoptr(GPtrArray) results = NULL;
      for (guint i = start; i < MIN (rows, start + 2000); i++)
        g_ptr_array_add (batch, generate (i));
      results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) batch->pdata,
                                               NULL, batch->len, &error);
      if (results == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

static int
do_export (const char *db,
           const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db, &error);
  g_autoptr(SlExportOptions) o = NULL;
  g_autoptr(GOutputStream) out = NULL;
  struct rusage ru;
  guint64 n = 0;
  double t0, t1;
  int fd;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  o = sl_export_options_new (g_str_equal (format, "csv") ? SL_EXPORT_FORMAT_CSV
                                                          : SL_EXPORT_FORMAT_JSON_RESUME);
  o->columns = g_strsplit ("name,email,phone,location,title,company,years,skills,education,languages,imported,uuid", ",", -1);
  fd = open ("/dev/null", O_WRONLY);
  out = g_unix_output_stream_new (fd, TRUE);
  t0 = g_get_monotonic_time () / 1e6;
  if (!sl_export_to_stream (store, o, out, &n, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t1 = g_get_monotonic_time () / 1e6;
  getrusage (RUSAGE_SELF, &ru);
  g_print ("%" G_GUINT64_FORMAT " %.3f %ld\n", n, t1 - t0, ru.ru_maxrss);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rows_list = NULL;
  g_autofree char *generate_db = NULL;
  g_autofree char *export_db = NULL;
  g_autofree char *format = NULL;
  int generate_rows = 0;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_STRING, &rows_list, "row counts, comma separated", "N,N" },
    { "generate", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &generate_db, NULL, NULL },
    { "count", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &generate_rows, NULL, NULL },
    { "export", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &export_db, NULL, NULL },
    { "format", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— peak memory of streaming export");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) counts = NULL;
  g_autofree char *self = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (generate_db != NULL)
    return do_generate (generate_db, generate_rows);
  if (export_db != NULL)
    return do_export (export_db, format != NULL ? format : "csv");

  self = g_file_read_link ("/proc/self/exe", NULL);
  counts = g_strsplit (rows_list != NULL ? rows_list : "1000,100000", ",", -1);
  g_print ("| rows | format | export time | rows/s | peak RSS |\n|------|--------|-------------|--------|----------|\n");
  for (guint i = 0; counts[i] != NULL; i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
      g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
      const char *gen_argv[] = { self, "--generate", db, "--count", counts[i], NULL };
      const char *formats[] = { "csv", "json-resume" };
      int status;

      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("generate: %s\n", error->message);
          return 1;
        }
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          const char *exp_argv[] = { self, "--export", db, "--format", formats[f], NULL };
          g_autofree char *out = NULL;
          guint64 n;
          double secs;
          long rss;

          if (!g_spawn_sync (NULL, (char **) exp_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                             &status, &error) || !g_spawn_check_wait_status (status, &error) ||
              sscanf (out, "%" G_GUINT64_FORMAT " %lf %ld", &n, &secs, &rss) != 3)
            {
              g_printerr ("export: %s\n", error != NULL ? error->message : "no result");
              return 1;
            }
          g_print ("| %" G_GUINT64_FORMAT " | %s | %.2f s | %.0f | %.1f MB |\n", n, formats[f], secs,
                   n / MAX (secs, 1e-6), rss / 1024.0);
        }
      {
        g_autofree char *wal = g_strconcat (db, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db, "-shm", NULL);
        g_unlink (db);
        g_unlink (wal);
        g_unlink (shm);
        g_rmdir (dir);
      }
    }
  return 0;
}
