/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli import [--jobs N] [--parser rules|llm ...] [--json] PATH...:
 * profile JSON files (.json) are stored as they are, CSV and JSON Resume
 * files go to src/export's importer; everything else
 * (resumes, folders of them, .eml/.mbox) goes through the intake pipeline
 * (src/intake): queue, scan, extract, parse, finalize.  A progress bar on a
 * terminal, one line per finished file otherwise, a summary at the end.
 *
 *   --retry-failed   put every failed row back in the queue first
 *   --resume         allow no PATH: just finish what is queued (after a crash)
 *   --map M          CSV columns to fields ("Header=field,..."), over the guess
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "core/sl-json.h"
#include "export/sl-import.h"
#include "intake/sl-pipeline.h"
#include "sl-cli-commands.h"
#include "sl-cli-import.h"
#include "sl-cli-llm.h"
#include "sl-cli-store.h"

SlImportItem *
sl_import_item_new (const char *path)
{
  SlImportItem *item = g_new0 (SlImportItem, 1);
  item->path = g_strdup (path);
  item->outcome = SL_WRITE_FAILED;
  return item;
}

void
sl_import_item_free (SlImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->path);
  g_clear_error (&item->error);
  g_free (item);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
walk (const char *dir_path,
      GPtrArray  *files,
      GPtrArray  *failed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      SlImportItem *item = sl_import_item_new (dir_path);
      item->error = g_steal_pointer (&error);
      g_ptr_array_add (failed, item);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;     /* no loops, no surprises */
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        walk (child, files, failed);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (child));
    }
}

GPtrArray *
sl_cli_import_collect (char      **paths,
                       GPtrArray  *failed)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        walk (paths[i], files, failed);
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        {
          SlImportItem *item = sl_import_item_new (paths[i]);
          g_set_error (&item->error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No such file or folder");
          g_ptr_array_add (failed, item);
        }
    }
  return files;
}

static void
store_batch (SlStore   *store,
             GPtrArray *items,     /* SlImportItem, parallel to profiles */
             GPtrArray *profiles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  if (profiles->len == 0)
    return;
  results = sl_store_bulk_create_profiles_audited (store, (const SlProfile * const *) profiles->pdata,
                                                   NULL, profiles->len, &error);
  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      if (results == NULL)
        {
          item->error = g_error_copy (error);
          continue;
        }
      else
        {
          SlWriteResult *r = g_ptr_array_index (results, i);
          item->outcome = r->outcome;
          item->profile_id = r->profile_id;
          if (r->error != NULL)
            item->error = g_error_copy (r->error);
        }
    }
}

void
sl_cli_import_profile_json (SlStore   *store,
                            GPtrArray *items,
                            guint      batch)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_return_if_fail (SL_IS_STORE (store));
  if (batch == 0)
    batch = 500;

  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      g_autofree char *data = NULL;
      gsize len;
      SlProfile *profile;

      if (!g_file_get_contents (item->path, &data, &len, &item->error))
        continue;
      profile = sl_profile_from_json (data, len, &item->error);
      if (profile == NULL)
        continue;
      if (profile->source == NULL)
        profile->source = g_strdup ("import");
      g_ptr_array_add (profiles, profile);
      g_ptr_array_add (pending, item);
      if (profiles->len >= batch)
        {
          store_batch (store, pending, profiles);
          g_ptr_array_set_size (profiles, 0);
          g_ptr_array_set_size (pending, 0);
        }
    }
  store_batch (store, pending, profiles);
}

/* The pipeline part of a run ------------------------------------------------ */

typedef struct
{
  SlPipeline *pipeline;
  GHashTable *final;        /* qid -> status (final rows seen in this run) */
  GHashTable *outcome;      /* qid -> "created" / "updated" */
  GArray     *order;        /* qids in the order they finished */
  guint       created, updated;
  guint       done, total;
  guint       expected;     /* files this run queues (the bar's total from the start) */
  gboolean    finished;     /* a batch-finished arrived */
  gboolean    tty;
  gboolean    plain_lines;
  double      started;      /* monotonic ms */
  double      last_draw;
  SlStore    *store;        /* the CLI's own read connection */
} Run;

static void
draw_progress (Run      *run,
               gboolean  force)
{
  double now = g_get_monotonic_time () / 1000.0;
  double secs = (now - run->started) / 1000.0;
  double rate = secs > 0 ? run->done / secs : 0;
  guint total = MAX (MAX (run->total, run->expected), run->done);
  char eta[32] = "--:--";
  char bar[31];
  guint filled;

  if (!run->tty || (!force && now - run->last_draw < 100))
    return;
  run->last_draw = now;
  if (rate > 0 && total > run->done)
    {
      guint left = (guint) ((total - run->done) / rate + 0.5);
      g_snprintf (eta, sizeof eta, "%u:%02u", left / 60, left % 60);
    }
  filled = total > 0 ? (guint) (30.0 * run->done / total) : 0;
  for (guint i = 0; i < 30; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[30] = '\0';
  fprintf (stderr, "\r[%s] %u/%u  %.1f files/s  ETA %s ", bar, run->done, total, rate, eta);
  fflush (stderr);
}

static void
on_item_changed (SlPipeline *pipeline,
                 gint64      qid,
                 const char *status,
                 Run        *run)
{
  gint64 *key;

  if (!sl_intake_status_is_final (status))
    return;
  key = g_memdup2 (&qid, sizeof qid);
  if (!g_hash_table_contains (run->final, key))
    g_array_append_val (run->order, qid);
  g_hash_table_insert (run->final, key, g_strdup (status));
  if (run->plain_lines)
    {
      g_autoptr(SlIntakeRecord) rec = sl_store_intake_get_record (run->store, qid, NULL);
      g_print ("[%u/%u] %s %s\n", g_hash_table_size (run->final),
               MAX (MAX (run->total, run->expected), run->done),
               status, rec != NULL && rec->original_name != NULL ? rec->original_name : "");
    }
}

static void
on_profile (SlPipeline *pipeline,
            gint64      profile_id,
            gint64      qid,
            gpointer    user_data,
            gboolean    updated)
{
  Run *run = user_data;
  const char *prev = g_hash_table_lookup (run->outcome, &qid);

  if (updated)
    run->updated++;
  else
    run->created++;
  /* A row whose e-mail held several resumes: "updated" wins. */
  if (prev == NULL || !updated)
    g_hash_table_insert (run->outcome, g_memdup2 (&qid, sizeof qid),
                         g_strdup (prev != NULL ? prev : updated ? "updated" : "created"));
  else
    g_hash_table_insert (run->outcome, g_memdup2 (&qid, sizeof qid), g_strdup ("updated"));
}

static void
on_profile_created (SlPipeline *p, gint64 profile_id, gint64 qid, gpointer user_data)
{
  on_profile (p, profile_id, qid, user_data, FALSE);
}

static void
on_profile_updated (SlPipeline *p, gint64 profile_id, gint64 qid, gpointer user_data)
{
  on_profile (p, profile_id, qid, user_data, TRUE);
}

static void
on_progress (SlPipeline *pipeline,
             guint       done,
             guint       total,
             Run        *run)
{
  run->done = done;
  run->total = total;
  draw_progress (run, FALSE);
}

static void
on_finished (SlPipeline *pipeline,
             guint       created,
             guint       updated,
             guint       duplicates,
             guint       failed,
             guint       cancelled,
             Run        *run)
{
  run->finished = TRUE;
}

static gboolean
is_profile_json (const char *path)
{
  return g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON");
}

int
sl_cli_import (SlCliContext *ctx,
               int           argc,
               char        **argv)
{
  gboolean json = FALSE, retry_failed = FALSE, resume = FALSE, no_ocr = FALSE, no_archive = FALSE;
  int jobs = 0;
  g_autofree char *parser = NULL;
  g_autofree char *clamav_dir = NULL;
  g_autofree char *archive_dir = NULL;
  g_autofree char *csv_map = NULL;
  SlCliLlmOptions llm_opts = { 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the summary and every file's result as JSON", NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "worker threads (default: number of cores)", "N" },
    { "parser", 0, 0, G_OPTION_ARG_STRING, &parser, "rules (default) or llm (rules + LLM, falling back to rules)", "rules|llm" },
    { "retry-failed", 0, 0, G_OPTION_ARG_NONE, &retry_failed, "put every failed file back in the queue and import it again", NULL },
    { "resume", 0, 0, G_OPTION_ARG_NONE, &resume, "finish what is queued (after a crash) without new PATHs", NULL },
    { "clamav-dir", 0, 0, G_OPTION_ARG_FILENAME, &clamav_dir, "scan every file with the ClamAV signatures in DIR", "DIR" },
    { "no-ocr", 0, 0, G_OPTION_ARG_NONE, &no_ocr, "do not OCR images and scanned pages", NULL },
    { "archive-dir", 0, 0, G_OPTION_ARG_FILENAME, &archive_dir, "where originals are archived (default: beside the database)", "DIR" },
    { "no-archive", 0, 0, G_OPTION_ARG_NONE, &no_archive, "do not keep a copy of the originals", NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING, &csv_map, "CSV columns to fields, overriding the guess: \"Header=field,Other Header=field\" (fields: name, first-name, last-name, email, phone, location, city, country, title, company, years, skills, languages, education, links, headline, summary, ignore)", "MAP" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH... — import resumes, folders (recursively), .eml/.mbox and profile JSON files");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_import_item_free);
  g_autoptr(GPtrArray) profile_json = g_ptr_array_new ();
  g_autoptr(GPtrArray) exchange = g_ptr_array_new ();   /* CSV and JSON Resume */
  g_autoptr(GPtrArray) resumes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlLlmClient) llm = NULL;
  g_autoptr(SlPipeline) pipeline = NULL;
  g_autoptr(GArray) qids = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  guint created = 0, updated = 0, failed = 0, duplicates = 0, cancelled = 0, n_files;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sl_cli_llm_option_group (&llm_opts));
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    {
      sl_cli_llm_options_clear (&llm_opts);
      return stop;
    }
  if (argc < 2 && !resume && !retry_failed)
    {
      sl_cli_error ("import needs at least one PATH (see --help)");
      sl_cli_llm_options_clear (&llm_opts);
      return SL_CLI_USAGE;
    }
  if (!sl_cli_llm_for_parser (parser, &llm_opts, &llm))
    return SL_CLI_USAGE;
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  /* Explicit files go by their own kind; inside folders only profile JSON
   * and the types the pipeline reads are taken. */
  for (int a = 1; a < argc; a++)
    {
      char *one[] = { argv[a], NULL };
      gboolean is_dir = g_file_test (argv[a], G_FILE_TEST_IS_DIR);
      g_autoptr(GPtrArray) found = sl_cli_import_collect (one, items);

      for (guint i = 0; i < found->len; i++)
        {
          const char *path = g_ptr_array_index (found, i);

          /* The database itself (and its -wal/-shm) may sit in the folder. */
          if (g_str_has_prefix (path, ctx->db_path))
            continue;
          if (sl_import_path_is_exchange (path))
            {
              SlImportItem *item = sl_import_item_new (path);
              g_ptr_array_add (items, item);
              g_ptr_array_add (exchange, item);
            }
          else if (is_profile_json (path))
            {
              SlImportItem *item = sl_import_item_new (path);
              g_ptr_array_add (items, item);
              g_ptr_array_add (profile_json, item);
            }
          else if (!is_dir || sl_intake_is_supported_name (path))
            g_ptr_array_add (resumes, g_strdup (path));
        }
    }
  sl_cli_import_profile_json (store, profile_json, 500);
  for (guint i = 0; i < exchange->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (exchange, i);
      guint c = 0, u = 0;
      if (sl_import_file_summarised (store, item->path, csv_map, &c, &u, &item->profile_id, &item->error) || c + u > 0)
        item->outcome = u > 0 && c == 0 ? SL_WRITE_UPDATED : SL_WRITE_CREATED;
    }

  if (resumes->len > 0 || resume || retry_failed)
    {
      pipeline = sl_pipeline_new (ctx->db_path, &error);
      if (pipeline == NULL)
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_USAGE;
        }
      if (jobs > 0)
        sl_pipeline_set_n_workers (pipeline, (guint) jobs);
      else if (llm != NULL)
        /* Workers wait on the network: as many as the provider allows in
         * flight, so its limit (not the core count) sets the pace. */
        sl_pipeline_set_n_workers (pipeline, MAX (g_get_num_processors (),
                                                  sl_llm_client_get_config (llm)->max_concurrency));
      if (llm != NULL)
        sl_pipeline_set_llm_client (pipeline, llm);
      if (clamav_dir != NULL)
        sl_pipeline_set_clamav_dir (pipeline, clamav_dir);
      if (no_archive)
        sl_pipeline_set_archive_dir (pipeline, NULL);
      else if (archive_dir != NULL)
        sl_pipeline_set_archive_dir (pipeline, archive_dir);
      if (no_ocr)
        {
          g_autoptr(SlExtractOptions) eo = sl_extract_options_new ();
          eo->ocr = FALSE;
          sl_pipeline_set_extract_options (pipeline, eo);
        }

      run.pipeline = pipeline;
      run.store = store;
      run.final = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      run.outcome = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      run.order = g_array_new (FALSE, FALSE, sizeof (gint64));
      run.tty = !json && isatty (STDERR_FILENO);
      run.plain_lines = !json && !run.tty;
      run.started = g_get_monotonic_time () / 1000.0;
      /* The queue learns the files chunk by chunk; the bar knows them all. */
      run.expected = resumes->len;
      g_signal_connect (pipeline, "item-changed", G_CALLBACK (on_item_changed), &run);
      g_signal_connect (pipeline, "profile-created", G_CALLBACK (on_profile_created), &run);
      g_signal_connect (pipeline, "profile-updated", G_CALLBACK (on_profile_updated), &run);
      g_signal_connect (pipeline, "batch-progress", G_CALLBACK (on_progress), &run);
      g_signal_connect (pipeline, "batch-finished", G_CALLBACK (on_finished), &run);

      if (retry_failed)
        sl_pipeline_retry (pipeline, 0);
      g_ptr_array_add (resumes, NULL);
      qids = sl_pipeline_enqueue (pipeline, (const char * const *) resumes->pdata,
                                  SL_INTAKE_SOURCE_CLI, skipped, NULL, &error);
      if (qids == NULL)
        sl_cli_error ("could not queue the files: %s", error->message);

      /* Until the writer says it is idle right after a batch ended (a
       * later chunk of a big folder may start a new batch). */
      for (;;)
        {
          sl_pipeline_flush (pipeline);
          if (sl_pipeline_is_idle (pipeline))
            break;
          run.finished = FALSE;
          while (!run.finished)
            g_main_context_iteration (NULL, TRUE);
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;
      draw_progress (&run, TRUE);
      if (run.tty)
        fprintf (stderr, "\n");
    }

  /* Files that could not even be read to be queued ("path: reason"). */
  failed += skipped->len;
  for (guint i = 0; !json && i < skipped->len; i++)
    sl_cli_error ("%s", (const char *) g_ptr_array_index (skipped, i));

  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      if (item->error != NULL)
        {
          failed++;
          if (!json)
            sl_cli_error ("%s: %s", item->path, item->error->message);
        }
      else if (item->outcome == SL_WRITE_UPDATED)
        updated++;
      else
        created++;
    }
  n_files = items->len + skipped->len;
  if (run.order != NULL)
    {
      created += run.created;
      updated += run.updated;
      n_files += run.order->len;
      for (guint i = 0; i < run.order->len; i++)
        {
          gint64 qid = g_array_index (run.order, gint64, i);
          const char *status = g_hash_table_lookup (run.final, &qid);

          if (g_str_equal (status, SL_INTAKE_STATUS_DUPLICATE))
            duplicates++;
          else if (g_str_equal (status, SL_INTAKE_STATUS_CANCELLED))
            cancelled++;
          else if (g_str_equal (status, SL_INTAKE_STATUS_FAILED) ||
                   g_str_equal (status, SL_INTAKE_STATUS_INFECTED))
            {
              g_autoptr(SlIntakeRecord) rec = sl_store_intake_get_record (store, qid, NULL);
              failed++;
              if (!json && rec != NULL)
                sl_cli_error ("%s: %s%s", rec->path, g_str_equal (status, "infected") ? "infected: " : "",
                              rec->error != NULL ? rec->error : "failed");
            }
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "created");
      json_builder_add_int_value (b, created);
      json_builder_set_member_name (b, "updated");
      json_builder_add_int_value (b, updated);
      json_builder_set_member_name (b, "duplicates");
      json_builder_add_int_value (b, duplicates);
      json_builder_set_member_name (b, "failed");
      json_builder_add_int_value (b, failed);
      json_builder_set_member_name (b, "cancelled");
      json_builder_add_int_value (b, cancelled);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < items->len; i++)
        {
          SlImportItem *item = g_ptr_array_index (items, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, item->path);
          json_builder_set_member_name (b, "result");
          json_builder_add_string_value (b, item->error != NULL ? "failed"
                                         : item->outcome == SL_WRITE_UPDATED ? "updated" : "created");
          if (item->error != NULL)
            {
              json_builder_set_member_name (b, "error");
              json_builder_add_string_value (b, item->error->message);
            }
          else
            {
              json_builder_set_member_name (b, "profile_id");
              json_builder_add_int_value (b, item->profile_id);
            }
          json_builder_end_object (b);
        }
      for (guint i = 0; i < skipped->len; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, g_ptr_array_index (skipped, i));
          json_builder_set_member_name (b, "result");
          json_builder_add_string_value (b, "failed");
          json_builder_end_object (b);
        }
      for (guint i = 0; run.order != NULL && i < run.order->len; i++)
        {
          gint64 qid = g_array_index (run.order, gint64, i);
          g_autoptr(SlIntakeRecord) rec = sl_store_intake_get_record (store, qid, NULL);
          const char *status = g_hash_table_lookup (run.final, &qid);
          const char *outcome = g_hash_table_lookup (run.outcome, &qid);

          if (rec == NULL)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, rec->path);
          json_builder_set_member_name (b, "qid");
          json_builder_add_int_value (b, qid);
          json_builder_set_member_name (b, "result");
          json_builder_add_string_value (b, g_str_equal (status, SL_INTAKE_STATUS_DONE) && outcome != NULL
                                            ? outcome : status);
          if (rec->error != NULL)
            {
              json_builder_set_member_name (b, "error");
              json_builder_add_string_value (b, rec->error);
            }
          if (rec->profile_id > 0)
            {
              json_builder_set_member_name (b, "profile_id");
              json_builder_add_int_value (b, rec->profile_id);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      out = sl_json_node_to_string (root, TRUE);
      g_print ("%s\n", out);
    }
  else
    g_print ("%u file%s: %u created, %u updated, %u failed, %u duplicate%s, %u cancelled\n",
             n_files, n_files == 1 ? "" : "s", created, updated, failed,
             duplicates, duplicates == 1 ? "" : "s", cancelled);

  if (run.final != NULL)
    {
      g_signal_handlers_disconnect_by_data (pipeline, &run);
      g_hash_table_unref (run.final);
      g_hash_table_unref (run.outcome);
      g_array_unref (run.order);
    }
  return failed > 0 ? SL_CLI_SOME_FAILED : SL_CLI_OK;
}
