/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-extract: sl_extract_bytes() on a folder of PDFs against the floor, a
 * bare poppler-glib text dump (poppler_page_get_text on every page, nothing
 * else), with 1 and 2 threads, in the same run.  Files are read into memory
 * first; floor and extract rounds alternate and the best of 5 of each counts
 * (the machine is shared); process CPU time is reported beside wall time.
 *
 * When DIR/../gold.jsonl is there (the dev set), the token recall of our
 * text against the gold text is printed too: lower-case runs of letters,
 * digits and '_' (Python's \w+), counted as bags, pooled over the files.
 *
 * A second extract line calls sl_extract_bytes_hashed() with the file's
 * SHA-256 computed beforehand, as the intake does when it queues a file.
 *
 *   bench-extract [DIR]      default DIR: ../shared/eval/pdf
 *   bench-extract --once [DIR]
 *        one floor pass and one extract pass on one thread, nothing printed:
 *        run it under valgrind --tool=callgrind; the inclusive count of
 *        worker() is floor + extract, that of sl_extract_bytes() is extract
 *   bench-extract --only floor|extract [DIR]
 *        5 passes of one side on 2 threads (extract given the SHA-256),
 *        printing their process CPU time: for `perf stat` of each side
 *        alone, or before/after comparisons of two builds
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "core/sl-util.h"
#include "extract/sl-extract.h"

typedef struct
{
  GPtrArray *files;        /* GBytes */
  GPtrArray *hashes;       /* their SHA-256, or NULL: sl_extract_bytes() hashes */
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
          g_autoptr(GPtrArray) docs = NULL;

          if (job->hashes != NULL)
            docs = sl_extract_bytes_hashed (b, NULL, g_ptr_array_index (job->hashes, i), job->opts,
                                            NULL, &error);
          else
            docs = sl_extract_bytes (b, NULL, job->opts, NULL, &error);
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
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double wall, cpu;
} Timing;

static Timing
run_once (GPtrArray *files, GPtrArray *hashes, int threads, gboolean ours, const SlExtractOptions *opts,
          int *words, int *failed)
{
  Job job = { files, hashes, 0, ours, opts, 0, 0 };
  GThread *t[8];
  double start = sl_monotonic_ms (), cpu0 = cpu_ms ();
  Timing r;

  for (int i = 0; i < threads; i++)
    t[i] = g_thread_new ("bench", worker, &job);
  for (int i = 0; i < threads; i++)
    g_thread_join (t[i]);
  r.wall = sl_monotonic_ms () - start;
  r.cpu = cpu_ms () - cpu0;
  if (words)
    *words = job.words;
  if (failed)
    *failed = job.failed;
  return r;
}

#define ROUNDS 5

static void
count_tokens (const char *text, GHashTable *bag)
{
  GString *tok = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      if (c != 0 && (g_unichar_isalnum (c) || c == '_'))
        {
          g_string_append_unichar (tok, g_unichar_tolower (c));
          continue;
        }
      if (tok->len > 0)
        {
          gpointer n = g_hash_table_lookup (bag, tok->str);
          g_hash_table_replace (bag, g_strdup (tok->str), GINT_TO_POINTER (GPOINTER_TO_INT (n) + 1));
          g_string_truncate (tok, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (tok, TRUE);
}

/* Pooled bag-of-words recall of our text against gold.jsonl's; -1 without it. */
static double
token_recall (const char *dir, GPtrArray *files, GPtrArray *names, const SlExtractOptions *opts)
{
  g_autofree char *gold_path = g_build_filename (dir, "..", "gold.jsonl", NULL);
  g_autofree char *gold = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  gint64 matched = 0, total = 0;

  if (!g_file_get_contents (gold_path, &gold, NULL, NULL))
    return -1;
  lines = g_strsplit (gold, "\n", -1);
  for (int i = 0; lines[i]; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *o = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (o && json_object_has_member (o, "id") && json_object_has_member (o, "text"))
        g_hash_table_insert (texts, g_strdup (json_object_get_string_member (o, "id")),
                             g_strdup (json_object_get_string_member (o, "text")));
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *want = g_hash_table_lookup (texts, g_ptr_array_index (names, i));
      g_autoptr(GHashTable) g = NULL, ours = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      GHashTableIter it;
      gpointer k, v;

      if (want == NULL)
        continue;
      g = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      count_tokens (want, g);
      docs = sl_extract_bytes (g_ptr_array_index (files, i), NULL, opts, NULL, NULL);
      if (docs != NULL)
        count_tokens (((SlDocument *) g_ptr_array_index (docs, 0))->text, ours);
      g_hash_table_iter_init (&it, g);
      while (g_hash_table_iter_next (&it, &k, &v))
        {
          int n = GPOINTER_TO_INT (v);
          total += n;
          matched += MIN (n, GPOINTER_TO_INT (g_hash_table_lookup (ours, k)));
        }
    }
  return total > 0 ? matched / (double) total : -1;
}

int
main (int argc, char **argv)
{
  gboolean once = argc > 1 && g_str_equal (argv[1], "--once");
  const char *only = argc > 2 && g_str_equal (argv[1], "--only") ? argv[2] : NULL;
  int skip = once ? 1 : only ? 2 : 0;
  const char *dir = argc > 1 + skip ? argv[1 + skip] : "../shared/eval/pdf";
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
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
      g_ptr_array_add (hashes, sl_sha256_hex ((const guint8 *) data, len));
      g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
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

  if (once)
    {
      /* one pass each, one thread: for instruction counts under callgrind;
       * one file through sl_extract_bytes() first, so that both passes run
       * with poppler's global tables kept (see sl-extract-pdf.c) */
      g_autoptr(GPtrArray) warm = sl_extract_bytes (g_ptr_array_index (files, 0), NULL, opts, NULL, NULL);

      run_once (files, NULL, 1, FALSE, NULL, NULL, NULL);
      run_once (files, NULL, 1, TRUE, opts, NULL, NULL);
      return 0;
    }

  if (only != NULL)
    {
      gboolean ours = g_str_equal (only, "extract");
      g_autoptr(GPtrArray) warm = sl_extract_bytes (g_ptr_array_index (files, 0), NULL, opts, NULL, NULL);

      double cpu = 0, best = G_MAXDOUBLE;

      for (int round = 0; round < ROUNDS; round++)
        {
          Timing t = run_once (files, ours ? hashes : NULL, 2, ours, opts, NULL, NULL);
          cpu += t.cpu;
          best = MIN (best, t.cpu);
        }
      g_print ("%s: %d passes of %u PDFs on 2 threads: %.0f ms CPU in all, best pass %.0f ms\n",
               ours ? "extract" : "floor", ROUNDS, files->len, cpu, best);
      return 0;
    }

  /* warm up fonts, poppler globals, page cache */
  run_once (files, NULL, 1, FALSE, NULL, NULL, NULL);
  run_once (files, NULL, 1, TRUE, opts, NULL, NULL);

  g_print ("%u PDFs from %s; floor and extract alternate, best of %d rounds each\n\n",
           files->len, dir, ROUNDS);
  g_print ("%-8s %14s %16s %10s %14s\n", "threads", "floor docs/s", "extract docs/s", "wall ratio",
           "CPU-time ratio");
  for (int threads = 1; threads <= 2; threads++)
    {
      int words = 0, failed = 0;
      Timing bf = { G_MAXDOUBLE, G_MAXDOUBLE }, bo = { G_MAXDOUBLE, G_MAXDOUBLE };
      Timing bh = { G_MAXDOUBLE, G_MAXDOUBLE };

      for (int round = 0; round < ROUNDS; round++)
        {
          Timing f = run_once (files, NULL, threads, FALSE, NULL, NULL, NULL);
          Timing o = run_once (files, NULL, threads, TRUE, opts, &words, &failed);
          Timing h = run_once (files, hashes, threads, TRUE, opts, NULL, NULL);
          bf.wall = MIN (bf.wall, f.wall);
          bf.cpu = MIN (bf.cpu, f.cpu);
          bo.wall = MIN (bo.wall, o.wall);
          bo.cpu = MIN (bo.cpu, o.cpu);
          bh.wall = MIN (bh.wall, h.wall);
          bh.cpu = MIN (bh.cpu, h.cpu);
        }
      g_print ("%-8d %14.1f %16.1f %9.2fx %13.2fx   (%d words, %d failed)\n", threads,
               files->len / (bf.wall / 1000), files->len / (bo.wall / 1000), bo.wall / bf.wall,
               bo.cpu / bf.cpu, words, failed);
      g_print ("%-8s %14s %16.1f %9.2fx %13.2fx   (given the SHA-256, as the intake has it)\n", "", "",
               files->len / (bh.wall / 1000), bh.wall / bf.wall, bh.cpu / bf.cpu);
    }
  {
    double recall = token_recall (dir, files, names, opts);
    if (recall >= 0)
      g_print ("\ntoken recall against the gold text (OCR off): %.4f\n", recall);
  }
  {
    Timing t = run_once (files, NULL, 2, TRUE, opts_ocr, NULL, NULL);
    g_print ("\nwith OCR of pages without a text layer (default options), 2 threads: %.1f docs/s\n",
             files->len / (t.wall / 1000));
  }
  return 0;
}
