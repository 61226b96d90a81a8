/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-hostile: one batch of hostile files through the whole intake
 * pipeline (shortlist-cli import: sniff, ClamAV scan, archive, extract,
 * parse, store) beside two good resumes.  Each hostile file must end in a
 * final row with a readable error (failed or infected), or, for the
 * 500-page PDF, be read within its page limit; the good resumes import.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "intake/sl-pipeline.h"
#include "sl-test-hostile.h"
#include "sl-test-util.h"

typedef struct
{
  char *dir;
  char *in_dir;
  char *db_path;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("shortlist-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->in_dir = g_build_filename (f->dir, "in", NULL);
  f->db_path = g_build_filename (f->dir, "data", "shortlist.db", NULL);
  g_assert_cmpint (g_mkdir (f->in_dir, 0700), ==, 0);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  sl_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->in_dir);
  g_free (f->db_path);
}

typedef struct
{
  char *status;
  char *error;
} Row;

static Row *
row_for (sqlite3    *db,
         const char *name)
{
  sqlite3_stmt *st = NULL;
  Row *r = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT status, error FROM file_intake_queue WHERE original_name = ?"
                                       " ORDER BY qid DESC LIMIT 1", -1, &st, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (st, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      r = g_new0 (Row, 1);
      r->status = g_strdup ((const char *) sqlite3_column_text (st, 0));
      r->error = g_strdup ((const char *) sqlite3_column_text (st, 1));
    }
  sqlite3_finalize (st);
  return r;
}

static void
row_free (Row *r)
{
  g_free (r->status);
  g_free (r->error);
  g_free (r);
}

static void
assert_failed_readably (sqlite3    *db,
                        const char *name,
                        const char *status)
{
  Row *r = row_for (db, name);

  g_test_message ("%s: %s (%s)", name, r != NULL ? r->status : "no row", r != NULL && r->error ? r->error : "");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->status, ==, status);
  g_assert_nonnull (r->error);
  /* A sentence for a person: long enough, valid UTF-8, no raw pointers. */
  g_assert_cmpuint (strlen (r->error), >=, 10);
  g_assert_true (g_utf8_validate (r->error, -1, NULL));
  row_free (r);
}

static void
test_hostile_batch (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sigdir = g_build_filename (f->dir, "sigs", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_encrypted;
  const char *argv[10];
  sqlite3 *db = NULL;
  int status = 0;

  if (!sl_intake_has_rule_parser ())
    {
      g_test_skip ("built without the rule parser");
      return;
    }

  has_encrypted = sl_test_write_hostile_set (f->in_dir, sigdir, 300);

  argv[0] = g_getenv ("SHORTLIST_CLI");
  argv[1] = "--db";
  argv[2] = f->db_path;
  argv[3] = "import";
  argv[4] = "--clamav-dir";
  argv[5] = sigdir;
  argv[6] = f->in_dir;
  argv[7] = NULL;
  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("import: %s\n%s", out, err);
  /* Some files failed: exit 1, not a crash. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    Row *r1 = row_for (db, "good-1.txt");
    Row *r2 = row_for (db, "good-2.pdf");
    g_assert_nonnull (r1);
    g_assert_nonnull (r2);
    g_assert_cmpstr (r1->status, ==, "done");
    g_assert_cmpstr (r2->status, ==, "done");
    row_free (r1);
    row_free (r2);
  }
  assert_failed_readably (db, "empty.txt", "failed");
  assert_failed_readably (db, "random.pdf", "failed");
  {
    /* Not "this is a PDF; Shortlist reads PDFs". */
    Row *r = row_for (db, "random.pdf");
    g_assert_nonnull (strstr (r->error, "renamed"));
    row_free (r);
  }
  assert_failed_readably (db, "bomb.docx", "failed");
  assert_failed_readably (db, "eicar.txt", "infected");
  if (has_encrypted)
    assert_failed_readably (db, "encrypted.pdf", "failed");
  /* Invalid UTF-8: read as Latin-1/repaired or refused, never stuck. */
  {
    Row *r = row_for (db, "invalid-utf8.txt");
    g_assert_nonnull (r);
    g_test_message ("invalid-utf8.txt: %s (%s)", r->status, r->error ? r->error : "");
    g_assert_true (sl_intake_status_is_final (r->status));
    g_assert_true (g_str_equal (r->status, "done") || r->error != NULL);
    row_free (r);
  }
  /* 500 pages: read up to the page limit or refused, in either case final. */
  {
    Row *r = row_for (db, "long.pdf");
    g_assert_nonnull (r);
    g_test_message ("long.pdf: %s (%s)", r->status, r->error ? r->error : "");
    g_assert_true (sl_intake_status_is_final (r->status));
    g_assert_true (g_str_equal (r->status, "done") || r->error != NULL);
    row_free (r);
  }
  /* Nothing left queued or running. */
  {
    sqlite3_stmt *st = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM file_intake_queue WHERE status NOT IN"
                                         " ('done','failed','infected','duplicate','cancelled')", -1, &st, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (st, 0), ==, 0);
    sqlite3_finalize (st);
  }
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/hostile/batch", Fixture, NULL, setup, test_hostile_batch, teardown);
  return g_test_run ();
}
