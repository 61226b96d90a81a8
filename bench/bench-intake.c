/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-intake: the intake pipeline end to end.
 *
 *   1. N generated text resumes (default 10,000) imported with 2 workers:
 *      files/s and the process's peak RSS (VmHWM) — the queue must keep
 *      memory flat however large the folder is.  Runs first, so the peak
 *      belongs to it.
 *   2. The PDFs of a folder (default ../shared/eval/pdf) imported with 2
 *      workers (rules, OCR off) beside the floor in the same run: a bare
 *      poppler-glib text dump of the same files on 2 threads.  Best of
 *      --rounds rounds each.  Target: intake <= 1.5 x the floor's time.
 *
 * Usage: bench-intake [--files N] [--pdf-dir DIR] [--rounds N] [--ocr]
 * Run from the repository root, with nice.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <poppler.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>

#include "extract/sl-extract.h"
#include "intake/sl-pipeline.h"
#include "../tests/sl-test-util.h"

static gboolean finished;
/* Databases and archives of finished runs, deleted at exit: deleting a
 * run's few hundred files right before the next run would make ext4 skip
 * the inodes freed seconds ago (recently_deleted() on a file system
 * without a journal, like this machine's) on every create, a cost a
 * user's import does not pay. */
static GPtrArray *leftovers;
/* The folder all of a run's scratch folders go in.  It carries ext4's
 * "top directory" flag, so each folder made in it is placed in a block
 * group of its own (as folders in / are): a run's files are then not
 * created where the previous runs' deleted files were.  Without it, a
 * run started within a few minutes of the last one spent up to 3x more
 * kernel time creating the archive copies, skipping those inodes. */
static char *scratch_root;
static guint fin_created, fin_updated, fin_dups, fin_failed;

static void
on_finished (SlPipeline *p, guint created, guint updated, guint duplicates,
             guint failed, guint cancelled, gpointer data)
{
  finished = TRUE;
  fin_created += created;
  fin_updated += updated;
  fin_dups += duplicates;
  fin_failed += failed;
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static gint64
vm_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (field) + 1, NULL, 10);
}

/* Average stage times (ms) from the rows' processing reports. */
static const char * const stage_names[] = { "archive", "extract", "parse", "finalize" };
static double stage_ms[G_N_ELEMENTS (stage_names)];

static void
read_stage_times (const char *db_path)
{
  sqlite3 *db = NULL;

  memset (stage_ms, 0, sizeof stage_ms);
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    for (gsize i = 0; i < G_N_ELEMENTS (stage_names); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT avg (json_extract (metadata, '$.processing_report.timings.%s'))"
                                                " FROM file_intake_queue WHERE status = 'done'", stage_names[i]);
        sqlite3_stmt *st = NULL;

        if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW)
          stage_ms[i] = sqlite3_column_double (st, 0);
        sqlite3_finalize (st);
      }
  sqlite3_close (db);
}

static void
print_stage_times (void)
{
  g_print ("  average per file (processing reports, wall):");
  for (gsize i = 0; i < G_N_ELEMENTS (stage_names); i++)
    g_print (" %s %.2f ms", stage_names[i], stage_ms[i]);
  g_print ("\n");
}

static void
make_scratch_root (void)
{
  g_autoptr(GError) error = NULL;
  int fd, flags;

  scratch_root = g_dir_make_tmp ("bench-intake-run-XXXXXX", &error);
  if (scratch_root == NULL)
    g_error ("bench-intake: %s", error->message);
  fd = open (scratch_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  /* best effort: other file systems have no such flag */
  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0)
    {
      flags |= FS_TOPDIR_FL;
      if (ioctl (fd, FS_IOC_SETFLAGS, &flags) != 0)
        g_printerr ("bench-intake: no top-directory flag on %s: %s\n", scratch_root, g_strerror (errno));
    }
  close (fd);
}

/* A new folder in the run's scratch folder. */
static char *
scratch_dir (const char *prefix)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/%s-XXXXXX", scratch_root, prefix);

  if (g_mkdtemp (tmpl) == NULL)
    g_error ("bench-intake: could not make %s: %s", tmpl, g_strerror (errno));
  return g_steal_pointer (&tmpl);
}

/* Imports @dir into a fresh database; returns seconds, or -1.  @cpu: the
 * process CPU seconds of the same span (from the enqueue to the end of the
 * batch: not opening the new database, not deleting it afterwards). */
static double
run_import (const char *dir,
            guint       workers,
            gboolean    ocr,
            guint      *n_files,
            double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = scratch_dir ("bench-intake");
  g_autofree char *db = g_build_filename (tmp, "shortlist.db", NULL);
  g_autoptr(SlPipeline) pipeline = NULL;
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(GArray) qids = NULL;
  const char *paths[] = { dir, NULL };
  gint64 t0;
  double secs, c0;

  pipeline = sl_pipeline_new (db, &error);
  if (pipeline == NULL)
    {
      g_printerr ("bench-intake: %s\n", error->message);
      return -1;
    }
  sl_pipeline_set_n_workers (pipeline, workers);
  opts->ocr = ocr;
  sl_pipeline_set_extract_options (pipeline, opts);
  g_signal_connect (pipeline, "batch-finished", G_CALLBACK (on_finished), NULL);
  fin_created = fin_updated = fin_dups = fin_failed = 0;

  c0 = cpu_seconds ();
  t0 = g_get_monotonic_time ();
  qids = sl_pipeline_enqueue (pipeline, paths, SL_INTAKE_SOURCE_FOLDER, NULL, NULL, &error);
  if (qids == NULL)
    {
      g_printerr ("bench-intake: %s\n", error->message);
      return -1;
    }
  for (;;)
    {
      finished = FALSE;
      sl_pipeline_flush (pipeline);
      if (sl_pipeline_is_idle (pipeline))
        break;
      while (!finished)
        g_main_context_iteration (NULL, TRUE);
    }
  secs = (g_get_monotonic_time () - t0) / 1e6;
  *cpu = cpu_seconds () - c0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  *n_files = qids->len;
  g_clear_object (&pipeline);
  read_stage_times (db);
  g_ptr_array_add (leftovers, g_steal_pointer (&tmp));
  return secs;
}

/* The floor: poppler_page_get_text on every page, nothing else. */
typedef struct
{
  GPtrArray *files;
  gint       next;
  gboolean   extract;   /* sl_extract_bytes instead of the bare dump */
} Floor;

static gpointer
floor_thread (gpointer data)
{
  Floor *fl = data;
  gint i;

  while ((i = g_atomic_int_add (&fl->next, 1)) < (gint) fl->files->len)
    {
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GBytes) bytes = NULL;
      PopplerDocument *doc;

      if (!g_file_get_contents (g_ptr_array_index (fl->files, i), &contents, &len, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (fl->extract)
        {
          g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
          GPtrArray *docs;

          opts->ocr = FALSE;
          docs = sl_extract_bytes (bytes, NULL, opts, NULL, NULL);
          g_clear_pointer (&docs, g_ptr_array_unref);
          continue;
        }
      doc = poppler_document_new_from_bytes (bytes, NULL, NULL);
      if (doc == NULL)
        continue;
      for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          PopplerPage *page = poppler_document_get_page (doc, p);
          g_free (poppler_page_get_text (page));
          g_object_unref (page);
        }
      g_object_unref (doc);
    }
  return NULL;
}

static double
run_floor (GPtrArray *files,
           guint      threads,
           gboolean   extract)
{
  Floor fl = { files, 0, extract };
  GThread *t[16];
  gint64 t0 = g_get_monotonic_time ();

  for (guint i = 0; i < threads; i++)
    t[i] = g_thread_new ("floor", floor_thread, &fl);
  for (guint i = 0; i < threads; i++)
    g_thread_join (t[i]);
  return (g_get_monotonic_time () - t0) / 1e6;
}

static char *
generated_resume (guint i)
{
  static const char *first[] = { "Amara", "Bruno", "Chidi", "Dagny", "Elif", "Farid", "Greta", "Hiro" };
  static const char *last[] = { "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Varga" };
  static const char *skills[] = { "Python", "SQL", "Docker", "Rust", "Go", "TypeScript", "Terraform" };

  return g_strdup_printf ("%s %s\nperson%u@example.org | +44 20 %07u | London, UK\n\n"
                          "Summary\nEngineer with %u years of experience in data platforms.\n\n"
                          "Experience\nSoftware Engineer, Company %u Ltd\nJan 2018 - Present\n"
                          "Built services in %s and %s for millions of users.\n\n"
                          "Education\nB.Sc. Computer Science, University of Leeds, 2013 - 2017\n\n"
                          "Skills\n%s, %s, %s\n",
                          first[i % 8], last[(i / 8) % 7], i, i, 3 + i % 10, i % 997,
                          skills[i % 7], skills[(i + 1) % 7], skills[i % 7], skills[(i + 2) % 7],
                          skills[(i + 4) % 7]);
}

int
main (int   argc,
      char *argv[])
{
  int n_generated = 10000, rounds = 3;
  gboolean ocr = FALSE;
  g_autofree char *pdf_dir = NULL;
  GOptionEntry entries[] = {
    { "files", 0, 0, G_OPTION_ARG_INT, &n_generated, "generated files for the memory run (0 = skip)", "N" },
    { "pdf-dir", 0, 0, G_OPTION_ARG_FILENAME, &pdf_dir, "PDF folder (default ../shared/eval/pdf)", "DIR" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "rounds of the PDF comparison (best is kept)", "N" },
    { "ocr", 0, 0, G_OPTION_ARG_NONE, &ocr, "OCR pages without text in the PDF run", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— intake pipeline benchmark");
  g_autoptr(GError) error = NULL;

  leftovers = g_ptr_array_new_with_free_func (g_free);
  make_scratch_root ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-intake: %s\n", error->message);
      return 2;
    }
  if (pdf_dir == NULL)
    pdf_dir = g_strdup ("../shared/eval/pdf");

  if (n_generated > 0)
    {
      g_autofree char *gen = scratch_dir ("bench-intake-gen");
      guint n = 0;
      double secs, cpu = 0;

      for (int i = 0; i < n_generated; i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s/d%02d", gen, i % 50);
          g_autofree char *path = g_strdup_printf ("%s/cv-%05d.txt", sub, i);
          g_autofree char *text = generated_resume ((guint) i);
          g_mkdir_with_parents (sub, 0700);
          g_file_set_contents (path, text, -1, NULL);
        }
      g_print ("generated import: %d files, 2 workers, RSS before %" G_GINT64_FORMAT " kB\n",
               n_generated, vm_kb ("VmRSS:"));
      secs = run_import (gen, 2, FALSE, &n, &cpu);
      g_print ("  %u files in %.2f s = %.1f files/s (process CPU %.2f s); created %u, updated %u,"
               " duplicates %u, failed %u\n",
               n, secs, n / secs, cpu, fin_created, fin_updated, fin_dups, fin_failed);
      print_stage_times ();
      g_print ("  peak RSS (VmHWM) %.1f MB (target < 200 MB)\n", vm_kb ("VmHWM:") / 1024.0);
      g_ptr_array_add (leftovers, g_steal_pointer (&gen));
    }

  if (g_file_test (pdf_dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GDir) dir = g_dir_open (pdf_dir, 0, NULL);
      double best_floor = G_MAXDOUBLE, best_intake = G_MAXDOUBLE, best_extract = G_MAXDOUBLE;
      double best_floor_cpu = G_MAXDOUBLE, best_intake_cpu = G_MAXDOUBLE, best_extract_cpu = G_MAXDOUBLE;
      const char *name;
      guint n = 0;

      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".pdf"))
          g_ptr_array_add (files, g_build_filename (pdf_dir, name, NULL));

      for (int r = 0; r < rounds; r++)
        {
          double c0 = cpu_seconds ();
          double fl = run_floor (files, 2, FALSE);
          double c1 = cpu_seconds ();
          double ex = run_floor (files, 2, TRUE);
          double c2 = cpu_seconds ();
          double in_cpu = 0;
          double in = run_import (pdf_dir, 2, ocr, &n, &in_cpu);
          g_print ("round %d: floor %.2f s (%.1f docs/s, cpu %.2f s), extract only %.2f s (cpu %.2f s),"
                   " intake %.2f s (%.1f docs/s, cpu %.2f s), ratio %.2fx wall, %.2fx cpu;"
                   " created %u, updated %u, failed %u\n",
                   r + 1, fl, files->len / fl, c1 - c0, ex, c2 - c1, in, n / in, in_cpu,
                   in / fl, in_cpu / (c1 - c0), fin_created, fin_updated, fin_failed);
          print_stage_times ();
          best_floor = MIN (best_floor, fl);
          best_extract = MIN (best_extract, ex);
          best_intake = MIN (best_intake, in);
          best_floor_cpu = MIN (best_floor_cpu, c1 - c0);
          best_extract_cpu = MIN (best_extract_cpu, c2 - c1);
          best_intake_cpu = MIN (best_intake_cpu, in_cpu);
        }
      g_print ("PDFs: %u files, 2 threads/workers, OCR %s: floor best %.2f s (%.1f docs/s), "
               "intake best %.2f s (%.1f docs/s), ratio %.2fx (target <= 1.5x)\n",
               files->len, ocr ? "on" : "off", best_floor, files->len / best_floor,
               best_intake, files->len / best_intake, best_intake / best_floor);
      g_print ("  extraction alone (sl_extract_bytes, 2 threads) best %.2f s = %.2fx the floor;"
               " the pipeline (parse, archive, queue, finalize) adds %.2fx over it\n",
               best_extract, best_extract / best_floor, best_intake / best_extract);
      g_print ("  CPU, best rounds: floor %.2f s, extraction alone %.2f s (%.2fx), intake %.2f s (%.2fx the floor)\n",
               best_floor_cpu, best_extract_cpu, best_extract_cpu / best_floor_cpu,
               best_intake_cpu, best_intake_cpu / best_floor_cpu);
    }
  else
    g_print ("no PDF folder at %s: PDF comparison skipped\n", pdf_dir);
  for (guint i = 0; i < leftovers->len; i++)
    sl_test_rm_rf (g_ptr_array_index (leftovers, i));
  sl_test_rm_rf (scratch_root);
  g_free (scratch_root);
  g_ptr_array_unref (leftovers);
  return 0;
}
