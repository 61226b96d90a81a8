/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-intake.c: the intake pipeline with real files (generated text
 * resumes and PDFs drawn with cairo), a real SQLite database in a temporary
 * folder, the real worker threads, and the real CLI as a child process for
 * the crash test.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sl-util.h"
#include "fake-llm-server.h"
#include "intake/sl-pipeline.h"
#include "sl-test-util.h"

typedef struct
{
  char       *dir;
  char       *in;
  char       *db_path;
  SlPipeline *pipeline;
  GThread    *main_thread;
  /* What the signals said. */
  GHashTable *status;            /* qid -> last status */
  GPtrArray  *transitions;       /* "qid:status" in order */
  guint       created, updated;
  guint       progress_done, progress_total;
  gboolean    finished;
  guint       fin[5];
  gboolean    wrong_thread;
  gint64      cancel_after_done; /* cancel_all once this many rows are done */
  guint       n_done;
} Fixture;

/* Fixtures ------------------------------------------------------------------ */

static const char *first_names[] = { "Amara", "Bruno", "Chidi", "Dagny", "Elif", "Farid", "Greta", "Hiro",
                                     "Ines", "Jonas", "Kalani", "Luca", "Mira", "Nils", "Oona", "Pavel" };
static const char *last_names[] = { "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad",
                                    "Varga", "Silva", "Brennan", "Novak", "Ferreira", "Aalto" };
static const char *skills[] = { "Python", "SQL", "Docker", "Kubernetes", "Rust", "Go", "TypeScript",
                                "PostgreSQL", "Terraform", "React" };

/* An invented resume for person @i (unique name and e-mail per @i);
 * @variant changes the text but not the person. */
static char *
resume_text (guint i,
             guint variant)
{
  const char *first = first_names[i % G_N_ELEMENTS (first_names)];
  const char *last = last_names[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names)];
  g_autofree char *first_lc = g_ascii_strdown (first, -1);
  g_autofree char *last_lc = g_ascii_strdown (last, -1);

  return g_strdup_printf ("%s %s\n"
                          "%s.%s%u@example.org | +49 30 %07u | Berlin, Germany\n"
                          "\n"
                          "Summary\n"
                          "Backend engineer with %u years of experience building data platforms and APIs.\n"
                          "\n"
                          "Experience\n"
                          "Senior Software Engineer, Northwind Analytics GmbH\n"
                          "March 2019 - Present\n"
                          "Designed ingestion services in %s processing millions of events per day.\n"
                          "Software Engineer, Contoso Logistics\n"
                          "June 2015 - February 2019\n"
                          "Maintained the routing engine and its %s database.\n"
                          "\n"
                          "Education\n"
                          "B.Sc. Computer Science, Technical University of Berlin, 2011 - 2015\n"
                          "\n"
                          "Skills\n"
                          "%s, %s, %s, Git\n",
                          first, last,
                          first_lc, last_lc, i, 1000000 + i,
                          5 + variant,
                          skills[i % G_N_ELEMENTS (skills)], skills[(i + 3) % G_N_ELEMENTS (skills)],
                          skills[i % G_N_ELEMENTS (skills)], skills[(i + 1) % G_N_ELEMENTS (skills)],
                          skills[(i + 2 + variant) % G_N_ELEMENTS (skills)]);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_pdf (const char *path,
           const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double y = 60;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      cairo_set_font_size (cr, i == 0 ? 18 : 10);
      cairo_move_to (cr, 50, y);
      cairo_show_text (cr, lines[i]);
      y += i == 0 ? 26 : 14;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static char *
in_path (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->in, name, NULL);
}

/* @n invented resumes named PREFIX000.pdf (or .txt) in the input folder,
 * of persons @first, @first + 1, ... */
static void
write_resumes (Fixture    *f,
               const char *prefix,
               guint       n,
               guint       first,
               gboolean    pdf)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%03u.%s", prefix, i, pdf ? "pdf" : "txt");
      g_autofree char *p = in_path (f, name);
      g_autofree char *text = resume_text (first + i, 0);

      if (pdf)
        write_pdf (p, text);
      else
        write_text (p, text);
    }
}

/* Signals ------------------------------------------------------------------- */

static void
on_item_changed (SlPipeline *p,
                 gint64      qid,
                 const char *status,
                 Fixture    *f)
{
  if (g_thread_self () != f->main_thread)
    f->wrong_thread = TRUE;
  g_hash_table_insert (f->status, g_memdup2 (&qid, sizeof qid), g_strdup (status));
  g_ptr_array_add (f->transitions, g_strdup_printf ("%" G_GINT64_FORMAT ":%s", qid, status));
  if (g_str_equal (status, SL_INTAKE_STATUS_DONE))
    {
      f->n_done++;
      if (f->cancel_after_done > 0 && f->n_done == (guint) f->cancel_after_done)
        sl_pipeline_cancel_all (p);
    }
}

static void
on_created (SlPipeline *p, gint64 profile_id, gint64 qid, Fixture *f)
{
  g_assert_cmpint (profile_id, >, 0);
  f->created++;
}

static void
on_updated (SlPipeline *p, gint64 profile_id, gint64 qid, Fixture *f)
{
  g_assert_cmpint (profile_id, >, 0);
  f->updated++;
}

static void
on_progress (SlPipeline *p, guint done, guint total, Fixture *f)
{
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, f->progress_done);
  f->progress_done = done;
  f->progress_total = total;
}

static void
on_finished (SlPipeline *p, guint created, guint updated, guint duplicates,
             guint failed, guint cancelled, Fixture *f)
{
  f->finished = TRUE;
  f->fin[0] = created;
  f->fin[1] = updated;
  f->fin[2] = duplicates;
  f->fin[3] = failed;
  f->fin[4] = cancelled;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the pipeline");
  return G_SOURCE_REMOVE;
}

/* Runs the main context until batch-finished arrives (and the writer
 * confirms it is idle), failing after @seconds. */
static void
wait_finished (Fixture *f,
               guint    seconds)
{
  guint id = g_timeout_add_seconds (seconds, timeout_cb, NULL);

  for (;;)
    {
      while (!f->finished)
        g_main_context_iteration (NULL, TRUE);
      sl_pipeline_flush (f->pipeline);
      if (sl_pipeline_is_idle (f->pipeline))
        break;
      f->finished = FALSE;
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (id);
}

static void
reset_counts (Fixture *f)
{
  g_hash_table_remove_all (f->status);
  g_ptr_array_set_size (f->transitions, 0);
  f->created = f->updated = 0;
  f->progress_done = f->progress_total = 0;
  f->finished = FALSE;
  memset (f->fin, 0, sizeof f->fin);
  f->n_done = 0;
}

static void
open_pipeline (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->pipeline = sl_pipeline_new (f->db_path, &error);
  g_assert_no_error (error);
  g_signal_connect (f->pipeline, "item-changed", G_CALLBACK (on_item_changed), f);
  g_signal_connect (f->pipeline, "profile-created", G_CALLBACK (on_created), f);
  g_signal_connect (f->pipeline, "profile-updated", G_CALLBACK (on_updated), f);
  g_signal_connect (f->pipeline, "batch-progress", G_CALLBACK (on_progress), f);
  g_signal_connect (f->pipeline, "batch-finished", G_CALLBACK (on_finished), f);
}

static void
close_pipeline (Fixture *f)
{
  if (f->pipeline == NULL)
    return;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&f->pipeline));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-intake-XXXXXX", &error);
  g_assert_no_error (error);
  f->in = g_build_filename (f->dir, "in", NULL);
  g_assert_cmpint (g_mkdir (f->in, 0700), ==, 0);
  f->db_path = g_build_filename (f->dir, "data", "shortlist.db", NULL);
  f->main_thread = g_thread_self ();
  f->status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  f->transitions = g_ptr_array_new_with_free_func (g_free);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  close_pipeline (f);
  sl_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->in);
  g_free (f->db_path);
  g_hash_table_unref (f->status);
  g_ptr_array_unref (f->transitions);
}

static gboolean
need_parser (void)
{
  if (!sl_intake_has_rule_parser ())
    {
      g_test_skip ("built without the rule parser");
      return FALSE;
    }
  return TRUE;
}

/* Reading the database back -------------------------------------------------- */

static SlStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SlStore *store = sl_store_open (f->db_path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
count_sql (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_integrity (Fixture *f)
{
  g_autoptr(SlStore) store = open_store (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_store_check (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
}

static SlIntakeRecord *
record_for_name (SlStore    *store,
                 const char *name)
{
  for (gint64 qid = 1; qid < 10000; qid++)
    {
      g_autoptr(SlIntakeRecord) r = sl_store_intake_get_record (store, qid, NULL);
      if (r == NULL)
        break;
      if (g_strcmp0 (r->original_name, name) == 0)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static GArray *
enqueue (Fixture    *f,
         const char *path,
         const char *source)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  GArray *qids = sl_pipeline_enqueue (f->pipeline, paths, source, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (qids);
  return qids;
}

/* The invented resume of person @person as the text file @name in the
 * input folder. */
static void
write_resume_named (Fixture    *f,
                    const char *name,
                    guint       person)
{
  g_autofree char *p = in_path (f, name);
  g_autofree char *text = resume_text (person, 0);

  write_text (p, text);
}

/* Imports the input folder with a new pipeline, closed afterwards. */
static GArray *
import_folder (Fixture *f)
{
  GArray *qids;

  open_pipeline (f);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 30);
  close_pipeline (f);
  return qids;
}

/* Runs the main context for @ms milliseconds. */
static void
pump (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* Tests ---------------------------------------------------------------------- */

static void
test_mixed_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *alice = resume_text (1, 0);
  g_autofree char *alice2 = resume_text (1, 1);
  g_autofree char *bob = resume_text (2, 0);
  g_autofree char *p = NULL;
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlIntakeRecord) rec = NULL;
  g_autoptr(SlIntakeRecord) bad = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  struct stat st;

  if (!need_parser ())
    return;

  p = in_path (f, "alice.txt"); write_text (p, alice); g_clear_pointer (&p, g_free);
  p = in_path (f, "sub/copy-of-alice.txt"); write_text (p, alice); g_clear_pointer (&p, g_free);
  p = in_path (f, "sub/alice-2026.txt"); write_text (p, alice2); g_clear_pointer (&p, g_free);
  p = in_path (f, "bob.pdf"); write_pdf (p, bob); g_clear_pointer (&p, g_free);
  p = in_path (f, "broken.pdf"); write_text (p, "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"); g_clear_pointer (&p, g_free);
  p = in_path (f, "sub/stray.txt"); write_text (p, "see you at noon"); g_clear_pointer (&p, g_free);
  p = in_path (f, "notes.xyz"); write_text (p, "not a resume type"); g_clear_pointer (&p, g_free);
  p = in_path (f, ".hidden.txt"); write_text (p, alice); g_clear_pointer (&p, g_free);

  open_pipeline (f);
  sl_pipeline_set_n_workers (f->pipeline, 2);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_FOLDER);
  g_assert_cmpuint (qids->len, ==, 6);  /* .xyz and the hidden file are not taken */
  wait_finished (f, 60);

  g_assert_false (f->wrong_thread);
  /* created, updated, duplicates, failed, cancelled */
  g_assert_cmpuint (f->fin[0], ==, 2);
  g_assert_cmpuint (f->fin[1], ==, 1);
  g_assert_cmpuint (f->fin[2], ==, 1);
  g_assert_cmpuint (f->fin[3], ==, 2);   /* the broken PDF and the stray note */
  g_assert_cmpuint (f->fin[4], ==, 0);
  g_assert_cmpuint (f->created, ==, 2);
  g_assert_cmpuint (f->updated, ==, 1);
  g_assert_cmpuint (f->progress_done, ==, 6);
  g_assert_cmpuint (f->progress_total, ==, 6);

  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidates"), ==, 2);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, 2);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM profile_history"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'"), ==, 3);
  /* Written in a batch, audited one by one (a subject's audit trail). */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'profile'"
                                 " AND entity_uuid IN (SELECT uuid FROM candidate_profiles)"), ==, 2);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'profile'"
                                 " AND entity_uuid IN (SELECT uuid FROM candidate_profiles)"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE source = 'folder'"), ==, 6);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"
                                 " WHERE original_name = 'stray.txt' AND status = 'failed' AND profile_id IS NULL"), ==, 1);

  store = open_store (f);
  rec = record_for_name (store, "bob.pdf");
  g_assert_nonnull (rec);
  g_assert_cmpstr (rec->status, ==, "done");
  g_assert_cmpstr (rec->mime, ==, "application/pdf");
  g_assert_cmpint (rec->profile_id, >, 0);
  g_assert_nonnull (rec->archive_path);
  g_assert_true (g_str_has_suffix (rec->archive_path, ".pdf"));
  g_assert_nonnull (strstr (rec->archive_path, rec->sha256));
  g_assert_cmpint (g_stat (rec->archive_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *sub = g_path_get_dirname (rec->archive_path);
    g_autofree char *top = g_path_get_dirname (sub);
    g_autofree char *base = g_path_get_basename (sub);
    g_assert_cmpint (strlen (base), ==, 1);
    g_assert_true (g_str_has_prefix (rec->sha256, base));
    g_assert_cmpint (g_stat (sub, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    g_assert_cmpint (g_stat (top, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  /* Every transition is in the history, in order, with a time. */
  history = sl_store_intake_get_processing_history (store, rec->qid, &error);
  g_assert_no_error (error);
  {
    static const char * const expected[] = { "queued", "scanning", "extracting", "parsing", "finalizing", "done" };
    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < history->len; i++)
      {
        SlIntakeHistoryEntry *e = g_ptr_array_index (history, i);
        g_assert_cmpstr (e->status, ==, expected[i]);
        g_assert_nonnull (e->at);
        if (i > 0)
          g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, i - 1))->at, <=, e->at);
      }
  }
  report = sl_store_intake_get_processing_report (store, rec->qid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "\"extract\""));
  g_assert_nonnull (strstr (report, "\"parse\""));
  g_assert_nonnull (strstr (report, "\"finalize\""));
  g_assert_nonnull (strstr (report, "\"parser\""));

  /* One of the two identical files is the duplicate of the other. */
  {
    g_autoptr(SlIntakeRecord) a = record_for_name (store, "alice.txt");
    g_autoptr(SlIntakeRecord) c = record_for_name (store, "copy-of-alice.txt");
    g_autoptr(SlIntakeRecord) v2 = record_for_name (store, "alice-2026.txt");
    g_assert_cmpstr (a->sha256, ==, c->sha256);
    g_assert_true ((g_str_equal (a->status, "done") && g_str_equal (c->status, "duplicate")) ||
                   (g_str_equal (a->status, "duplicate") && g_str_equal (c->status, "done")));
    /* Linked to the same profile; the newer resume of the same person
     * updated it instead of creating a second candidate. */
    g_assert_cmpint (a->profile_id, ==, c->profile_id);
    g_assert_cmpint (v2->profile_id, ==, a->profile_id);
    g_assert_cmpstr (v2->status, ==, "done");
  }

  bad = record_for_name (store, "broken.pdf");
  g_assert_cmpstr (bad->status, ==, "failed");
  g_assert_nonnull (bad->error);
  g_assert_cmpint (bad->profile_id, ==, 0);

  /* Retry of the failed files: they fail again, but only once more. */
  reset_counts (f);
  sl_pipeline_retry (f->pipeline, 0);
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[3], ==, 2);
  g_assert_cmpuint (f->progress_total, ==, 2);
  g_clear_pointer (&bad, sl_intake_record_free);
  bad = record_for_name (store, "broken.pdf");
  g_assert_cmpstr (bad->status, ==, "failed");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = sl_store_intake_get_processing_history (store, bad->qid, &error);
  {
    guint retries = 0;
    for (guint i = 0; i < history->len; i++)
      if (g_strcmp0 (((SlIntakeHistoryEntry *) g_ptr_array_index (history, i))->detail, "retry") == 0)
        retries++;
    g_assert_cmpuint (retries, ==, 1);
  }

  /* The same folder again: nothing new is created. */
  reset_counts (f);
  g_clear_pointer (&qids, g_array_unref);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_FOLDER);
  wait_finished (f, 60);
  g_assert_cmpuint (f->fin[0], ==, 0);
  g_assert_cmpuint (f->fin[2], ==, 4);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, 2);

  close_pipeline (f);
  assert_integrity (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;
  guint done, cancelled;

  if (!need_parser ())
    return;

  /* PDFs, so that a row takes long enough (~10 ms) for the batch to be
   * still running when the cancel arrives. */
  write_resumes (f, "r", 80, 100, TRUE);

  /* One queued row cancelled while paused, then the rest cancelled in the
   * middle of the batch. */
  open_pipeline (f);
  sl_pipeline_set_n_workers (f->pipeline, 1);
  sl_pipeline_set_paused (f->pipeline, TRUE);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  g_assert_cmpuint (qids->len, ==, 80);
  sl_pipeline_cancel (f->pipeline, g_array_index (qids, gint64, 1));
  sl_pipeline_flush (f->pipeline);
  g_assert_false (sl_pipeline_is_idle (f->pipeline));
  f->cancel_after_done = 5;
  sl_pipeline_set_paused (f->pipeline, FALSE);
  wait_finished (f, 60);

  done = (guint) count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'");
  cancelled = (guint) count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'cancelled'");
  g_test_message ("%u done, %u cancelled", done, cancelled);
  g_assert_cmpuint (done, >=, 5);
  g_assert_cmpuint (cancelled, >=, 2);      /* more than the one cancelled while paused */
  g_assert_cmpuint (done + cancelled, ==, 80);
  /* Rows already claimed by the workers were cancelled too, not only
   * queued ones. */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE status = 'cancelled' AND EXISTS"
                                 " (SELECT 1 FROM json_each (q.metadata, '$.processing_history') h"
                                 "  WHERE h.value ->> '$.status' = 'scanning')"), >=, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"
                                 " WHERE status IN ('queued','scanning','extracting','parsing','finalizing')"), ==, 0);
  g_assert_cmpuint (f->fin[4], ==, cancelled);
  g_assert_cmpuint (f->fin[0], ==, done);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, done);
  store = open_store (f);
  {
    g_autoptr(SlIntakeRecord) r = sl_store_intake_get_record (store, g_array_index (qids, gint64, 1), NULL);
    g_assert_cmpstr (r->status, ==, "cancelled");
  }

  /* Retrying one cancelled row imports it. */
  reset_counts (f);
  sl_pipeline_retry (f->pipeline, g_array_index (qids, gint64, 1));
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, done + 1);

  close_pipeline (f);
  assert_integrity (f);
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) qids = NULL;
  gint64 start, done_paused;

  if (!need_parser ())
    return;

  /* Many more files than the first commit takes (the main thread sees
   * results only once they are committed), all claimed at once. */
  write_resumes (f, "p", 200, 500, TRUE);

  open_pipeline (f);
  sl_pipeline_set_n_workers (f->pipeline, 1);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  g_assert_cmpuint (qids->len, ==, 200);
  while (f->n_done < 3)
    g_main_context_iteration (NULL, TRUE);
  sl_pipeline_set_paused (f->pipeline, TRUE);
  g_assert_true (sl_pipeline_get_paused (f->pipeline));

  /* The row running when the pause came finishes; the claimed ones go back
   * to queued; then nothing moves. */
  start = g_get_monotonic_time ();
  for (;;)
    {
      sl_pipeline_flush (f->pipeline);
      if (count_sql (f, "SELECT count(*) FROM file_intake_queue"
                        " WHERE status IN ('scanning','extracting','parsing','finalizing')") == 0)
        break;
      pump (50);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
    }
  done_paused = count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'");
  g_assert_cmpint (done_paused, <, 200);
  pump (600);
  sl_pipeline_flush (f->pipeline);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'"), ==, done_paused);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'queued'"), ==, 200 - done_paused);
  g_assert_false (f->finished);
  g_assert_false (sl_pipeline_is_idle (f->pipeline));
  /* Rows sent back carry it in their history. */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE EXISTS"
                                 " (SELECT 1 FROM json_each (q.metadata, '$.processing_history') h"
                                 "  WHERE h.value ->> '$.detail' = 'paused')"), >=, 1);

  sl_pipeline_set_paused (f->pipeline, FALSE);
  wait_finished (f, 60);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'"), ==, 200);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, 200);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE"
                                 " (SELECT count(*) FROM json_each (q.metadata, '$.processing_history') h"
                                 "  WHERE h.value ->> '$.status' = 'done') <> 1"), ==, 0);
  close_pipeline (f);
  assert_integrity (f);
}

static gint64
count_final (Fixture *f)
{
  return count_sql (f, "SELECT count(*) FROM file_intake_queue"
                       " WHERE status IN ('done','failed','duplicate','cancelled','infected')");
}

static void
test_crash_resume (Fixture       *f,
                   gconstpointer  data)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  gint64 final_at_kill, start;

  if (!need_parser ())
    return;
  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI is not set");
      return;
    }

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/cv-%03u.%s", i % 2 ? "a" : "b", i, i % 25 == 0 ? "pdf" : "txt");
      g_autofree char *p = in_path (f, name);
      g_autofree char *text = resume_text (1000 + i, 0);
      if (i % 25 == 0)
        write_pdf (p, text);
      else
        write_text (p, text);
    }

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                            cli, "--db", f->db_path, "import", "--jobs", "2", f->in, NULL);
  g_assert_no_error (error);

  /* Kill it for real (SIGKILL, no clean-up) once some rows are done and
   * every file is queued: the CLI queues a folder in chunks (INSERT_CHUNK)
   * and the workers start on the first one, so 20 rows may be done before
   * the last chunk is in (the restart resumes queued rows only). */
  start = g_get_monotonic_time ();
  for (;;)
    {
      g_usleep (10 * 1000);
      if (g_file_test (f->db_path, G_FILE_TEST_EXISTS) &&
          count_sql (f, "SELECT count(*) FROM sqlite_master WHERE name = 'file_intake_queue'") == 1 &&
          count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'") >= 20 &&
          count_sql (f, "SELECT count(*) FROM file_intake_queue") == 300)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
    }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  /* On a starved machine the child may have finished first; then the
   * restart below has nothing to do, and the final checks still hold. */
  if (g_subprocess_get_if_signaled (child))
    g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  else
    g_test_message ("the CLI finished before it could be killed");
  g_clear_object (&child);

  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 300);
  final_at_kill = count_final (f);
  g_test_message ("%" G_GINT64_FORMAT " of 300 rows were final when the CLI was killed", final_at_kill);

  /* The restart finishes what was left. */
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                            cli, "--db", f->db_path, "import", "--resume", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 300);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'"), ==, 300);
  g_assert_cmpint (count_sql (f, "SELECT count(DISTINCT path) FROM file_intake_queue"), ==, 300);
  g_assert_cmpint (count_sql (f, "SELECT count(DISTINCT profile_id) FROM file_intake_queue"), ==, 300);
  /* Nothing imported twice: one candidate and one first-revision profile
   * per file, no profile history. */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidates"), ==, 300);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles WHERE revision = 1"), ==, 300);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM profile_history"), ==, 0);
  /* Each row went to done exactly once. */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE"
                                 " (SELECT count(*) FROM json_each (q.metadata, '$.processing_history') h"
                                 "  WHERE h.value ->> '$.status' = 'done') <> 1"), ==, 0);
  if (final_at_kill < 300)
    g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE EXISTS"
                                   " (SELECT 1 FROM json_each (q.metadata, '$.processing_history') h"
                                   "  WHERE h.value ->> '$.detail' = 'resumed after an interruption')"), >, 0);
  assert_integrity (f);
}

static void
test_watch_slow_writer (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = resume_text (7, 0);
  g_autofree char *known_text = resume_text (8, 0);
  g_autofree char *old_text = resume_text (9, 0);
  g_autofree char *deep_text = resume_text (10, 0);
  g_autofree char *late_text = resume_text (11, 0);
  g_autofree char *known = in_path (f, "known.txt");
  g_autofree char *old = in_path (f, "old/waiting.txt");
  g_autofree char *sub = in_path (f, "telegram");
  g_autofree char *path = in_path (f, "telegram/incoming.txt");
  g_autofree char *deep = in_path (f, "mail/2026/11/cv.txt");
  g_autofree char *late = in_path (f, "late.txt");
  g_autofree char *renamed = in_path (f, "known-renamed.txt");
  g_autofree char *sha = sl_sha256_hex ((const guint8 *) text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlIntakeRecord) rec = NULL;
  g_autoptr(GArray) qids = NULL;
  gsize len = strlen (text), step = len / 6 + 1;
  FILE *out;

  if (!need_parser ())
    return;

  /* One file imported before, one only lying there (in a subfolder). */
  write_text (known, known_text);
  open_pipeline (f);
  qids = enqueue (f, known, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 30);
  write_text (old, old_text);
  reset_counts (f);

  /* Watching starts: the file lying there is queued once, after the quiet
   * period; the one already imported is not queued again. */
  g_assert_true (sl_pipeline_watch_folder (f->pipeline, f->in, 800, &error));
  g_assert_no_error (error);
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 2);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"
                                 " WHERE source = 'watch' AND original_name = 'waiting.txt' AND status = 'done'"), ==, 1);

  /* A subfolder made after watching started, and a file written into it
   * in six pieces 250 ms apart: shorter than the quiet period, so the
   * watcher must wait for the end. */
  reset_counts (f);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  out = fopen (path, "w");
  g_assert_nonnull (out);
  for (gsize off = 0; off < len; off += step)
    {
      g_assert_cmpuint (fwrite (text + off, 1, MIN (step, len - off), out), >, 0);
      fflush (out);
      pump (250);
      g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 2);
    }
  fclose (out);

  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 3);
  store = open_store (f);
  rec = record_for_name (store, "incoming.txt");
  g_assert_nonnull (rec);
  g_assert_cmpstr (rec->source, ==, "watch");
  g_assert_cmpstr (rec->sha256, ==, sha);
  g_assert_cmpint (rec->size, ==, (gint64) len);
  g_assert_cmpstr (rec->status, ==, "done");

  /* A tree of folders made at once, with a file at the bottom. */
  reset_counts (f);
  write_text (deep, deep_text);
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE original_name = 'cv.txt'"), ==, 1);

  /* Not enqueued twice for the same unchanged files. */
  pump (1500);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 4);

  /* Watching again (the app started again): of the five files there only
   * the one that arrived meanwhile is queued -- not the one renamed
   * meanwhile either (same content as a row: left out by the writer). */
  sl_pipeline_unwatch_folder (f->pipeline, f->in);
  g_assert_cmpint (g_rename (known, renamed), ==, 0);
  write_text (late, late_text);
  reset_counts (f);
  g_assert_true (sl_pipeline_watch_folder (f->pipeline, f->in, 800, &error));
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);
  g_assert_cmpuint (f->fin[2], ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue"), ==, 5);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE original_name = 'late.txt'"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE original_name = 'known-renamed.txt'"), ==, 0);
  sl_pipeline_unwatch_folder (f->pipeline, f->in);
}

static void
test_infected_and_email (Fixture       *f,
                         gconstpointer  data)
{
  /* The EICAR test string, assembled so this source does not match. */
  g_autofree char *eicar = g_strconcat ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", NULL);
  g_autofree char *sigdir = g_build_filename (f->dir, "sigs", NULL);
  g_autofree char *hdb = g_build_filename (sigdir, "test.hdb", NULL);
  g_autofree char *virus = in_path (f, "invoice.txt");
  g_autofree char *eml = in_path (f, "application.eml");
  g_autofree char *cv = resume_text (42, 0);
  g_autofree char *b64 = g_base64_encode ((const guchar *) cv, strlen (cv));
  g_autofree char *mail = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) qids = NULL;

  if (!need_parser ())
    return;

  g_assert_cmpint (g_mkdir (sigdir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (hdb, "44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR\n", -1, NULL));
  write_text (virus, eicar);
  mail = g_strdup_printf ("From: Recruiting Inbox <jobs@example.net>\r\n"
                          "To: hr@example.com\r\n"
                          "Subject: Application for the backend role\r\n"
                          "Date: Mon, 2 Nov 2026 09:30:00 +0000\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n"
                          "\r\n"
                          "--XYZ\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n"
                          "\r\n"
                          "Hello, please find my resume attached.\r\n"
                          "--XYZ\r\n"
                          "Content-Type: text/plain; charset=utf-8; name=\"resume.txt\"\r\n"
                          "Content-Disposition: attachment; filename=\"resume.txt\"\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "\r\n"
                          "%s\r\n"
                          "--XYZ--\r\n", b64);
  write_text (eml, mail);

  open_pipeline (f);
  sl_pipeline_set_clamav_dir (f->pipeline, sigdir);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  g_assert_cmpuint (qids->len, ==, 2);
  wait_finished (f, 60);
  g_assert_cmpuint (f->fin[3], ==, 1);   /* infected counts as failed */
  g_assert_cmpuint (f->fin[0], ==, 1);

  store = open_store (f);
  {
    g_autoptr(SlIntakeRecord) r = record_for_name (store, "invoice.txt");
    g_assert_cmpstr (r->status, ==, "infected");
    g_assert_nonnull (strstr (r->error, "Test.EICAR"));
    g_assert_null (r->archive_path);   /* never copied into the archive */
  }
  {
    g_autoptr(SlIntakeRecord) r = record_for_name (store, "application.eml");
    g_autoptr(SlStoredProfile) sp = NULL;
    g_autofree char *report = NULL;
    const char *from;

    g_assert_cmpstr (r->status, ==, "done");
    g_assert_cmpstr (r->source, ==, "email");
    g_assert_cmpstr (r->mime, ==, "message/rfc822");
    sp = sl_store_get_profile (store, r->profile_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sp->source, ==, "email");
    g_assert_nonnull (sp->profile->meta.extras);
    from = g_hash_table_lookup (sp->profile->meta.extras, "email.from");
    g_assert_nonnull (from);
    g_assert_nonnull (strstr (from, "jobs@example.net"));
    g_assert_nonnull (g_hash_table_lookup (sp->profile->meta.extras, "email.subject"));
    report = sl_store_intake_get_processing_report (store, r->qid, &error);
    g_assert_nonnull (strstr (report, "source_details"));
    g_assert_nonnull (strstr (report, "Application for the backend role"));
  }
  close_pipeline (f);
  assert_integrity (f);
}

static void
test_archive_retention (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_dir = sl_intake_default_archive_dir (f->db_path);
  g_autofree char *outside = g_build_filename (f->dir, "keep-me.txt", NULL);
  g_autoptr(SlIntakeRecord) r1 = NULL;
  g_autoptr(SlIntakeRecord) r2 = NULL;
  guint removed = 0;

  if (!need_parser ())
    return;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("cv%u.txt", i);
      write_resume_named (f, name, 200 + i);
    }
  qids = import_folder (f);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE archive_path IS NOT NULL"), ==, 3);

  /* Two copies are old; one row points outside the archive (never deleted). */
  write_text (outside, "precious");
  exec_sql (f, "UPDATE file_intake_queue SET archived_at = '2020-01-01T00:00:00.000Z' WHERE qid IN (1, 2)");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE file_intake_queue SET archive_path = '%s' WHERE qid = 2", outside);
    exec_sql (f, sql);
  }
  store = open_store (f);
  r1 = sl_store_intake_get_record (store, 1, &error);
  g_assert_true (g_file_test (r1->archive_path, G_FILE_TEST_EXISTS));

  g_assert_true (sl_intake_cleanup_archives (store, archive_dir, 30, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_false (g_file_test (r1->archive_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (outside, G_FILE_TEST_EXISTS));
  g_clear_pointer (&r1, sl_intake_record_free);
  r1 = sl_store_intake_get_record (store, 1, &error);
  g_assert_null (r1->archive_path);
  r2 = sl_store_intake_get_record (store, 3, &error);
  g_assert_true (g_file_test (r2->archive_path, G_FILE_TEST_EXISTS));
  /* The profiles stay. */
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, 3);

  /* The same through the pipeline's retention setting: 0 keeps everything,
   * 30 days deletes the copy made "in 2020". */
  exec_sql (f, "UPDATE file_intake_queue SET archived_at = '2020-01-01T00:00:00.000Z' WHERE qid = 3");
  open_pipeline (f);
  sl_pipeline_set_archive_retention_days (f->pipeline, 0);
  sl_pipeline_flush (f->pipeline);
  g_assert_true (g_file_test (r2->archive_path, G_FILE_TEST_EXISTS));
  sl_pipeline_set_archive_retention_days (f->pipeline, 30);
  sl_pipeline_flush (f->pipeline);
  g_assert_false (g_file_test (r2->archive_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE archive_path IS NOT NULL"), ==, 0);
  close_pipeline (f);
}

/* A batch that cannot be committed (one row's last write refused) is
 * written again one message per transaction: only that row fails, and
 * every row's history holds each status once, in order. */
static void
test_spoiled_batch (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlIntakeRecord) bad = NULL;

  if (!need_parser ())
    return;

  write_resumes (f, "cv", 24, 300, FALSE);
  open_pipeline (f);
  exec_sql (f, "CREATE TRIGGER test_refuse BEFORE UPDATE OF status ON file_intake_queue"
               " WHEN new.status = 'done' AND new.original_name = 'cv005.txt' BEGIN"
               " SELECT RAISE (ABORT, 'refused by the test'); END;");
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 60);
  close_pipeline (f);

  g_assert_cmpuint (f->fin[0], ==, 23);
  g_assert_cmpuint (f->fin[3], ==, 1);
  store = open_store (f);
  bad = record_for_name (store, "cv005.txt");
  g_assert_cmpstr (bad->status, ==, "failed");
  g_assert_nonnull (strstr (bad->error, "refused by the test"));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue WHERE status = 'done'"), ==, 23);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE status = 'done' AND"
                                 " (SELECT group_concat (h.value ->> '$.status', ',')"
                                 "  FROM json_each (q.metadata, '$.processing_history') h)"
                                 " <> 'queued,scanning,extracting,parsing,finalizing,done'"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM file_intake_queue q WHERE"
                                 " (SELECT count(*) FROM json_each (q.metadata, '$.processing_history') h"
                                 "  WHERE h.value ->> '$.status' IN ('extracting', 'parsing', 'finalizing')) > 3"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM candidate_profiles"), ==, 23);
  assert_integrity (f);
}

/* The archive's layout: a folder per first hex digit of the hash; a copy
 * left in the older layout (a folder per two digits) is used as it is. */
static void
test_archive_layout (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *archive_dir = sl_intake_default_archive_dir (f->db_path);
  g_autofree char *old_text = resume_text (230, 0);
  g_autofree char *new_text = resume_text (231, 0);
  g_autofree char *old_in = in_path (f, "older.txt");
  g_autofree char *new_in = in_path (f, "newer.txt");
  g_autofree char *old_sha = sl_sha256_hex ((const guint8 *) old_text, strlen (old_text));
  g_autofree char *new_sha = sl_sha256_hex ((const guint8 *) new_text, strlen (new_text));
  g_autofree char *old_two = g_strndup (old_sha, 2);
  g_autofree char *old_one = g_strndup (old_sha, 1);
  g_autofree char *new_one = g_strndup (new_sha, 1);
  g_autofree char *old_name = g_strdup_printf ("%s.txt", old_sha);
  g_autofree char *new_name = g_strdup_printf ("%s.txt", new_sha);
  g_autofree char *legacy = g_build_filename (archive_dir, old_two, old_name, NULL);
  g_autofree char *not_made = g_build_filename (archive_dir, old_one, old_name, NULL);
  g_autofree char *made = g_build_filename (archive_dir, new_one, new_name, NULL);
  g_autofree char *made_dir = g_path_get_dirname (made);
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlIntakeRecord) r_old = NULL;
  g_autoptr(SlIntakeRecord) r_new = NULL;
  GStatBuf st;

  if (!need_parser ())
    return;

  write_text (old_in, old_text);
  write_text (new_in, new_text);
  write_text (legacy, old_text);
  open_pipeline (f);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 30);
  close_pipeline (f);

  store = open_store (f);
  r_old = sl_store_intake_get_record (store, g_array_index (qids, gint64, 1), &error);
  g_assert_no_error (error);
  r_new = sl_store_intake_get_record (store, g_array_index (qids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r_old->original_name, ==, "older.txt");
  g_assert_cmpstr (r_old->status, ==, "done");
  g_assert_cmpstr (r_new->status, ==, "done");
  /* The older copy is reused, not copied a second time. */
  g_assert_cmpstr (r_old->archive_path, ==, legacy);
  g_assert_false (g_file_test (not_made, G_FILE_TEST_EXISTS));
  /* A new copy goes to its one-digit folder, private to the user. */
  g_assert_cmpstr (r_new->archive_path, ==, made);
  g_assert_cmpint (g_stat (made, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (made_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *content = NULL;
    g_assert_true (g_file_get_contents (made, &content, NULL, NULL));
    g_assert_cmpstr (content, ==, new_text);
  }
}

/* Files whose names are not plain ASCII (accents, a dash, a quote, a
 * backslash) are imported, and metadata.archive keeps each name as it is. */
static void
test_archive_name_not_ascii (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const names[] = { "Zoë Müller – CV.txt", "résumé \"final\" \\ 2.txt" };
  g_autoptr(GArray) qids = NULL;
  g_autoptr(SlStore) store = NULL;

  if (!need_parser ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    write_resume_named (f, names[i], 260 + i);
  qids = import_folder (f);
  g_assert_cmpuint (qids->len, ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (f->fin[0], ==, G_N_ELEMENTS (names));

  store = open_store (f);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SlIntakeRecord) r = record_for_name (store, names[i]);
      g_autofree char *sql = NULL;

      g_assert_nonnull (r);
      g_assert_cmpstr (r->status, ==, SL_INTAKE_STATUS_DONE);
      g_assert_nonnull (r->archive_path);
      sql = g_strdup_printf ("SELECT count(*) FROM file_intake_queue WHERE qid = %" G_GINT64_FORMAT
                             " AND metadata ->> '$.archive.original_name' = original_name"
                             " AND metadata ->> '$.archive.sha256' = sha256", r->qid);
      g_assert_cmpint (count_sql (f, sql), ==, 1);
    }
}

/* A resume text (person @from, @from + 1, ...) whose hash starts with
 * (@same TRUE) or not with (@same FALSE) the hex digit @digit. */
static char *
resume_in_shard (guint   from,
                 char    digit,
                 gboolean same)
{
  for (guint i = from; i < from + 400; i++)
    {
      g_autofree char *text = resume_text (i, 0);
      g_autofree char *sha = sl_sha256_hex ((const guint8 *) text, strlen (text));
      if ((sha[0] == digit) == same)
        return g_steal_pointer (&text);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Only complete copies named by their hash in a shard folder. */
static void
assert_shard_clean (const char *shard)
{
  g_autoptr(GDir) dir = g_dir_open (shard, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (strstr (name, "tmp"));
      g_assert_cmpuint (strlen (name), ==, 64 + strlen (".txt"));
    }
}

/* The archive folder of a shard deleted by the user while Shortlist runs
 * is made again; a copy already there (same content, same name) is kept
 * as it is, not written a second time. */
static void
test_archive_shard_deleted (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *archive_dir = sl_intake_default_archive_dir (f->db_path);
  g_autofree char *first_text = resume_text (250, 0);
  g_autofree char *first_sha = sl_sha256_hex ((const guint8 *) first_text, strlen (first_text));
  g_autofree char *same_text = resume_in_shard (251, first_sha[0], TRUE);
  g_autofree char *other_text = resume_in_shard (251, first_sha[0], FALSE);
  g_autofree char *same_sha = sl_sha256_hex ((const guint8 *) same_text, strlen (same_text));
  g_autofree char *other_sha = sl_sha256_hex ((const guint8 *) other_text, strlen (other_text));
  g_autofree char *shard = g_strndup (first_sha, 1);
  g_autofree char *shard_dir = g_build_filename (archive_dir, shard, NULL);
  g_autofree char *same_name = g_strdup_printf ("%s.txt", same_sha);
  g_autofree char *other_name = g_strdup_printf ("%s.txt", other_sha);
  g_autofree char *other_shard = g_strndup (other_sha, 1);
  g_autofree char *same_copy = g_build_filename (shard_dir, same_name, NULL);
  g_autofree char *other_copy = g_build_filename (archive_dir, other_shard, other_name, NULL);
  g_autofree char *second_in = g_build_filename (f->in, "second", NULL);
  g_autofree char *first_in = in_path (f, "first.txt");
  g_autofree char *same_in = g_build_filename (second_in, "a-same.txt", NULL);
  g_autofree char *other_in = g_build_filename (second_in, "b-other.txt", NULL);
  g_autoptr(GArray) qids = NULL;
  g_autoptr(GArray) qids2 = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlIntakeRecord) r_first = NULL;
  g_autoptr(SlIntakeRecord) r_same = NULL;
  g_autoptr(SlIntakeRecord) r_other = NULL;
  GStatBuf st;
  ino_t other_ino;

  if (!need_parser ())
    return;

  write_text (first_in, first_text);
  open_pipeline (f);
  qids = enqueue (f, first_in, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 30);
  g_assert_cmpuint (f->fin[0], ==, 1);

  store = open_store (f);
  r_first = sl_store_intake_get_record (store, g_array_index (qids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (r_first->archive_path);
  g_assert_true (g_str_has_prefix (r_first->archive_path, shard_dir));
  g_assert_true (g_file_test (r_first->archive_path, G_FILE_TEST_IS_REGULAR));

  /* The user deletes the shard folder; another copy of the next file is
   * already in place (left by a run that did not get to record it). */
  g_assert_cmpint (g_unlink (r_first->archive_path), ==, 0);
  g_assert_cmpint (g_rmdir (shard_dir), ==, 0);
  write_text (other_copy, other_text);
  g_assert_cmpint (g_stat (other_copy, &st), ==, 0);
  other_ino = st.st_ino;

  write_text (same_in, same_text);
  write_text (other_in, other_text);
  reset_counts (f);
  qids2 = enqueue (f, second_in, SL_INTAKE_SOURCE_DROP);
  wait_finished (f, 30);
  close_pipeline (f);
  g_assert_cmpuint (f->fin[0], ==, 2);
  g_assert_cmpuint (f->fin[3], ==, 0);

  r_same = sl_store_intake_get_record (store, g_array_index (qids2, gint64, 0), &error);
  g_assert_no_error (error);
  r_other = sl_store_intake_get_record (store, g_array_index (qids2, gint64, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r_same->original_name, ==, "a-same.txt");
  g_assert_cmpstr (r_same->status, ==, "done");
  g_assert_cmpstr (r_other->status, ==, "done");

  /* the shard folder is back, private, with the new copy in it */
  g_assert_cmpstr (r_same->archive_path, ==, same_copy);
  g_assert_cmpint (g_stat (shard_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (same_copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *content = NULL;
    g_assert_true (g_file_get_contents (same_copy, &content, NULL, NULL));
    g_assert_cmpstr (content, ==, same_text);
  }
  assert_shard_clean (shard_dir);

  /* the copy that was there is the one named, untouched */
  g_assert_cmpstr (r_other->archive_path, ==, other_copy);
  g_assert_cmpint (g_stat (other_copy, &st), ==, 0);
  g_assert_cmpuint (st.st_ino, ==, other_ino);
  {
    g_autofree char *other_dir = g_path_get_dirname (other_copy);
    assert_shard_clean (other_dir);
  }
}

static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *p = NULL;
  g_autofree char *a = resume_text (300, 0);
  g_autofree char *b = resume_text (301, 0);

  if (!need_parser ())
    return;
  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI is not set");
      return;
    }
  p = in_path (f, "a.txt"); write_text (p, a); g_clear_pointer (&p, g_free);
  p = in_path (f, "deep/b.pdf"); write_pdf (p, b); g_clear_pointer (&p, g_free);
  p = in_path (f, "deep/empty.txt"); write_text (p, ""); g_clear_pointer (&p, g_free);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            cli, "--db", f->db_path, "import", "--jobs", "2", f->in, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 1);   /* the empty file failed */
  g_assert_nonnull (strstr (out, "3 files: 2 created, 0 updated, 1 failed, 0 duplicates, 0 cancelled"));
  g_assert_nonnull (strstr (out, "[3/3]"));       /* plain lines when not a terminal */
  g_assert_nonnull (strstr (err, "empty.txt"));   /* each failure with its reason */
  g_clear_object (&child);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            cli, "--db", f->db_path, "import", "--json", f->in, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 1);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *o;
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    o = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (o, "created"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (o, "duplicates"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (o, "failed"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "files")), ==, 3);
  }
  g_clear_object (&child);

  /* Retention from the command line. */
  exec_sql (f, "UPDATE file_intake_queue SET archived_at = '2020-01-01T00:00:00.000Z'");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            cli, "--db", f->db_path, "archive", "--cleanup", "--older-than", "30", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_nonnull (strstr (out, "3 archive copies deleted"));
  assert_integrity (f);
}

/* On a terminal the CLI draws a progress bar (done/total, files/s, ETA) on
 * stderr instead of one line per file; the summary still ends stdout. */
static void
test_cli_progress_bar (Fixture       *f,
                       gconstpointer  data)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) tty = g_string_new (NULL);
  g_autofree char *out = NULL;
  int master = -1, slave = -1;
  char buf[4096];
  gssize n;

  if (!need_parser ())
    return;
  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI is not set");
      return;
    }
  write_resumes (f, "cv", 12, 600, FALSE);
  g_assert_cmpint (openpty (&master, &slave, NULL, NULL, NULL), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_take_stderr_fd (launcher, slave);
  child = g_subprocess_launcher_spawn (launcher, &error, cli, "--db", f->db_path, "import", "--jobs", "2", f->in, NULL);
  g_assert_no_error (error);
  g_clear_object (&launcher);   /* closes our copy of the terminal's other end */
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);

  /* Everything the child wrote is buffered in the terminal; read it. */
  g_assert_cmpint (fcntl (master, F_SETFL, O_NONBLOCK), ==, 0);
  while ((n = read (master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (tty, buf, n);
  close (master);

  {
    g_autofree char *shown = g_strdelimit (g_strdup (tty->str), "\r\n", '|');
    g_test_message ("terminal: %s", shown);
  }
  g_assert_nonnull (strstr (tty->str, "12/12"));
  g_assert_nonnull (strstr (tty->str, "files/s"));
  g_assert_nonnull (strstr (tty->str, "ETA"));
  g_assert_nonnull (strstr (tty->str, "[##############################]"));
  g_assert_nonnull (strchr (tty->str, '\r'));            /* redrawn in place */
  g_assert_null (strstr (out, "[12/12]"));                /* no per-file lines */
  g_assert_nonnull (strstr (out, "12 files: 12 created, 0 updated, 0 failed, 0 duplicates, 0 cancelled"));
}

static void
test_llm_and_fallback (Fixture       *f,
                       gconstpointer  data)
{
  static const char answer[] =
    "{\"basics\":{\"name\":\"Amara Lindqvist\",\"label\":\"Senior Software Engineer\"},"
    "\"work\":[{\"name\":\"Northwind Analytics GmbH\",\"position\":\"Senior Software Engineer\","
    "\"startDate\":\"2019-03\",\"endDate\":\"present\"},"
    "{\"name\":\"Contoso Logistics\",\"position\":\"Software Engineer\","
    "\"startDate\":\"2015-06\",\"endDate\":\"2019-02\"}],"
    "\"skills\":[{\"name\":\"Python\"},{\"name\":\"Git\"}]}";
  FakeLlmServer *server = NULL;
  g_autoptr(SlLlmConfig) config = NULL;
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) qids = NULL;
  g_autofree char *base = NULL;

  if (!need_parser ())
    return;

  /* Person 400 is Amara Lindqvist; the first request gets a model answer,
   * the second a server error, so the rules' result is kept. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("cv%u.txt", i);
      g_autofree char *p = in_path (f, name);
      g_autofree char *text = resume_text (400 + i, 0);
      write_text (p, text);
    }
  server = fake_llm_server_new ();
  fake_llm_server_push_answer (server, answer, 0);
  fake_llm_server_push_status (server, 500, "{\"error\":{\"message\":\"overloaded\"}}", NULL, 0);
  config = sl_llm_config_new_preset ("ollama", &error);
  g_assert_no_error (error);
  base = g_strconcat (fake_llm_server_get_url (server), "/v1", NULL);
  sl_llm_config_set_base_url (config, base);
  sl_llm_config_set_model (config, "test-model");
  config->max_retries = 0;
  config->timeout_ms = 5000;
  client = sl_llm_client_new (config, &error);
  g_assert_no_error (error);

  open_pipeline (f);
  sl_pipeline_set_n_workers (f->pipeline, 1);   /* requests in row order */
  sl_pipeline_set_llm_client (f->pipeline, client);
  qids = enqueue (f, f->in, SL_INTAKE_SOURCE_DROP);
  g_assert_cmpuint (qids->len, ==, 2);
  wait_finished (f, 60);
  g_assert_cmpuint (f->fin[0], ==, 2);
  g_assert_cmpuint (f->fin[3], ==, 0);
  g_assert_cmpuint (fake_llm_server_n_requests (server), ==, 2);

  store = open_store (f);
  {
    g_autoptr(SlIntakeRecord) r = sl_store_intake_get_record (store, g_array_index (qids, gint64, 0), &error);
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile (store, r->profile_id, &error);
    g_autofree char *report = sl_store_intake_get_processing_report (store, r->qid, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sp->profile->meta.parser, ==, "rules+llm");
    g_assert_cmpstr (sp->profile->meta.model, ==, "test-model");
    g_assert_nonnull (strstr (report, "\"parser\":\"rules+llm\""));
    g_assert_nonnull (strstr (report, "\"model\":\"test-model\""));
    g_assert_nonnull (strstr (report, "\"llm\":"));
    /* Contacts come from the rules (the model gave none). */
    g_assert_nonnull (sp->profile->personal.email);
  }
  {
    g_autoptr(SlIntakeRecord) r = sl_store_intake_get_record (store, g_array_index (qids, gint64, 1), &error);
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile (store, r->profile_id, &error);
    g_autofree char *report = sl_store_intake_get_processing_report (store, r->qid, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (r->status, ==, "done");
    g_assert_cmpstr (sp->profile->meta.parser, ==, "rules");
    g_assert_nonnull (strstr (report, "llm: "));
  }
  close_pipeline (f);
  fake_llm_server_free (server);
}

static void
test_statuses (void)
{
  g_assert_true (sl_intake_status_is_final ("done"));
  g_assert_true (sl_intake_status_is_final ("infected"));
  g_assert_false (sl_intake_status_is_final ("parsing"));
  g_assert_true (sl_intake_status_is_working ("finalizing"));
  g_assert_false (sl_intake_status_is_working ("queued"));
  g_assert_true (sl_intake_is_supported_name ("/x/CV Final.PDF"));
  g_assert_true (sl_intake_is_supported_name ("mail.eml"));
  g_assert_false (sl_intake_is_supported_name ("/x/.hidden.pdf"));
  g_assert_false (sl_intake_is_supported_name ("~$lock.docx"));
  g_assert_false (sl_intake_is_supported_name ("movie.mkv"));
  g_assert_false (sl_intake_is_supported_name ("download.pdf.part"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  g_test_add_func ("/intake/statuses", test_statuses);
  ADD ("/intake/mixed-folder", test_mixed_folder);
  ADD ("/intake/cancel", test_cancel);
  ADD ("/intake/pause-resume", test_pause_resume);
  ADD ("/intake/crash-resume", test_crash_resume);
  ADD ("/intake/watch-slow-writer", test_watch_slow_writer);
  ADD ("/intake/infected-and-email", test_infected_and_email);
  ADD ("/intake/archive-retention", test_archive_retention);
  ADD ("/intake/archive-layout", test_archive_layout);
  ADD ("/intake/archive-shard-deleted", test_archive_shard_deleted);
  ADD ("/intake/archive-name-not-ascii", test_archive_name_not_ascii);
  ADD ("/intake/spoiled-batch", test_spoiled_batch);
  ADD ("/intake/cli-import", test_cli_import);
  ADD ("/intake/cli-progress-bar", test_cli_progress_bar);
  ADD ("/intake/llm-and-fallback", test_llm_and_fallback);
#undef ADD

  return g_test_run ();
}
