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
#include "store/sl-query.h"
#include "store/sl-store-extras.h"
#include "store/sl-store-intake.h"
#include "store/sl-store-queue.h"
#include "store/sl-store-search.h"
#include "store/sl-store-stats.h"
#include "store/sl-store-private.h"
#include "sl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SlStore *store;
} Fixture;

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
  sl_test_rm_rf (f->dir);
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

/* Runs @sql on a connection of its own, behind the store's back. */
static void
exec_rw (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
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

/* The statement of @sql from the store's cache, stepped once: its integer. */
static gint64
cached_value (Fixture    *f,
              const char *sql,
              SlStmt    **out)
{
  g_autoptr(GError) error = NULL;
  SlStmt *st = sl_store_stmt (f->store, sql, &error);
  gint64 v;

  g_assert_no_error (error);
  g_assert_nonnull (st);
  g_assert_cmpstr (sqlite3_sql (st), ==, sql);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (st, 0);
  sl_stmt_release (st);
  *out = st;
  return v;
}

/* The statement cache finds a text again by its address; a buffer that
 * now holds another text gets that text's statement, not the old one. */
static void
test_stmt_cache (Fixture       *f,
                 gconstpointer  data)
{
  char sql[64];
  SlStmt *one, *two, *again;

  g_strlcpy (sql, "SELECT 1", sizeof sql);
  g_assert_cmpint (cached_value (f, sql, &one), ==, 1);
  g_assert_cmpint (cached_value (f, sql, &again), ==, 1);
  g_assert_true (again == one);

  g_strlcpy (sql, "SELECT 2", sizeof sql);
  g_assert_cmpint (cached_value (f, sql, &two), ==, 2);
  g_assert_true (two != one);

  g_strlcpy (sql, "SELECT 1", sizeof sql);
  g_assert_cmpint (cached_value (f, sql, &again), ==, 1);
  g_assert_true (again == one);
  /* The same text at another address: the same statement. */
  g_assert_cmpint (cached_value (f, "SELECT 2", &again), ==, 2);
  g_assert_true (again == two);
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
  sl_test_rm_rf (dir);
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
  /* The entry names the new profile and its first revision. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit_log a JOIN candidate_profiles p"
                                  " ON p.uuid = a.entity_uuid WHERE a.action = 'create'"
                                  " AND a.entity = 'profile' AND a.details = '{\"revision\":1}'"), ==, 1);
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

/* The first column of the first row of @sql on the database at @path. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  sqlite3_close (db);
  return out;
}

/* A bulk write with the rows made beforehand (as the intake's workers make
 * them) stores exactly what the bulk write makes them itself: profiles,
 * candidates, skill counts with their labels, ranking rows, audit entries
 * and the search index, for creates, an update inside the bulk, an update
 * of a profile from before it and a failing item. */
static void
test_bulk_prepared (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const dumps[] = {
    "SELECT json_group_array (json_array (revision, deleted, source, name, email, location, current_title,"
    " current_company, experience_months, skills_text, titles_text, companies_text, schools_text,"
    " personal_info, work_experience, education, skills, certifications, languages, projects,"
    " achievements, interests, metadata, raw_text)) FROM (SELECT * FROM candidate_profiles ORDER BY id)",
    "SELECT json_group_array (json_array (name, email, phone)) FROM (SELECT * FROM candidates ORDER BY id)",
    "SELECT json_group_array (json_array (skill, profiles, label)) FROM (SELECT * FROM skill_counts ORDER BY skill)",
    "SELECT json_group_array (json_array (profile_id, candidate_id, months, last_active, title, location,"
    " languages, skills)) FROM (SELECT * FROM rank_features ORDER BY profile_id)",
    "SELECT json_group_array (json_array (action, entity, details)) FROM (SELECT * FROM audit_log ORDER BY id)",
    "SELECT json_group_array (json_array (profile_id, revision, reason)) FROM (SELECT * FROM profile_history ORDER BY id)",
    "SELECT json_group_array (rowid) FROM profiles_fts WHERE profiles_fts MATCH 'go OR kubernetes OR perl OR \"new corp\"'",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(SlStore) other = sl_store_open (other_path, &error);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_row_free);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(SlProfile) pre = make_profile ("Pre Existing", "pre@example.org", NULL, "Perl", "Sysadmin", "Old Corp", "2001", NULL);
  const char *raw[6] = { "alpha text", "beta text", NULL, "delta text", "again", "pre again" };
  SlProfile *p;

  g_assert_no_error (error);
  g_assert_cmpint (sl_store_create_profile_from_parsed_data (f->store, pre, NULL, NULL, &error), >, 0);
  g_assert_cmpint (sl_store_create_profile_from_parsed_data (other, pre, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  p = make_profile ("Alpha One", "alpha@example.org", "+49 30 1234567", "Go, go, Kubernetes", "Dev", "A Inc", "2020", "Berlin");
  /* A canonical name before a spelling of it as written, and one sorting
   * the other way: the label is the smallest spelling either way. */
  g_ptr_array_add (p->skills, sl_skill_new ("golang", "GO"));
  g_ptr_array_add (p->skills, sl_skill_new ("k8s", "kubernetes"));
  g_ptr_array_add (p->languages, sl_language_new ("German", "C1"));
  ((SlWorkEntry *) g_ptr_array_index (p->work, 0))->current = TRUE;
  g_ptr_array_add (profiles, p);
  g_ptr_array_add (profiles, make_profile ("Beta Two", "beta@example.org", NULL, "Java", "Dev", "B Inc", "2019", NULL));
  g_ptr_array_add (profiles, NULL);   /* fails */
  g_ptr_array_add (profiles, make_profile ("Delta Four", NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  g_ptr_array_add (profiles, make_profile ("Alpha Again", "ALPHA@example.org", NULL, "Go, Kubernetes", "Lead", "A Inc", "2020", NULL));
  g_ptr_array_add (profiles, make_profile ("Pre Existing", "pre@example.org", NULL, "Perl, Ansible", "SRE", "New Corp", "2015", NULL));
  for (guint i = 0; i < profiles->len; i++)
    {
      SlProfile *q = g_ptr_array_index (profiles, i);
      /* One row left for the store to make. */
      g_ptr_array_add (rows, q != NULL && i != 1 ? sl_profile_row_new (q) : NULL);
    }

  a = sl_store_bulk_create_profiles_audited (f->store, (const SlProfile * const *) profiles->pdata,
                                             raw, profiles->len, &error);
  g_assert_no_error (error);
  b = sl_store_bulk_create_prepared (other, (const SlProfile * const *) profiles->pdata,
                                     (SlProfileRow * const *) rows->pdata, raw, profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      SlWriteResult *ra = g_ptr_array_index (a, i);
      SlWriteResult *rb = g_ptr_array_index (b, i);
      g_assert_cmpint (ra->outcome, ==, rb->outcome);
      g_assert_cmpint (ra->profile_id, ==, rb->profile_id);
    }
  g_assert_cmpint (((SlWriteResult *) g_ptr_array_index (b, 4))->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (((SlWriteResult *) g_ptr_array_index (b, 2))->outcome, ==, SL_WRITE_FAILED);

  for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *da = query_text (f->path, dumps[i]);
      g_autofree char *db = query_text (other_path, dumps[i]);
      g_assert_nonnull (da);
      g_assert_cmpstr (da, ==, db);
    }
  /* And the derived tables hold what the triggers make of the same
   * profiles written one by one (the bulk counts skills once per skill
   * for the whole bulk). */
  {
    g_autofree char *single_path = g_build_filename (f->dir, "single.db", NULL);
    g_autoptr(SlStore) single = sl_store_open (single_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sl_store_create_profile_from_parsed_data (single, pre, NULL, NULL, &error), >, 0);
    for (guint i = 0; i < profiles->len; i++)
      if (g_ptr_array_index (profiles, i) != NULL)
        g_assert_cmpint (sl_store_create_profile_from_parsed_data (single, g_ptr_array_index (profiles, i),
                                                                   raw[i], NULL, &error), >, 0);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
      {
        g_autofree char *da = NULL;
        g_autofree char *ds = NULL;

        if (strstr (dumps[i], "audit_log") != NULL)
          continue;   /* a bulk adds its row of counts */
        da = query_text (f->path, dumps[i]);
        ds = query_text (single_path, dumps[i]);
        g_assert_cmpstr (da, ==, ds);
      }
    g_assert_finalize_object (g_steal_pointer (&single));
  }
  /* The rows compared hold what they should. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'go' AND profiles = 1 AND label = 'GO'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE skills = '|java|'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE skills = '|perl|ansible|'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'kubernetes'"), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&other));
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
  /* Skill counts follow creates and updates, inside the bulk too. */
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'go'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'perl'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'ansible'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT sum (profiles) FROM skill_counts"), ==, 6);
  /* Every row written carries this laptop's device id, goes to the sync
   * outbox once and has its ranking row, as the triggers would make them. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE device_id ="
                                  " (SELECT value FROM sync_meta WHERE key = 'device_id')"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_outbox"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features r JOIN candidate_profiles p"
                                  " ON p.id = r.profile_id WHERE r.skills = '|go|kubernetes|'"), ==, 1);
  g_assert_true (sl_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "in step"));

  /* While changes are not captured (a pull writing), nothing is stamped
   * or queued for the server. */
  exec_rw (f, "UPDATE sync_meta SET value = 0 WHERE key = 'capture'");
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (profiles, 0);
  g_ptr_array_add (profiles, make_profile ("Echo Five", "echo@example.org", NULL, "Lua", NULL, NULL, NULL, NULL));
  g_ptr_array_add (profiles, make_profile ("Beta Two", "beta@example.org", NULL, "Scala", "Dev", "B Inc", "2019", NULL));
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata,
                                           NULL, profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SlWriteResult *) g_ptr_array_index (results, 1))->outcome, ==, SL_WRITE_UPDATED);
  exec_rw (f, "UPDATE sync_meta SET value = 1 WHERE key = 'capture'");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE device_id IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_outbox"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features"), ==, 5);

  /* Empty input is fine. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = sl_store_bulk_create_profiles (f->store, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
}

static gint64
fts_hits (Fixture    *f,
          const char *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH '%s'", query);
  return count_rows (f, sql);
}

/* Rows indexed before a bulk and updated in it (one of them twice) are
 * taken out of the index and put back in the bulk's one index statement:
 * the index ends with their last version only and stays in step, also
 * for the next bulk on the same connection. */
static void
test_bulk_reindex_updated (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(SlProfile) a = make_profile ("Ann Old", "ann@example.org", NULL, "Perl", "Sysadmin", "Old Corp", "2001", NULL);
  g_autoptr(SlProfile) b = make_profile ("Bob Old", "bob@example.org", NULL, "Cobol", "Clerk", "Bank", "1999", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  sl_store_create_profile_from_parsed_data (f->store, a, "ann first text", NULL, &error);
  g_assert_no_error (error);
  sl_store_create_profile_from_parsed_data (f->store, b, "bob first text", NULL, &error);
  g_assert_no_error (error);

  g_ptr_array_add (profiles, make_profile ("Ann Mid", "ann@example.org", NULL, "Ansible", "Sre", "Mid Corp", "2010", NULL));
  g_ptr_array_add (profiles, make_profile ("Cid New", "cid@example.org", NULL, "Go", "Dev", "Start", "2020", NULL));
  g_ptr_array_add (profiles, make_profile ("Ann New", "ann@example.org", NULL, "Terraform", "Platform", "New Corp", "2015", NULL));
  g_ptr_array_add (profiles, make_profile ("Bob New", "bob@example.org", NULL, "Fortran", "Analyst", "Lab", "2005", NULL));
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata, NULL,
                                           profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SlWriteResult *) results->pdata[0])->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (((SlWriteResult *) results->pdata[2])->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (((SlWriteResult *) results->pdata[3])->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (fts_hits (f, "perl OR sysadmin OR cobol OR clerk"), ==, 0);
  g_assert_cmpint (fts_hits (f, "ansible OR sre OR mid"), ==, 0);
  g_assert_cmpint (fts_hits (f, "terraform AND platform AND ann"), ==, 1);
  g_assert_cmpint (fts_hits (f, "fortran AND bob"), ==, 1);
  g_assert_cmpint (fts_hits (f, "go AND cid"), ==, 1);
  g_assert_true (sl_store_check (f->store, report, &error));
  g_assert_no_error (error);

  /* Again on the same connection: only this bulk's rows come back. */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (profiles, 0);
  g_ptr_array_add (profiles, make_profile ("Ann Last", "ann@example.org", NULL, "Haskell", "Lead", "Last Corp", "2021", NULL));
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata, NULL,
                                           profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fts_hits (f, "terraform OR platform"), ==, 0);
  g_assert_cmpint (fts_hits (f, "haskell AND ann"), ==, 1);
  g_assert_cmpint (fts_hits (f, "fortran AND bob"), ==, 1);
  g_string_truncate (report, 0);
  g_assert_true (sl_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "in step"));
}

/* skill_counts and rank_features.skills against what the first forms of
 * their triggers (migrations 3, 6 and 7) compute from the rows as they are:
 * live profiles per lower-cased skill key, and each profile's distinct keys
 * in the order written.  @labels: also the label, the smallest spelling
 * (only without deletes: a label is never taken back). */
static void
assert_derived_tables_match (Fixture  *f,
                             gboolean  labels)
{
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts"), ==,
                   count_rows (f, "SELECT count(DISTINCT lower (coalesce (s.value ->> '$.canonical', s.value ->> '$.name')))"
                                  " FROM candidate_profiles p, json_each (p.skills) s WHERE p.deleted = 0"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM (SELECT lk, count(*) AS n, min (k) AS label FROM"
                                  " (SELECT DISTINCT p.id, coalesce (s.value ->> '$.canonical', s.value ->> '$.name') AS k,"
                                  "   lower (coalesce (s.value ->> '$.canonical', s.value ->> '$.name')) AS lk"
                                  "  FROM candidate_profiles p, json_each (p.skills) s WHERE p.deleted = 0)"
                                  " WHERE k IS NOT NULL GROUP BY lk) e"
                                  " LEFT JOIN skill_counts c ON c.skill = e.lk"
                                  " WHERE c.profiles IS NOT (SELECT count(DISTINCT p.id) FROM candidate_profiles p, json_each (p.skills) s"
                                  "   WHERE p.deleted = 0 AND lower (coalesce (s.value ->> '$.canonical', s.value ->> '$.name')) = e.lk)"),
                   ==, 0);
  if (labels)
    g_assert_cmpint (count_rows (f, "SELECT count(*) FROM (SELECT lower (k) AS lk, min (k) AS label FROM"
                                    " (SELECT coalesce (s.value ->> '$.canonical', s.value ->> '$.name') AS k"
                                    "  FROM candidate_profiles p, json_each (p.skills) s WHERE p.deleted = 0)"
                                    " WHERE k IS NOT NULL GROUP BY lk) e JOIN skill_counts c ON c.skill = e.lk"
                                    " WHERE c.label IS NOT e.label"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features"), ==,
                   count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE deleted = 0"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles AS new LEFT JOIN rank_features r ON r.profile_id = new.id"
                                  " WHERE new.deleted = 0 AND r.skills IS NOT"
                                  " (SELECT '|' || group_concat (k, '|') || '|' FROM (SELECT DISTINCT lower (coalesce"
                                  "   (s.value ->> '$.canonical', s.value ->> '$.name')) AS k FROM json_each (new.skills) s"
                                  "   WHERE k IS NOT NULL))"), ==, 0);
}

/* @skills as name, canonical pairs, ending with a NULL pair. */
static void
add_skill_pairs (SlProfile          *p,
                 const char * const *skills)
{
  for (guint i = 0; skills[i] != NULL || skills[i + 1] != NULL; i += 2)
    g_ptr_array_add (p->skills, sl_skill_new (skills[i], skills[i + 1]));
}

static SlProfile *
profile_with_skills (const char *name,
                     const char *email,
                     const char * const *skills)    /* name, canonical pairs */
{
  SlProfile *p = make_profile (name, email, NULL, NULL, "Dev", "Acme", "2020", NULL);

  add_skill_pairs (p, skills);
  return p;
}

/* A profile row's skill columns, made in one pass over the skills (a
 * name lower-cased once), against their definitions: skills_text joins
 * what sl_profile_skill_names () lists (distinct under case folding),
 * skill_counts and rank_features hold the distinct lower () keys in the
 * order written with the smallest spelling as label.  Random profiles
 * from names that differ in ASCII case, in non-ASCII case only ("Ärger",
 * "ärger"), fold alike across scripts ("ſql", "SQL"), or are empty. */
static void
test_row_skill_columns (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const pool[] = {
    "Go", "go", "GO", "Rust", "rust", "Ärger", "ärger", "ÄRGER", "ſql", "SQL", "sql", "Ünix", "ünix",
    "", "C", "c", "Kubernetes", "K8s", "k8S", "Straße", "STRASSE", "café", "CAFÉ", "Café",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (29);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_row_free);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      SlProfile *p = make_profile (name, email, NULL, NULL, "Dev", "Acme", "2020", NULL);
      guint n = (guint) g_rand_int_range (rand, 0, 12);

      for (guint k = 0; k < n; k++)
        {
          const char *a = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))];
          const char *b = g_rand_boolean (rand) ? pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))] : NULL;
          g_ptr_array_add (p->skills, sl_skill_new (g_rand_int_range (rand, 0, 8) ? a : NULL, b));
        }
      g_ptr_array_add (profiles, p);
      g_ptr_array_add (rows, sl_profile_row_new (p));
    }
  ids = sl_store_bulk_create_prepared (f->store, (const SlProfile * const *) profiles->pdata,
                                       (SlProfileRow * const *) rows->pdata, NULL, profiles->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < profiles->len; i++)
    {
      g_autoptr(GPtrArray) names = sl_profile_skill_names (g_ptr_array_index (profiles, i));
      g_autoptr(GString) want = g_string_new (NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (skills_text, '<null>') FROM candidate_profiles"
                                              " WHERE email = 'p%u@example.org'", i);
      g_autofree char *got = query_text (f->path, sql);

      for (guint k = 0; k < names->len; k++)
        {
          const char *n = g_ptr_array_index (names, k);
          if (n[0] == '\0')
            continue;
          if (want->len > 0)
            g_string_append (want, " · ");
          g_string_append (want, n);
        }
      g_assert_cmpstr (got, ==, want->len > 0 ? want->str : "<null>");
    }
  assert_derived_tables_match (f, TRUE);
}

static void
test_derived_tables (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const s1[] = { "Rust", NULL, "go", NULL, "Python", NULL, "GO", NULL, "python", NULL, NULL, NULL };
  static const char * const s2[] = { "Postgres", "PostgreSQL", "postgresql", NULL, "Ärger", NULL, "ärger", NULL,
                                     "x", "", NULL, NULL };
  static const char * const s3[] = { NULL, "Kubernetes", "k8s", "Kubernetes", "Go", NULL, "rust", NULL, NULL, NULL };
  static const char * const s4[] = { "Zig", NULL, "C", NULL, "c", NULL, NULL, NULL };
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(SlProfile) again = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (profiles, profile_with_skills ("One", "one@example.org", s1));
  g_ptr_array_add (profiles, profile_with_skills ("Two", "two@example.org", s2));
  g_ptr_array_add (profiles, profile_with_skills ("Three", "three@example.org", s3));
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata, NULL,
                                           profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'go'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE skills = '|rust|go|python|'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = '' AND label = ''"), ==, 1);
  assert_derived_tables_match (f, TRUE);

  /* One at a time (the triggers of an update), then a re-import. */
  sl_store_create_profile_from_parsed_data (f->store, profiles->pdata[0], NULL, NULL, &error);
  g_assert_no_error (error);
  again = profile_with_skills ("Two", "two@example.org", s4);
  sl_store_create_profile_from_parsed_data (f->store, again, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'postgresql'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE skills = '|zig|c|'"), ==, 1);
  assert_derived_tables_match (f, TRUE);

  /* Soft delete and back, then a hard delete. */
  exec_rw (f, "UPDATE candidate_profiles SET deleted = 1 WHERE name = 'One'");
  assert_derived_tables_match (f, FALSE);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'go'"), ==, 1);
  exec_rw (f, "UPDATE candidate_profiles SET deleted = 0 WHERE name = 'One'");
  assert_derived_tables_match (f, FALSE);
  exec_rw (f, "PRAGMA foreign_keys = ON; DELETE FROM candidate_profiles WHERE name = 'Three'");
  assert_derived_tables_match (f, FALSE);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'kubernetes'"), ==, 0);
}

/* A profile for the derived-rows comparison: @work as start, end, current
 * triples ("1" = current), @langs as language, level pairs, @skills as
 * name, canonical pairs; each list ends with a NULL group, and any member
 * may be NULL. */
static SlProfile *
derived_profile (const char         *name,
                 const char * const *work,
                 const char * const *langs,
                 const char * const *skills)
{
  SlProfile *p = make_profile (name, NULL, NULL, NULL, NULL, NULL, NULL, "Berlin");

  for (guint i = 0; work[i] != NULL || work[i + 1] != NULL || work[i + 2] != NULL; i += 3)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      w->title = g_strdup_printf ("Job %u", i);
      w->start = g_strdup (work[i]);
      w->end = g_strdup (work[i + 1]);
      w->current = work[i + 2] != NULL;
      g_ptr_array_add (p->work, w);
    }
  for (guint i = 0; langs[i] != NULL || langs[i + 1] != NULL; i += 2)
    g_ptr_array_add (p->languages, sl_language_new (langs[i], langs[i + 1]));
  add_skill_pairs (p, skills);
  return p;
}

/* The bulk writer adds the skill_counts and rank_features rows of the
 * profiles it creates itself (the insert triggers rest meanwhile): the
 * same rows as the triggers make for the same profiles written one by
 * one, every column, in the edge cases of the SQL (no rows, NULL and empty
 * keys, keys differing in case only, a current job, a date-less one). */
static void
test_derived_bulk_same (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const w1[] = { "2015-01", "2018-06", NULL, "2019-02", NULL, "1", "2010", "2012-03", NULL,
                                     NULL, NULL, NULL };
  static const char * const w2[] = { "2016-04", NULL, NULL, "2011-09", "2017-01", NULL, NULL, NULL, NULL,
                                     NULL, NULL, NULL };
  static const char * const w3[] = { NULL, NULL, NULL };
  static const char * const w4[] = { NULL, "2020-05", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  static const char * const l1[] = { "German", "C1", "English", NULL, NULL, "B2", "Français", "natif", NULL, NULL };
  static const char * const l2[] = { NULL, NULL };
  static const char * const l3[] = { "", NULL, NULL, NULL };
  static const char * const s1[] = { "Go", NULL, "golang", "Go", "PostgreSQL", NULL, "postgres", "PostgreSQL",
                                     "Ärger", NULL, "ärger", NULL, "x", "", NULL, "k8s", "y", "", NULL, NULL };
  static const char * const s2[] = { NULL, NULL };
  static const char * const s3[] = { "Zig", NULL, "ZIG", NULL, "zig", NULL, "C", NULL, NULL, NULL };
  const char * const * const cases[][3] = {
    { w1, l1, s1 }, { w2, l2, s2 }, { w3, l3, s3 }, { w4, l1, s3 }, { w1, l2, s1 },
  };
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("One %u", i);
      g_autofree char *twin = g_strdup_printf ("Bulk %u", i);
      g_autoptr(SlProfile) p = derived_profile (name, cases[i][0], cases[i][1], cases[i][2]);

      sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (profiles, derived_profile (twin, cases[i][0], cases[i][1], cases[i][2]));
    }
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata, NULL,
                                           profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 2 * G_N_ELEMENTS (cases));

  /* Each pair's rows agree in every column but the ids and times. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles a"
                                  " JOIN candidate_profiles b ON b.name = 'Bulk ' || substr (a.name, 5)"
                                  " JOIN rank_features ra ON ra.profile_id = a.id"
                                  " JOIN rank_features rb ON rb.profile_id = b.id"
                                  " WHERE a.name GLOB 'One *' AND ra.months IS rb.months"
                                  " AND ra.last_active IS rb.last_active AND ra.title IS rb.title"
                                  " AND ra.location IS rb.location AND ra.languages IS rb.languages"
                                  " AND ra.skills IS rb.skills AND rb.candidate_id = b.candidate_id"
                                  " AND rb.created_at = b.created_at"), ==, G_N_ELEMENTS (cases));
  /* ... which are not trivial. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE last_active = 'now'"
                                  " AND languages = 'German:C1|English:|Français:natif'"
                                  " AND skills = '|go|postgresql|Ärger|ärger||k8s|'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE last_active = '2017-01'"
                                  " AND languages IS NULL AND skills IS NULL"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE last_active IS NULL"
                                  " AND languages = ':' AND skills = '|zig|c|'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features WHERE last_active = '2020-05'"), ==, 2);
  /* Every skill counted twice (once per path), with the smallest label. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE profiles % 2 = 1"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'zig' AND label = 'ZIG'"), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = '' AND label = ''"), ==, 4);
  assert_derived_tables_match (f, TRUE);
  g_assert_cmpint (count_rows (f, "SELECT value FROM store_state WHERE key = 'fts_auto'"), ==, 1);
}

/* The search columns hold each entry once, whatever its case (Unicode
 * case folding: "STRASSE" is "Straße"). */
static void
test_search_text_columns (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SlProfile) p = make_profile ("Case Test", "case@example.org", NULL, "Go, GO, Ärger, ärger", "Data Engineer",
                                         "Acme", "2020", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const more[][2] = { { "data engineer", "ACME" }, { "Straße", "acme gmbh" }, { "STRASSE", "" } };

  p->personal.headline = g_strdup ("DATA ENGINEER");
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      w->title = g_strdup (more[i][0]);
      w->company = g_strdup (more[i][1]);
      g_ptr_array_add (p->work, w);
    }
  sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE"
                                  " titles_text = 'DATA ENGINEER · Straße'"
                                  " AND companies_text = 'Acme · acme gmbh'"
                                  " AND skills_text = 'Go · Ärger'"), ==, 1);
}

/* An item that fails inside a bulk (here a constraint a trigger raises)
 * leaves no trace -- not its new candidate, its counts or its outbox row,
 * nor a half update of the profile it would replace -- and the items
 * around it are kept. */
static void
test_bulk_item_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(SlProfile) pre = make_profile ("Pre", "pre@example.org", NULL, "Perl", "Ops", "Old", "2001", NULL);
  g_autoptr(GError) error = NULL;
  SlWriteResult *r;
  gint64 pre_id;

  pre_id = sl_store_create_profile_from_parsed_data (f->store, pre, NULL, NULL, &error);
  g_assert_no_error (error);
  exec_rw (f, "CREATE TRIGGER test_boom BEFORE INSERT ON candidate_profiles WHEN new.name = 'Boom' BEGIN"
              "  SELECT RAISE (ABORT, 'boom refused'); END;"
              "CREATE TRIGGER test_boom_u BEFORE UPDATE ON candidate_profiles WHEN new.name = 'Boom' BEGIN"
              "  SELECT RAISE (ABORT, 'boom refused'); END;");

  g_ptr_array_add (profiles, make_profile ("Alpha", "alpha@example.org", NULL, "Go, Rust", "Dev", "A", "2020", NULL));
  g_ptr_array_add (profiles, make_profile ("Boom", "boom@example.org", NULL, "Cobol", "Dev", "B", "2019", NULL));
  g_ptr_array_add (profiles, make_profile ("Boom", "pre@example.org", NULL, "Fortran", "Dev", "B", "2019", NULL));
  g_ptr_array_add (profiles, make_profile ("Gamma", "gamma@example.org", NULL, "Go, Lua", "Dev", "C", "2018", NULL));
  results = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata, NULL,
                                           profiles->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpint (((SlWriteResult *) results->pdata[0])->outcome, ==, SL_WRITE_CREATED);
  g_assert_cmpint (((SlWriteResult *) results->pdata[3])->outcome, ==, SL_WRITE_CREATED);
  for (guint i = 1; i <= 2; i++)
    {
      r = results->pdata[i];
      g_assert_cmpint (r->outcome, ==, SL_WRITE_FAILED);
      g_assert_cmpint (r->profile_id, ==, 0);
      g_assert_nonnull (r->error);
      g_assert_nonnull (strstr (r->error->message, "boom refused"));
    }

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidates WHERE email = 'boom@example.org'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill IN ('cobol', 'fortran')"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'go'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_outbox"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM rank_features"), ==, 3);
  /* The profile the failed update would have replaced is as it was. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profile_history"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT revision FROM candidate_profiles WHERE id = %" G_GINT64_FORMAT
                                            " AND name = 'Pre'", pre_id);
    g_assert_cmpint (count_rows (f, sql), ==, 1);
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'lua'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'perl'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'cobol OR fortran'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit_log WHERE action = 'bulk_create'"
                                  " AND details = '{\"created\":2,\"updated\":0,\"failed\":2}'"), ==, 1);
  assert_derived_tables_match (f, TRUE);
  g_assert_true (sl_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
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

/* Statuses, profile, archive copy and report of a row in one UPDATE, only
 * while the row is in one of the given statuses. */
static void
test_intake_advance (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const working[] = { "scanning", "extracting", "parsing", "finalizing", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SlIntakeRecord) got = NULL;
  g_autoptr(SlProfile) p = make_profile ("Advance Person", "advance@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *report = NULL;
  SlIntakeRecord rec = { 0 };
  SlIntakeStep two[] = {
    { "extracting", "2026-01-01T00:00:01.000Z", NULL },
    { "parsing", "2026-01-01T00:00:02.000Z", NULL },
  };
  SlIntakeStep end[] = {
    { "finalizing", "2026-01-01T00:00:03.000Z", NULL },
    { "done", NULL, "created" },
  };
  SlIntakeStep many[11];
  gint64 q1, q2, pid;

  pid = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  rec.path = (char *) "/home/u/Downloads/advance.pdf";
  rec.original_name = (char *) "advance.pdf";
  rec.sha256 = (char *) "adad";
  rec.source = (char *) "drop";
  q1 = sl_store_intake_add (f->store, &rec, &error);
  g_assert_no_error (error);
  q2 = sl_store_intake_add (f->store, &rec, &error);
  g_assert_no_error (error);
  claimed = sl_store_intake_claim_queued (f->store, "scanning", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claimed->len, ==, 2);

  /* Two statuses in one statement, with their own times. */
  g_assert_cmpint (sl_store_intake_advance (f->store, q1, working, two, 2, 0, NULL, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  got = sl_store_intake_get_record (f->store, q1, &error);
  g_assert_cmpstr (got->status, ==, "parsing");
  g_assert_cmpint (got->profile_id, ==, 0);
  g_assert_null (got->archive_path);

  /* The end: profile, archive copy, report and "done" with its detail. */
  g_assert_cmpint (sl_store_intake_advance (f->store, q1, working, end, 2, pid, "/archive/ad/adad.pdf",
                                            "{\"sha256\":\"adad\"}", "{\"outcome\":\"created\"}", &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&got, sl_intake_record_free);
  got = sl_store_intake_get_record (f->store, q1, &error);
  g_assert_cmpstr (got->status, ==, "done");
  g_assert_cmpint (got->profile_id, ==, pid);
  g_assert_cmpstr (got->archive_path, ==, "/archive/ad/adad.pdf");
  g_assert_nonnull (got->archived_at);
  g_assert_nonnull (strstr (got->metadata, "\"archive\":{\"sha256\":\"adad\"}"));
  report = sl_store_intake_get_processing_report (f->store, q1, &error);
  g_assert_cmpstr (report, ==, "{\"outcome\":\"created\"}");
  history = sl_store_intake_get_processing_history (f->store, q1, &error);
  g_assert_no_error (error);
  {
    static const char * const expected[] = { "queued", "scanning", "extracting", "parsing", "finalizing", "done" };
    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < history->len; i++)
      g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, i))->status, ==, expected[i]);
    g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, 2))->at, ==, "2026-01-01T00:00:01.000Z");
    g_assert_null (((SlIntakeHistoryEntry *) g_ptr_array_index (history, 4))->detail);
    g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, 5))->detail, ==, "created");
    g_assert_nonnull (((SlIntakeHistoryEntry *) g_ptr_array_index (history, 5))->at);
  }

  /* A row no longer working is left alone. */
  g_assert_cmpint (sl_store_intake_advance (f->store, q1, working, two, 2, 0, NULL, NULL, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = sl_store_intake_get_processing_history (f->store, q1, &error);
  g_assert_cmpuint (history->len, ==, 6);

  /* A report that is not JSON changes nothing. */
  g_assert_cmpint (sl_store_intake_advance (f->store, q2, working, end, 2, 0, NULL, NULL, "{not json", &error), ==, -1);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&got, sl_intake_record_free);
  got = sl_store_intake_get_record (f->store, q2, &error);
  g_assert_cmpstr (got->status, ==, "scanning");

  /* More steps than one statement takes still all arrive, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    {
      many[i].status = i % 2 == 0 ? "extracting" : "parsing";
      many[i].at = NULL;
      many[i].detail = i == G_N_ELEMENTS (many) - 1 ? "last" : NULL;
    }
  g_assert_cmpint (sl_store_intake_advance (f->store, q2, working, many, G_N_ELEMENTS (many),
                                            0, NULL, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = sl_store_intake_get_processing_history (f->store, q2, &error);
  g_assert_cmpuint (history->len, ==, 2 + G_N_ELEMENTS (many));
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, 2 + i))->status, ==, many[i].status);
  g_assert_cmpstr (((SlIntakeHistoryEntry *) g_ptr_array_index (history, history->len - 1))->detail, ==, "last");
}

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

  /* The imports that touched a candidate: theirs, newest first; never
   * another candidate's, nor a record without a profile. */
  {
    g_autoptr(SlProfile) other = make_profile ("Someone Else", "else@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile (f->store, pid, &error);
    g_autoptr(GPtrArray) touched = NULL;
    g_autoptr(GPtrArray) none_touched = NULL;
    gint64 other_pid = sl_store_create_profile_from_parsed_data (f->store, other, NULL, NULL, &error);
    gint64 q3, q4;

    g_assert_no_error (error);
    rec.original_name = (char *) "cv-2026.docx";
    rec.sha256 = (char *) "dddd";
    q3 = sl_store_intake_add (f->store, &rec, &error);
    rec.original_name = (char *) "else.pdf";
    rec.sha256 = (char *) "eeee";
    q4 = sl_store_intake_add (f->store, &rec, &error);
    g_assert_no_error (error);
    g_assert_true (sl_store_intake_update_profile_id (f->store, q3, pid, &error));
    g_assert_true (sl_store_intake_update_profile_id (f->store, q4, other_pid, &error));
    g_assert_no_error (error);

    touched = sl_store_intake_get_records_for_candidate (f->store, sp->candidate_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (touched->len, ==, 2);
    g_assert_cmpint (((SlIntakeRecord *) g_ptr_array_index (touched, 0))->qid, ==, q3);
    g_assert_cmpstr (((SlIntakeRecord *) g_ptr_array_index (touched, 0))->original_name, ==, "cv-2026.docx");
    g_assert_cmpint (((SlIntakeRecord *) g_ptr_array_index (touched, 1))->qid, ==, q1);
    g_assert_cmpstr (((SlIntakeRecord *) g_ptr_array_index (touched, 1))->archive_path, ==, "/archive/2026/cv.pdf");
    none_touched = sl_store_intake_get_records_for_candidate (f->store, 987654, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none_touched->len, ==, 0);
  }

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


/* Search ------------------------------------------------------------------ */

static void
add_school (SlProfile  *p,
            const char *school)
{
  SlEducationEntry *e = sl_education_entry_new ();
  e->institution = g_strdup (school);
  g_ptr_array_add (p->education, e);
}

/* Five people with overlapping words, so every operator has something to
 * include and something to leave out. */
static void
populate (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SlProfile *p[5];

  p[0] = make_profile ("Ada Lovelace", "ada@example.org", NULL, "Python, Django, Machine Learning",
                       "Data Engineer", "Acme GmbH", "2015-01", "Berlin, Germany");
  p[1] = make_profile ("Bob Builder", "bob@example.org", NULL, "Java, Spring",
                       "Backend Developer", "Initech", "2021-01", "Munich");
  p[2] = make_profile ("Chloé Dubois", "chloe@example.org", NULL, "Python, Flask, Rust",
                       "Software Engineer", "Globex", "2018-01", "Berlin");
  add_school (p[2], "MIT");
  p[3] = make_profile ("Dan Java Python", "dan@example.org", NULL, "Python, Java",
                       "Data Scientist", "Umbrella", "2023-01", "Paris");
  g_free (p[3]->source);
  p[3]->source = g_strdup ("email");
  p[4] = make_profile ("Eve Unknown", "eve@example.org", NULL, "Go", NULL, NULL, NULL, "Berlin");
  g_free (p[4]->source);
  p[4]->source = g_strdup ("Email");

  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    {
      g_autofree char *raw = g_strdup_printf ("resume number %u of the test set", i);
      sl_store_create_profile_from_parsed_data (f->store, p[i], raw, NULL, &error);
      g_assert_no_error (error);
      sl_profile_free (p[i]);
    }
}

/* The names of all hits, sorted and joined with ", " (or "ERROR: ..."). */
static char *
names_for (Fixture    *f,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlQuery) q = sl_query_parse (text, &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 count;

  if (q == NULL)
    return g_strdup_printf ("ERROR: %s", error->message);
  hits = sl_store_search_page (f->store, q, SL_SORT_NAME, FALSE, 0, 100, NULL, &error);
  g_assert_no_error (error);
  count = sl_store_search_count (f->store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (names, ((SlSearchHit *) g_ptr_array_index (hits, i))->name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

#define assert_names(f, query, expected) \
  G_STMT_START { \
    g_autofree char *got__ = names_for (f, query); \
    if (g_strcmp0 (got__, expected) != 0) \
      g_error ("query %s: expected [%s], got [%s]", query, expected, got__); \
  } G_STMT_END

static void
test_search_operators (Fixture       *f,
                       gconstpointer  data)
{
  populate (f);

  assert_names (f, "", "Ada Lovelace, Bob Builder, Chloé Dubois, Dan Java Python, Eve Unknown");
  assert_names (f, "python", "Ada Lovelace, Chloé Dubois, Dan Java Python");
  assert_names (f, "PYTHON", "Ada Lovelace, Chloé Dubois, Dan Java Python");
  assert_names (f, "pyth*", "Ada Lovelace, Chloé Dubois, Dan Java Python");
  assert_names (f, "pyth", "");
  assert_names (f, "python AND django", "Ada Lovelace");
  assert_names (f, "python django", "Ada Lovelace");
  assert_names (f, "django OR flask", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "python AND (django OR flask)", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "django OR flask java", "Ada Lovelace");    /* AND binds tighter than OR */
  assert_names (f, "python -java", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "python NOT java", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "-python", "Bob Builder, Eve Unknown");
  assert_names (f, "NOT python NOT java", "Eve Unknown");
  assert_names (f, "\"machine learning\"", "Ada Lovelace");
  assert_names (f, "\"learning machine\"", "");
  assert_names (f, "\"data eng\"*", "Ada Lovelace");
  assert_names (f, "chloe", "Chloé Dubois");                  /* diacritics folded */
  assert_names (f, "berlin -(python OR go)", "");
  assert_names (f, "berlin -skill:go", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "python)", "Ada Lovelace, Chloé Dubois, Dan Java Python");
}

static void
test_search_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *year = NULL;
  g_autofree char *q = NULL;
  GDateTime *now = g_date_time_new_now_utc ();

  year = g_date_time_format (now, "%Y");
  g_date_time_unref (now);
  populate (f);

  assert_names (f, "skill:rust", "Chloé Dubois");
  assert_names (f, "skill:(rust OR spring)", "Bob Builder, Chloé Dubois");
  assert_names (f, "skill:python -skill:java", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "location:berlin", "Ada Lovelace, Chloé Dubois, Eve Unknown");
  assert_names (f, "title:\"data engineer\"", "Ada Lovelace");
  assert_names (f, "title:data", "Ada Lovelace, Dan Java Python");
  assert_names (f, "company:acme", "Ada Lovelace");
  assert_names (f, "company:acme*", "Ada Lovelace");
  assert_names (f, "java", "Bob Builder, Dan Java Python");
  assert_names (f, "name:java", "Dan Java Python");
  assert_names (f, "email:bob@example.org", "Bob Builder");
  assert_names (f, "school:mit", "Chloé Dubois");
  /* experience (end month counted): Ada 109 months, Chloé 73, Bob 37, Dan 13, Eve unknown */
  assert_names (f, "years:>=5", "Ada Lovelace, Chloé Dubois");
  assert_names (f, "years:>6", "Ada Lovelace");
  assert_names (f, "years:<3", "Dan Java Python");
  assert_names (f, "years:<=3", "Bob Builder, Dan Java Python");
  assert_names (f, "years:3", "Bob Builder");
  assert_names (f, "years:=9", "Ada Lovelace");
  assert_names (f, "source:email", "Dan Java Python, Eve Unknown");
  assert_names (f, "-source:email", "Ada Lovelace, Bob Builder, Chloé Dubois");
  assert_names (f, "python source:email", "Dan Java Python");
  assert_names (f, "java OR years:>=8", "Ada Lovelace, Bob Builder, Dan Java Python");
  assert_names (f, "-(java OR years:>=8)", "Chloé Dubois, Eve Unknown");
  assert_names (f, "imported:>2000-01-01", "Ada Lovelace, Bob Builder, Chloé Dubois, Dan Java Python, Eve Unknown");
  assert_names (f, "imported:<2000-01", "");
  assert_names (f, "imported:<=1999", "");
  q = g_strdup_printf ("imported:%s python", year);
  assert_names (f, q, "Ada Lovelace, Chloé Dubois, Dan Java Python");
  g_free (q);
  q = g_strdup_printf ("imported:>%s", year);
  assert_names (f, q, "");
  g_free (q);
  q = g_strdup_printf ("imported:>=%s", year);
  assert_names (f, q, "Ada Lovelace, Bob Builder, Chloé Dubois, Dan Java Python, Eve Unknown");
}

static void
test_search_malformed (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *query; const char *needle; } bad[] = {
    { "\"unbalanced", "position 1" },
    { "python \"machine learning", "position 8" },
    { "python (django", "position 8" },
    { "((a)", "position 1" },
    { "foo:bar", "Unknown field 'foo:'" },
    { "years:>=abc", "whole years" },
    { "years:>=", "position 7" },
    { "imported:>2026-13-01", "date" },
    { "imported:yesterday", "date" },
    { "python AND", "after the AND" },
    { "OR python", "position 1" },
    { "python OR", "after the OR" },
    { "NOT", "NOT" },
    { "()", "Empty parentheses" },
    { "skill:", "needs a value" },
    { "skill:(rust OR years:>5)", "only hold words" },
  };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlQuery) q = sl_query_parse (bad[i].query, &error);
      g_autoptr(GPtrArray) hits = NULL;
      g_assert_null (q);
      g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY);
      if (strstr (error->message, bad[i].needle) == NULL)
        g_error ("query %s: message '%s' lacks '%s'", bad[i].query, error->message, bad[i].needle);
      g_clear_error (&error);
      hits = sl_store_search_profiles (f->store, bad[i].query, 10, &error);
      g_assert_null (hits);
      g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY);
    }
}

static void
test_search_injection (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const evil[] = {
    "'); DROP TABLE candidates; --",
    "Robert'); DROP TABLE candidate_profiles;--",
    "\"'); DROP TABLE candidates; --\"",
    "x' OR '1'='1",
    "name:\"a\"\"b\"",
    "* OR *",
    "NEAR(python java)",
    "python:* ^java {name}: x",
    "; -- ' \" ",
  };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = sl_store_search_profiles (f->store, evil[i], 10, &error);
      /* Either a clean search or a query error; never an SQL error. */
      if (hits == NULL)
        g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY);
      g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidates"), ==, 5);
      g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles"), ==, 5);
    }
  assert_names (f, "'); DROP TABLE candidates; --", "");
  /* The words of an injection are still just words. */
  assert_names (f, "'); python; --", "Ada Lovelace, Chloé Dubois, Dan Java Python");
}

static void
test_search_ast (void)
{
  static const struct { const char *query; const char *ast; } cases[] = {
    { "python AND (django OR flask) -java",
      "(and (and (term \"python\") (or (term \"django\") (term \"flask\"))) (not (term \"java\")))" },
    { "a OR b c", "(or (term \"a\") (and (term \"b\") (term \"c\")))" },
    { "skill:(rust OR go*)", "(or (term skills_text \"rust\") (term skills_text \"go\"*))" },
    { "title:\"data engineer\" years:>=5 imported:<2026-02 source:Email",
      "(and (and (and (phrase titles_text \"data engineer\") (years >= 5)) (imported < 2026-02)) (source \"email\"))" },
    { "-  - ; ) ", "(all)" },
    { "and or not", "(and (and (term \"and\") (term \"or\")) (term \"not\"))" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlQuery) q = sl_query_parse (cases[i].query, &error);
      g_autofree char *ast = NULL;
      g_assert_no_error (error);
      ast = sl_query_to_string (q);
      g_assert_cmpstr (ast, ==, cases[i].ast);
    }

  /* FTS terms are quoted, so FTS5 syntax in a word stays a word. */
  {
    g_autoptr(SlQuery) q = sl_query_parse ("python* AND NEAR", NULL);
    g_assert_cmpstr (sl_query_get_fts_match (q), ==, "(\"python\" * AND \"NEAR\")");
    g_assert_null (sl_query_get_sql_where (q));
  }
  {
    g_autoptr(SlQuery) q = sl_query_parse ("java OR years:>=8", NULL);
    g_assert_null (sl_query_get_fts_match (q));
    g_assert_nonnull (strstr (sl_query_get_sql_where (q), "MATCH ?"));
    g_assert_null (strstr (sl_query_get_sql_where (q), "java"));
  }
}

static void
test_search_sort_and_page (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlQuery) all = sl_query_parse ("", &error);
  g_autoptr(SlQuery) py = sl_query_parse ("python", &error);
  g_autoptr(GPtrArray) page = NULL;
  gboolean ranked = FALSE;

  populate (f);
  page = sl_store_search_page (f->store, all, SL_SORT_NAME, FALSE, 1, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->name, ==, "Bob Builder");
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 1))->name, ==, "Chloé Dubois");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = sl_store_search_page (f->store, all, SL_SORT_YEARS, TRUE, 0, 2, NULL, &error);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->name, ==, "Ada Lovelace");
  g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (page, 0))->experience_months, ==, 109);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->current_company, ==, "Acme GmbH");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = sl_store_search_page (f->store, all, SL_SORT_IMPORTED, TRUE, 0, 1, NULL, &error);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->name, ==, "Eve Unknown");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Few hits: ranked; a name hit outranks a skills-only hit. */
  page = sl_store_search_page (f->store, py, SL_SORT_RELEVANCE, FALSE, 0, 10, &ranked, &error);
  g_assert_no_error (error);
  g_assert_true (ranked);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->name, ==, "Dan Java Python");
  g_assert_cmpfloat (((SlSearchHit *) g_ptr_array_index (page, 0))->rank, <=,
                     ((SlSearchHit *) g_ptr_array_index (page, 1))->rank);
}

/* The ids agree with the pages (and the count), for every query, order and
 * direction: both come from one SQL builder. */
static void
assert_ids_match_pages (Fixture *f)
{
  const char *texts[] = { "", "berlin", "years:>=1", "python years:>=1", "python -title:scientist",
                          "source:email", "java OR go" };
  const SlSortKey sorts[] = { SL_SORT_RELEVANCE, SL_SORT_NAME, SL_SORT_IMPORTED, SL_SORT_YEARS,
                              SL_SORT_TITLE, SL_SORT_COMPANY, SL_SORT_LOCATION };

  for (guint q = 0; q < G_N_ELEMENTS (texts); q++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      for (int desc = 0; desc < 2; desc++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SlQuery) query = sl_query_parse (texts[q], &error);
          g_autoptr(GArray) ids = NULL;
          g_autoptr(GPtrArray) page = NULL;
          g_autoptr(GPtrArray) hits = NULL;

          g_assert_no_error (error);
          ids = sl_store_search_ids (f->store, query, sorts[s], desc, &error);
          g_assert_no_error (error);
          page = sl_store_search_page (f->store, query, sorts[s], desc, 0, 100, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (ids->len, ==, sl_store_search_count (f->store, query, NULL));
          g_assert_cmpuint (ids->len, ==, page->len);
          for (guint i = 0; i < ids->len; i++)
            g_assert_cmpint (g_array_index (ids, gint64, i), ==, ((SlSearchHit *) g_ptr_array_index (page, i))->profile_id);
          /* A stretch in the middle, read back by id, and as a page at an offset. */
          if (ids->len >= 3)
            {
              g_autoptr(GPtrArray) middle = sl_store_search_page (f->store, query, sorts[s], desc, 1, 2, NULL, &error);

              g_assert_no_error (error);
              g_assert_cmpuint (middle->len, ==, 2);
              g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (middle, 1))->profile_id, ==, g_array_index (ids, gint64, 2));
              hits = sl_store_search_get_hits (f->store, &g_array_index (ids, gint64, 1), 2, &error);
              g_assert_no_error (error);
              g_assert_cmpuint (hits->len, ==, 2);
              g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (hits, 0))->profile_id, ==, g_array_index (ids, gint64, 1));
              g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (hits, 1))->profile_id, ==, g_array_index (ids, gint64, 2));
              g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->name, ==,
                               ((SlSearchHit *) g_ptr_array_index (page, 1))->name);
            }
        }
}

/* Every list column sorts, and the id snapshot pages like OFFSET does. */
static void
test_search_ids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlQuery) all = sl_query_parse ("", &error);

  populate (f);
  assert_ids_match_pages (f);

  /* Titles A to Z, the one without a title last; reversed, first. */
  {
    const char *expected[] = { "Backend Developer", "Data Engineer", "Data Scientist", "Software Engineer", NULL };
    g_autoptr(GArray) ids = sl_store_search_ids (f->store, all, SL_SORT_TITLE, FALSE, &error);
    g_autoptr(GPtrArray) hits = sl_store_search_get_hits (f->store, (gint64 *) ids->data, ids->len, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, i))->current_title, ==, expected[i]);
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 4))->name, ==, "Eve Unknown");
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->skills_text, ==, "Java · Spring");
  }
  {
    g_autoptr(GPtrArray) page = sl_store_search_page (f->store, all, SL_SORT_COMPANY, TRUE, 0, 2, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (((SlSearchHit *) g_ptr_array_index (page, 0))->current_company);
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 1))->current_company, ==, "Umbrella");
  }
  {
    /* Berlin (Chloé), Berlin (Eve: equal, so by id), "Berlin, Germany", Munich, Paris */
    g_autoptr(GPtrArray) page = sl_store_search_page (f->store, all, SL_SORT_LOCATION, FALSE, 0, 5, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 0))->location, ==, "Berlin");
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 1))->location, ==, "Berlin");
    g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (page, 0))->profile_id, <,
                     ((SlSearchHit *) g_ptr_array_index (page, 1))->profile_id);
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 2))->location, ==, "Berlin, Germany");
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, 4))->location, ==, "Paris");
  }

  /* A soft-deleted profile leaves the ids, and its hit is skipped. */
  {
    g_autoptr(GArray) before = sl_store_search_ids (f->store, all, SL_SORT_NAME, FALSE, &error);
    g_autoptr(GArray) after = NULL;
    g_autoptr(GPtrArray) hits = NULL;
    gint64 bob = g_array_index (before, gint64, 1);

    sqlite3 *db = NULL;

    /* As sync applies a deletion from the team: the row stays, deleted. */
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE candidate_profiles SET deleted = 1 WHERE name = 'Bob Builder'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    after = sl_store_search_ids (f->store, all, SL_SORT_NAME, FALSE, &error);
    g_assert_cmpuint (after->len, ==, before->len - 1);
    for (guint i = 0; i < after->len; i++)
      g_assert_cmpint (g_array_index (after, gint64, i), !=, bob);
    hits = sl_store_search_get_hits (f->store, (gint64 *) before->data, before->len, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, before->len - 1);
  }
  assert_ids_match_pages (f);
}

/* More hits than SL_SEARCH_RANK_LIMIT: unranked newest-first, and the
 * column-order plan; both must agree with a plain sort. */
static void
test_search_broad (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(SlQuery) q = sl_query_parse ("common -skill:odd", &error);
  guint n = SL_SEARCH_RANK_LIMIT * 2 + 10;
  guint expected = 0;
  gboolean ranked = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %05u", (i * 7919) % n);
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      SlProfile *p = make_profile (name, email, NULL, i % 2 ? "Common, Odd" : "Common, Even",
                                   NULL, NULL, NULL, NULL);
      p->meta.experience_months = (int) (i % 240);
      g_ptr_array_add (profiles, p);
      expected += i % 2 ? 0 : 1;
    }
  /* Count on an empty database, then write through another connection:
   * the count the query remembers must not survive the change. */
  g_assert_cmpint (sl_store_search_count (f->store, q, &error), ==, 0);
  {
    g_autoptr(SlStore) writer = sl_store_open (f->path, &error);
    g_assert_no_error (error);
    results = sl_store_bulk_create_profiles (writer, (const SlProfile * const *) profiles->pdata,
                                             NULL, n, &error);
    g_assert_no_error (error);
  }

  /* Page first: the remembered count (0) is stale after the other
   * connection's commit. */
  page = sl_store_search_page (f->store, q, SL_SORT_RELEVANCE, FALSE, 0, 20, &ranked, &error);
  g_assert_no_error (error);
  g_assert_false (ranked);
  g_assert_cmpint (sl_store_search_count (f->store, q, &error), ==, expected);
  g_assert_cmpuint (page->len, ==, 20);
  for (guint i = 1; i < page->len; i++)
    g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (page, i - 1))->profile_id, >,
                     ((SlSearchHit *) g_ptr_array_index (page, i))->profile_id);
  g_clear_pointer (&page, g_ptr_array_unref);

  page = sl_store_search_page (f->store, q, SL_SORT_NAME, FALSE, 10, 20, &ranked, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  for (guint i = 1; i < page->len; i++)
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (page, i - 1))->name, <,
                     ((SlSearchHit *) g_ptr_array_index (page, i))->name);
  /* Names are a permutation of 0..n-1 and the even i are kept: the 11th
   * smallest kept name is not "Person 00010" in general, so compare
   * with SQL. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM candidate_profiles WHERE skills_text LIKE '%%Even%%'"
                                            " AND name < '%s'",
                                            ((SlSearchHit *) g_ptr_array_index (page, 0))->name);
    g_assert_cmpint (count_rows (f, sql), ==, 10);
  }
  g_clear_pointer (&page, g_ptr_array_unref);

  page = sl_store_search_page (f->store, q, SL_SORT_YEARS, TRUE, 0, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SlSearchHit *) g_ptr_array_index (page, 0))->experience_months, ==, 238);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* A narrow query counted, then made broad by this connection's writes. */
  {
    g_autoptr(SlQuery) rare = sl_query_parse ("rare", &error);
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
    g_autoptr(GPtrArray) res = NULL;
    for (guint i = 0; i < SL_SEARCH_RANK_LIMIT + 5; i++)
      {
        g_autofree char *email = g_strdup_printf ("rare%u@example.org", i);
        g_ptr_array_add (more, make_profile ("Rare Person", email, NULL, "Rare", NULL, NULL, NULL, NULL));
      }
    g_assert_cmpint (sl_store_search_count (f->store, rare, &error), ==, 0);
    res = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) more->pdata, NULL, more->len, &error);
    g_assert_no_error (error);
    page = sl_store_search_page (f->store, rare, SL_SORT_RELEVANCE, FALSE, 0, 10, &ranked, &error);
    g_assert_no_error (error);
    g_assert_false (ranked);
    g_assert_cmpuint (page->len, ==, 10);
  }
}

/* Statistics ---------------------------------------------------------------- */

static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoreStats) stats = NULL;
  g_autoptr(SlProfile) again = make_profile ("Ada L.", "ADA@example.org", NULL, "Python", NULL, NULL, NULL, NULL);
  g_autofree char *json = NULL;
  SlIntakeRecord rec = { 0 };
  SlStatCount *c;
  gint64 q[4];

  populate (f);
  sl_store_create_profile_from_parsed_data (f->store, again, NULL, NULL, &error);
  g_assert_no_error (error);

  rec.path = (char *) "/tmp/x.pdf";
  for (guint i = 0; i < G_N_ELEMENTS (q); i++)
    {
      q[i] = sl_store_intake_add (f->store, &rec, &error);
      g_assert_no_error (error);
    }
  sl_store_intake_set_error (f->store, q[0], "corrupt", &error);
  sl_store_intake_set_status (f->store, q[1], "done", NULL, &error);
  sl_store_intake_set_status (f->store, q[2], "done", NULL, &error);
  sl_store_intake_save_processing_report (f->store, q[1], "{\"timings\":{\"extract\":10,\"parse\":100}}", &error);
  sl_store_intake_save_processing_report (f->store, q[2], "{\"timings\":{\"extract\":30}}", &error);
  g_assert_no_error (error);

  stats = sl_store_get_profile_statistics (f->store, 3, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->candidates, ==, 5);
  g_assert_cmpint (stats->profiles, ==, 5);
  g_assert_cmpint (stats->profile_versions, ==, 1);
  g_assert_cmpint (stats->intake_total, ==, 4);
  g_assert_cmpint (stats->intake_failed, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats->error_rate, 0.25, 1e-9);

  /* Ada's update replaced her skills with just Python. */
  g_assert_cmpuint (stats->top_skills->len, ==, 3);
  c = g_ptr_array_index (stats->top_skills, 0);
  /* Counted case-folded, shown as written. */
  g_assert_cmpstr (c->key, ==, "Python");
  g_assert_cmpint (c->count, ==, 3);
  c = g_ptr_array_index (stats->top_skills, 1);
  g_assert_cmpstr (c->key, ==, "Java");
  g_assert_cmpint (c->count, ==, 2);

  /* Sources: cli 3 (Ada, Bob, Chloé), email 1, Email 1 (kept as written). */
  c = g_ptr_array_index (stats->by_source, 0);
  g_assert_cmpstr (c->key, ==, "cli");
  g_assert_cmpint (c->count, ==, 3);
  g_assert_cmpuint (stats->by_source->len, ==, 3);

  c = g_ptr_array_index (stats->by_status, 0);
  g_assert_cmpstr (c->key, ==, "done");
  g_assert_cmpint (c->count, ==, 2);
  g_assert_cmpuint (stats->by_status->len, ==, 3);

  g_assert_cmpuint (stats->per_day->len, ==, 1);
  c = g_ptr_array_index (stats->per_day, 0);
  g_assert_cmpint (c->count, ==, 5);

  g_assert_cmpuint (stats->stage_times->len, ==, 2);
  g_assert_cmpstr (((SlStageTime *) g_ptr_array_index (stats->stage_times, 0))->stage, ==, "extract");
  g_assert_cmpfloat_with_epsilon (((SlStageTime *) g_ptr_array_index (stats->stage_times, 0))->avg_ms, 20.0, 1e-9);
  g_assert_cmpint (((SlStageTime *) g_ptr_array_index (stats->stage_times, 0))->samples, ==, 2);
  g_assert_cmpfloat_with_epsilon (((SlStageTime *) g_ptr_array_index (stats->stage_times, 1))->avg_ms, 100.0, 1e-9);

  json = sl_store_stats_to_json (stats, FALSE);
  g_assert_nonnull (strstr (json, "\"candidates\":5"));
  g_assert_nonnull (strstr (json, "\"error_rate\":0.25"));
  g_assert_nonnull (strstr (json, "{\"skill\":\"Python\",\"profiles\":3}"));
}

/* The SQL that made trigger @name (a plain word), read from the schema. */
static char *
trigger_sql (Fixture    *f,
             const char *name)
{
  g_autofree char *query = g_strdup_printf ("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '%s'", name);
  char *sql = query_text (f->path, query);

  g_assert_nonnull (sql);
  return sql;
}

/* A text with the byte 0x1f (unit separator): stored as valid JSON, read
 * back as written, and updatable.  Versions before 10 stored it raw, which
 * SQLite's JSON functions reject; migration 10 escapes what is there. */
static void
test_unit_separator (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("Una\x1fSep", "una@example.org", NULL, "C\x1fSharp, Go",
                                         "Dev", "Acme", "2020-01", NULL);
  g_autoptr(SlStoredProfile) back = NULL;
  g_autoptr(SlStoredProfile) again = NULL;
  g_autofree char *sc_au = NULL;
  g_autofree char *rf_au = NULL;
  g_autofree char *old_state = NULL;
  gint64 id;

  id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE instr (skills, char (31)) > 0"
                                  " OR instr (personal_info, char (31)) > 0"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'c' || char (31) || 'sharp'"), ==, 1);
  g_clear_pointer (&p->personal.location, g_free);
  p->personal.location = g_strdup ("Lyon");
  g_assert_true (sl_store_update_profile_from_parsed_data (f->store, id, p, NULL, "test", &error));
  g_assert_no_error (error);

  /* Back to how version 9 left such a row: the JSON with the byte raw,
   * in the profile, its history and an intake row. */
  g_clear_object (&f->store);
  sc_au = trigger_sql (f, "skill_counts_au");
  rf_au = trigger_sql (f, "rank_features_au");
  old_state = g_strconcat ("DROP TRIGGER skill_counts_au; DROP TRIGGER rank_features_au;"
                           "UPDATE candidate_profiles SET skills = replace (skills, '\\u001f', char (31)),"
                           "  personal_info = replace (personal_info, '\\u001f', char (31));"
                           "UPDATE profile_history SET profile_json = replace (profile_json, '\\u001f', char (31));"
                           "INSERT INTO file_intake_queue (uuid, path, original_name, metadata, created_at, updated_at)"
                           "  VALUES ('u-1f', '/x', 'x', '{\"w\":\"a' || char (31) || 'b\"}', 'now', 'now');",
                           sc_au, ";", rf_au, ";",
                           "PRAGMA user_version = 9;", NULL);
  exec_rw (f, old_state);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE instr (skills, char (31)) > 0"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profile_history WHERE instr (profile_json, char (31)) > 0"),
                   >, 0);

  f->store = sl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_get_schema_version (f->store), ==, SL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_profiles WHERE instr (skills, char (31)) > 0"
                                  " OR instr (personal_info, char (31)) > 0"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profile_history WHERE instr (profile_json, char (31)) > 0"),
                   ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM file_intake_queue"
                                  " WHERE metadata ->> '$.w' = 'a' || char (31) || 'b'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sqlite_master WHERE name IN ('skill_counts_au', 'rank_features_au')"),
                   ==, 2);

  back = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->profile->personal.name, ==, "Una\x1fSep");
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (back->profile->skills, 0))->name, ==, "C\x1fSharp");
  g_assert_cmpint (back->revision, ==, 2);

  /* The update that failed on such a row before. */
  g_ptr_array_remove_index (p->skills, 0);
  g_assert_true (sl_store_update_profile_from_parsed_data (f->store, id, p, NULL, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'c' || char (31) || 'sharp'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'go'"), ==, 1);
  again = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->profile->skills->len, ==, 1);
  g_assert_cmpint (again->revision, ==, 3);
  g_assert_true (sl_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Migration 11: the skill_counts triggers of a version 10 database are
 * made again (here stand-ins that count nothing), a stray row at 0 goes,
 * and updates and deletes keep the counts exact afterwards. */
static void
test_migration_skill_counts_11 (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autofree char *au = NULL;
  g_autofree char *ad = NULL;

  populate (f);
  au = trigger_sql (f, "skill_counts_au");
  ad = trigger_sql (f, "skill_counts_ad");
  /* Only a decremented skill's row is looked at. */
  g_assert_null (strstr (au, "profiles <= 0;"));
  g_assert_null (strstr (ad, "profiles <= 0;"));

  g_clear_object (&f->store);
  exec_rw (f, "DROP TRIGGER skill_counts_au; DROP TRIGGER skill_counts_ad;"
              "CREATE TRIGGER skill_counts_au AFTER UPDATE OF skills ON candidate_profiles BEGIN SELECT 1; END;"
              "CREATE TRIGGER skill_counts_ad AFTER DELETE ON candidate_profiles BEGIN SELECT 1; END;"
              "INSERT INTO skill_counts (skill, profiles, label) VALUES ('stray', 0, 'Stray');"
              "PRAGMA user_version = 10;");
  f->store = sl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_get_schema_version (f->store), ==, SL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'stray'"), ==, 0);
  assert_derived_tables_match (f, TRUE);

  /* Eve's only skill, Go, is hers alone: its row goes; Rust gains one. */
  p = make_profile ("Eve Unknown", "eve@example.org", NULL, "Rust", NULL, NULL, NULL, "Berlin");
  sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'go'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'rust'"), ==, 2);
  assert_derived_tables_match (f, FALSE);
  /* Bob deleted: Spring (his alone) goes, Java (Dan has it too) stays. */
  exec_rw (f, "PRAGMA foreign_keys = ON; DELETE FROM candidate_profiles WHERE name = 'Bob Builder'");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE skill = 'spring'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'java'"), ==, 1);
  assert_derived_tables_match (f, FALSE);
}

static void
test_migration_from_v1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  populate (f);

  /* Pretend the database stopped at version 1: undo migrations 2 to 4. */
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX profiles_deleted;"
                                 "DELETE FROM profiles_fts_config WHERE k = 'rank';"
                                 "DROP TRIGGER skill_counts_ai; DROP TRIGGER skill_counts_ad;"
                                 "DROP TRIGGER skill_counts_au; DROP TABLE skill_counts;"
                                 "DROP INDEX profiles_keys;"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sqlite_master WHERE name = 'profiles_deleted'"), ==, 0);

  f->store = sl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_get_schema_version (f->store), ==, SL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sqlite_master WHERE name = 'profiles_deleted'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM profiles_fts_config WHERE k = 'rank'"), ==, 1);
  /* Migration 3 counted the skills already stored. */
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'python'"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT profiles FROM skill_counts WHERE skill = 'machine learning'"), ==, 1);
  /* Migration 7 labelled them as written. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM skill_counts WHERE label = 'Machine Learning'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sqlite_master WHERE name = 'profiles_keys'"), ==, 1);
  g_assert_true (sl_store_check (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* Notes, tags, saved searches ---------------------------------------------- */

static void
test_notes_tags_saved (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(SlCandidate) ada = NULL;
  g_autoptr(SlCandidate) bob = NULL;
  gint64 n1, n2;

  populate (f);
  ada = sl_store_get_candidate_by_email (f->store, "ada@example.org", &error);
  bob = sl_store_get_candidate_by_email (f->store, "bob@example.org", &error);
  g_assert_no_error (error);

  n1 = sl_store_add_note (f->store, ada->id, "Strong on data pipelines", &error);
  g_assert_no_error (error);
  n2 = sl_store_add_note (f->store, ada->id, "Call back in May", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_add_note (f->store, 9999, "x", &error), ==, 0);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sl_store_update_note (f->store, n1, "Very strong on data pipelines", &error));
  notes = sl_store_list_notes (f->store, ada->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (((SlNote *) g_ptr_array_index (notes, 0))->id, ==, n2);
  g_assert_cmpstr (((SlNote *) g_ptr_array_index (notes, 1))->body, ==, "Very strong on data pipelines");
  g_assert_true (sl_store_delete_note (f->store, n2, &error));
  g_assert_false (sl_store_delete_note (f->store, n2, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sl_store_add_tag (f->store, ada->id, "Shortlisted", &error));
  g_assert_true (sl_store_add_tag (f->store, ada->id, "shortlisted ", &error));   /* same tag */
  g_assert_true (sl_store_add_tag (f->store, ada->id, "call back", &error));
  g_assert_true (sl_store_add_tag (f->store, bob->id, "SHORTLISTED", &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_add_tag (f->store, bob->id, "   ", &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  tags = sl_store_list_tags (f->store, ada->id, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "call back");
  g_assert_cmpstr (tags[1], ==, "Shortlisted");
  g_clear_pointer (&tags, g_strfreev);
  tags = sl_store_list_tags (f->store, 0, &error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);

  assert_names (f, "tag:shortlisted", "Ada Lovelace, Bob Builder");
  assert_names (f, "tag:\"call back\" OR java", "Ada Lovelace, Bob Builder, Dan Java Python");
  assert_names (f, "-tag:shortlisted python", "Chloé Dubois, Dan Java Python");
  g_assert_true (sl_store_remove_tag (f->store, bob->id, "Shortlisted", &error));
  assert_names (f, "tag:shortlisted", "Ada Lovelace");

  g_assert_true (sl_store_save_search (f->store, "Berlin Python", "python location:berlin", &error));
  g_assert_true (sl_store_save_search (f->store, "Berlin Python", "python location:berlin -java", &error));
  g_assert_true (sl_store_save_search (f->store, "Seniors", "years:>=5", &error));
  g_assert_false (sl_store_save_search (f->store, "Broken", "python (", &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY);
  g_clear_error (&error);
  saved = sl_store_list_saved_searches (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (((SlSavedSearch *) g_ptr_array_index (saved, 0))->query, ==, "python location:berlin -java");
  g_assert_true (sl_store_delete_saved_search (f->store, "Seniors", &error));
  g_assert_no_error (error);

  /* Notes and tags go with their candidate. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM candidate_notes"), ==, 1);
}

static void
add_search_tests (void)
{
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/search/operators", test_search_operators);
  ADD ("/store/search/fields", test_search_fields);
  ADD ("/store/search/malformed", test_search_malformed);
  ADD ("/store/search/injection", test_search_injection);
  g_test_add_func ("/store/search/ast", test_search_ast);
  ADD ("/store/search/sort-and-page", test_search_sort_and_page);
  ADD ("/store/search/broad", test_search_broad);
  ADD ("/store/search/ids", test_search_ids);
  ADD ("/store/stats", test_statistics);
  ADD ("/store/notes-tags-saved", test_notes_tags_saved);
  ADD ("/store/open/migration-from-v1", test_migration_from_v1);
  ADD ("/store/open/migration-skill-counts-11", test_migration_skill_counts_11);
  ADD ("/store/open/unit-separator", test_unit_separator);
#undef ADD
}

/* SHORTLIST_SQL_TRACE ------------------------------------------------------- */

static GString *trace_log;

static GLogWriterOutput
trace_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (trace_log != NULL)
    {
      const char *domain = NULL, *message = NULL;
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }
      if (g_strcmp0 (domain, "shortlist-store") == 0 && message != NULL)
        g_string_append_printf (trace_log, "%s\n", message);
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
test_sql_trace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shortlist-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "trace.db", NULL);
  g_autoptr(SlProfile) p = make_profile ("Trace Person", "secret.person@example.org", NULL, NULL, NULL, NULL, NULL, NULL);
  SlStore *store;

  trace_log = g_string_new (NULL);
  g_setenv ("SHORTLIST_SQL_TRACE", "1", TRUE);
  store = sl_store_open (path, &error);
  g_assert_no_error (error);
  sl_store_create_profile_from_parsed_data (store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unsetenv ("SHORTLIST_SQL_TRACE");
  g_assert_finalize_object (store);

  g_assert_nonnull (strstr (trace_log->str, "ms: INSERT INTO candidate_profiles"));
  g_assert_nonnull (strstr (trace_log->str, "sql "));
  /* Statements with placeholders only: no bound personal data. */
  g_assert_null (strstr (trace_log->str, "secret.person"));
  g_string_free (trace_log, TRUE);
  trace_log = NULL;

  /* Without the switch, nothing is traced. */
  trace_log = g_string_new (NULL);
  store = sl_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile (store, 1, NULL);
    g_assert_nonnull (sp);
  }
  g_assert_finalize_object (store);
  g_assert_null (strstr (trace_log->str, "ms: "));
  g_string_free (trace_log, TRUE);
  trace_log = NULL;
  sl_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (trace_writer, NULL, NULL);
  g_test_add_func ("/store/sql-trace", test_sql_trace);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/open/creates", test_open_creates);
  ADD ("/store/open/refuses-newer", test_open_refuses_newer);
  ADD ("/store/stmt-cache", test_stmt_cache);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("/store/open/readonly", test_open_readonly);
  ADD ("/store/profile/create-and-get", test_create_and_get);
  ADD ("/store/profile/update-history", test_update_history);
  ADD ("/store/profile/email-dedupe", test_email_dedupe);
  ADD ("/store/profile/phone-fallback", test_phone_fallback);
  ADD ("/store/profile/bulk", test_bulk);
  ADD ("/store/profile/bulk-prepared", test_bulk_prepared);
  ADD ("/store/profile/bulk-item-fails", test_bulk_item_fails);
  ADD ("/store/profile/bulk-reindex-updated", test_bulk_reindex_updated);
  ADD ("/store/profile/derived-tables", test_derived_tables);
  ADD ("/store/profile/row-skill-columns", test_row_skill_columns);
  ADD ("/store/profile/derived-bulk-same", test_derived_bulk_same);
  ADD ("/store/profile/search-text-columns", test_search_text_columns);
  ADD ("/store/profile/explicit-transaction", test_explicit_transaction);
  ADD ("/store/check/fts-drift", test_check_detects_fts_drift);
  ADD ("/store/intake/repository", test_intake_repository);
  ADD ("/store/intake/advance", test_intake_advance);
  ADD ("/store/two-connections", test_two_connections);
  add_search_tests ();
#undef ADD

  return g_test_run ();
}
