/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-privacy: GDPR erase (no byte of the person left in the database
 * files, the WAL or the archive), subject access export, consent, retention
 * and the audit log, through the library and shortlist-cli.  Resumes go
 * through the real intake pipeline (shortlist-cli import).
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "export/sl-csv.h"
#include "export/sl-import.h"
#include "intake/sl-pipeline.h"
#include "privacy/sl-privacy.h"
#include "core/sl-json.h"
#include "store/sl-store-extras.h"
#include "store/sl-store-search.h"
#include "sl-test-util.h"
#include "sl-test-traces.h"

#define TARGET_NAME  "Zephyrine Quillfeather"
#define TARGET_EMAIL "zephyrine.quillfeather@example.org"
#define TARGET_PHONE "+44 20 7946 0321"

typedef struct
{
  char *dir;
  char *db_path;
  char *archive_dir;
  char *in_dir;
} Fixture;

static void
write_resume (Fixture    *f,
              const char *file,
              const char *name,
              const char *email,
              const char *phone,
              const char *title,
              const char *skills)
{
  g_autofree char *path = g_build_filename (f->in_dir, file, NULL);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n%s\nLondon, United Kingdom\n\n"
                                           "EXPERIENCE\n%s, Northwind Traders, 2018 - Present\n"
                                           "Built data pipelines and reporting.\n\n"
                                           "EDUCATION\nBSc Computer Science, University of Leeds, 2014 - 2017\n\n"
                                           "SKILLS\n%s\n",
                                           name, email, phone, title, skills);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("shortlist-privacy-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "data", "shortlist.db", NULL);
  f->archive_dir = sl_intake_default_archive_dir (f->db_path);
  f->in_dir = g_build_filename (f->dir, "in", NULL);
  g_assert_cmpint (g_mkdir (f->in_dir, 0700), ==, 0);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  sl_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->archive_dir);
  g_free (f->in_dir);
}

/* What the last run_cli() printed on stderr. */
static char *last_stderr;

/* Runs shortlist-cli --db DB ARGS...; returns the exit status. */
static int
run_cli (Fixture     *f,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stdout_text = NULL;
  const char *cli = g_getenv ("SHORTLIST_CLI");
  const char *arg;
  int status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db_path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) && g_test_verbose ())
    g_printerr ("cli stderr: %s\n", err);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  g_free (last_stderr);
  last_stderr = g_steal_pointer (&err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
import_all (Fixture *f)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (f, &out, "import", f->in_dir, NULL), ==, 0);
}

/* Three candidates; the target twice (a re-import with a new title makes
 * history) and once more as a byte-identical duplicate. */
static void
import_people (Fixture *f)
{
  write_resume (f, "zq.txt", TARGET_NAME, TARGET_EMAIL, TARGET_PHONE, "Data Engineer", "Python, SQL, Airflow");
  write_resume (f, "bi.txt", "Bartholomew Ironwood", "b.ironwood@example.net", "+44 20 7946 0555",
                "Backend Developer", "Go, PostgreSQL, Docker");
  write_resume (f, "cv.txt", "Cassiopeia Vantablack", "cassie.v@example.com", "+44 20 7946 0777",
                "Product Designer", "Figma, Sketch, User Research");
  import_all (f);
  {
    g_autofree char *zq = g_build_filename (f->in_dir, "zq.txt", NULL);
    g_autofree char *copy = g_build_filename (f->in_dir, "zq-copy.txt", NULL);
    g_autofree char *text = NULL;
    g_autofree char *out = NULL;

    g_assert_true (g_file_get_contents (zq, &text, NULL, NULL));
    g_assert_true (g_file_set_contents (copy, text, -1, NULL));
    write_resume (f, "zq.txt", TARGET_NAME, TARGET_EMAIL, TARGET_PHONE, "Senior Data Engineer",
                  "Python, SQL, Airflow, Spark");
    g_assert_cmpint (run_cli (f, &out, "import", zq, copy, NULL), ==, 0);
  }
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

/* The database, its -wal and -shm, and the archive folder. */
static char *
traces_of (Fixture    *f,
           const char *needle)
{
  return sl_test_traces_of (f->db_path, f->archive_dir, needle);
}

static gint64
count_sql (SlStore    *store,
           const char *db_path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 n = -1;

  (void) store;
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

static void
test_erase_leaves_no_trace (Fixture       *f,
                            gconstpointer  data)
{
  const char *needles[] = { TARGET_EMAIL, TARGET_NAME, "Quillfeather", "quillfeather", "Zephyrine", "zephyrine" };
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  SlEraseReport report = { 0 };
  gint64 cid, other;
  struct stat sb;

  if (!need_parser ())
    return;
  import_people (f);

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cid = sl_privacy_resolve (store, TARGET_EMAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cid, >, 0);
  other = sl_privacy_resolve (store, "b.ironwood@example.net", &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, !=, cid);
  g_assert_cmpint (sl_store_add_note (store, cid, "Called Zephyrine Quillfeather on Monday", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sl_store_add_tag (store, cid, "shortlisted", &error));
  g_assert_true (sl_store_add_tag (store, other, "shortlisted", &error));
  g_assert_no_error (error);
  /* More places their data can hide: a tag only they carry, a saved
   * search for them, an audit row whose details (wrongly) hold their
   * e-mail, an edit (history + an audited update), and the sync outbox
   * entry their profile queued. */
  g_assert_true (sl_store_add_tag (store, cid, "quillfeather-referral", &error));
  g_assert_true (sl_store_save_search (store, "Call back Zephyrine", "email:" TARGET_EMAIL, &error));
  g_assert_true (sl_privacy_audit (store, "update", "note", NULL, "{\"about\":\"" TARGET_EMAIL "\"}", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (store, TARGET_EMAIL, &error);
    g_autoptr(SlProfile) edited = NULL;

    g_assert_no_error (error);
    edited = sl_profile_copy (sp->profile);
    g_free (edited->personal.headline);
    edited->personal.headline = g_strdup ("Zephyrine's own headline");
    g_assert_true (sl_store_update_profile_from_parsed_data (store, sp->id, edited, NULL, "edit", &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM sync_outbox o JOIN candidate_profiles p"
                                " ON p.uuid = o.uuid WHERE o.op = 'upsert' AND p.email = '" TARGET_EMAIL "'"), ==, 1);
  }

  /* Before: the person is really in there (so the check below can fail). */
  {
    g_autofree char *before = traces_of (f, TARGET_EMAIL);
    g_autoptr(GString) in_archive = g_string_new (NULL);

    sl_test_find_in_tree (f->archive_dir, TARGET_EMAIL, in_archive);
    g_assert_cmpstr (before, !=, "");
    g_assert_cmpuint (in_archive->len, >, 0);
  }
  g_assert_cmpint (count_sql (store, f->db_path,
                              "SELECT count(*) FROM profile_history h JOIN candidate_profiles p ON p.id = h.profile_id"
                              " WHERE p.email = '" TARGET_EMAIL "'"), >=, 1);

  g_assert_true (sl_privacy_erase_candidate (store, cid, f->archive_dir, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.profiles, ==, 1);
  g_assert_cmpuint (report.intake_rows, >=, 3);   /* import, re-import, duplicate */
  g_assert_cmpuint (report.files_removed, ==, 2); /* two distinct versions of the file */
  g_assert_true (report.wal_truncated);

  /* Erase tombstone queued for sync; the candidate, notes and consent gone. */
  if (count_sql (store, f->db_path, "SELECT count(*) FROM sqlite_master WHERE name = 'sync_outbox'") > 0)
    g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM sync_outbox WHERE op = 'erase'"), ==, 1);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM candidates"), ==, 2);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM candidate_notes"), ==, 0);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM candidate_tags"), ==, 1);
  /* Their own tag and the saved search for them are gone; the shared tag stays. */
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM tags"), ==, 1);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM tags WHERE name = 'shortlisted'"), ==, 1);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM saved_searches"), ==, 0);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM audit_log WHERE entity = 'note'"
                              " AND details IS NULL"), ==, 1);
  /* The outbox holds only the tombstone for their profile. */
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM sync_outbox o"
                              " WHERE o.uuid NOT IN (SELECT uuid FROM candidate_profiles) AND o.op = 'upsert'"), ==, 0);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM candidate_consent"), ==, 2);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM audit_log WHERE action = 'erase' AND entity = 'candidate'"), ==, 1);
  g_assert_cmpint (sl_privacy_resolve (store, TARGET_EMAIL, &error), ==, 0);
  g_assert_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The others are intact and still found by full-text search. */
  {
    const char *words[] = { "Ironwood", "Vantablack", "Quillfeather" };
    const guint expect[] = { 1, 1, 0 };
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_autoptr(GPtrArray) hits = sl_store_search_profiles (store, words[i], 10, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, expect[i]);
      }
  }
  uuid = NULL;
  g_clear_object (&store);

  /* No byte of them in the database, its WAL/shm, or the archive. */
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autofree char *hits = traces_of (f, needles[i]);
      if (*hits != '\0')
        g_test_message ("“%s” still in:\n%s", needles[i], hits);
      g_assert_cmpstr (hits, ==, "");
    }
  /* ... and the others' data is still there. */
  {
    g_autofree char *hits = traces_of (f, "b.ironwood@example.net");
    g_assert_cmpstr (hits, !=, "");
  }

  /* Private files: the data folder 0700, the database 0600. */
  {
    g_autofree char *data_dir = g_path_get_dirname (f->db_path);
    g_assert_cmpint (g_stat (data_dir, &sb), ==, 0);
    g_assert_cmpint (sb.st_mode & 0777, ==, 0700);
    g_assert_cmpint (g_stat (f->db_path, &sb), ==, 0);
    g_assert_cmpint (sb.st_mode & 0777, ==, 0600);
    /* A database made readable by others (copied in, an old version) is
     * made private again by the next writer. */
    g_assert_cmpint (g_chmod (f->db_path, 0644), ==, 0);
    store = sl_store_open (f->db_path, &error);
    g_assert_no_error (error);
    g_clear_object (&store);
    g_assert_cmpint (g_stat (f->db_path, &sb), ==, 0);
    g_assert_cmpint (sb.st_mode & 0777, ==, 0600);
  }
}

static void
test_shared_original_kept (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SlEraseReport report = { 0 };
  gint64 cid;
  gint64 qid_other = 0;

  if (!need_parser ())
    return;
  import_people (f);
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cid = sl_privacy_resolve (store, "cassie.v@example.com", &error);
  g_assert_no_error (error);
  /* Another candidate's row pointing at the same archived file (as a
   * multi-person document would): the file must stay. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO file_intake_queue (uuid, path, sha256, status, profile_id, archive_path,"
                                   " created_at, updated_at)"
                                   " SELECT 'shared-row', path, 'x' || sha256, 'done',"
                                   "  (SELECT id FROM candidate_profiles WHERE email = 'b.ironwood@example.net'),"
                                   "  archive_path, created_at, updated_at FROM file_intake_queue"
                                   " WHERE profile_id = (SELECT id FROM candidate_profiles WHERE email = 'cassie.v@example.com')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    qid_other = sqlite3_last_insert_rowid (db);
    sqlite3_close (db);
  }
  g_assert_cmpint (qid_other, >, 0);
  g_assert_true (sl_privacy_erase_candidate (store, cid, f->archive_dir, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.files_removed, ==, 0);
  g_assert_cmpuint (report.files_kept, ==, 1);
  g_assert_cmpint (count_sql (store, f->db_path, "SELECT count(*) FROM file_intake_queue WHERE uuid = 'shared-row'"), ==, 1);
}

static void
test_subject_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out_dir = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *out = NULL;
  JsonObject *root, *cand, *profile, *intake0;
  JsonArray *profiles, *intake, *audit;
  gint64 cid;
  struct stat sb;

  if (!need_parser ())
    return;
  import_people (f);
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cid = sl_privacy_resolve (store, TARGET_EMAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_add_note (store, cid, "Prefers remote work", &error), >, 0);
  g_assert_true (sl_store_add_tag (store, cid, "python", &error));
  g_assert_true (sl_privacy_set_consent (store, cid, SL_CONSENT_CONSENT, "web form 2026-11-01", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  out_dir = g_build_filename (f->dir, "sar", NULL);
  g_assert_cmpint (run_cli (f, &out, "export-subject", "--output", out_dir, TARGET_EMAIL, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 originals"));

  json_path = g_build_filename (out_dir, "subject.json", NULL);
  g_assert_cmpint (g_stat (json_path, &sb), ==, 0);
  g_assert_cmpint (sb.st_mode & 0777, ==, 0600);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  cand = json_object_get_object_member (root, "candidate");
  g_assert_cmpstr (json_object_get_string_member (cand, "email"), ==, TARGET_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "consent"), "legal_basis"),
                   ==, "consent");
  profiles = json_object_get_array_member (root, "profiles");
  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  profile = json_array_get_object_element (profiles, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (profile, "personal_info"), "name"),
                   ==, TARGET_NAME);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (profile, "history")), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "notes")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "tags"), 0),
                                                  "name"), ==, "python");
  intake = json_object_get_array_member (root, "intake");
  g_assert_cmpuint (json_array_get_length (intake), >=, 2);
  intake0 = json_array_get_object_element (intake, 0);
  g_assert_true (json_object_has_member (json_object_get_object_member (intake0, "metadata"), "processing_history"));
  {
    g_autofree char *copy = g_build_filename (out_dir, "originals",
                                              json_object_get_string_member (intake0, "export_file"), NULL);
    g_assert_true (sl_test_file_contains (copy, "Northwind Traders"));
    g_assert_true (sl_test_file_contains (copy, TARGET_EMAIL));
  }
  /* Audit entries about them: create, update, the consent change. */
  audit = json_object_get_array_member (root, "audit");
  g_assert_cmpuint (json_array_get_length (audit), >=, 2);

  /* The export itself is audited, without personal data. */
  g_free (out);
  out = NULL;
  g_assert_cmpint (run_cli (f, &out, "audit", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"subject-access\""));
  g_assert_null (strstr (out, TARGET_EMAIL));
  g_assert_null (strstr (out, "Quillfeather"));
}

static void
test_consent_and_retention (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlConsent) consent = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, 13);
  g_autofree char *out = NULL;
  gint64 cid;

  if (!need_parser ())
    return;
  /* The default basis applies to candidates created after it is set. */
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_false (sl_privacy_set_default_basis (store, "because", &error));
  g_assert_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sl_privacy_set_default_basis (store, SL_CONSENT_CONTRACT, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  import_people (f);
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cid = sl_privacy_resolve (store, TARGET_EMAIL, &error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (consent->legal_basis, ==, SL_CONSENT_CONTRACT);
  g_assert_nonnull (consent->recorded_at);
  g_clear_pointer (&consent, sl_consent_free);

  g_assert_false (sl_privacy_set_consent (store, cid, "vibes", NULL, &error));
  g_assert_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody is due now; everybody 13 months from now. */
  due = sl_privacy_retention_due (store, 12, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = sl_privacy_retention_due (store, 12, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Age one candidate by rewriting its dates, as if untouched for 2 years. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE candidates SET updated_at = '2024-01-01T00:00:00.000Z' WHERE email = 'cassie.v@example.com';"
                                   "UPDATE candidate_profiles SET updated_at = '2024-01-01T00:00:00.000Z' WHERE email = 'cassie.v@example.com';",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_clear_object (&store);

  /* The CLI lists; --erase without --yes erases nothing. */
  g_assert_cmpint (run_cli (f, &out, "retention", "--months", "12", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "cassie.v@example.com"));
  g_assert_null (strstr (out, "b.ironwood@example.net"));
  g_assert_nonnull (strstr (out, "1 candidate not updated"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "retention", "--months", "12", "--erase", NULL), ==, 1);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "retention", "--months", "12", "--erase", "--yes", NULL), ==, 0);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates"), ==, 2);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates WHERE email = 'cassie.v@example.com'"), ==, 0);

  /* consent via the CLI */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "consent", TARGET_EMAIL, "--set", "legal-obligation", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "legal basis: legal-obligation"));
  /* the contract basis it had from the import is kept as an earlier record */
  g_assert_nonnull (strstr (out, "earlier:     contract recorded "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "consent", TARGET_EMAIL, "--set", "nope", NULL), ==, 2);
}

static void
test_cli_erase_and_audit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *arr;
  gboolean saw_erase = FALSE, saw_create = FALSE, saw_export = FALSE;

  if (!need_parser ())
    return;
  import_people (f);
  /* Without --yes: nothing happens. */
  g_assert_cmpint (run_cli (f, &out, "erase", TARGET_EMAIL, NULL), ==, 1);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "erase", "nobody@example.org", "--yes", NULL), ==, 1);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "erase", "--yes", TARGET_EMAIL, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "erased 1 candidate"));
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidates"), ==, 2);
  {
    g_autofree char *hits = traces_of (f, TARGET_EMAIL);
    g_assert_cmpstr (hits, ==, "");
  }

  g_clear_pointer (&out, g_free);
  {
    g_autofree char *csv = g_build_filename (f->dir, "all.csv", NULL);
    g_assert_cmpint (run_cli (f, &out, "export", "--format", "csv", "--output", csv, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
  }
  g_assert_cmpint (run_cli (f, &out, "audit", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  arr = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      const char *action = json_object_get_string_member (o, "action");
      g_assert_nonnull (json_object_get_string_member (o, "at"));
      if (g_str_equal (action, "erase") && g_str_equal (json_object_get_string_member (o, "entity"), "candidate"))
        saw_erase = TRUE;
      if (g_str_has_suffix (action, "create"))
        saw_create = TRUE;
      if (g_str_equal (action, "export") && g_str_equal (json_object_get_string_member (o, "entity"), "candidates"))
        saw_export = TRUE;
    }
  g_assert_true (saw_erase);
  g_assert_true (saw_create);
  g_assert_true (saw_export);
  g_assert_null (strstr (out, "Ironwood"));
}

/* The audit rows of @action (and @entity, nullable) as parsed details. */
static GPtrArray *
audit_details (Fixture    *f,
               const char *action,
               const char *entity)
{
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  all = sl_privacy_audit_list (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      SlAuditEntry *e = g_ptr_array_index (all, i);
      if (g_str_equal (e->action, action) && (entity == NULL || g_str_equal (e->entity, entity)))
        {
          JsonNode *node = e->details != NULL ? json_from_string (e->details, &error) : json_node_new (JSON_NODE_NULL);
          g_assert_no_error (error);
          g_ptr_array_add (out, node);
        }
    }
  return out;
}

static gboolean
string_array_has (JsonArray  *arr,
                  const char *s)
{
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    if (g_strcmp0 (json_array_get_string_element (arr, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* Each kind of audit row: what it records, and that it never records the
 * data itself; the CLI lists, filters and exports the log. */
static void
test_audit_kinds (Fixture       *f,
                  gconstpointer  data)
{
  const char *personal[] = { TARGET_EMAIL, "Quillfeather", "Ironwood", "b.ironwood@example.net",
                             "Vantablack", "7946 0", "2079460", "Senior Data Engineer", "Spark", "Kubernetes",
                             "Leeds", "moved.on@example.org" };
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *audit_file = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *json = g_build_filename (f->dir, "export.json", NULL);
  JsonObject *o;
  JsonArray *fields;
  gint64 cid, total;
  struct stat sb;

  if (!need_parser ())
    return;
  /* create, and for the re-import of zq.txt, update with the names of
   * what changed: the title and the skills. */
  import_people (f);
  rows = audit_details (f, "create", "profile");
  g_assert_cmpuint (rows->len, ==, 3);
  o = json_node_get_object (g_ptr_array_index (rows, 0));
  g_assert_cmpint (json_object_get_int_member (o, "revision"), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = audit_details (f, "update", "profile");
  g_assert_cmpuint (rows->len, ==, 1);
  o = json_node_get_object (g_ptr_array_index (rows, 0));
  g_assert_cmpint (json_object_get_int_member (o, "revision"), ==, 2);
  fields = json_object_get_array_member (o, "fields");
  g_assert_true (string_array_has (fields, "work_experience"));
  g_assert_true (string_array_has (fields, "skills"));
  g_assert_true (string_array_has (fields, "raw_text"));
  g_assert_false (string_array_has (fields, "education"));
  g_assert_false (string_array_has (fields, "personal_info.email"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An edit of the e-mail and the location: personal_info keys by name. */
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (store, TARGET_EMAIL, &error);
    g_autoptr(SlProfile) edited = NULL;

    g_assert_no_error (error);
    edited = sl_profile_copy (sp->profile);
    g_free (edited->personal.email);
    edited->personal.email = g_strdup ("moved.on@example.org");
    g_free (edited->personal.location);
    edited->personal.location = g_strdup ("Leeds, United Kingdom");
    g_assert_true (sl_store_update_profile_from_parsed_data (store, sp->id, edited, NULL, "edit", &error));
    g_assert_no_error (error);
  }
  /* A bulk write: one row of counts, plus an update row with field names
   * for a profile that was there before. */
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (store, "b.ironwood@example.net", &error);
    g_autoptr(SlProfile) again = NULL;
    g_autoptr(GPtrArray) results = NULL;
    const SlProfile *list[1];

    g_assert_no_error (error);
    again = sl_profile_copy (sp->profile);
    g_ptr_array_add (again->skills, sl_skill_new ("Kubernetes", NULL));
    list[0] = again;
    results = sl_store_bulk_create_profiles (store, list, NULL, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
  }
  rows = audit_details (f, "bulk_create", "profile");
  g_assert_cmpuint (rows->len, >=, 1);
  o = json_node_get_object (g_ptr_array_index (rows, rows->len - 1));
  g_assert_cmpint (json_object_get_int_member (o, "created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "updated"), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = audit_details (f, "update", "profile");
  g_assert_cmpuint (rows->len, ==, 3);
  fields = json_object_get_array_member (json_node_get_object (g_ptr_array_index (rows, 2)), "fields");
  g_assert_true (string_array_has (fields, "skills"));
  g_assert_false (string_array_has (fields, "personal_info.email"));
  g_assert_false (string_array_has (fields, "work_experience"));
  fields = json_object_get_array_member (json_node_get_object (g_ptr_array_index (rows, 1)), "fields");
  g_assert_true (string_array_has (fields, "personal_info.email"));
  g_assert_true (string_array_has (fields, "personal_info.location"));
  g_assert_false (string_array_has (fields, "personal_info.name"));
  g_assert_false (string_array_has (fields, "skills"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Consent and the default basis. */
  cid = sl_privacy_resolve (store, "moved.on@example.org", &error);
  g_assert_no_error (error);
  g_assert_true (sl_privacy_set_consent (store, cid, SL_CONSENT_CONSENT, "asked by phone", &error));
  g_assert_true (sl_privacy_set_default_basis (store, SL_CONSENT_CONTRACT, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  rows = audit_details (f, "update", "consent");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = audit_details (f, "update", "settings");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Exports from the CLI: format, how many, filtered or not, columns. */
  g_assert_cmpint (run_cli (f, &out, "export", "--format", "csv", "--columns", "name,email,skills",
                            "--query", "Ironwood", "--output", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "export", "--format", "json-resume", "--output", json, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  rows = audit_details (f, "export", "candidates");
  g_assert_cmpuint (rows->len, ==, 2);
  o = json_node_get_object (g_ptr_array_index (rows, 0));
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "csv");
  g_assert_cmpint (json_object_get_int_member (o, "candidates"), ==, 1);
  g_assert_true (json_object_get_boolean_member (o, "filtered"));
  g_assert_cmpstr (json_object_get_string_member (o, "via"), ==, "cli");
  g_assert_true (string_array_has (json_object_get_array_member (o, "columns"), "skills"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "columns")), ==, 3);
  o = json_node_get_object (g_ptr_array_index (rows, 1));
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "json-resume");
  g_assert_cmpint (json_object_get_int_member (o, "candidates"), ==, 3);
  g_assert_false (json_object_get_boolean_member (o, "filtered"));
  g_assert_false (json_object_has_member (o, "columns"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Subject access export and erase. */
  {
    g_autofree char *sar = g_build_filename (f->dir, "sar", NULL);
    g_assert_cmpint (run_cli (f, &out, "export-subject", "--output", sar, "moved.on@example.org", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
  }
  g_assert_cmpint (run_cli (f, &out, "erase", "--yes", "moved.on@example.org", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  rows = audit_details (f, "export", "candidate");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = audit_details (f, "erase", "candidate");
  g_assert_cmpuint (rows->len, ==, 1);
  o = json_node_get_object (g_ptr_array_index (rows, 0));
  g_assert_cmpint (json_object_get_int_member (o, "profiles"), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = audit_details (f, "erase", "profile");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The CLI: the table, a filter, and an export to a private file. */
  total = count_sql (NULL, f->db_path, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (run_cli (f, &out, "audit", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_assert_cmpint (g_strv_length (lines), ==, total);
    g_assert_nonnull (strstr (out, "\terase\tcandidate\t"));
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "audit", "--action", "export", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 3);
  g_clear_pointer (&out, g_free);
  audit_file = g_build_filename (f->dir, "audit.json", NULL);
  g_assert_cmpint (run_cli (f, &out, "audit", "--output", audit_file, NULL), ==, 0);
  g_assert_cmpint (g_stat (audit_file, &sb), ==, 0);
  g_assert_cmpint (sb.st_mode & 0777, ==, 0600);
  json_parser_load_from_file (parser, audit_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, total);
  g_clear_pointer (&out, g_free);

  /* Nothing personal anywhere in the log. */
  g_assert_true (g_file_get_contents (audit_file, &out, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      if (strstr (out, personal[i]) != NULL)
        g_test_message ("“%s” is in the audit log", personal[i]);
      g_assert_null (strstr (out, personal[i]));
    }
}

/* At the default log level (no G_MESSAGES_DEBUG) nothing the CLI writes
 * on stderr names a person: not while importing (a good file, a broken one
 * that holds their e-mail, a duplicate), exporting, erasing or listing the
 * audit log. */
static void
test_no_personal_data_in_logs (Fixture       *f,
                               gconstpointer  data)
{
  /* (the phones as written and as stored: "7946" alone also turns up in
   * timestamps and uuids now and then) */
  const char *needles[] = { TARGET_EMAIL, "Quillfeather", "Zephyrine", "Ironwood", "b.ironwood@example.net",
                            "7946 0", "2079460" };
  g_autofree char *broken = g_build_filename (f->in_dir, "broken.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "all.csv", NULL);
  g_autoptr(GString) all_err = g_string_new (NULL);
  g_autofree char *out = NULL;

  if (!need_parser ())
    return;
  g_unsetenv ("G_MESSAGES_DEBUG");
  import_people (f);
  g_string_append (all_err, last_stderr);
  g_assert_true (g_file_set_contents (broken, "%PDF-1.4\n" TARGET_EMAIL " Zephyrine Quillfeather\n", -1, NULL));
  {
    const char *const steps[][4] = {
      { "import", f->in_dir, NULL, NULL },
      { "export", "--output", csv, NULL },
      { "search", "Quillfeather", NULL, NULL },
      { "audit", NULL, NULL, NULL },
      { "erase", "--yes", TARGET_EMAIL, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        run_cli (f, &out, steps[i][0], steps[i][1], steps[i][2], steps[i][3], NULL);
        g_clear_pointer (&out, g_free);
        g_string_append (all_err, last_stderr);
      }
  }
  /* The check can fail: the broken file did fail, on stderr. */
  g_assert_nonnull (strstr (all_err->str, "broken.pdf"));
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      if (strstr (all_err->str, needles[i]) != NULL)
        g_test_message ("“%s” on stderr:\n%s", needles[i], all_err->str);
      g_assert_null (strstr (all_err->str, needles[i]));
    }
}

/* Imports @csv (headers guessed) into @store; returns the rows stored. */
static guint
import_csv_text (SlStore    *store,
                 const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlCsvTable) table = sl_csv_table_parse (csv, strlen (csv), 0, &error);
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint created = 0, updated = 0, failed = 0;

  g_assert_no_error (error);
  mapping = sl_csv_import_guess_mapping (table);
  results = sl_csv_import (store, table, mapping, NULL, &error);
  g_assert_no_error (error);
  sl_import_results_count (results, &created, &updated, &failed);
  return created + updated;
}

/* A CSV-imported person has their own "create" entry in the audit trail, so
 * it is in their subject access export (the bulk writer alone writes one
 * summary row without their uuid). */
/* The "create" audit entries of profiles in a subject access export. */
static guint
count_profile_creates (JsonNode *subject)
{
  JsonArray *audit = json_object_get_array_member (json_node_get_object (subject), "audit");
  guint creates = 0;

  for (guint i = 0; i < json_array_get_length (audit); i++)
    {
      JsonObject *e = json_array_get_object_element (audit, i);
      if (g_strcmp0 (json_object_get_string_member (e, "action"), "create") == 0 &&
          g_strcmp0 (json_object_get_string_member (e, "entity"), "profile") == 0)
        creates++;
    }
  return creates;
}

static void
test_csv_import_audited (Fixture       *f,
                         gconstpointer  data)
{
  static const char csv[] = "Name,Email,Phone\n"
                            "Orla Brightwater,orla.b@example.org,+44 20 7946 0101\n"
                            "Tomas Underhill,tomas.u@example.org,+44 20 7946 0102\n";
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 cid;

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import_csv_text (store, csv), ==, 2);

  cid = sl_privacy_resolve (store, "tomas.u@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cid, >, 0);
  node = sl_privacy_subject_json (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_profile_creates (node), ==, 1);
}

/* A profile JSON imported by the CLI is in the person's audit trail too. */
static void
test_profile_json_import_audited (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SlProfile) profile = sl_profile_new ();
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (f->dir, "profile.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 cid;

  profile->personal.name = g_strdup ("Wren Halloway");
  profile->personal.email = g_strdup ("wren.h@example.org");
  json = sl_profile_to_json (profile, FALSE);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_cmpint (run_cli (f, &out, "import", path, NULL), ==, 0);

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cid = sl_privacy_resolve (store, "wren.h@example.org", &error);
  g_assert_no_error (error);
  node = sl_privacy_subject_json (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_profile_creates (node), ==, 1);
}

/* A consent can be dated in the past (the day a form was signed), not in
 * the future. */
static void
test_consent_dated (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] = "Name,Email\nIlse Marrow,ilse.m@example.org\n";
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlConsent) consent = NULL;
  g_autoptr(GDateTime) signed_on = g_date_time_new_utc (2025, 3, 14, 9, 30, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  gint64 cid;

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import_csv_text (store, csv), ==, 1);
  cid = sl_privacy_resolve (store, "ilse.m@example.org", &error);
  g_assert_no_error (error);

  g_assert_true (sl_privacy_set_consent_full (store, cid, SL_CONSENT_CONSENT, "paper form", signed_on, &error));
  g_assert_no_error (error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (consent->recorded_at, "2025-03-14T09:30:00"));
  g_assert_cmpstr (consent->note, ==, "paper form");
  g_clear_pointer (&consent, sl_consent_free);

  g_assert_false (sl_privacy_set_consent_full (store, cid, SL_CONSENT_CONTRACT, NULL, tomorrow, &error));
  g_assert_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID);
  g_clear_error (&error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (consent->legal_basis, ==, SL_CONSENT_CONSENT);
  g_assert_true (g_str_has_prefix (consent->recorded_at, "2025-03-14"));
}

/* What a data-protection officer expects of the consent date: it is the
 * day given (or when consent was first recorded).  Editing the note keeps
 * it; a new legal basis is a new record dated now, and the one it replaces
 * stays in the history (and in the subject access export) until the
 * candidate is erased. */
static void
test_consent_history (Fixture       *f,
                      gconstpointer  data)
{
  static const char csv[] = "Name,Email\nJonas Pell,jonas.p@example.org\n";
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlConsent) consent = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) signed_on = g_date_time_new_utc (2025, 3, 14, 9, 30, 0);
  g_autoptr(GDateTime) corrected = g_date_time_new_utc (2025, 6, 2, 12, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *before_text = g_date_time_format (before, "%Y-%m-%dT%H:%M:%S");
  g_autoptr(JsonNode) node = NULL;
  SlConsent *old;
  JsonArray *exported;
  SlEraseReport report;
  gint64 cid;

  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import_csv_text (store, csv), ==, 1);
  cid = sl_privacy_resolve (store, "jonas.p@example.org", &error);
  g_assert_no_error (error);
  g_assert_true (sl_privacy_set_consent_full (store, cid, SL_CONSENT_CONSENT, "paper form", signed_on, &error));
  g_assert_no_error (error);

  /* The note changes, the date does not. */
  g_assert_true (sl_privacy_set_consent (store, cid, SL_CONSENT_CONSENT, "paper form, filed in B", &error));
  g_assert_no_error (error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (consent->recorded_at, "2025-03-14T09:30:00"));
  g_assert_cmpstr (consent->note, ==, "paper form, filed in B");
  g_clear_pointer (&consent, sl_consent_free);
  /* The default basis it had from the import is the first record replaced. */
  history = sl_privacy_get_consent_history (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((SlConsent *) g_ptr_array_index (history, 0))->legal_basis, ==, SL_CONSENT_LEGITIMATE_INTEREST);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Saving the same again writes nothing (and audits nothing). */
  g_assert_true (sl_privacy_set_consent (store, cid, SL_CONSENT_CONSENT, "paper form, filed in B", &error));
  g_assert_no_error (error);

  /* A new basis: a new record dated now; the old one is history. */
  g_assert_true (sl_privacy_set_consent (store, cid, SL_CONSENT_CONTRACT, "signed contract", &error));
  g_assert_no_error (error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (consent->legal_basis, ==, SL_CONSENT_CONTRACT);
  g_assert_cmpstr (consent->recorded_at, >=, before_text);
  g_assert_null (consent->superseded_at);
  g_clear_pointer (&consent, sl_consent_free);
  history = sl_privacy_get_consent_history (store, cid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  old = g_ptr_array_index (history, 1);
  g_assert_cmpint (old->candidate_id, ==, cid);
  g_assert_cmpstr (old->legal_basis, ==, SL_CONSENT_CONSENT);
  g_assert_true (g_str_has_prefix (old->recorded_at, "2025-03-14T09:30:00"));
  g_assert_cmpstr (old->note, ==, "paper form, filed in B");
  g_assert_nonnull (old->superseded_at);
  g_assert_cmpstr (old->superseded_at, >=, before_text);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* The date of the current record can be corrected in place. */
  g_assert_true (sl_privacy_set_consent_full (store, cid, SL_CONSENT_CONTRACT, "signed contract", corrected, &error));
  g_assert_no_error (error);
  consent = sl_privacy_get_consent (store, cid, &error);
  g_assert_true (g_str_has_prefix (consent->recorded_at, "2025-06-02T12:00:00"));
  g_clear_pointer (&consent, sl_consent_free);
  history = sl_privacy_get_consent_history (store, cid, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* The subject access export holds the history. */
  node = sl_privacy_subject_json (store, cid, &error);
  g_assert_no_error (error);
  exported = json_object_get_array_member (json_node_get_object (node), "consent_history");
  g_assert_nonnull (exported);
  g_assert_cmpuint (json_array_get_length (exported), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (exported, 1), "legal_basis"),
                   ==, SL_CONSENT_CONSENT);
  g_clear_object (&store);

  /* Audited with the fields that changed, once per real change. */
  rows = audit_details (f, "update", "consent");
  g_assert_cmpuint (rows->len, ==, 4);
  {
    JsonArray *fields = json_object_get_array_member (json_node_get_object (g_ptr_array_index (rows, 1)), "fields");
    g_assert_cmpuint (json_array_get_length (fields), ==, 1);
    g_assert_true (string_array_has (fields, "note"));
    fields = json_object_get_array_member (json_node_get_object (g_ptr_array_index (rows, 2)), "fields");
    g_assert_true (string_array_has (fields, "legal_basis"));
    g_assert_true (string_array_has (fields, "recorded_at"));
    fields = json_object_get_array_member (json_node_get_object (g_ptr_array_index (rows, 3)), "fields");
    g_assert_cmpuint (json_array_get_length (fields), ==, 1);
    g_assert_true (string_array_has (fields, "recorded_at"));
  }

  /* Erasing the candidate erases the history. */
  store = sl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_privacy_erase_candidate (store, cid, f->archive_dir, &report, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_sql (NULL, f->db_path, "SELECT count(*) FROM candidate_consent_history"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/privacy/erase/no-trace", Fixture, NULL, setup, test_erase_leaves_no_trace, teardown);
  g_test_add ("/privacy/erase/shared-original", Fixture, NULL, setup, test_shared_original_kept, teardown);
  g_test_add ("/privacy/erase/cli-and-audit", Fixture, NULL, setup, test_cli_erase_and_audit, teardown);
  g_test_add ("/privacy/audit/kinds", Fixture, NULL, setup, test_audit_kinds, teardown);
  g_test_add ("/privacy/logs/default-level", Fixture, NULL, setup, test_no_personal_data_in_logs, teardown);
  g_test_add ("/privacy/subject-export", Fixture, NULL, setup, test_subject_export, teardown);
  g_test_add ("/privacy/csv-import-audited", Fixture, NULL, setup, test_csv_import_audited, teardown);
  g_test_add ("/privacy/profile-json-import-audited", Fixture, NULL, setup, test_profile_json_import_audited, teardown);
  g_test_add ("/privacy/consent-dated", Fixture, NULL, setup, test_consent_dated, teardown);
  g_test_add ("/privacy/consent-history", Fixture, NULL, setup, test_consent_history, teardown);
  g_test_add ("/privacy/consent-retention", Fixture, NULL, setup, test_consent_and_retention, teardown);
  return g_test_run ();
}
