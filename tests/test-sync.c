/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-sync.c: team sync against a REAL PostgreSQL started for this test
 * (sl-pg-cluster.c: initdb + pg_ctl in a temp dir, 127.0.0.1, a free port;
 * as root through runuser -u postgres).  Laptops are real SQLite stores in
 * temp dirs.  The recruiters sync as non-superuser login roles that are
 * members of shortlist_sync, with scram passwords.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/sl-json.h"
#include "privacy/sl-privacy.h"
#include "store/sl-store.h"
#include "store/sl-store-intake.h"
#include "store/sl-store-sync.h"
#include "sync/sl-sync.h"
#include "sl-pg-cluster.h"

static SlPgCluster *cluster;
static char *cluster_problem;     /* why there is no cluster */
static gboolean cluster_missing;  /* no binaries: skip, do not fail */
static int db_counter;

#define ALICE_PW "alice-Secret-1"
#define BOB_PW "bob-Secret-2"

static gboolean
need_cluster (void)
{
  if (cluster != NULL)
    return TRUE;
  if (cluster_missing)
    g_test_skip (cluster_problem);
  else
    {
      g_test_message ("could not start PostgreSQL: %s", cluster_problem);
      g_test_fail ();
    }
  return FALSE;
}

/* Laptops ---------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  char    *path;
  SlStore *store;
} Laptop;

static Laptop *
laptop_new (void)
{
  g_autoptr(GError) error = NULL;
  Laptop *l = g_new0 (Laptop, 1);

  l->dir = g_dir_make_tmp ("shortlist-sync-XXXXXX", &error);
  g_assert_no_error (error);
  l->path = g_build_filename (l->dir, "shortlist.db", NULL);
  l->store = sl_store_open (l->path, &error);
  g_assert_no_error (error);
  return l;
}

static void
laptop_free (Laptop *l)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", l->dir);

  g_clear_object (&l->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (l->path);
  g_free (l->dir);
  g_free (l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Laptop, laptop_free)

/* A generated profile; @tag makes e-mails unique per laptop. */
static SlProfile *
make_profile (const char *tag,
              guint       i)
{
  static const char * const skills[] = { "C", "GTK", "PostgreSQL", "SQLite", "Rust", "Python",
                                         "Kubernetes", "Go", "TypeScript", "Figma" };
  SlProfile *p = sl_profile_new ();
  SlWorkEntry *w = sl_work_entry_new ();

  p->personal.name = g_strdup_printf ("Person %s %u", tag, i);
  p->personal.email = g_strdup_printf ("person%u@%s.example.org", i, tag);
  p->personal.phone = g_strdup_printf ("+49 30 %07u", 1000000 + i);
  p->personal.location = g_strdup (i % 2 ? "Berlin, Germany" : "Lisboa, Portugal");
  for (guint k = 0; k < 4; k++)
    g_ptr_array_add (p->skills, sl_skill_new (skills[(i + k * 3) % G_N_ELEMENTS (skills)], NULL));
  w->title = g_strdup_printf ("Engineer level %u", i % 5);
  w->company = g_strdup_printf ("Company %u", i % 37);
  w->start = g_strdup ("2019-03");
  w->current = TRUE;
  w->description = g_strdup ("Built things\twith tabs, back\\slashes and\nnew lines — ünïcødé.");
  g_ptr_array_add (p->work, w);
  p->source = g_strdup ("cli");
  return p;
}

static void
add_profiles (Laptop     *l,
              const char *tag,
              guint       first,
              guint       n)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + n; i++)
    {
      g_ptr_array_add (profiles, make_profile (tag, i));
      g_ptr_array_add (texts, g_strdup_printf ("Resume of person %u\nSkills: C, GTK\n", i));
    }
  results = sl_store_bulk_create_profiles (l->store, (const SlProfile * const *) profiles->pdata,
                                           (const char * const *) texts->pdata, n, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((SlWriteResult *) g_ptr_array_index (results, i))->outcome, ==, SL_WRITE_CREATED);
}

static gint64
local_int (Laptop     *l,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (l->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

/* "uuid revision device json" per live profile, sorted: what must match. */
static char *
snapshot (Laptop *l)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (l->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM candidate_profiles ORDER BY uuid", -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_uuid (l->store, (const char *) sqlite3_column_text (st, 0), &error);
      g_autofree char *json = NULL;
      g_autoptr(SlCandidate) cand = NULL;

      g_assert_no_error (error);
      json = sl_profile_to_json (sp->profile, FALSE);
      cand = sl_store_get_candidate (l->store, sp->candidate_id, &error);
      g_assert_no_error (error);
      g_string_append_printf (out, "%s r%d %s %s %s %s\n", sp->uuid, sp->revision, sp->device_id,
                              sp->updated_at, cand->email, json);
    }
  sqlite3_finalize (st);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Compares two snapshots line by line, so a failure shows one line. */
static void
assert_same_snapshot (Laptop *a,
                      Laptop *b)
{
  g_autofree char *sa = snapshot (a);
  g_autofree char *sb = snapshot (b);
  g_auto(GStrv) la = g_strsplit (sa, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (sb, "\n", -1);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    g_assert_cmpstr (la[i], ==, lb[i]);
}

/* Server ------------------------------------------------------------------ */

static char *
owner_uri (const char *db)
{
  return sl_pg_cluster_uri (cluster, "shortlist_owner", NULL, db);
}

/* A fresh database with the Shortlist schema installed by its owner. */
static char *
new_server_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("team%d", ++db_counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s OWNER shortlist_owner", name);
  g_autofree char *uri = owner_uri (name);
  g_autoptr(SlSync) installer = sl_sync_new ("/nonexistent/unused.db", uri);

  sl_pg_cluster_exec (cluster, "postgres", sql, &error);
  g_assert_no_error (error);
  sl_sync_install_schema (installer, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&name);
}

static gint64
server_int (const char *db,
            const char *sql)
{
  return sl_pg_cluster_query_int (cluster, db, sql);
}

/* Syncs @l as @user (password through the app's hook); @params
 * (nullable): extra URI parameters. */
static gboolean
sync_as (Laptop       *l,
         const char   *db,
         const char   *user,
         const char   *params,
         SlSyncStats  *stats,
         GError      **error)
{
  g_autofree char *base = sl_pg_cluster_uri (cluster, user, NULL, db);
  g_autofree char *uri = g_strconcat (base, params != NULL ? "?" : "", params, NULL);
  g_autoptr(SlSync) sync = sl_sync_new (l->path, uri);

  sl_sync_set_password (sync, g_str_equal (user, "alice") ? ALICE_PW : BOB_PW);
  return sl_sync_run (sync, NULL, stats, error);
}

static void
sync_ok (Laptop      *l,
         const char  *db,
         const char  *user,
         SlSyncStats *stats)
{
  g_autoptr(GError) error = NULL;
  SlSyncStats s = { 0 };

  sync_as (l, db, user, NULL, &s, &error);
  g_assert_no_error (error);
  if (stats != NULL)
    *stats = s;
}

/* Tests ------------------------------------------------------------------- */

static void
test_outbox_local (void)
{
  g_autoptr(Laptop) l = laptop_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile ("local", 1);
  g_autofree char *device = sl_store_get_device_id (l->store);
  g_autoptr(SlStoredProfile) sp = NULL;
  gint64 id;

  /* No server needed: the outbox is written with every change. */
  g_assert_nonnull (device);
  g_assert_true (g_uuid_string_is_valid (device));
  g_assert_cmpint (sl_store_sync_pending_count (l->store), ==, 0);

  id = sl_store_create_profile_from_parsed_data (l->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_sync_pending_count (l->store), ==, 1);
  sp = sl_store_get_profile (l->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp->device_id, ==, device);

  /* An update of the same profile replaces its outbox row. */
  sl_store_update_profile_from_parsed_data (l->store, id, p, NULL, "edit", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_sync_pending_count (l->store), ==, 1);

  /* A failed transaction leaves no outbox row behind. */
  g_assert_true (sl_store_begin (l->store, &error));
  {
    g_autoptr(SlProfile) q = make_profile ("local", 2);
    g_assert_cmpint (sl_store_create_profile_from_parsed_data (l->store, q, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
  }
  sl_store_rollback (l->store);
  g_assert_cmpint (sl_store_sync_pending_count (l->store), ==, 1);

  /* The erase becomes a tombstone in the same outbox row. */
  sl_store_erase_profile (l->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (local_int (l, "SELECT count(*) FROM sync_outbox WHERE op = 'erase'"), ==, 1);
  g_assert_cmpint (local_int (l, "SELECT count(*) FROM candidate_profiles"), ==, 0);
  g_assert_cmpint (local_int (l, "SELECT count(*) FROM candidates"), ==, 0);
}

static void
test_first_sync_1000 (void)
{
  g_autoptr(Laptop) a = NULL;
  g_autoptr(Laptop) b = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GPtrArray) server_ids = NULL;
  SlSyncStats stats = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();
  a = laptop_new ();
  b = laptop_new ();
  add_profiles (a, "a", 0, 1000);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 1000);

  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pushed, ==, 1000);
  g_assert_cmpuint (stats.batches, ==, 1);
  g_assert_cmpuint (stats.pulled, ==, 0);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 1000);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates"), ==, 1000);
  g_assert_cmpint (server_int (db, "SELECT count(DISTINCT device_id) FROM candidate_profiles"), ==, 1);
  /* One audit row per run, with the counts (the privacy room's log). */
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM audit_log WHERE action = 'sync'"), ==, 1);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM audit_log WHERE action = 'sync'"
                              " AND json_extract (details, '$.ok') = 1 AND json_extract (details, '$.pushed') = 1000"
                              " AND json_extract (details, '$.pulled') = 0"), ==, 1);

  /* The server has the sections as JSONB that other tools can query, and
   * the GIN index on skills answers containment. */
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"
                               " WHERE skills @> '[{\"name\": \"PostgreSQL\"}]'"), ==,
                   local_int (a, "SELECT count(*) FROM candidate_profiles WHERE skills_text LIKE '%PostgreSQL%'"));
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'candidate_profiles_skills'"
                               " AND indexdef LIKE '%gin%'"), ==, 1);
  server_ids = sl_pg_cluster_query_column (cluster, db, "SELECT id::text FROM candidate_profiles"
                                           " WHERE work_experience -> 0 ->> 'description' = 'Built things' || chr(9)"
                                           " || 'with tabs, back\\slashes and' || chr(10) || 'new lines — ünïcødé.'");
  g_assert_cmpuint (server_ids->len, ==, 1000);

  /* A second laptop gets all of them, identical. */
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpuint (stats.pulled, ==, 1000);
  assert_same_snapshot (a, b);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM audit_log WHERE action = 'sync'"
                              " AND json_extract (details, '$.pulled') = 1000 AND json_extract (details, '$.pushed') = 0"), ==, 1);
  /* Pulled rows are not queued back, and the search index has them. */
  g_assert_cmpint (sl_store_sync_pending_count (b->store), ==, 0);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'Lisboa'"), ==, 500);

  /* Nothing more to do on either side. */
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
}

static void
test_converge (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "a", 0, 40);
  add_profiles (b, "b", 0, 30);
  /* The same person imported on both laptops: one candidate by e-mail. */
  add_profiles (b, "a", 100, 1);
  add_profiles (a, "a", 100, 1);

  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pushed, ==, 41);
  /* B's copy of the shared person is merged into A's (newer) profile, so
   * B pulls the other 40. */
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed, ==, 31);
  g_assert_cmpuint (stats.pulled, ==, 40);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pulled, ==, 30);
  g_assert_cmpuint (stats.conflicts, ==, 1);

  assert_same_snapshot (a, b);
  /* 71 people: the shared e-mail is one candidate with one live profile
   * everywhere. */
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM candidate_profiles"), ==, 71);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM candidates"), ==, 71);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM candidates"), ==, 71);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates"), ==, 71);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 71);

  /* An edit travels: A changes a profile, B gets revision 2. */
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (a->store, "person3@a.example.org", &error);
    g_autoptr(SlStoredProfile) got = NULL;
    g_assert_no_error (error);
    g_free (sp->profile->personal.location);
    sp->profile->personal.location = g_strdup ("Porto, Portugal");
    sl_store_update_profile_from_parsed_data (a->store, sp->id, sp->profile, NULL, "edit", &error);
    g_assert_no_error (error);
    sync_ok (a, db, "alice", &stats);
    g_assert_cmpuint (stats.pushed, ==, 1);
    sync_ok (b, db, "bob", &stats);
    g_assert_cmpuint (stats.pulled, ==, 1);
    got = sl_store_get_profile_by_uuid (b->store, sp->uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpint (got->revision, ==, 2);
    g_assert_cmpstr (got->profile->personal.location, ==, "Porto, Portugal");
  }
  assert_same_snapshot (a, b);
}

static void
edit_location (Laptop     *l,
               const char *uuid,
               const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_uuid (l->store, uuid, &error);

  g_assert_no_error (error);
  g_free (sp->profile->personal.location);
  sp->profile->personal.location = g_strdup (location);
  sl_store_update_profile_from_parsed_data (l->store, sp->id, sp->profile, NULL, "edit", &error);
  g_assert_no_error (error);
  g_usleep (5000);   /* the next edit is measurably newer (ms timestamps) */
}

/* The sync-conflict entries of a profile's history, as locations. */
static char *
conflict_losers (Laptop     *l,
                 const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_uuid (l->store, uuid, &error);
  g_autoptr(GPtrArray) history = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  history = sl_store_get_profile_history (l->store, sp->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      SlProfileVersion *v = g_ptr_array_index (history, i);
      g_autoptr(SlProfile) old = NULL;

      if (g_strcmp0 (v->reason, "sync-conflict") != 0)
        continue;
      old = sl_profile_from_json (v->profile_json, -1, &error);
      g_assert_no_error (error);
      g_string_append_printf (out, "%s;", old->personal.location);
    }
  return g_string_free (out, FALSE);
}

static char *
location_of (Laptop     *l,
             const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_uuid (l->store, uuid, &error);

  g_assert_no_error (error);
  return g_strdup (sp->profile->personal.location);
}

static void
test_conflict (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats sa = { 0 }, sb = { 0 }, sa2 = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "c", 0, 2);
  sync_ok (a, db, "alice", NULL);
  sync_ok (b, db, "bob", NULL);
  {
    g_autoptr(SlStoredProfile) x = sl_store_get_profile_by_email (a->store, "person0@c.example.org", &error);
    g_autoptr(SlStoredProfile) y = sl_store_get_profile_by_email (a->store, "person1@c.example.org", &error);
    g_assert_no_error (error);
    p1 = g_strdup (x->uuid);
    p2 = g_strdup (y->uuid);
  }

  /* P1: A edits first, B later (newer wins: B).  A pushes first, so B's
   * push meets A's version on the server and wins there.
   * P2: B edits first, A later (newer wins: A).  B pushes first; A's push
   * then wins on the server too.  P3 (below) covers losing at push time. */
  edit_location (a, p1, "A-one");
  edit_location (b, p2, "B-two");
  edit_location (b, p1, "B-one");
  edit_location (a, p2, "A-two");

  sync_ok (a, db, "alice", &sa);     /* pushes A-one, A-two (ff: bases match) */
  g_assert_cmpuint (sa.conflicts, ==, 0);
  sync_ok (b, db, "bob", &sb);       /* pushes B-one (wins), B-two (loses) */
  g_assert_cmpuint (sb.conflicts, ==, 2);
  sync_ok (a, db, "alice", &sa2);    /* pulls B-one; learns of both conflicts */
  g_assert_cmpuint (sa2.conflicts, ==, 2);

  /* One winner each, the same everywhere. */
  {
    g_autofree char *a1 = location_of (a, p1);
    g_autofree char *b1 = location_of (b, p1);
    g_autofree char *a2 = location_of (a, p2);
    g_autofree char *b2 = location_of (b, p2);
    g_assert_cmpstr (a1, ==, "B-one");
    g_assert_cmpstr (b1, ==, "B-one");
    g_assert_cmpstr (a2, ==, "A-two");
    g_assert_cmpstr (b2, ==, "A-two");
  }
  /* The loser in history on both laptops, once. */
  {
    g_autofree char *ha1 = conflict_losers (a, p1);
    g_autofree char *hb1 = conflict_losers (b, p1);
    g_autofree char *ha2 = conflict_losers (a, p2);
    g_autofree char *hb2 = conflict_losers (b, p2);
    g_assert_cmpstr (ha1, ==, "A-one;");
    g_assert_cmpstr (hb1, ==, "A-one;");
    g_assert_cmpstr (ha2, ==, "B-two;");
    g_assert_cmpstr (hb2, ==, "B-two;");
  }
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM sync_conflicts"), ==, 2);

  /* Syncing again changes nothing and counts nothing. */
  sync_ok (b, db, "bob", &sb);
  g_assert_cmpuint (sb.conflicts + sb.pulled + sb.pushed, ==, 0);
  sync_ok (a, db, "alice", &sa);
  g_assert_cmpuint (sa.conflicts + sa.pulled + sa.pushed, ==, 0);

  /* Losing at push time: B edits (older), A edits (newer) and pushes first;
   * B's push loses, B takes A's version and keeps its own in history. */
  edit_location (b, p1, "B-old");
  edit_location (a, p1, "A-new");
  sync_ok (a, db, "alice", &sa);
  g_assert_cmpuint (sa.pushed, ==, 1);
  sync_ok (b, db, "bob", &sb);
  g_assert_cmpuint (sb.conflicts, ==, 1);
  g_assert_cmpint (sl_store_sync_pending_count (b->store), ==, 0);
  sync_ok (a, db, "alice", &sa);
  g_assert_cmpuint (sa.conflicts, ==, 1);
  {
    g_autofree char *a1 = location_of (a, p1);
    g_autofree char *b1 = location_of (b, p1);
    g_autofree char *ha1 = conflict_losers (a, p1);
    g_autofree char *hb1 = conflict_losers (b, p1);
    g_assert_cmpstr (a1, ==, "A-new");
    g_assert_cmpstr (b1, ==, "A-new");
    g_assert_cmpstr (ha1, ==, "B-old;A-one;");
    g_assert_cmpstr (hb1, ==, "B-old;A-one;");
    assert_same_snapshot (a, b);
  }
  {
    g_autoptr(SlStoreSyncStatus) st = sl_store_sync_get_status (b->store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (st->conflicts, ==, 3);
  }
}

static void
test_erase_everywhere (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autoptr(Laptop) c = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };
  gint64 id;

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "e", 0, 5);
  sync_ok (a, db, "alice", NULL);
  sync_ok (b, db, "bob", NULL);
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (b->store, "person2@e.example.org", &error);
    g_assert_no_error (error);
    uuid = g_strdup (sp->uuid);
    id = sp->id;
  }

  /* Erased on B (not the laptop that created it). */
  sl_store_erase_profile (b->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_sync_pending_count (b->store), ==, 1);
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 4);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates WHERE email = 'person2@e.example.org'"), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM tombstones"), ==, 1);

  /* A pulls the tombstone... */
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.erased, ==, 1);
  {
    g_autoptr(SlStoredProfile) gone = sl_store_get_profile_by_uuid (a->store, uuid, &error);
    g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
    g_assert_null (gone);
    g_clear_error (&error);
  }
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM candidates WHERE email = 'person2@e.example.org'"), ==, 0);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH 'person2'"), ==, 0);
  /* ...without sending it back. */
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);

  /* A laptop joining later never sees it. */
  sync_ok (c, db, "alice", &stats);
  g_assert_cmpuint (stats.pulled, ==, 4);
  g_assert_cmpint (local_int (c, "SELECT count(*) FROM candidate_profiles"), ==, 4);

  /* An erase wins over an edit made elsewhere before it was known. */
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile_by_email (a->store, "person3@e.example.org", &error);
    g_autoptr(SlStoredProfile) sq = sl_store_get_profile_by_email (b->store, "person3@e.example.org", &error);
    g_assert_no_error (error);
    sl_store_erase_profile (a->store, sp->id, &error);
    g_assert_no_error (error);
    edit_location (b, sq->uuid, "Edited after the erase");
    sync_ok (a, db, "alice", NULL);
    sync_ok (b, db, "bob", &stats);
    g_assert_cmpint (local_int (b, "SELECT count(*) FROM candidate_profiles"), ==, 3);
    g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 3);
    g_assert_cmpint (sl_store_sync_pending_count (b->store), ==, 0);
  }
}

typedef struct
{
  SlPgCluster     *cluster;
  SlSyncHookPoint  point;
  guint            batch;
  gboolean         stop_server;   /* else: return FALSE (laptop gone) */
  gboolean         fired;
} HookPlan;

static gboolean
interrupt_hook (SlSync          *sync,
                SlSyncHookPoint  point,
                guint            batch,
                gpointer         user_data)
{
  HookPlan *plan = user_data;
  g_autoptr(GError) error = NULL;

  if (plan->fired || point != plan->point || batch != plan->batch)
    return TRUE;
  plan->fired = TRUE;
  if (!plan->stop_server)
    return FALSE;
  sl_pg_cluster_stop_server (plan->cluster, &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
assert_server_has_exactly (Laptop     *l,
                           const char *db)
{
  g_autoptr(GPtrArray) server = sl_pg_cluster_query_column (cluster, db,
                                                            "SELECT id::text FROM candidate_profiles ORDER BY id::text");
  sqlite3 *sdb = NULL;
  sqlite3_stmt *st = NULL;
  guint i = 0;

  g_assert_cmpint (sqlite3_open_v2 (l->path, &sdb, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (sdb, "SELECT uuid FROM candidate_profiles ORDER BY uuid", -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      g_assert_cmpuint (i, <, server->len);
      g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, g_ptr_array_index (server, i));
      i++;
    }
  sqlite3_finalize (st);
  sqlite3_close (sdb);
  g_assert_cmpuint (i, ==, server->len);
}

static void
test_interrupted_push (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SlSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  HookPlan plan = { 0 };
  SlSyncStats stats = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();
  uri = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, db);
  sync = sl_sync_new (a->path, uri);
  sl_sync_set_batch_size (sync, 100);
  add_profiles (a, "i", 0, 1000);

  /* 1. The laptop goes away right after the server committed batch 3 and
   * before the outbox was updated: batch 3 is sent again and recognised. */
  plan = (HookPlan) { cluster, SL_SYNC_HOOK_AFTER_COMMIT, 3, FALSE, FALSE };
  sl_sync_set_batch_hook (sync, interrupt_hook, &plan);
  g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL);
  g_clear_error (&error);
  g_assert_true (plan.fired);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 400);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 700);

  sl_sync_set_batch_hook (sync, NULL, NULL);
  g_assert_true (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, 700);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 1000);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates"), ==, 1000);
  g_assert_cmpint (server_int (db, "SELECT max(revision) FROM candidate_profiles"), ==, 1);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM sync_conflicts"), ==, 0);
  assert_server_has_exactly (a, db);

  /* 2. The server dies in the middle of a push (batch 2 merged, not yet
   * committed): the sync fails as unreachable with everything unsent still
   * queued; after a restart the retry completes, each row exactly once. */
  add_profiles (a, "j", 0, 500);
  plan = (HookPlan) { cluster, SL_SYNC_HOOK_BEFORE_COMMIT, 2, TRUE, FALSE };
  sl_sync_set_batch_hook (sync, interrupt_hook, &plan);
  g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNREACHABLE);
  g_test_message ("server stopped mid-push: %s", error->message);
  g_assert_nonnull (strstr (error->message, "queued"));
  g_clear_error (&error);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 300);

  /* While it is down: a clear error, nothing lost. */
  g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNREACHABLE);
  g_clear_error (&error);
  {
    g_autoptr(SlStoreSyncStatus) st = sl_sync_get_status (sync, &error);
    g_autofree char *line = NULL;
    g_assert_no_error (error);
    g_assert_nonnull (st->last_error);
    g_assert_cmpint (st->pending, ==, 300);
    line = sl_sync_status_describe (st);
    g_assert_true (g_str_has_prefix (line, "Sync failed: "));
    g_assert_nonnull (strstr (line, "300 changes waiting"));
  }

  sl_pg_cluster_start_server (cluster, &error);
  g_assert_no_error (error);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 1200);
  sl_sync_set_batch_hook (sync, NULL, NULL);
  g_assert_true (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, 300);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 1500);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates"), ==, 1500);
  g_assert_cmpint (server_int (db, "SELECT max(revision) FROM candidate_profiles"), ==, 1);
  assert_server_has_exactly (a, db);
  {
    g_autoptr(SlStoreSyncStatus) st = sl_sync_get_status (sync, &error);
    g_assert_no_error (error);
    g_assert_null (st->last_error);
    g_assert_nonnull (st->last_sync_at);
    g_assert_cmpint (st->pending, ==, 0);
  }
}

/* Imports person @i of @tag on @l as a new profile living in @location. */
static char *
import_person (Laptop     *l,
               const char *tag,
               guint       i,
               const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = make_profile (tag, i);
  g_autoptr(SlStoredProfile) sp = NULL;
  SlWriteOutcome outcome;
  gint64 id;

  g_free (p->personal.location);
  p->personal.location = g_strdup (location);
  id = sl_store_create_profile_from_parsed_data (l->store, p, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, SL_WRITE_CREATED);
  sp = sl_store_get_profile (l->store, id, &error);
  g_assert_no_error (error);
  g_usleep (5000);   /* the next import is measurably newer */
  return g_strdup (sp->uuid);
}

static void
test_same_person (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *qa = NULL;
  g_autofree char *pa = NULL;
  g_autofree char *qb = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();

  /* Both laptops import P and Q (same e-mails) on their own: B has the
   * older P, A the older Q. */
  pb = import_person (b, "same", 1, "P-old-on-B");
  qa = import_person (a, "same", 2, "Q-old-on-A");
  pa = import_person (a, "same", 1, "P-new-on-A");
  qb = import_person (b, "same", 2, "Q-new-on-B");

  /* B first: the server has B's P and Q. */
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed, ==, 2);

  /* A: its P is newer (it wins, under B's uuid), its Q older (it loses).
   * The laptop goes away after the server committed: the resent batch
   * finds the merge already done. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    HookPlan plan = { cluster, SL_SYNC_HOOK_AFTER_COMMIT, 0, FALSE, FALSE };

    sl_sync_set_batch_hook (sync, interrupt_hook, &plan);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_true (plan.fired);
    g_clear_error (&error);
    g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 2);
    g_assert_true (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.pushed, ==, 2);
  }
  sync_ok (b, db, "bob", &stats);

  /* One live profile per person, under the uuid the server had first,
   * with the newer version; the same on both laptops and the server. */
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 2);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidates"), ==, 2);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM sync_conflicts"), ==, 2);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM tombstones WHERE merged_into IS NOT NULL"), ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      Laptop *l = k == 0 ? a : b;
      g_autofree char *p_loc = location_of (l, pb);
      g_autofree char *q_loc = location_of (l, qb);
      g_autofree char *p_hist = conflict_losers (l, pb);
      g_autofree char *q_hist = conflict_losers (l, qb);

      g_assert_cmpint (local_int (l, "SELECT count(*) FROM candidate_profiles"), ==, 2);
      g_assert_cmpint (local_int (l, "SELECT count(*) FROM candidates"), ==, 2);
      g_assert_cmpstr (p_loc, ==, "P-new-on-A");
      g_assert_cmpstr (q_loc, ==, "Q-new-on-B");
      /* The other version in the history, once, on both sides. */
      g_assert_cmpstr (p_hist, ==, "P-old-on-B;");
      g_assert_cmpstr (q_hist, ==, "Q-old-on-A;");
      g_assert_cmpint (sl_store_sync_pending_count (l->store), ==, 0);
    }
  {
    g_autoptr(SlStoredProfile) gone = sl_store_get_profile_by_uuid (a->store, pa, &error);
    g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(SlStoredProfile) gone = sl_store_get_profile_by_uuid (a->store, qa, &error);
    g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  assert_same_snapshot (a, b);

  /* Nothing more to do. */
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pushed + stats.pulled + stats.conflicts, ==, 0);
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.pushed + stats.pulled + stats.conflicts, ==, 0);
}

static gint64
add_intake (Laptop     *l,
            const char *name,
            const char *status,
            gint64      profile_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlIntakeRecord) r = sl_intake_record_new ();
  gint64 qid;

  r->path = g_strdup_printf ("/archive/%s", name);
  r->original_name = g_strdup (name);
  r->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  r->size = 1234;
  r->mime = g_strdup ("application/pdf");
  r->source = g_strdup ("drop");
  qid = sl_store_intake_add (l->store, r, &error);
  g_assert_no_error (error);
  sl_store_intake_set_status (l->store, qid, status, NULL, &error);
  g_assert_no_error (error);
  if (profile_id > 0)
    {
      sl_store_intake_update_profile_id (l->store, qid, profile_id, &error);
      g_assert_no_error (error);
    }
  return qid;
}

static void
test_intake_rows (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *uuid_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) sp = NULL;
  SlSyncStats stats = { 0 };
  gint64 failed_qid;

  if (!need_cluster ())
    return;
  db = new_server_db ();
  uuid = import_person (a, "in", 1, "Faro");
  sp = sl_store_get_profile_by_uuid (a->store, uuid, &error);
  g_assert_no_error (error);
  add_intake (a, "cv-one.pdf", SL_INTAKE_STATUS_DONE, sp->id);
  failed_qid = add_intake (a, "broken.pdf", SL_INTAKE_STATUS_QUEUED, 0);
  sl_store_intake_set_error (a->store, failed_qid, "not a PDF", &error);
  g_assert_no_error (error);
  /* one profile, two intake records */
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 3);

  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.intake, ==, 2);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue"), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM file_intake_queue WHERE status = 'done'"
                                            " AND profile_id = '%s' AND original_name = 'cv-one.pdf'"
                                            " AND size = 1234 AND metadata ? 'processing_history'", uuid);
    g_assert_cmpint (server_int (db, sql), ==, 1);
  }
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue WHERE status = 'failed'"
                               " AND error = 'not a PDF' AND profile_id IS NULL"), ==, 1);

  /* Keyed by uuid: a change updates the row, sending it twice changes
   * nothing, an older copy does not overwrite a newer one. */
  sl_store_intake_set_status (a->store, failed_qid, SL_INTAKE_STATUS_DUPLICATE, NULL, &error);
  g_assert_no_error (error);
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpuint (stats.intake, ==, 1);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue"), ==, 2);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue WHERE status = 'duplicate'"), ==, 1);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM sync_intake_outbox"), ==, 0);

  /* B imports the same person later: its profile is merged into A's, and
   * its intake record follows to the surviving profile. */
  uuid_b = import_person (b, "in", 1, "Faro again");
  {
    g_autoptr(SlStoredProfile) spb = sl_store_get_profile_by_uuid (b->store, uuid_b, &error);
    g_assert_no_error (error);
    add_intake (b, "cv-two.pdf", SL_INTAKE_STATUS_DONE, spb->id);
  }
  sync_ok (b, db, "bob", &stats);
  g_assert_cmpuint (stats.intake, ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM file_intake_queue WHERE profile_id = '%s'", uuid);
    g_assert_cmpint (server_int (db, sql), ==, 2);
  }
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM file_intake_queue q JOIN candidate_profiles p"
                              " ON p.id = q.profile_id"), ==, 1);

  /* GDPR erase on A: the person's intake records go from the server too;
   * the unrelated failed one stays. */
  {
    gint64 cand = sp->candidate_id;
    sl_privacy_erase_candidate (a->store, cand, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  sync_ok (a, db, "alice", &stats);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue WHERE original_name = 'cv-one.pdf'"), ==, 0);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM file_intake_queue WHERE status = 'duplicate'"), ==, 1);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 0);

  /* Every sync left one audit row with counts and no personal data. */
  {
    g_autoptr(GPtrArray) entries = sl_privacy_audit_list (a->store, 0, 0, &error);
    guint syncs = 0;
    g_assert_no_error (error);
    for (guint i = 0; i < entries->len; i++)
      {
        SlAuditEntry *e = g_ptr_array_index (entries, i);
        if (g_strcmp0 (e->action, "sync") != 0)
          continue;
        syncs++;
        g_assert_nonnull (e->details);
        g_assert_nonnull (strstr (e->details, "\"pushed\":"));
        g_assert_null (strstr (e->details, "Faro"));
        g_assert_null (strstr (e->details, "example.org"));
        g_assert_null (strstr (e->details, ".pdf"));
      }
    g_assert_cmpuint (syncs, ==, 3);
  }
}

/* A pull cut off after some pages: the next sync applies the rest, each
 * profile once, and the pages already applied are recognised. */
static void
test_interrupted_pull (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SlSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  HookPlan plan = { 0 };
  SlSyncStats stats = { 0 };
  gint64 applied;

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "pull", 0, 500);
  sync_ok (a, db, "alice", NULL);

  uri = sl_pg_cluster_uri (cluster, "bob", BOB_PW, db);
  sync = sl_sync_new (b->path, uri);
  sl_sync_set_batch_size (sync, 100);
  plan = (HookPlan) { cluster, SL_SYNC_HOOK_PULL_PAGE, 2, FALSE, FALSE };
  sl_sync_set_batch_hook (sync, interrupt_hook, &plan);
  g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_true (plan.fired);
  g_clear_error (&error);
  applied = local_int (b, "SELECT count(*) FROM candidate_profiles");
  g_assert_cmpint (applied, ==, 300);
  g_assert_cmpint (sl_store_sync_get_last_seq (b->store), ==, 0);
  g_assert_cmpint (sl_store_sync_pending_count (b->store), ==, 0);

  sl_sync_set_batch_hook (sync, NULL, NULL);
  g_assert_true (sl_sync_run (sync, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pulled, ==, 200);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM candidate_profiles"), ==, 500);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM candidates"), ==, 500);
  g_assert_cmpint (local_int (b, "SELECT count(*) FROM profile_history"), ==, 0);
  assert_same_snapshot (a, b);
}

static void
test_errors (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "x", 0, 3);

  /* The recruiter's role is not a superuser. */
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM pg_roles WHERE rolname = 'alice' AND NOT rolsuper"
                               " AND pg_has_role ('alice', 'shortlist_sync', 'member')"), ==, 1);

  /* Wrong password. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", "not-the-password", db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH);
    g_test_message ("wrong password: %s", error->message);
    g_assert_nonnull (strstr (error->message, "Wrong password"));
    g_assert_nonnull (strstr (error->message, "alice"));
    g_assert_null (strstr (error->message, "not-the-password"));
    g_clear_error (&error);
  }
  /* The password from the app's hook overrides a wrong one in the URI. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", "not-the-password", db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    sl_sync_set_password (sync, ALICE_PW);
    g_assert_true (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.pushed, ==, 3);
  }
  /* No password at all. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", NULL, db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH);
    g_test_message ("no password: %s", error->message);
    g_clear_error (&error);
  }
  /* Unreachable: a loopback port nobody listens on. */
  {
    g_autofree char *uri = g_strdup_printf ("postgresql://alice@127.0.0.1:%d/%s?connect_timeout=3",
                                            sl_pg_cluster_port (cluster) == 1 ? 2 : 1, db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    sl_sync_set_password (sync, ALICE_PW);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNREACHABLE);
    g_test_message ("unreachable: %s", error->message);
    g_assert_nonnull (strstr (error->message, "Cannot reach the sync server 127.0.0.1:"));
    g_clear_error (&error);
  }
  /* A login role without the group's grants. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "carol", "carol-Secret-3", db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH);
    g_test_message ("no grants: %s", error->message);
    g_assert_nonnull (strstr (error->message, "GRANT shortlist_sync TO carol"));
    g_clear_error (&error);
  }
  /* A database without the schema. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, "postgres");
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    g_assert_false (sl_sync_run (sync, NULL, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA);
    g_test_message ("no schema: %s", error->message);
    g_clear_error (&error);
  }
  /* Installing needs more than the sync grants. */
  {
    g_autofree char *uri = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, db);
    g_autoptr(SlSync) sync = sl_sync_new (a->path, uri);
    g_autofree char *name = g_strdup_printf ("team%d", ++db_counter);
    g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s OWNER shortlist_owner", name);
    g_autofree char *uri2 = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, name);
    g_autoptr(SlSync) sync2 = sl_sync_new (a->path, uri2);
    /* Installing again over a current schema is a no-op, even for alice. */
    g_assert_true (sl_sync_install_schema (sync, NULL, &error));
    g_assert_no_error (error);
    sl_pg_cluster_exec (cluster, "postgres", sql, &error);
    g_assert_no_error (error);
    g_assert_false (sl_sync_install_schema (sync2, NULL, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH);
    g_test_message ("install as alice: %s", error->message);
    g_clear_error (&error);
  }
  /* Every run is in the audit log, failed ones too, without the server,
   * the role or the error text. */
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM audit_log WHERE action = 'sync'"
                              " AND json_extract (details, '$.ok') = 0"), >=, 5);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM audit_log WHERE action = 'sync'"
                              " AND json_extract (details, '$.ok') = 1 AND json_extract (details, '$.pushed') = 3"), >=, 1);
  g_assert_cmpint (local_int (a, "SELECT count(*) FROM audit_log WHERE action = 'sync' AND (details LIKE '%alice%'"
                              " OR details LIKE '%carol%' OR details LIKE '%127.0.0.1%' OR details LIKE '%Secret%')"), ==, 0);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;
  SlSyncStats stats = { 0 };

  g_assert_true (sl_sync_run_finish (SL_SYNC (source), result, &stats, error));
  g_assert_cmpuint (stats.pushed, ==, 7);
}

static void
periodic_finished (gboolean   *finished,
                   gboolean    success,
                   const char *message)
{
  g_assert_true (success);
  g_assert_null (message);
  *finished = TRUE;
}

static void
test_async_and_cli (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autoptr(Laptop) b = laptop_new ();
  g_autofree char *db = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SlSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SHORTLIST_CLI");

  if (!need_cluster ())
    return;
  db = new_server_db ();
  uri = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, db);
  add_profiles (a, "y", 0, 7);

  sync = sl_sync_new (a->path, uri);
  sl_sync_run_async (sync, NULL, async_done, &error);
  while (sl_store_sync_pending_count (a->store) != 0 || sl_sync_is_running (sync) ||
         g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  {
    g_autoptr(SlStoreSyncStatus) st = sl_sync_get_status (sync, &error);
    g_autofree char *line = sl_sync_status_describe (st);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (line, "Synced "));
  }

  /* Periodic sync: a change made after "Sync now" goes out by itself. */
  {
    gboolean finished = FALSE;
    g_autoptr(SlProfile) p = make_profile ("y", 100);
    gulong id;

    sl_store_create_profile_from_parsed_data (a->store, p, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 1);
    id = g_signal_connect_swapped (sync, "finished", G_CALLBACK (periodic_finished), &finished);
    sl_sync_set_interval (sync, 1);
    while (!finished)
      g_main_context_iteration (NULL, TRUE);
    sl_sync_set_interval (sync, 0);
    g_signal_handler_disconnect (sync, id);
    g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 0);
    g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 8);
  }

  if (cli == NULL)
    {
      g_test_message ("SHORTLIST_CLI is not set: CLI part not run");
      return;
    }
  /* The CLI: a summary, exit 0; a wrong password, exit 1; usage, exit 2. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *owner = owner_uri (db);
    int status;
    const char *argv[] = { cli, "--db", b->path, "sync", "--pg", uri, NULL };
    const char *install[] = { cli, "--db", b->path, "sync", "--pg", owner, "--install-schema", NULL };

    g_clear_object (&b->store);
    g_spawn_sync (NULL, (char **) install, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_test_message ("cli: %s%s", out, err);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (out, "pushed 0, pulled 8, conflicts 0"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *bad = sl_pg_cluster_uri (cluster, "alice", "wrong", db);
    int status;
    const char *argv[] = { cli, "--db", b->path, "sync", "--pg", bad, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "Wrong password"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;
    const char *argv[] = { cli, "--db", b->path, "sync", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
}

static void
test_tls (void)
{
  g_autoptr(Laptop) a = laptop_new ();
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };
  const char *ca, *foreign;

  if (!need_cluster ())
    return;
  db = new_server_db ();
  add_profiles (a, "tls", 0, 5);

  /* A server without TLS and settings that require it: a clear error,
   * nothing sent. */
  g_assert_false (sync_as (a, db, "alice", "sslmode=require", &stats, &error));
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_TLS);
  g_test_message ("no TLS on the server: %s", error->message);
  g_assert_nonnull (strstr (error->message, "does not offer TLS"));
  g_clear_error (&error);
  g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 5);

  ca = sl_pg_cluster_enable_tls (cluster, &error);
  if (ca == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);

  /* sslmode=require: encrypted, the certificate not checked. */
  g_assert_true (sync_as (a, db, "alice", "sslmode=require", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, 5);

  /* verify-full with the team's CA: the certificate and the host name are
   * checked.  The same parameters give a libpq session that uses TLS. */
  {
    g_autofree char *params = g_strdup_printf ("sslmode=verify-full&sslrootcert=%s", ca);
    g_autofree char *base = sl_pg_cluster_uri (cluster, "alice", ALICE_PW, db);
    g_autofree char *uri = g_strdup_printf ("%s?%s", base, params);
    PGconn *conn;

    add_profiles (a, "tls", 5, 2);
    g_assert_true (sync_as (a, db, "alice", params, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.pushed, ==, 2);
    g_assert_cmpint (server_int (db, "SELECT count(*) FROM candidate_profiles"), ==, 7);

    conn = PQconnectdb (uri);
    g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
    g_assert_cmpint (PQsslInUse (conn), ==, 1);
    PQfinish (conn);
  }

  /* verify-full against another CA: refused, and said so. */
  foreign = sl_pg_cluster_foreign_ca (cluster, &error);
  g_assert_no_error (error);
  {
    g_autofree char *params = g_strdup_printf ("sslmode=verify-full&sslrootcert=%s", foreign);
    add_profiles (a, "tls", 7, 1);
    g_assert_false (sync_as (a, db, "alice", params, &stats, &error));
    g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_TLS);
    g_test_message ("foreign CA: %s", error->message);
    g_assert_nonnull (strstr (error->message, "could not be verified"));
    g_clear_error (&error);
    g_assert_cmpint (sl_store_sync_pending_count (a->store), ==, 1);
  }

  /* The other tests run without TLS. */
  sl_pg_cluster_disable_tls (cluster, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Only what the tests give: no password from the environment. */
  g_unsetenv ("PGPASSWORD");
  g_unsetenv ("PGSERVICE");
  g_unsetenv ("PGHOST");
  g_unsetenv ("PGUSER");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);

  g_test_add_func ("/sync/outbox-local", test_outbox_local);
  g_test_add_func ("/sync/first-sync-1000", test_first_sync_1000);
  g_test_add_func ("/sync/converge", test_converge);
  g_test_add_func ("/sync/conflict", test_conflict);
  g_test_add_func ("/sync/same-person", test_same_person);
  g_test_add_func ("/sync/intake-rows", test_intake_rows);
  g_test_add_func ("/sync/erase-everywhere", test_erase_everywhere);
  g_test_add_func ("/sync/interrupted-push", test_interrupted_push);
  g_test_add_func ("/sync/interrupted-pull", test_interrupted_pull);
  g_test_add_func ("/sync/errors", test_errors);
  g_test_add_func ("/sync/async-and-cli", test_async_and_cli);
  g_test_add_func ("/sync/tls", test_tls);

  cluster = sl_pg_cluster_start (&error);
  if (cluster == NULL)
    {
      cluster_missing = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      cluster_problem = g_strdup (error->message);
    }
  else
    {
      /* An owner that may create the group role; recruiters in the group;
       * carol can log in but is in no group. */
      sl_pg_cluster_exec (cluster, "postgres", "CREATE ROLE shortlist_owner LOGIN CREATEROLE", &error);
      g_assert_no_error (error);
      g_free (new_server_db ());
      sl_pg_cluster_exec (cluster, "postgres",
                          "CREATE ROLE alice LOGIN PASSWORD '" ALICE_PW "' IN ROLE shortlist_sync;"
                          "CREATE ROLE bob LOGIN PASSWORD '" BOB_PW "' IN ROLE shortlist_sync;"
                          "CREATE ROLE carol LOGIN PASSWORD 'carol-Secret-3';",
                          &error);
      g_assert_no_error (error);
    }

  ret = g_test_run ();
  sl_pg_cluster_free (cluster);
  g_free (cluster_problem);
  return ret;
}
