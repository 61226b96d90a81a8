/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-extract: sl_extract_bytes() on a folder of PDFs against the floor, a
 * bare poppler-glib text dump (poppler_page_get_text on every page, nothing
 * else), with 1 and 2 threads, in the same run.  Files are read into memory
 * first; each measurement is the best of 3 rounds.
 *
 *   bench-extract [DIR]      default DIR: ../shared/eval/pdf
 */
#include "config.h"

#include <poppler.h>

#include "core/sl-util.h"
#include "extract/sl-extract.h"

typedef struct
{
  GPtrArray *files;        /* GBytes */
  gint       next;
  gboolean   ours;
  const SlExtractOptions *opts;
  gint       words;
  gint       failed;
} Job;

static gpointer
worker (gpointer data)
{
  Job *job = data;
  int i;

  while ((i = g_atomic_int_add (&job->next, 1)) < (int) job->files->len)
    {
      GBytes *b = g_ptr_array_index (job->files, i);

      if (job->ours)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) docs = sl_extract_bytes (b, NULL, job->opts, NULL, &error);
          if (docs)
            g_atomic_int_add (&job->words, ((SlDocument *) g_ptr_array_index (docs, 0))->word_count);
          else
            g_atomic_int_inc (&job->failed);
        }
      else
        {
          PopplerDocument *doc = poppler_document_new_from_bytes (b, NULL, NULL);
          if (doc == NULL)
            {
              g_atomic_int_inc (&job->failed);
              continue;
            }
          for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
            {
              PopplerPage *page = poppler_document_get_page (doc, p);
              char *text = poppler_page_get_text (page);
              g_free (text);
              g_object_unref (page);
            }
          g_object_unref (doc);
        }
    }
  return NULL;
}

static double
run (GPtrArray *files, int threads, gboolean ours, const SlExtractOptions *opts, int *words, int *failed)
{
  double best = G_MAXDOUBLE;

  for (int round = 0; round < 3; round++)
    {
      Job job = { files, 0, ours, opts, 0, 0 };
      GThread *t[8];
      double start = sl_monotonic_ms (), ms;

      for (int i = 0; i < threads; i++)
        t[i] = g_thread_new ("bench", worker, &job);
      for (int i = 0; i < threads; i++)
        g_thread_join (t[i]);
      ms = sl_monotonic_ms () - start;
      best = MIN (best, ms);
      if (words)
        *words = job.words;
      if (failed)
        *failed = job.failed;
    }
  return best;
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "../shared/eval/pdf";
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) d = NULL;
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(SlExtractOptions) opts_ocr = sl_extract_options_new ();
  const char *name;

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      g_print ("bench-extract: %s not found; skipping (run from the repository root "
               "next to shared/eval, or pass a folder of PDFs)\n", dir);
      return 0;
    }
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *data;
      gsize len;
      if (!g_str_has_suffix (name, ".pdf") || !g_file_get_contents (path, &data, &len, NULL))
        continue;
      g_ptr_array_add (files, g_bytes_new_take (data, len));
    }
  if (files->len == 0)
    {
      g_print ("bench-extract: no PDFs in %s; skipping\n", dir);
      return 0;
    }
  /* The floor reads only text layers; compare like with like (OCR of the
   * few scanned pages is reported separately). */
  opts->ocr = FALSE;
  opts->timeout_seconds = 0;
  opts_ocr->timeout_seconds = 0;

  /* warm up fonts, poppler globals, page cache */
  run (files, 1, FALSE, NULL, NULL, NULL);
  run (files, 1, TRUE, opts, NULL, NULL);

  g_print ("%u PDFs from %s (best of 3 rounds)\n\n", files->len, dir);
  g_print ("%-8s %16s %16s %8s\n", "threads", "floor docs/s", "extract docs/s", "ratio");
  for (int threads = 1; threads <= 2; threads++)
    {
      int words = 0, failed = 0;
      double floor_ms = run (files, threads, FALSE, NULL, NULL, NULL);
      double ours_ms = run (files, threads, TRUE, opts, &words, &failed);
      g_print ("%-8d %16.1f %16.1f %7.2fx   (%d words, %d failed)\n", threads,
               files->len / (floor_ms / 1000), files->len / (ours_ms / 1000), ours_ms / floor_ms,
               words, failed);
    }
  {
    int words = 0, failed = 0;
    double ms = run (files, 2, TRUE, opts_ocr, &words, &failed);
    g_print ("\nwith OCR of pages without a text layer (default options), 2 threads: %.1f docs/s\n",
             files->len / (ms / 1000));
  }
  return 0;
}
