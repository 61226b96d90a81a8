/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests for src/store on real SQLite files in a temporary folder: opening
 * and migrations, the profile writer, the intake repository, search and
 * statistics.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "store/sl-store.h"
#include "store/sl-store-intake.h"

typedef struct
{
  char    *dir;
  char    *path;
  SlStore *store;
} Fixture;

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("shortlist-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "shortlist.db", NULL);
  f->store = sl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A generated profile; every argument may be NULL. */
static SlProfile *
make_profile (const char *name,
              const char *email,
              const char *phone,
              const char *skills,      /* comma separated */
              const char *title,
              const char *company,
              const char *start,
              const char *location)
{
  SlProfile *p = sl_profile_new ();

  p->personal.name = g_strdup (name);
  p->personal.email = g_strdup (email);
  p->personal.phone = g_strdup (phone);
  p->personal.location = g_strdup (location);
  if (skills != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (skills, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (p->skills, sl_skill_new (g_strstrip (parts[i]), NULL));
    }
  if (title != NULL || company != NULL)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      w->title = g_strdup (title);
      w->company = g_strdup (company);
      w->start = g_strdup (start);
      w->end = g_strdup (start != NULL ? "2024-01" : NULL);
      g_ptr_array_add (p->work, w);
    }
  p->source = g_strdup ("cli");
  return p;
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

/* Opening and migrations ------------------------------------------------- */

static void
test_open_creates (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->path);
  GStatBuf st;

  g_assert_cmpint (sl_store_get_schema_version (f->store), ==, SL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_rows (f, "PRAGMA page_size"), ==, 8192);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sqlite_master WHERE name = 'profiles_fts'"), ==, 1);
  g_assert_cmpstr (sl_store_get_path (f->store), ==, f->path);

  /* Reopening an up-to-date database changes nothing. */
  g_clear_object (&f->store);
  {
    g_autoptr(GError) error = NULL;
    f->store = sl_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sl_store_get_schema_version (f->store), ==, SL_STORE_SCHEMA_VERSION);
  }
}

static void
test_open_refuses_newer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;
  SlStore *store;

  g_assert_finalize_object (g_steal_pointer (&f->store));

  /* Write a newer version with plain SQLite, in rollback-journal mode so
   * the whole database is in the one file we compare. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  store = sl_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));

  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_open_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shortlist-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  SlStore *store;

  g_assert_true (g_file_set_contents (path, "this is certainly not an SQLite file, it is text text text text text text text text text text text text text text text", -1, NULL));
  store = sl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_CORRUPT);
  rm_rf (dir);
}

static void
test_open_readonly (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("Ada Reader", "ada@example.org", NULL, "C", NULL, NULL, NULL, NULL);
  g_autoptr(SlStore) ro = NULL;
  g_autoptr(SlStoredProfile) sp = NULL;
  gint64 id;

  id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  ro = sl_store_open_full (f->path, SL_STORE_OPEN_READONLY, &error);
  g_assert_no_error (error);
  sp = sl_store_get_profile (ro, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp->profile->personal.name, ==, "Ada Reader");
  g_assert_cmpint (sl_store_create_profile_from_parsed_data (ro, p, NULL, NULL, &error), ==, 0);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID);
}

/* The profile writer ----------------------------------------------------- */

static void
test_create_and_get (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("Grace Hopper", " Grace.Hopper@Example.ORG ", "+1 (555) 010-7788",
                                         "COBOL, Compilers", "Rear Admiral", "US Navy", "1943-01", "Arlington, VA");
  g_autoptr(SlStoredProfile) sp = NULL;
  g_autoptr(SlStoredProfile) by_uuid = NULL;
  g_autoptr(SlStoredProfile) by_email = NULL;
  g_autoptr(SlCandidate) c = NULL;
  SlWriteOutcome outcome = SL_WRITE_FAILED;
  gint64 id;

  id = sl_store_create_profile_from_parsed_data (f->store, p, "raw text of the resume", &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (outcome, ==, SL_WRITE_CREATED);

  sp = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp->revision, ==, 1);
  g_assert_cmpstr (sp->raw_text, ==, "raw text of the resume");
  g_assert_cmpstr (sp->source, ==, "cli");
  g_assert_true (sl_profile_equal (sp->profile, p));
  g_assert_true (g_uuid_string_is_valid (sp->uuid));

  by_uuid = sl_store_get_profile_by_uuid (f->store, sp->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_uuid->id, ==, id);
  by_email = sl_store_get_profile_by_email (f->store, "GRACE.hopper@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_email->id, ==, id);

  c = sl_store_get_candidate_by_email (f->store, "grace.hopper@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->email, ==, "grace.hopper@example.org");
  g_assert_cmpstr (c->name, ==, "Grace Hopper");
  g_assert_cmpint (c->id, ==, sp->candidate_id);

  g_assert_null (sl_store_get_profile (f->store, id + 100, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sl_store_get_candidate_by_email (f->store, "nobody@example.org", &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);

  /* Denormalised columns for the list view. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE current_title = 'Rear Admiral'"
                                  " AND current_company = 'US Navy' AND location = 'Arlington, VA'"
                                  " AND email = 'grace.hopper@example.org'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"), ==, 1);
  /* No personal data in the audit log. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit_log WHERE details LIKE '%grace%'"
                                  " OR details LIKE '%Hopper%'"), ==, 0);
}

static void
test_update_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p1 = make_profile ("Linus T", "linus@example.org", NULL, "C", "Maintainer", "OSDL", "2003-06", NULL);
  g_autoptr(SlProfile) p2 = make_profile ("Linus Torvalds", "linus@example.org", NULL, "C, Git", "Fellow", "Linux Foundation", "2007-01", NULL);
  g_autoptr(SlStoredProfile) sp = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SlProfile) old = NULL;
  SlProfileVersion *v;
  gint64 id;

  id = sl_store_create_profile_from_parsed_data (f->store, p1, "first text", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_update_profile_from_parsed_data (f->store, id, p2, NULL, "reparse", &error));
  g_assert_no_error (error);

  sp = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp->revision, ==, 2);
  g_assert_true (sl_profile_equal (sp->profile, p2));
  g_assert_cmpstr (sp->raw_text, ==, "first text");   /* NULL kept the text */

  history = sl_store_get_profile_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  v = g_ptr_array_index (history, 0);
  g_assert_cmpint (v->revision, ==, 1);
  g_assert_cmpstr (v->reason, ==, "reparse");
  old = sl_profile_from_json (v->profile_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_profile_equal (old, p1));

  /* The index follows the update (triggers). */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'foundation'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'osdl'"), ==, 0);

  g_assert_false (sl_store_update_profile_from_parsed_data (f->store, id + 50, p2, NULL, NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
}

static void
test_email_dedupe (Fixture       *f,
                   gconstpointer  data)
{
  const char *variants[] = { "mary@example.org", "  Mary@Example.org", "MARY@EXAMPLE.ORG  ", "mary@example.ORG" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *name = g_strdup_printf ("Mary Variant %u", i);
      g_autoptr(SlProfile) p = make_profile (name, variants[i], NULL, "Rust", NULL, NULL, NULL, NULL);
      SlWriteOutcome outcome;
      gint64 id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, &outcome, &error);
      g_assert_no_error (error);
      if (i == 0)
        {
          first = id;
          g_assert_cmpint (outcome, ==, SL_WRITE_CREATED);
        }
      else
        {
          g_assert_cmpint (id, ==, first);
          g_assert_cmpint (outcome, ==, SL_WRITE_UPDATED);
        }
    }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidates"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 1);
  history = sl_store_get_profile_history (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((SlProfileVersion *) g_ptr_array_index (history, 0))->reason, ==, "reimport");
  g_assert_cmpint (((SlProfileVersion *) g_ptr_array_index (history, 0))->revision, ==, 3);
}

static void
test_phone_fallback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) a = make_profile ("Phone Only", NULL, "+49 30 1234567", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SlProfile) b = make_profile ("Phone Only", NULL, "+49-30-123 45 67", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SlProfile) c = make_profile ("Phone Mail", "pm@example.org", "+4930 1234567", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SlProfile) d = make_profile ("Someone Else", "other@example.org", "+49 30 1234567", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SlCandidate) cand = NULL;
  gint64 ia, ib, ic, id;

  ia = sl_store_create_profile_from_parsed_data (f->store, a, NULL, NULL, &error);
  g_assert_no_error (error);
  ib = sl_store_create_profile_from_parsed_data (f->store, b, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ia, ==, ib);
  /* The phone joins a candidate without an e-mail, and gives it one. */
  ic = sl_store_create_profile_from_parsed_data (f->store, c, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ic, ==, ia);
  cand = sl_store_get_candidate_by_email (f->store, "PM@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cand->phone, ==, "+49301234567");
  /* Same phone, different e-mail: a different person. */
  id = sl_store_create_profile_from_parsed_data (f->store, d, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, ia);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidates"), ==, 2);
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(SlProfile) pre = make_profile ("Pre Existing", "pre@example.org", NULL, "Perl", "Sysadmin", "Old Corp", "2001", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  const char *raw[6] = { "alpha text", "beta text", NULL, "delta text", "again", "pre again" };
  SlWriteResult *r;
  gint64 pre_id;

  pre_id = sl_store_create_profile_from_parsed_data (f->store, pre, NULL, NULL, &error);
  g_assert_no_error (error);

  g_ptr_array_add (profiles, make_profile ("Alpha One", "alpha@example.org", NULL, "Go", "Dev", "A Inc", "2020", NULL));
  g_ptr_array_add (profiles, make_profile ("Beta Two", "beta@example.org", NULL, "Java", "Dev", "B Inc", "2019", NULL));
  g_ptr_array_add (profiles, NULL);   /* fails */
  g_ptr_array_add (profiles, make_profile ("Delta Four", NULL, NULL, "Haskell", NULL, NULL, NULL, NULL));
  g_ptr_array_add (profiles, make_profile ("Alpha Again", "ALPHA@example.org", NULL, "Go, Kubernetes", "Lead", "A Inc", "2020", NULL));
  g_ptr_array_add (profiles, make_profile ("Pre Existing", "pre@example.org", NULL, "Perl, Ansible", "SRE", "New Corp", "2015", NULL));

  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata,
                                           raw, profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 6);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->outcome, ==, SL_WRITE_CREATED);
  g_assert_cmpint (r->profile_id, >, pre_id);
  r = g_ptr_array_index (results, 2);
  g_assert_cmpint (r->outcome, ==, SL_WRITE_FAILED);
  g_assert_nonnull (r->error);
  g_assert_cmpint (r->profile_id, ==, 0);
  r = g_ptr_array_index (results, 4);
  g_assert_cmpint (r->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (r->profile_id, ==, ((SlWriteResult *) g_ptr_array_index (results, 0))->profile_id);
  r = g_ptr_array_index (results, 5);
  g_assert_cmpint (r->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (r->profile_id, ==, pre_id);

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profile_history"), ==, 2);
  /* The batch index holds the final version of every row, also the one
   * created and updated inside the batch and the one from before it. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'kubernetes'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'ansible'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'sysadmin'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'haskell'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT value FROM store_state WHERE key = 'fts_auto'"), ==, 1);
  g_assert_true (sl_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "in step"));

  /* Empty input is fine. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = sl_store_bulk_create_profiles (f->store, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_check_detects_fts_drift (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("Drift Test", "drift@example.org", NULL, "Fortran", NULL, NULL, NULL, NULL);
  sqlite3 *db = NULL;

  sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_check (f->store, NULL, &error));

  /* Break the index behind the store's back. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE store_state SET value = 0 WHERE key = 'fts_auto';"
                                 "INSERT INTO candidate_profiles (uuid, candidate_id, created_at, updated_at, name)"
                                 " VALUES ('x', 1, 'now', 'now', 'Unindexed');"
                                 "UPDATE store_state SET value = 1 WHERE key = 'fts_auto';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (sl_store_check (f->store, NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "index"));
}

static void
test_explicit_transaction (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("Tx Person", "tx@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
  SlIntakeRecord rec = { 0 };
  gint64 qid, id;

  rec.path = (char *) "/tmp/tx.pdf";
  g_assert_true (sl_store_begin (f->store, &error));
  qid = sl_store_intake_add (f->store, &rec, &error);
  g_assert_no_error (error);
  id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_store_intake_update_profile_id (f->store, qid, id, &error));
  sl_store_rollback (f->store);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM file_intake_queue"), ==, 0);

  g_assert_true (sl_store_begin (f->store, &error));
  qid = sl_store_intake_add (f->store, &rec, &error);
  id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_true (sl_store_intake_update_profile_id (f->store, qid, id, &error));
  g_assert_true (sl_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM file_intake_queue WHERE profile_id IS NOT NULL"), ==, 1);
}

/* The intake repository -------------------------------------------------- */

static void
test_intake_repository (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlIntakeRecord) got = NULL;
  g_autoptr(SlIntakeRecord) copy = NULL;
  g_autoptr(SlIntakeRecord) by_hash = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(SlProfile) p = make_profile ("Intake Person", "intake@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *parsed = NULL;
  g_autofree char *report = NULL;
  g_autofree char *none = NULL;
  g_autofree char *pjson = sl_profile_to_json (p, FALSE);
  SlIntakeRecord rec = { 0 };
  SlIntakeHistoryEntry *e;
  gint64 q1, q2, pid;

  rec.path = (char *) "/home/u/Downloads/cv.pdf";
  rec.original_name = (char *) "cv.pdf";
  rec.sha256 = (char *) "aaaa";
  rec.size = 1234;
  rec.mime = (char *) "application/pdf";
  rec.source = (char *) "drop";
  q1 = sl_store_intake_add (f->store, &rec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q1, >, 0);
  rec.sha256 = (char *) "bbbb";
  q2 = sl_store_intake_add (f->store, &rec, &error);
  g_assert_no_error (error);

  got = sl_store_intake_get_record (f->store, q1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->status, ==, SL_INTAKE_STATUS_QUEUED);
  g_assert_cmpstr (got->original_name, ==, "cv.pdf");
  g_assert_cmpint (got->size, ==, 1234);
  g_assert_cmpint (got->profile_id, ==, 0);
  copy = sl_intake_record_copy (got);
  g_assert_cmpstr (copy->uuid, ==, got->uuid);

  by_hash = sl_store_intake_find_by_sha256 (f->store, "bbbb", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_hash->qid, ==, q2);
  g_assert_null (sl_store_intake_find_by_sha256 (f->store, "cccc", &error));
  g_assert_no_error (error);

  /* Parsed output and report round-trip as JSON. */
  none = sl_store_intake_get_parsed_output (f->store, q1, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (sl_store_intake_set_status (f->store, q1, SL_INTAKE_STATUS_EXTRACTING, NULL, &error));
  g_assert_true (sl_store_intake_set_status (f->store, q1, SL_INTAKE_STATUS_PARSING, "rules", &error));
  g_assert_true (sl_store_intake_set_parsed_output (f->store, q1, pjson, &error));
  g_assert_no_error (error);
  parsed = sl_store_intake_get_parsed_output (f->store, q1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SlProfile) back = sl_profile_from_json (parsed, -1, &error);
    g_assert_no_error (error);
    g_assert_true (sl_profile_equal (back, p));
  }
  g_assert_false (sl_store_intake_set_parsed_output (f->store, q1, "{not json", &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sl_store_intake_save_processing_report (f->store, q1,
                 "{\"timings\":{\"extract\":12.5,\"parse\":30}}", &error));
  report = sl_store_intake_get_processing_report (f->store, q1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "\"extract\":12.5"));

  pid = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_true (sl_store_intake_update_profile_id (f->store, q1, pid, &error));
  g_assert_true (sl_store_intake_set_status (f->store, q1, SL_INTAKE_STATUS_DONE, NULL, &error));
  g_assert_true (sl_store_intake_set_error (f->store, q2, "The PDF is encrypted", &error));
  g_assert_no_error (error);

  history = sl_store_intake_get_processing_history (f->store, q1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  e = g_ptr_array_index (history, 0);
  g_assert_cmpstr (e->status, ==, "queued");
  e = g_ptr_array_index (history, 2);
  g_assert_cmpstr (e->status, ==, "parsing");
  g_assert_cmpstr (e->detail, ==, "rules");
  g_assert_nonnull (e->at);
  e = g_ptr_array_index (history, 3);
  g_assert_cmpstr (e->status, ==, "done");
  g_assert_null (e->detail);

  g_clear_pointer (&got, sl_intake_record_free);
  got = sl_store_intake_get_record (f->store, q2, &error);
  g_assert_cmpstr (got->status, ==, "failed");
  g_assert_cmpstr (got->error, ==, "The PDF is encrypted");

  queued = sl_store_intake_get_records_by_status (f->store, "done", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued->len, ==, 1);
  g_assert_cmpint (((SlIntakeRecord *) g_ptr_array_index (queued, 0))->profile_id, ==, pid);
  failed = sl_store_intake_get_records_by_status (f->store, "failed", 10, &error);
  g_assert_cmpuint (failed->len, ==, 1);

  g_assert_true (sl_store_intake_update_archive_metadata (f->store, q1, "/archive/2026/cv.pdf",
                                                          "{\"compressed\":true}", &error));
  g_assert_no_error (error);
  old = sl_store_intake_get_old_archives (f->store, "9999-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->len, ==, 1);
  g_assert_cmpstr (((SlIntakeRecord *) g_ptr_array_index (old, 0))->archive_path, ==, "/archive/2026/cv.pdf");
  g_assert_nonnull (strstr (((SlIntakeRecord *) g_ptr_array_index (old, 0))->metadata, "\"compressed\":true"));
  g_clear_pointer (&old, g_ptr_array_unref);
  old = sl_store_intake_get_old_archives (f->store, "2000-01-01", &error);
  g_assert_cmpuint (old->len, ==, 0);

  /* Missing records and bad input are errors, not crashes. */
  g_assert_false (sl_store_intake_set_status (f->store, 9999, "done", NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_store_intake_set_status (f->store, q1, "", NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sl_store_intake_get_processing_history (f->store, 9999, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sl_store_intake_get_record (f->store, 9999, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  rec.path = NULL;
  g_assert_cmpint (sl_store_intake_add (f->store, &rec, &error), ==, 0);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID);
}

/* Two connections: a worker's store sees what the other wrote. */
static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) other = sl_store_open (f->path, &error);
  g_autoptr(SlProfile) p = make_profile ("Two Conn", "two@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SlStoredProfile) sp = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = sl_store_create_profile_from_parsed_data (other, p, NULL, NULL, &error);
  g_assert_no_error (error);
  sp = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp->profile->personal.email, ==, "two@example.org");
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/open/creates", test_open_creates);
  ADD ("/store/open/refuses-newer", test_open_refuses_newer);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("/store/open/readonly", test_open_readonly);
  ADD ("/store/profile/create-and-get", test_create_and_get);
  ADD ("/store/profile/update-history", test_update_history);
  ADD ("/store/profile/email-dedupe", test_email_dedupe);
  ADD ("/store/profile/phone-fallback", test_phone_fallback);
  ADD ("/store/profile/bulk", test_bulk);
  ADD ("/store/profile/explicit-transaction", test_explicit_transaction);
  ADD ("/store/check/fts-drift", test_check_detects_fts_drift);
  ADD ("/store/intake/repository", test_intake_repository);
  ADD ("/store/two-connections", test_two_connections);
#undef ADD

  return g_test_run ();
}
