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

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "intake/sl-pipeline.h"
#include "sl-test-util.h"

typedef struct
{
  char *dir;
  char *in_dir;
  char *db_path;
} Fixture;

static char *
in_path (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->in_dir, name, NULL);
}

static void
put (Fixture    *f,
     const char *name,
     const char *contents,
     gssize      len)
{
  g_autofree char *path = in_path (f, name);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
write_pdf_pages (const char *path,
                 const char *first_text,
                 guint       n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) lines = g_strsplit (first_text, "\n", -1);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint p = 0; p < n_pages; p++)
    {
      double y = 60;
      if (p == 0)
        for (guint i = 0; lines[i] != NULL; i++, y += 15)
          {
            cairo_move_to (cr, 50, y);
            cairo_show_text (cr, lines[i]);
          }
      else
        {
          g_autofree char *t = g_strdup_printf ("Appendix page %u: project notes and references.", p + 1);
          cairo_move_to (cr, 50, y);
          cairo_show_text (cr, t);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A .docx whose document.xml inflates to @mb megabytes of spaces. */
static void
write_zip_bomb (const char *path,
                guint       mb)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  g_autofree char *chunk = g_malloc (1 << 20);
  const char *head = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";

  memset (chunk, ' ', 1 << 20);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  archive_entry_set_pathname (e, "word/document.xml");
  archive_entry_set_size (e, (la_int64_t) strlen (head) + (la_int64_t) mb * (1 << 20));
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  archive_write_data (a, head, strlen (head));
  for (guint i = 0; i < mb; i++)
    archive_write_data (a, chunk, 1 << 20);
  archive_write_close (a);
  archive_write_free (a);
  archive_entry_free (e);
}

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
  g_autofree char *eicar = g_strconcat ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", NULL);
  g_autofree char *sigdir = g_build_filename (f->dir, "sigs", NULL);
  g_autofree char *hdb = g_build_filename (sigdir, "test.hdb", NULL);
  g_autofree char *plain_pdf = g_build_filename (f->dir, "plain.pdf", NULL);
  g_autofree char *encrypted = in_path (f, "encrypted.pdf");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *resume1 = "Henrietta Okonkwo\nhenrietta.okonkwo@example.com\n+44 20 7946 0101\n\n"
                        "EXPERIENCE\nData Analyst, Fabrikam, 2020 - Present\n\nSKILLS\nSQL, Python, Tableau\n";
  const char *resume2 = "Ludovic Strand\nludovic.strand@example.net\n+33 1 23 45 67 89\n\n"
                        "EXPERIENCE\nSite Reliability Engineer, Contoso, 2017 - 2024\n\nSKILLS\nLinux, Kubernetes, Go\n";
  guint8 random_bytes[4096];
  GRand *rand = g_rand_new_with_seed (1234);
  const char *argv[10];
  sqlite3 *db = NULL;
  int status = 0;

  if (!sl_intake_has_rule_parser ())
    {
      g_test_skip ("built without the rule parser");
      return;
    }

  /* The good ones. */
  put (f, "good-1.txt", resume1, -1);
  {
    g_autofree char *p = in_path (f, "good-2.pdf");
    write_pdf_pages (p, resume2, 1);
  }

  /* The hostile ones. */
  put (f, "empty.txt", "", 0);
  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  put (f, "random.pdf", (const char *) random_bytes, sizeof random_bytes);
  put (f, "invalid-utf8.txt", "Name \xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\x28\n\xc0\xaf\xed\xa0\x80\n", -1);
  {
    g_autofree char *bomb = in_path (f, "bomb.docx");
    g_autofree char *longpdf = in_path (f, "long.pdf");
    write_zip_bomb (bomb, 300);
    write_pdf_pages (longpdf, "Appendix volume\nno personal details\n", 500);
  }
  g_assert_cmpint (g_mkdir (sigdir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (hdb, "44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR\n", -1, NULL));
  put (f, "eicar.txt", eicar, -1);
  if (qpdf != NULL)
    {
      const char *qargv[] = { qpdf, "--encrypt", "secret-user", "secret-owner", "256", "--",
                              plain_pdf, encrypted, NULL };
      write_pdf_pages (plain_pdf, resume1, 1);
      g_spawn_sync (NULL, (char **) qargv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

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
  if (qpdf != NULL)
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
