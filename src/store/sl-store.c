/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store.c: the connection, migrations, the statement cache, transactions,
 * SQL tracing and the integrity check.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sl-util.h"

#include "sl-store-private.h"
#include "sl-store-sync-private.h"

G_DEFINE_QUARK (sl-store-error-quark, sl_store_error)

struct _SlStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *stmts;          /* SQL text -> sqlite3_stmt* */
  GHashTable *stmt_hints;     /* address of an SQL text -> sqlite3_stmt* (not owned) */
  guint       tx_depth;
  gboolean    tx_failed;
  gboolean    readonly;
  gint64      bulk_first_id;  /* 0 = not in bulk mode */
};

G_DEFINE_FINAL_TYPE (SlStore, sl_store, G_TYPE_OBJECT)

/* The rank_features row of the candidate_profiles row `new` (migration 6);
 * the backfill names the table `new` too.  Its columns before the skills: */
#define RANK_FEATURES_HEAD \
  "SELECT new.id, new.candidate_id, new.experience_months," \
  "  (SELECT CASE WHEN max (coalesce (w.value ->> '$.current', 0)) THEN 'now'" \
  "   ELSE max (coalesce (w.value ->> '$.end', w.value ->> '$.start')) END FROM json_each (new.work_experience) w)," \
  "  new.current_title, new.location," \
  "  (SELECT group_concat ((l.value ->> '$.language') || ':' || coalesce (l.value ->> '$.level', ''), '|')" \
  "   FROM json_each (new.languages) l WHERE l.value ->> '$.language' IS NOT NULL),"
#define RANK_FEATURES_SELECT \
  RANK_FEATURES_HEAD \
  "  (SELECT '|' || group_concat (k, '|') || '|' FROM (SELECT DISTINCT lower (coalesce (s.value ->> '$.canonical'," \
  "   s.value ->> '$.name')) AS k FROM json_each (new.skills) s WHERE k IS NOT NULL))," \
  "  new.created_at"

/* RANK_FEATURES_SELECT as migration 8 writes it: the same row, but the
 * skill keys come from a subquery that LIMIT -1 keeps from being flattened,
 * so each element's key is taken out of its JSON once instead of once per
 * use (the WHERE, the lower (), the DISTINCT). */
#define RANK_FEATURES_SELECT_8 \
  RANK_FEATURES_HEAD \
  "  (SELECT '|' || group_concat (k, '|') || '|' FROM (SELECT DISTINCT lower (k0) AS k FROM" \
  "   (SELECT coalesce (s.value ->> '$.canonical', s.value ->> '$.name') AS k0 FROM json_each (new.skills) s LIMIT -1)" \
  "   WHERE k0 IS NOT NULL))," \
  "  new.created_at"

/* The skill keys of new.skills (canonical name, else as written), one row
 * per element, for the skill_counts triggers of migration 8. */
#define SKILL_KEYS_8(json) \
  "(SELECT coalesce (value ->> '$.canonical', value ->> '$.name') AS k FROM json_each (" json ") LIMIT -1)"

/* The update triggers of migration 8, which migration 10 drops and makes
 * again. */
#define SKILL_COUNTS_AU_8 \
  "CREATE TRIGGER skill_counts_au AFTER UPDATE OF skills, deleted ON candidate_profiles BEGIN" \
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE old.deleted = 0 AND skill IN (" \
  "    SELECT lower (k) FROM " SKILL_KEYS_8 ("old.skills") ");" \
  "  INSERT INTO skill_counts (skill, profiles, label)" \
  "    SELECT lower (k), 1, min (k) FROM " SKILL_KEYS_8 ("new.skills") \
  "    WHERE new.deleted = 0 AND k IS NOT NULL GROUP BY lower (k)" \
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1," \
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;" \
  "  DELETE FROM skill_counts WHERE profiles <= 0;" \
  "END;"
#define RANK_FEATURES_AU_8 \
  "CREATE TRIGGER rank_features_au AFTER UPDATE ON candidate_profiles BEGIN" \
  "  DELETE FROM rank_features WHERE profile_id = old.id AND new.deleted = 1;" \
  "  INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT_8 " WHERE new.deleted = 0;" \
  "END;"

/* A JSON column with each raw 0x1f byte escaped (migration 10). */
#define UNRAW_1F(col) col " = replace (" col ", char (31), '\\u001f')"
#define HAS_1F(col) "instr (" col ", char (31)) > 0"

/* Migrations ------------------------------------------------------------

   Entry N (1-based) takes the schema from version N-1 to N.  Append only:
   never edit a migration that has shipped. */

static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE candidates ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT,"
  "  email TEXT UNIQUE,"                 /* normalised; NULLs may repeat */
  "  phone TEXT,"                        /* normalised phone key */
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX candidates_phone ON candidates (phone) WHERE phone IS NOT NULL;"

  /* Small columns first: a row's first ~1 KB stays in the table b-tree
   * and the rest goes to overflow pages, so list-view columns and filters
   * read without touching the JSON and the resume text. */
  "CREATE TABLE candidate_profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL DEFAULT 1,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  source TEXT,"
  "  device_id TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* denormalised for the list view, filters and the FTS index */
  "  name TEXT,"
  "  email TEXT,"
  "  location TEXT,"
  "  current_title TEXT,"
  "  current_company TEXT,"
  "  experience_months INTEGER,"
  "  skills_text TEXT,"
  "  titles_text TEXT,"
  "  companies_text TEXT,"
  "  schools_text TEXT,"
  /* the profile's sections, JSON, named as sl_profile_section_names () */
  "  personal_info TEXT NOT NULL DEFAULT '{}',"
  "  work_experience TEXT NOT NULL DEFAULT '[]',"
  "  education TEXT NOT NULL DEFAULT '[]',"
  "  skills TEXT NOT NULL DEFAULT '[]',"
  "  certifications TEXT NOT NULL DEFAULT '[]',"
  "  languages TEXT NOT NULL DEFAULT '[]',"
  "  projects TEXT NOT NULL DEFAULT '[]',"
  "  achievements TEXT NOT NULL DEFAULT '[]',"
  "  interests TEXT NOT NULL DEFAULT '[]',"
  "  metadata TEXT NOT NULL DEFAULT '{}',"
  "  raw_text TEXT);"
  "CREATE INDEX profiles_candidate ON candidate_profiles (candidate_id);"
  "CREATE INDEX profiles_name ON candidate_profiles (name COLLATE NOCASE);"
  "CREATE INDEX profiles_created ON candidate_profiles (created_at);"
  "CREATE INDEX profiles_experience ON candidate_profiles (experience_months);"

  "CREATE TABLE profile_history ("
  "  id INTEGER PRIMARY KEY,"
  "  profile_id INTEGER NOT NULL REFERENCES candidate_profiles (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  profile_json TEXT NOT NULL,"
  "  reason TEXT,"
  "  changed_at TEXT NOT NULL);"
  "CREATE INDEX profile_history_profile ON profile_history (profile_id, revision);"

  "CREATE TABLE file_intake_queue ("
  "  qid INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  path TEXT NOT NULL,"
  "  original_name TEXT,"
  "  sha256 TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0,"
  "  mime TEXT,"
  "  source TEXT,"
  "  status TEXT NOT NULL DEFAULT 'queued',"
  "  error TEXT,"
  "  profile_id INTEGER REFERENCES candidate_profiles (id) ON DELETE SET NULL,"
  "  archive_path TEXT,"
  "  archived_at TEXT,"
  "  metadata TEXT NOT NULL DEFAULT '{\"processing_history\":[]}',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX intake_status ON file_intake_queue (status, qid);"
  "CREATE INDEX intake_sha256 ON file_intake_queue (sha256);"
  "CREATE INDEX intake_profile ON file_intake_queue (profile_id);"
  "CREATE INDEX intake_archived ON file_intake_queue (archived_at) WHERE archived_at IS NOT NULL;"

  /* External-content FTS5: the text lives once, in candidate_profiles. */
  "CREATE VIRTUAL TABLE profiles_fts USING fts5 ("
  "  " SL_FTS_COLUMNS ","
  "  content='candidate_profiles', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"

  /* Switches the store flips inside a transaction (never visible to other
   * connections): fts_auto = 0 while a bulk write indexes in one batch. */
  "CREATE TABLE store_state (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
  "INSERT INTO store_state (key, value) VALUES ('fts_auto', 1);"

  "CREATE TRIGGER profiles_fts_ai AFTER INSERT ON candidate_profiles"
  "  WHEN (SELECT value FROM store_state WHERE key = 'fts_auto') = 1 BEGIN"
  "  INSERT INTO profiles_fts (rowid, " SL_FTS_COLUMNS ")"
  "    VALUES (new.id, new.name, new.email, new.skills_text, new.titles_text,"
  "            new.companies_text, new.schools_text, new.location, new.raw_text);"
  "END;"
  "CREATE TRIGGER profiles_fts_ad AFTER DELETE ON candidate_profiles"
  "  WHEN (SELECT value FROM store_state WHERE key = 'fts_auto') = 1 BEGIN"
  "  INSERT INTO profiles_fts (profiles_fts, rowid, " SL_FTS_COLUMNS ")"
  "    VALUES ('delete', old.id, old.name, old.email, old.skills_text, old.titles_text,"
  "            old.companies_text, old.schools_text, old.location, old.raw_text);"
  "END;"
  "CREATE TRIGGER profiles_fts_au AFTER UPDATE OF name, email, skills_text, titles_text,"
  "  companies_text, schools_text, location, raw_text ON candidate_profiles"
  "  WHEN (SELECT value FROM store_state WHERE key = 'fts_auto') = 1 BEGIN"
  "  INSERT INTO profiles_fts (profiles_fts, rowid, " SL_FTS_COLUMNS ")"
  "    VALUES ('delete', old.id, old.name, old.email, old.skills_text, old.titles_text,"
  "            old.companies_text, old.schools_text, old.location, old.raw_text);"
  "  INSERT INTO profiles_fts (rowid, " SL_FTS_COLUMNS ")"
  "    VALUES (new.id, new.name, new.email, new.skills_text, new.titles_text,"
  "            new.companies_text, new.schools_text, new.location, new.raw_text);"
  "END;"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_uuid TEXT,"
  "  details TEXT);"                      /* JSON, never personal data */
  "CREATE INDEX audit_log_at ON audit_log (at);"

  "CREATE TABLE candidate_notes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX candidate_notes_candidate ON candidate_notes (candidate_id);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE candidate_tags ("
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL,"
  "  PRIMARY KEY (candidate_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX candidate_tags_tag ON candidate_tags (tag_id);"
  "CREATE TABLE saved_searches ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  query TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);",

  /* 2: relevance weights (name, e-mail, skills, titles, companies, schools,
   * location, raw text) and a tiny index telling whether any profile is
   * soft-deleted, so counts can skip the join when none is. */
  "INSERT INTO profiles_fts (profiles_fts, rank)"
  "  VALUES ('rank', 'bm25(10.0, 6.0, 5.0, 4.0, 3.0, 2.0, 2.0, 1.0)');"
  "CREATE INDEX profiles_deleted ON candidate_profiles (id) WHERE deleted = 1;",

  /* 3: live profiles per skill (canonical name, else as written,
   * lower-cased), kept by triggers so top skills never scan the JSON. */
  "CREATE TABLE skill_counts (skill TEXT PRIMARY KEY, profiles INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE TRIGGER skill_counts_ai AFTER INSERT ON candidate_profiles WHEN new.deleted = 0 BEGIN"
  "  INSERT INTO skill_counts (skill, profiles)"
  "    SELECT DISTINCT lower (coalesce (value ->> '$.canonical', value ->> '$.name')), 1"
  "    FROM json_each (new.skills) WHERE coalesce (value ->> '$.canonical', value ->> '$.name') IS NOT NULL"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1;"
  "END;"
  "CREATE TRIGGER skill_counts_ad AFTER DELETE ON candidate_profiles WHEN old.deleted = 0 BEGIN"
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE skill IN ("
  "    SELECT lower (coalesce (value ->> '$.canonical', value ->> '$.name')) FROM json_each (old.skills));"
  "  DELETE FROM skill_counts WHERE profiles <= 0;"
  "END;"
  "CREATE TRIGGER skill_counts_au AFTER UPDATE OF skills, deleted ON candidate_profiles BEGIN"
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE old.deleted = 0 AND skill IN ("
  "    SELECT lower (coalesce (value ->> '$.canonical', value ->> '$.name')) FROM json_each (old.skills));"
  "  INSERT INTO skill_counts (skill, profiles)"
  "    SELECT DISTINCT lower (coalesce (value ->> '$.canonical', value ->> '$.name')), 1"
  "    FROM json_each (new.skills) WHERE new.deleted = 0"
  "    AND coalesce (value ->> '$.canonical', value ->> '$.name') IS NOT NULL"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1;"
  "  DELETE FROM skill_counts WHERE profiles <= 0;"
  "END;"
  "INSERT INTO skill_counts (skill, profiles)"
  "  SELECT k, count(*) FROM (SELECT DISTINCT p.id, lower (coalesce (s.value ->> '$.canonical', s.value ->> '$.name')) AS k"
  "    FROM candidate_profiles p, json_each (p.skills) s WHERE p.deleted = 0)"
  "  WHERE k IS NOT NULL GROUP BY k;",

  /* 4: a narrow covering index keyed by id holding the sort keys and
   * filter columns: joining thousands of full-text hits to it (to sort a
   * page by name, or to count with a filter) reads ~50-byte index entries
   * instead of ~1 KB table rows. */
  "CREATE INDEX profiles_keys ON candidate_profiles"
  "  (id, deleted, name COLLATE NOCASE, created_at, experience_months, source, candidate_id);",

  /* 5: team sync: device id, outbox triggers, server bases
   * (sl-store-sync-private.h) */
  SL_STORE_SYNC_MIGRATION,

  /* 6: jobs and their shortlists (the rank room, src/rank), and
   * rank_features: per live profile, what the ranker reads (skills as
   * "|python|django|", languages as "German:C1|English:native", the end of
   * the latest work or 'now'), kept by triggers so ranking 100,000
   * profiles reads ~150-byte rows instead of the JSON sections.
   * Idempotent (IF NOT EXISTS), like migration 5. */
  "CREATE TABLE IF NOT EXISTS jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  required_skills TEXT NOT NULL DEFAULT '[]',"
  "  nice_skills TEXT NOT NULL DEFAULT '[]',"
  "  min_years INTEGER NOT NULL DEFAULT 0,"
  "  location TEXT,"
  "  remote TEXT NOT NULL DEFAULT 'any',"
  "  languages TEXT NOT NULL DEFAULT '[]',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS shortlist_entries ("
  "  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  stage TEXT NOT NULL DEFAULT 'new',"
  "  note TEXT,"
  "  score REAL,"
  "  summary TEXT,"
  "  added_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (job_id, candidate_id)) WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS shortlist_entries_candidate ON shortlist_entries (candidate_id);"
  "CREATE TABLE IF NOT EXISTS shortlist_history ("
  "  id INTEGER PRIMARY KEY,"
  "  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  from_stage TEXT NOT NULL,"
  "  to_stage TEXT NOT NULL,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX IF NOT EXISTS shortlist_history_entry ON shortlist_history (job_id, candidate_id, id);"
  "CREATE INDEX IF NOT EXISTS shortlist_history_candidate ON shortlist_history (candidate_id);"
  "CREATE TABLE IF NOT EXISTS rank_features ("
  "  profile_id INTEGER PRIMARY KEY REFERENCES candidate_profiles (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL,"
  "  months INTEGER,"
  "  last_active TEXT,"
  "  title TEXT,"
  "  location TEXT,"
  "  languages TEXT,"
  "  skills TEXT,"
  "  created_at TEXT);"
  "CREATE TRIGGER IF NOT EXISTS rank_features_ai AFTER INSERT ON candidate_profiles WHEN new.deleted = 0 BEGIN"
  "  INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT ";"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS rank_features_au AFTER UPDATE ON candidate_profiles BEGIN"
  "  DELETE FROM rank_features WHERE profile_id = old.id AND new.deleted = 1;"
  "  INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT " WHERE new.deleted = 0;"
  "END;"
  "INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT " FROM candidate_profiles AS new WHERE new.deleted = 0;",

  /* 7: every list column sortable from an index (text: case-insensitive,
   * the empty ones last; the orders of sl-store-search.c); and a display
   * label per counted skill, the first spelling in code-point order
   * ("PostgreSQL" before "postgresql"), so statistics show it as written. */
  "CREATE INDEX IF NOT EXISTS profiles_title ON candidate_profiles (current_title IS NULL, current_title COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS profiles_company ON candidate_profiles (current_company IS NULL, current_company COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS profiles_location ON candidate_profiles (location IS NULL, location COLLATE NOCASE);"
  "ALTER TABLE skill_counts ADD COLUMN label TEXT;"
  "DROP TRIGGER skill_counts_ai;"
  "DROP TRIGGER skill_counts_au;"
  "CREATE TRIGGER skill_counts_ai AFTER INSERT ON candidate_profiles WHEN new.deleted = 0 BEGIN"
  "  INSERT INTO skill_counts (skill, profiles, label)"
  "    SELECT lower (k), 1, min (k) FROM (SELECT coalesce (value ->> '$.canonical', value ->> '$.name') AS k"
  "    FROM json_each (new.skills)) WHERE k IS NOT NULL GROUP BY lower (k)"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1,"
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;"
  "END;"
  "CREATE TRIGGER skill_counts_au AFTER UPDATE OF skills, deleted ON candidate_profiles BEGIN"
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE old.deleted = 0 AND skill IN ("
  "    SELECT lower (coalesce (value ->> '$.canonical', value ->> '$.name')) FROM json_each (old.skills));"
  "  INSERT INTO skill_counts (skill, profiles, label)"
  "    SELECT lower (k), 1, min (k) FROM (SELECT coalesce (value ->> '$.canonical', value ->> '$.name') AS k"
  "    FROM json_each (new.skills) WHERE new.deleted = 0) WHERE k IS NOT NULL GROUP BY lower (k)"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1,"
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;"
  "  DELETE FROM skill_counts WHERE profiles <= 0;"
  "END;"
  "UPDATE skill_counts SET label = l.k FROM ("
  "  SELECT lower (k) AS lk, min (k) AS k FROM (SELECT coalesce (s.value ->> '$.canonical', s.value ->> '$.name') AS k"
  "    FROM candidate_profiles p, json_each (p.skills) s WHERE p.deleted = 0) WHERE k IS NOT NULL GROUP BY lk) AS l"
  "  WHERE l.lk = skill_counts.skill;",

  /* 8: the same skill_counts and rank_features triggers in a cheaper form
   * (every profile written runs them): the subqueries that read the skill
   * keys out of the JSON are no longer flattened into the queries around
   * them, which evaluated the key expression, and so parsed each element's
   * JSON, once per use.  Same rows as before (tests/test-store.c). */
  "DROP TRIGGER skill_counts_ai;"
  "DROP TRIGGER skill_counts_au;"
  "DROP TRIGGER rank_features_ai;"
  "DROP TRIGGER rank_features_au;"
  "CREATE TRIGGER skill_counts_ai AFTER INSERT ON candidate_profiles WHEN new.deleted = 0 BEGIN"
  "  INSERT INTO skill_counts (skill, profiles, label)"
  "    SELECT lower (k), 1, min (k) FROM " SKILL_KEYS_8 ("new.skills") " WHERE k IS NOT NULL GROUP BY lower (k)"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1,"
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;"
  "END;"
  SKILL_COUNTS_AU_8
  "CREATE TRIGGER rank_features_ai AFTER INSERT ON candidate_profiles WHEN new.deleted = 0 BEGIN"
  "  INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT_8 ";"
  "END;"
  RANK_FEATURES_AU_8,

  /* 9: the insert triggers of skill_counts and rank_features rest while a
   * bulk write runs (store_state fts_auto = 0, as for the search index):
   * the bulk writer adds those rows itself from the profile in memory
   * (SkillTally and insert_rank_features in sl-store-profiles.c), instead of SQLite taking
   * each new row's JSON apart again -- about a third of a profile's write.
   * Every other writer, and updates and deletes, keep the triggers. */
  "DROP TRIGGER skill_counts_ai;"
  "DROP TRIGGER rank_features_ai;"
  "CREATE TRIGGER skill_counts_ai AFTER INSERT ON candidate_profiles"
  "  WHEN new.deleted = 0 AND (SELECT value FROM store_state WHERE key = 'fts_auto') = 1 BEGIN"
  "  INSERT INTO skill_counts (skill, profiles, label)"
  "    SELECT lower (k), 1, min (k) FROM " SKILL_KEYS_8 ("new.skills") " WHERE k IS NOT NULL GROUP BY lower (k)"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1,"
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;"
  "END;"
  "CREATE TRIGGER rank_features_ai AFTER INSERT ON candidate_profiles"
  "  WHEN new.deleted = 0 AND (SELECT value FROM store_state WHERE key = 'fts_auto') = 1 BEGIN"
  "  INSERT OR REPLACE INTO rank_features " RANK_FEATURES_SELECT_8 ";"
  "END;",

  /* 10: JSON written before sl-json escaped the byte 0x1f held it raw,
   * which SQLite's JSON functions reject: a profile whose text had one
   * could be stored by a bulk write and then never updated (the update
   * triggers read old.skills).  Escape the raw bytes where they are; the
   * two update triggers that read the JSON rest meanwhile. */
  "DROP TRIGGER skill_counts_au;"
  "DROP TRIGGER rank_features_au;"
  "UPDATE candidate_profiles SET " UNRAW_1F ("personal_info") ", " UNRAW_1F ("work_experience") ","
  "  " UNRAW_1F ("education") ", " UNRAW_1F ("skills") ", " UNRAW_1F ("certifications") ","
  "  " UNRAW_1F ("languages") ", " UNRAW_1F ("projects") ", " UNRAW_1F ("achievements") ","
  "  " UNRAW_1F ("interests") ", " UNRAW_1F ("metadata")
  "  WHERE " HAS_1F ("personal_info") " OR " HAS_1F ("work_experience") " OR " HAS_1F ("education")
  "    OR " HAS_1F ("skills") " OR " HAS_1F ("certifications") " OR " HAS_1F ("languages")
  "    OR " HAS_1F ("projects") " OR " HAS_1F ("achievements") " OR " HAS_1F ("interests")
  "    OR " HAS_1F ("metadata") ";"
  "UPDATE profile_history SET " UNRAW_1F ("profile_json") " WHERE " HAS_1F ("profile_json") ";"
  "UPDATE file_intake_queue SET " UNRAW_1F ("metadata") " WHERE " HAS_1F ("metadata") ";"
  SKILL_COUNTS_AU_8
  RANK_FEATURES_AU_8,

  /* 11: after taking one off a profile's old skills, the update and delete
   * triggers of skill_counts remove the rows that reached 0 among those
   * skills only, not by scanning the whole table (~0.45 M instructions per
   * updated profile with 3,000 skills counted).  Only a decremented row
   * can reach 0, and every trigger removes it at once, so no other row is
   * ever at 0: the table holds the same rows (a stray one is removed here). */
  "DROP TRIGGER skill_counts_au;"
  "DROP TRIGGER skill_counts_ad;"
  "CREATE TRIGGER skill_counts_ad AFTER DELETE ON candidate_profiles WHEN old.deleted = 0 BEGIN"
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE skill IN ("
  "    SELECT lower (coalesce (value ->> '$.canonical', value ->> '$.name')) FROM json_each (old.skills));"
  "  DELETE FROM skill_counts WHERE profiles <= 0 AND skill IN ("
  "    SELECT lower (coalesce (value ->> '$.canonical', value ->> '$.name')) FROM json_each (old.skills));"
  "END;"
  "CREATE TRIGGER skill_counts_au AFTER UPDATE OF skills, deleted ON candidate_profiles BEGIN"
  "  UPDATE skill_counts SET profiles = profiles - 1 WHERE old.deleted = 0 AND skill IN ("
  "    SELECT lower (k) FROM " SKILL_KEYS_8 ("old.skills") ");"
  "  INSERT INTO skill_counts (skill, profiles, label)"
  "    SELECT lower (k), 1, min (k) FROM " SKILL_KEYS_8 ("new.skills")
  "    WHERE new.deleted = 0 AND k IS NOT NULL GROUP BY lower (k)"
  "    ON CONFLICT (skill) DO UPDATE SET profiles = profiles + 1,"
  "      label = CASE WHEN label IS NULL OR excluded.label < label THEN excluded.label ELSE label END;"
  "  DELETE FROM skill_counts WHERE old.deleted = 0 AND profiles <= 0 AND skill IN ("
  "    SELECT lower (k) FROM " SKILL_KEYS_8 ("old.skills") ");"
  "END;"
  "DELETE FROM skill_counts WHERE profiles <= 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SL_STORE_SCHEMA_VERSION);

/* Helpers ---------------------------------------------------------------- */

void
sl_stmt_release (SlStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

char *
sl_stmt_dup_text (SlStmt *stmt,
                  int     col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);
  return t != NULL ? g_strdup ((const char *) t) : NULL;
}

gboolean
sl_store_step_row (SlStore     *self,
                   SlStmt      *stmt,
                   const char  *missing,
                   const char  *what,
                   GError     **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND, missing);
  else
    {
      g_autofree char *message = g_strdup_printf ("Could not read %s", what);
      sl_store_set_sqlite_error (self, rc, message, error);
    }
  return FALSE;
}

GPtrArray *
sl_store_read_rows (SlStore         *self,
                    SlStmt          *stmt,
                    SlRowReader      read,
                    GDestroyNotify   free_func,
                    const char      *what,
                    GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (free_func);
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (stmt != NULL && read != NULL, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read (stmt));
  if (rc != SQLITE_DONE)
    {
      g_autofree char *message = g_strdup_printf ("Could not read %s", what);
      sl_store_set_sqlite_error (self, rc, message, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

char *
sl_store_get_state (SlStore    *self,
                    const char *key)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  st = sl_store_stmt (self, "SELECT value FROM store_state WHERE key = ?", NULL);
  if (st == NULL)
    return NULL;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  return sqlite3_step (st) == SQLITE_ROW ? sl_stmt_dup_text (st, 0) : NULL;
}

sqlite3 *
sl_store_get_db (SlStore *self)
{
  return self->db;
}

gboolean
sl_store_is_readonly (SlStore *self)
{
  return self->readonly;
}

gint64
sl_store_bulk_first_id (SlStore *self)
{
  return self->bulk_first_id;
}

void
sl_store_set_bulk_first_id (SlStore *self,
                            gint64   first_id)
{
  self->bulk_first_id = first_id;
}

gboolean
sl_store_set_sqlite_error (SlStore    *self,
                           int         rc,
                           const char *what,
                           GError    **error)
{
  int code;
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SL_STORE_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SL_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = SL_STORE_ERROR_OPEN;
      break;
    default:
      code = SL_STORE_ERROR_FAILED;
      break;
    }
  g_set_error (error, SL_STORE_ERROR, code, "%s: %s", what,
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

SlStmt *
sl_store_stmt (SlStore    *self,
               const char *sql,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Most callers pass the same literal each time: found by its address
   * and checked with strcmp, which is ~20 times cheaper than hashing a
   * statement's text (up to 2 KB; ~2% of the intake writer's work).  A
   * hint whose address now holds another text just misses. */
  stmt = g_hash_table_lookup (self->stmt_hints, sql);
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    {
      sqlite3_reset (stmt);
      return stmt;
    }
  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          sl_store_set_sqlite_error (self, rc, "Could not prepare a statement", error);
          return NULL;
        }
      g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
    }
  else
    sqlite3_reset (stmt);
  /* Texts built per call leave stale addresses: bounded. */
  if (g_hash_table_size (self->stmt_hints) >= 1024)
    g_hash_table_remove_all (self->stmt_hints);
  g_hash_table_insert (self->stmt_hints, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sl_store_step_done (SlStore    *self,
                    SlStmt     *stmt,
                    const char *what,
                    GError    **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, what, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_store_exec (SlStore    *self,
               const char *sql,
               GError    **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;
      g_set_error (error, SL_STORE_ERROR,
                   primary == SQLITE_BUSY ? SL_STORE_ERROR_BUSY :
                   primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? SL_STORE_ERROR_CORRUPT :
                   SL_STORE_ERROR_FAILED,
                   "%s", msg != NULL ? msg : sqlite3_errstr (rc));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_store_audit (SlStore    *self,
                const char *action,
                const char *entity,
                const char *entity_uuid,
                const char *details,
                GError    **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  st = sl_store_stmt (self,
                      "INSERT INTO audit_log (at, action, entity, entity_uuid, details)"
                      " VALUES (?, ?, ?, ?, ?)", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, now);
  sl_stmt_bind_text (st, 2, action);
  sl_stmt_bind_text (st, 3, entity);
  sl_stmt_bind_text (st, 4, entity_uuid);
  sl_stmt_bind_text (st, 5, details);
  return sl_store_step_done (self, st, "Could not write the audit log", error);
}

/* Transactions ----------------------------------------------------------- */

gboolean
sl_store_tx_begin (SlStore  *self,
                   GError  **error)
{
  if (self->readonly)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID,
                   "The database was opened read-only");
      return FALSE;
    }
  if (self->tx_depth == 0)
    {
      if (!sl_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_failed = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

gboolean
sl_store_tx_end (SlStore  *self,
                 gboolean  ok,
                 GError  **error)
{
  g_assert (self->tx_depth > 0);

  if (!ok)
    self->tx_failed = TRUE;
  if (--self->tx_depth > 0)
    return TRUE;

  if (self->tx_failed)
    {
      sl_store_exec (self, "ROLLBACK", NULL);
      self->tx_failed = FALSE;
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_FAILED,
                   "The transaction was rolled back because a step inside it failed");
      return FALSE;
    }
  if (!sl_store_exec (self, "COMMIT", error))
    {
      sl_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_store_begin (SlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  return sl_store_tx_begin (self, error);
}

gboolean
sl_store_commit (SlStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);
  return sl_store_tx_end (self, TRUE, error);
}

void
sl_store_rollback (SlStore *self)
{
  g_return_if_fail (SL_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);
  sl_store_tx_end (self, FALSE, NULL);
}

/* Tracing ---------------------------------------------------------------- */

static int
trace_cb (unsigned  type,
          void     *ctx,
          void     *p,
          void     *x)
{
  if (type == SQLITE_TRACE_PROFILE)
    {
      sqlite3_stmt *stmt = p;
      gint64 ns = *(sqlite3_int64 *) x;
      /* The SQL text with its ? placeholders: never the bound values, which
       * may be personal data. */
      g_debug ("sql %.3f ms: %s", ns / 1e6, sqlite3_sql (stmt));
    }
  return 0;
}

/* Opening ---------------------------------------------------------------- */

static int
read_user_version (SlStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc, version = -1;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    sl_store_set_sqlite_error (self, rc, "Could not read the database", error);
  sqlite3_finalize (stmt);
  return version;
}

static gint64
read_int_pragma (SlStore    *self,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static gboolean
migrate (SlStore  *self,
         GError  **error)
{
  for (;;)
    {
      g_autofree char *set_version = NULL;
      int version;

      if (!sl_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Read again under the write lock: another process may have migrated. */
      version = read_user_version (self, error);
      if (version < 0)
        {
          sl_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (version >= SL_STORE_SCHEMA_VERSION)
        return sl_store_exec (self, "COMMIT", error);

      g_debug ("migrating schema %d -> %d", version, version + 1);
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!sl_store_exec (self, migrations[version], error) ||
          !sl_store_exec (self, set_version, error) ||
          !sl_store_exec (self, "COMMIT", error))
        {
          sl_store_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, "Could not upgrade the database to version %d: ", version + 1);
          return FALSE;
        }
    }
}

/* Consent (privacy room, src/privacy): the legal basis and its date per
 * candidate.  Every new candidate gets the default basis (store_state key
 * 'consent_default') dated at its creation, whatever writer inserts it;
 * candidates stored before get 'legitimate-interest' dated at their
 * creation.  Idempotent and created on open rather than as a numbered
 * migration, so it never competes with another room for a schema number. */
#define CONSENT_SCHEMA \
  "CREATE TABLE IF NOT EXISTS candidate_consent (" \
  "  candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE," \
  "  legal_basis TEXT NOT NULL," \
  "  recorded_at TEXT NOT NULL," \
  "  note TEXT);" \
  "INSERT OR IGNORE INTO store_state (key, value) VALUES ('consent_default', 'legitimate-interest');" \
  "INSERT OR IGNORE INTO candidate_consent (candidate_id, legal_basis, recorded_at)" \
  "  SELECT id, 'legitimate-interest', created_at FROM candidates;" \
  "CREATE TRIGGER IF NOT EXISTS candidate_consent_ai AFTER INSERT ON candidates BEGIN" \
  "  INSERT OR IGNORE INTO candidate_consent (candidate_id, legal_basis, recorded_at)" \
  "    VALUES (new.id, coalesce ((SELECT value FROM store_state WHERE key = 'consent_default')," \
  "                              'legitimate-interest'), new.created_at);" \
  "END;"

/* The consent records a new legal basis replaced (privacy room): kept for
 * the data-protection officer until the candidate is erased. */
#define CONSENT_HISTORY_SCHEMA \
  "CREATE TABLE IF NOT EXISTS candidate_consent_history (" \
  "  id INTEGER PRIMARY KEY," \
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE," \
  "  legal_basis TEXT NOT NULL," \
  "  recorded_at TEXT NOT NULL," \
  "  note TEXT," \
  "  superseded_at TEXT NOT NULL);" \
  "CREATE INDEX IF NOT EXISTS consent_history_candidate ON candidate_consent_history (candidate_id, id);"

/* The key of blind review's candidate codes (rank room, sl_blind_code):
 * random per database, made once by the first writer that opens it. */
static gboolean
ensure_blind_key (SlStore  *self,
                  GError  **error)
{
  if (read_int_pragma (self, "SELECT count(*) FROM store_state WHERE key = 'blind_key'") > 0)
    return TRUE;
  return sl_store_exec (self, "INSERT OR IGNORE INTO store_state (key, value)"
                        " VALUES ('blind_key', lower (hex (randomblob (16))))", error);
}

/* Runs @sql (idempotent schema made on open) unless @trigger exists. */
static gboolean
ensure_schema_part (SlStore     *self,
                    const char  *trigger,
                    const char  *sql,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *probe = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'", trigger);

  if (read_int_pragma (self, probe) > 0)
    return TRUE;
  if (!sl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!sl_store_exec (self, sql, error) || !sl_store_exec (self, "COMMIT", error))
    {
      sl_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, "Could not add %s: ", what);
      return FALSE;
    }
  return TRUE;
}

/* A database copied in, or made by an older version or another tool, may
 * be readable by others: the writer makes it and its -wal/-shm private
 * (privacy room: the database is 0600).  Best effort: a file owned by
 * someone else stays as it is. */
static void
tighten_mode (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      GStatBuf sb;

      if (g_stat (p, &sb) == 0 && S_ISREG (sb.st_mode) && (sb.st_mode & 0077) != 0 &&
          sb.st_uid == getuid ())
        g_chmod (p, sb.st_mode & 0700);
    }
}

static gboolean
sl_store_open_internal (SlStore           *self,
                        SlStoreOpenFlags   flags,
                        GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  const char *trace = g_getenv ("SHORTLIST_SQL_TRACE");
  int oflags;
  int rc, version;

  self->readonly = (flags & SL_STORE_OPEN_READONLY) != 0;

  if (!exists)
    {
      int fd;

      if (self->readonly)
        {
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_OPEN,
                       "The database %s does not exist", self->path);
          return FALSE;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int errsv = errno;
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_OPEN,
                       "Could not create the folder %s: %s", dir, g_strerror (errsv));
          return FALSE;
        }
      /* Created here so that it (and SQLite's -wal/-shm files, which copy
       * its mode) is private to the user from the first byte. */
      fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          int errsv = errno;
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_OPEN,
                       "Could not create the database %s: %s", self->path, g_strerror (errsv));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
    }

  if (exists && !self->readonly)
    tighten_mode (self->path);
  oflags = (self->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
           SQLITE_OPEN_NOMUTEX;
  rc = sqlite3_open_v2 (self->path, &self->db, oflags, NULL);
  if (rc != SQLITE_OK)
    {
      sl_store_set_sqlite_error (self, rc, "Could not open the database", error);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (trace != NULL && g_str_equal (trace, "1"))
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_PROFILE, trace_cb, self);

  /* Read the version before anything writes the header (journal_mode=WAL
   * does), so a newer database is left exactly as it was. */
  version = read_user_version (self, error);
  if (version < 0)
    {
      g_prefix_error (error, "%s is not a Shortlist database: ", self->path);
      if (error != NULL && *error != NULL)
        (*error)->code = SL_STORE_ERROR_CORRUPT;
      return FALSE;
    }
  if (version > SL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_TOO_NEW,
                   "The database %s was written by a newer Shortlist (schema %d; this "
                   "version understands up to %d). Update Shortlist; the file was not changed.",
                   self->path, version, SL_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (self->readonly)
    {
      if (version != SL_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_OPEN,
                       "The database %s has schema %d; open it for writing once to upgrade it",
                       self->path, version);
          return FALSE;
        }
      return sl_store_exec (self, "PRAGMA foreign_keys = ON", error);
    }

  /* The page size only takes for a database with no pages yet. */
  if (read_int_pragma (self, "PRAGMA page_count") == 0 &&
      !sl_store_exec (self, "PRAGMA page_size = 8192", error))
    return FALSE;

  if (!sl_store_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = NORMAL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA temp_store = MEMORY;", error))
    {
      g_prefix_error (error, "Could not set up %s: ", self->path);
      return FALSE;
    }

  return migrate (self, error) &&
         ensure_schema_part (self, "candidate_consent_ai", CONSENT_SCHEMA, "the consent table", error) &&
         ensure_schema_part (self, "consent_history_candidate", CONSENT_HISTORY_SCHEMA,
                             "the consent history", error) &&
         ensure_schema_part (self, SL_STORE_SYNC_INTAKE_TRIGGER, SL_STORE_SYNC_INTAKE_SCHEMA,
                             "the sync outbox for intake records", error) &&
         ensure_blind_key (self, error);
}

SlStore *
sl_store_open_full (const char        *path,
                    SlStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(SlStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!sl_store_open_internal (self, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlStore *
sl_store_open (const char  *path,
               GError     **error)
{
  return sl_store_open_full (path, SL_STORE_OPEN_DEFAULT, error);
}

const char *
sl_store_get_path (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return self->path;
}

int
sl_store_get_schema_version (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), -1);
  return read_user_version (self, NULL);
}

/* Check ------------------------------------------------------------------- */

gboolean
sl_store_check (SlStore  *self,
                GString  *report,
                GError  **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int version;
  gint64 rows, indexed;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  version = read_user_version (self, error);
  if (version < 0)
    return FALSE;
  if (report != NULL)
    g_string_append_printf (report, "schema version: %d (this Shortlist: %d)\n",
                            version, SL_STORE_SCHEMA_VERSION);
  if (version != SL_STORE_SCHEMA_VERSION)
    g_string_append_printf (problems, "schema version is %d, expected %d; ",
                            version, SL_STORE_SCHEMA_VERSION);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      gboolean first = TRUE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);
          if (first && g_strcmp0 (line, "ok") == 0)
            {
              if (report != NULL)
                g_string_append (report, "integrity: ok\n");
              break;
            }
          if (report != NULL)
            g_string_append_printf (report, "integrity: %s\n", line);
          if (first)
            g_string_append_printf (problems, "integrity check: %s; ", line);
          first = FALSE;
        }
    }
  else
    g_string_append_printf (problems, "integrity check could not run: %s; ",
                            sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  /* FTS5's own check compares the index with the content table. */
  {
    char *msg = NULL;
    int rc = sqlite3_exec (self->db,
                           "INSERT INTO profiles_fts (profiles_fts, rank) VALUES ('integrity-check', 1)",
                           NULL, NULL, &msg);
    if (rc == SQLITE_OK)
      {
        if (report != NULL)
          g_string_append (report, "full-text index: in step\n");
      }
    else
      {
        if (report != NULL)
          g_string_append_printf (report, "full-text index: NOT in step (%s)\n",
                                  msg != NULL ? msg : sqlite3_errstr (rc));
        g_string_append_printf (problems, "the full-text index is not in step with the "
                                "profiles (%s); ", msg != NULL ? msg : sqlite3_errstr (rc));
      }
    sqlite3_free (msg);
  }

  rows = read_int_pragma (self, "SELECT count(*) FROM candidate_profiles");
  indexed = read_int_pragma (self, "SELECT count(*) FROM profiles_fts_docsize");
  if (report != NULL)
    g_string_append_printf (report, "profiles: %" G_GINT64_FORMAT ", indexed: %" G_GINT64_FORMAT "\n",
                            rows, indexed);
  if (rows != indexed)
    g_string_append_printf (problems, "%" G_GINT64_FORMAT " profiles but %" G_GINT64_FORMAT
                            " index entries; ", rows, indexed);

  if (problems->len > 0)
    {
      g_string_truncate (problems, problems->len - 2);
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_CORRUPT, "%s", problems->str);
      return FALSE;
    }
  return TRUE;
}

/* GObject ---------------------------------------------------------------- */

static void
sl_store_finalize (GObject *object)
{
  SlStore *self = SL_STORE (object);

  if (self->tx_depth > 0 && self->db != NULL)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->stmt_hints, g_hash_table_unref);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* A WAL database leaves -wal/-shm behind unless checkpointed on close;
       * sqlite3_close does that when it is the last connection. */
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_free (self->path);

  G_OBJECT_CLASS (sl_store_parent_class)->finalize (object);
}

static void
sl_store_class_init (SlStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_store_finalize;
  /* SQLite's memory statistics take a global mutex and count around every
   * allocation (~15% of a profile insert with its triggers); nothing here
   * reads them.  Possible only before SQLite initialises, which the first
   * store to open does; later it is refused (SQLITE_MISUSE), harmlessly. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sl_store_init (SlStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->stmt_hints = g_hash_table_new (g_direct_hash, g_direct_equal);
}
