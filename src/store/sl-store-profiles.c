/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-profiles.c: the profile writer (create / update / bulk), candidate
 * get-or-create by e-mail then phone, reading profiles and their history.
 */
#include "config.h"

#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-store-private.h"
#include "sl-store-sync-private.h"

#define N_SECTIONS 10

/* The columns one profile writes, computed once from the model (see
 * sl_profile_row_new). */
struct _SlProfileRow
{
  char *sections[N_SECTIONS];   /* in sl_profile_section_names () order */
  char *name;
  char *email;                  /* normalised */
  char *phone;                  /* normalised key */
  char *location;
  char *title;
  char *company;
  int   months;                 /* -1 = unknown */
  char *skills_text;
  char *titles_text;
  char *companies_text;
  char *schools_text;
  /* What the insert triggers of skill_counts and rank_features would take
   * out of the new row's JSON (SkillTally, insert_rank_features). */
  GPtrArray *skill_keys;        /* distinct lower-cased keys, in the order written */
  GPtrArray *skill_labels;      /* per key its smallest spelling */
  char *skill_list;             /* "|key|key|", or NULL */
  char *languages;
  char *last_active;
};

static void
profile_row_clear (SlProfileRow *row)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    g_free (row->sections[i]);
  g_free (row->name);
  g_free (row->email);
  g_free (row->phone);
  g_free (row->location);
  g_free (row->title);
  g_free (row->company);
  g_free (row->skills_text);
  g_free (row->titles_text);
  g_free (row->companies_text);
  g_free (row->schools_text);
  g_clear_pointer (&row->skill_keys, g_ptr_array_unref);
  g_clear_pointer (&row->skill_labels, g_ptr_array_unref);
  g_free (row->skill_list);
  g_free (row->languages);
  g_free (row->last_active);
  memset (row, 0, sizeof *row);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlProfileRow, profile_row_clear)

/* Joins distinct non-empty strings with " · " (a separator the FTS
 * tokenizer drops, so phrases do not run across two entries). */
static void
append_unique (GString    *out,
               GHashTable *seen,
               const char *s)
{
  g_autofree char *key = NULL;

  if (sl_str_empty (s))
    return;
  /* Unicode case folding maps only A-Z among ASCII characters. */
  key = g_str_is_ascii (s) ? g_ascii_strdown (s, -1) : g_utf8_casefold (s, -1);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, s);
}

static char *
finish_text (GString *s)
{
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* The skill columns in one pass over the skills (each name lower-cased
 * once):
 * - skills_text: the names distinct under case folding, joined, as
 *   sl_profile_skill_names () lists them (a name is its canonical name,
 *   else the name as written);
 * - the derived rows' values, the same as SQL takes out of the JSON the
 *   sections hold: a skill's key is that name with lower () applied, which
 *   changes ASCII letters only, as g_ascii_strdown; text compares byte-wise
 *   (BINARY), as strcmp.  Distinct keys in the order written, per key the
 *   smallest spelling, which skill_counts keeps as its label.
 * Two names with the same key differ in ASCII case only, so they also
 * fold the same: a repeated key is a repeated folded name too. */
static void
profile_row_fill_skills (SlProfileRow    *row,
                         const SlProfile *p)
{
  g_autoptr(GHashTable) key_at = g_hash_table_new (g_str_hash, g_str_equal);   /* key -> index */
  g_autoptr(GHashTable) folded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);          /* non-ASCII folds */
  GString *text = g_string_new (NULL);
  GString *list = g_string_new (NULL);

  row->skill_keys = g_ptr_array_new_with_free_func (g_free);
  row->skill_labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->skills->len; i++)
    {
      const SlSkill *sk = g_ptr_array_index (p->skills, i);
      const char *k = sk->canonical != NULL ? sk->canonical : sk->name;
      char *lk, *fold;
      gpointer at;

      if (k == NULL)
        continue;
      lk = g_ascii_strdown (k, -1);
      if (g_hash_table_lookup_extended (key_at, lk, NULL, &at))
        {
          char **label = (char **) &row->skill_labels->pdata[GPOINTER_TO_UINT (at)];
          if (strcmp (k, *label) < 0)
            {
              g_free (*label);
              *label = g_strdup (k);
            }
          g_free (lk);
          continue;
        }
      /* Unicode case folding maps only A-Z among ASCII characters. */
      if (g_str_is_ascii (k))
        fold = lk;
      else
        {
          fold = g_utf8_casefold (k, -1);
          g_ptr_array_add (own, fold);
        }
      if (g_hash_table_add (folded, fold) && !sl_str_empty (k))
        {
          if (text->len > 0)
            g_string_append (text, " · ");
          g_string_append (text, k);
        }
      g_string_append_c (list, '|');
      g_string_append (list, lk);
      g_hash_table_insert (key_at, lk, GUINT_TO_POINTER (row->skill_keys->len));
      g_ptr_array_add (row->skill_keys, lk);
      g_ptr_array_add (row->skill_labels, g_strdup (k));
    }
  if (list->len > 0)
    g_string_append_c (list, '|');
  row->skills_text = finish_text (text);
  row->skill_list = finish_text (list);
}

static void
profile_row_fill (SlProfileRow      *row,
                  const SlProfile *p)
{
  const char * const *names = sl_profile_section_names ();
  const SlPersonalInfo *pi = &p->personal;
  const SlWorkEntry *cur;
  g_autoptr(GHashTable) seen = NULL;
  GString *s;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_assert (names[i] != NULL);
      row->sections[i] = sl_profile_section_to_json (p, names[i]);
    }
  g_assert (names[N_SECTIONS] == NULL);

  row->name = sl_strdup_clean (pi->name);
  row->email = sl_normalize_email (pi->email);
  row->phone = sl_normalize_phone_key (pi->phone);
  if (!sl_str_empty (pi->location))
    row->location = sl_strdup_clean (pi->location);
  else if (!sl_str_empty (pi->city) || !sl_str_empty (pi->country))
    {
      g_autofree char *joined = g_strjoin (", ",
                                           !sl_str_empty (pi->city) ? pi->city : pi->country,
                                           !sl_str_empty (pi->city) && !sl_str_empty (pi->country) ? pi->country : NULL,
                                           NULL);
      row->location = sl_strdup_clean (joined);
    }

  cur = sl_profile_current_work (p);
  if (cur != NULL)
    {
      row->title = sl_strdup_clean (cur->title);
      row->company = sl_strdup_clean (cur->company);
    }
  if (row->title == NULL)
    row->title = sl_strdup_clean (pi->headline);

  row->months = p->meta.experience_months >= 0
                ? p->meta.experience_months
                : sl_profile_compute_experience_months (p, NULL);

  profile_row_fill_skills (row, p);

  s = g_string_new (NULL);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  append_unique (s, seen, pi->headline);
  for (guint i = 0; i < p->work->len; i++)
    append_unique (s, seen, ((SlWorkEntry *) g_ptr_array_index (p->work, i))->title);
  row->titles_text = finish_text (s);

  s = g_string_new (NULL);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < p->work->len; i++)
    append_unique (s, seen, ((SlWorkEntry *) g_ptr_array_index (p->work, i))->company);
  row->companies_text = finish_text (s);

  s = g_string_new (NULL);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < p->education->len; i++)
    append_unique (s, seen, ((SlEducationEntry *) g_ptr_array_index (p->education, i))->institution);
  row->schools_text = finish_text (s);

  row->languages = sl_profile_language_list (p);
  row->last_active = g_strdup (sl_profile_last_active (p));
}

SlProfileRow *
sl_profile_row_new (const SlProfile *profile)
{
  SlProfileRow *row;

  g_return_val_if_fail (profile != NULL, NULL);

  row = g_new0 (SlProfileRow, 1);
  profile_row_fill (row, profile);
  return row;
}

void
sl_profile_row_free (SlProfileRow *row)
{
  if (row == NULL)
    return;
  profile_row_clear (row);
  g_free (row);
}

/* Binds sections to 1..10 and the denormalised columns after @first. */
static void
bind_sections (SlStmt           *st,
               const SlProfileRow *row)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    sl_stmt_bind_text (st, i + 1, row->sections[i]);
}

static void
bind_denormalised (SlStmt           *st,
                   int               first,
                   const SlProfileRow *row)
{
  sl_stmt_bind_text (st, first + 0, row->name);
  sl_stmt_bind_text (st, first + 1, row->email);
  sl_stmt_bind_text (st, first + 2, row->location);
  sl_stmt_bind_text (st, first + 3, row->title);
  sl_stmt_bind_text (st, first + 4, row->company);
  if (row->months >= 0)
    sqlite3_bind_int (st, first + 5, row->months);
  else
    sqlite3_bind_null (st, first + 5);
  sl_stmt_bind_text (st, first + 6, row->skills_text);
  sl_stmt_bind_text (st, first + 7, row->titles_text);
  sl_stmt_bind_text (st, first + 8, row->companies_text);
  sl_stmt_bind_text (st, first + 9, row->schools_text);
}

/* Candidates ------------------------------------------------------------- */

static gint64
query_id (SlStore    *self,
          const char *sql,
          const char *arg,
          GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);
  int rc;

  if (st == NULL)
    return -1;
  sl_stmt_bind_text (st, 1, arg);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (st, 0);
  if (rc == SQLITE_DONE)
    return 0;
  sl_store_set_sqlite_error (self, rc, "Could not look up a candidate", error);
  return -1;
}

/* Finds or creates the candidate for @row; fills in what the candidate was
 * missing (name, phone, e-mail).  Returns the id, or 0 with @error. */
static gint64
get_or_create_candidate (SlStore          *self,
                         const SlProfileRow *row,
                         const char       *now,
                         gboolean         *created,
                         GError          **error)
{
  gint64 id = 0;

  *created = FALSE;
  if (row->email != NULL)
    {
      id = query_id (self, "SELECT id FROM candidates WHERE email = ?", row->email, error);
      if (id < 0)
        return 0;
    }
  if (id == 0 && row->phone != NULL)
    {
      /* A phone match only joins a candidate whose e-mail does not
       * contradict this profile's. */
      g_autoptr(SlStmt) st = sl_store_stmt (self,
                                            "SELECT id FROM candidates WHERE phone = ?1"
                                            " AND (email IS NULL OR ?2 IS NULL) ORDER BY id LIMIT 1",
                                            error);
      int rc;
      if (st == NULL)
        return 0;
      sl_stmt_bind_text (st, 1, row->phone);
      sl_stmt_bind_text (st, 2, row->email);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (st, 0);
      else if (rc != SQLITE_DONE)
        {
          sl_store_set_sqlite_error (self, rc, "Could not look up a candidate", error);
          return 0;
        }
    }

  if (id > 0)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (self,
                                            "UPDATE candidates SET"
                                            " name = coalesce (name, ?1),"
                                            " phone = coalesce (phone, ?2),"
                                            " email = coalesce (email, ?3),"
                                            " updated_at = ?4 WHERE id = ?5",
                                            error);
      if (st == NULL)
        return 0;
      sl_stmt_bind_text (st, 1, row->name);
      sl_stmt_bind_text (st, 2, row->phone);
      sl_stmt_bind_text (st, 3, row->email);
      sl_stmt_bind_text (st, 4, now);
      sqlite3_bind_int64 (st, 5, id);
      if (!sl_store_step_done (self, st, "Could not update a candidate", error))
        return 0;
      return id;
    }

  {
    g_autofree char *uuid = g_uuid_string_random ();
    id = sl_store_insert_candidate (self, uuid, row->name, row->email, row->phone, now, error);
    *created = id > 0;
    return id;
  }
}

gint64
sl_store_insert_candidate (SlStore     *self,
                           const char  *uuid,
                           const char  *name,
                           const char  *email,
                           const char  *phone,
                           const char  *now,
                           GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT INTO candidates (uuid, name, email, phone, created_at, updated_at)"
                                        " VALUES (?, ?, ?, ?, ?5, ?5)",
                                        error);
  if (st == NULL)
    return 0;
  sl_stmt_bind_text (st, 1, uuid);
  sl_stmt_bind_text (st, 2, name);
  sl_stmt_bind_text (st, 3, email);
  sl_stmt_bind_text (st, 4, phone);
  sl_stmt_bind_text (st, 5, now);
  if (!sl_store_step_done (self, st, "Could not create a candidate", error))
    return 0;
  return sqlite3_last_insert_rowid (sl_store_get_db (self));
}

/* Writing profiles ------------------------------------------------------- */

/* In bulk mode, a row indexed before the bulk and updated in it is taken
 * out of the index and put back at the end of the bulk, in the statement
 * that indexes the new rows: FTS5 writes a segment (and merges) at the end
 * of each statement that changed its index, so two statements of its own
 * per updated row made two more segments each.  Until then the temporary
 * table keeps what the index holds for the row (the first copy is that). */
#define BULK_FTS_OLD_TABLE \
  "CREATE TEMP TABLE IF NOT EXISTS bulk_fts_old (id INTEGER PRIMARY KEY, " SL_FTS_COLUMNS ")"

static gboolean
stash_indexed_row (SlStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT OR IGNORE INTO temp.bulk_fts_old (id, " SL_FTS_COLUMNS ")"
                                        " SELECT id, " SL_FTS_COLUMNS " FROM candidate_profiles WHERE id = ?",
                                        error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  return sl_store_step_done (self, st, "Could not update the search index", error);
}

/* Appends "SECTION.KEY" for each member that differs between two JSON
 * objects (or SECTION when they are not both objects). */
static void
diff_object_keys (const char *section,
                  const char *old_json,
                  const char *new_json,
                  GPtrArray  *fields)
{
  g_autoptr(JsonNode) a = old_json != NULL ? json_from_string (old_json, NULL) : NULL;
  g_autoptr(JsonNode) b = new_json != NULL ? json_from_string (new_json, NULL) : NULL;
  g_autoptr(GList) keys = NULL;
  JsonObject *oa, *ob;
  guint before = fields->len;

  if (a == NULL || b == NULL || !JSON_NODE_HOLDS_OBJECT (a) || !JSON_NODE_HOLDS_OBJECT (b))
    {
      g_ptr_array_add (fields, g_strdup (section));
      return;
    }
  oa = json_node_get_object (a);
  ob = json_node_get_object (b);
  keys = json_object_get_members (oa);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *nb = json_object_get_member (ob, l->data);
      if (nb == NULL || !json_node_equal (json_object_get_member (oa, l->data), nb))
        g_ptr_array_add (fields, g_strdup_printf ("%s.%s", section, (const char *) l->data));
    }
  g_clear_pointer (&keys, g_list_free);
  keys = json_object_get_members (ob);
  for (GList *l = keys; l != NULL; l = l->next)
    if (!json_object_has_member (oa, l->data))
      g_ptr_array_add (fields, g_strdup_printf ("%s.%s", section, (const char *) l->data));
  /* Same members, different text (order, formatting): the section itself. */
  if (fields->len == before)
    g_ptr_array_add (fields, g_strdup (section));
}

/* What an update changes, by name only (for the audit log, which must
 * never hold the values): the sections whose JSON differs, with the keys
 * of personal_info named one by one ("personal_info.email"), plus "source"
 * and "raw_text".  Appends to @fields; FALSE with @error on a read error. */
static gboolean
changed_fields (SlStore          *self,
                gint64            profile_id,
                const SlProfileRow *row,
                const char       *source,
                const char       *raw_text,
                GPtrArray        *fields,
                GError          **error)
{
  const char * const *names = sl_profile_section_names ();
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "SELECT personal_info, work_experience, education, skills, certifications,"
                                        " languages, projects, achievements, interests, metadata,"
                                        " ?1 IS NOT NULL AND source IS NOT ?1, ?2 IS NOT NULL AND raw_text IS NOT ?2"
                                        " FROM candidate_profiles WHERE id = ?3",
                                        error);
  int rc;

  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, source);
  sl_stmt_bind_text (st, 2, raw_text);
  sqlite3_bind_int64 (st, 3, profile_id);
  rc = sqlite3_step (st);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the profile", error);
      return FALSE;
    }
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const char *old_json = (const char *) sqlite3_column_text (st, (int) i);
      if (g_strcmp0 (old_json, row->sections[i]) == 0)
        continue;
      if (g_str_equal (names[i], "personal_info"))
        diff_object_keys (names[i], old_json, row->sections[i], fields);
      else
        g_ptr_array_add (fields, g_strdup (names[i]));
    }
  if (sqlite3_column_int (st, N_SECTIONS))
    g_ptr_array_add (fields, g_strdup ("source"));
  if (sqlite3_column_int (st, N_SECTIONS + 1))
    g_ptr_array_add (fields, g_strdup ("raw_text"));
  return TRUE;
}

/* Inside a transaction: previous version to history, then the new one. */
static gboolean
update_profile_row (SlStore          *self,
                    gint64            profile_id,
                    const SlProfileRow *row,
                    const char       *source,
                    const char       *raw_text,
                    const char       *reason,
                    const char       *now,
                    GPtrArray        *changed,
                    GError          **error)
{
  gint64 bulk_first = sl_store_bulk_first_id (self);
  /* In bulk mode the triggers are off: a row indexed before this bulk
   * started is taken out of the index and put back at its end
   * (stash_indexed_row); a row created in this bulk is indexed at the end
   * anyway. */
  gboolean manual_fts = bulk_first > 0 && profile_id < bulk_first;

  if (changed != NULL && !changed_fields (self, profile_id, row, source, raw_text, changed, error))
    return FALSE;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (self,
                                          "INSERT INTO profile_history (profile_id, revision, profile_json, reason, changed_at)"
                                          " SELECT id, revision, json_object ("
                                          "  'personal_info', json (personal_info),"
                                          "  'work_experience', json (work_experience),"
                                          "  'education', json (education),"
                                          "  'skills', json (skills),"
                                          "  'certifications', json (certifications),"
                                          "  'languages', json (languages),"
                                          "  'projects', json (projects),"
                                          "  'achievements', json (achievements),"
                                          "  'interests', json (interests),"
                                          "  'metadata', json (metadata),"
                                          "  'source', source), ?, ? FROM candidate_profiles WHERE id = ?",
                                          error);
    if (st == NULL)
      return FALSE;
    sl_stmt_bind_text (st, 1, reason != NULL ? reason : "update");
    sl_stmt_bind_text (st, 2, now);
    sqlite3_bind_int64 (st, 3, profile_id);
    if (!sl_store_step_done (self, st, "Could not keep the previous version", error))
      return FALSE;
    if (sqlite3_changes (sl_store_get_db (self)) != 1)
      {
        g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                     "There is no profile %" G_GINT64_FORMAT, profile_id);
        return FALSE;
      }
  }

  if (manual_fts && !stash_indexed_row (self, profile_id, error))
    return FALSE;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (self,
                                          "UPDATE candidate_profiles SET"
                                          " personal_info = ?1, work_experience = ?2, education = ?3,"
                                          " skills = ?4, certifications = ?5, languages = ?6, projects = ?7,"
                                          " achievements = ?8, interests = ?9, metadata = ?10,"
                                          " source = coalesce (?11, source), raw_text = coalesce (?12, raw_text),"
                                          " revision = revision + 1, deleted = 0, updated_at = ?13,"
                                          " name = ?14, email = ?15, location = ?16, current_title = ?17,"
                                          " current_company = ?18, experience_months = ?19, skills_text = ?20,"
                                          " titles_text = ?21, companies_text = ?22, schools_text = ?23,"
                                          /* stamped as the sync trigger would (see insert_profile_row) */
                                          " device_id = CASE WHEN " SL_SYNC_CAPTURING " THEN " SL_SYNC_DEVICE
                                          "   ELSE device_id END"
                                          " WHERE id = ?24",
                                          error);
    if (st == NULL)
      return FALSE;
    bind_sections (st, row);
    sl_stmt_bind_text (st, 11, source);
    sl_stmt_bind_text (st, 12, raw_text);
    sl_stmt_bind_text (st, 13, now);
    bind_denormalised (st, 14, row);
    sqlite3_bind_int64 (st, 24, profile_id);
    if (!sl_store_step_done (self, st, "Could not update the profile", error))
      return FALSE;
  }


  return TRUE;
}

/* The device id is stamped here, as the sync trigger would: its UPDATE then
 * finds nothing to change, instead of rewriting the whole new row (resume
 * text included) and running the update triggers (rank features) a second
 * time for every profile. */
static gint64
insert_profile_row (SlStore          *self,
                    gint64            candidate_id,
                    const SlProfileRow *row,
                    const char       *source,
                    const char       *raw_text,
                    const char       *now,
                    char            **uuid_out,
                    GError          **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT INTO candidate_profiles ("
                                        " personal_info, work_experience, education, skills, certifications,"
                                        " languages, projects, achievements, interests, metadata,"
                                        " uuid, candidate_id, source, raw_text, created_at, updated_at,"
                                        " name, email, location, current_title, current_company,"
                                        " experience_months, skills_text, titles_text, companies_text, schools_text,"
                                        " device_id)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15,"
                                        " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
                                        " CASE WHEN " SL_SYNC_CAPTURING " THEN " SL_SYNC_DEVICE " END)",
                                        error);
  g_autofree char *uuid = g_uuid_string_random ();

  if (st == NULL)
    return 0;
  bind_sections (st, row);
  sl_stmt_bind_text (st, 11, uuid);
  sqlite3_bind_int64 (st, 12, candidate_id);
  sl_stmt_bind_text (st, 13, source);
  sl_stmt_bind_text (st, 14, raw_text);
  sl_stmt_bind_text (st, 15, now);
  bind_denormalised (st, 16, row);
  if (!sl_store_step_done (self, st, "Could not store the profile", error))
    return 0;
  *uuid_out = g_steal_pointer (&uuid);
  return sqlite3_last_insert_rowid (sl_store_get_db (self));
}

/* The skill_counts rows a bulk write adds, summed over its items and
 * written once per skill (instead of one upsert per skill and profile): a
 * skill's count grows by the profiles that have it, its label becomes the
 * smallest spelling among them and the stored one, as the upserts one by
 * one would leave them.  An item's own skills join the sum only once its
 * savepoint is released (a failed item adds nothing); the sum is written
 * before an item updates a stored profile (whose skill_counts_au trigger
 * reads and changes those rows) and at the end of the bulk. */
typedef struct
{
  guint  profiles;
  char  *label;
} SkillSum;

typedef struct
{
  GHashTable *sums;      /* lower-cased key (owned) -> SkillSum */
  GPtrArray  *item;      /* the current item's keys and labels, in pairs */
  gboolean    written;   /* the sums were written inside the current item */
} SkillTally;

static void
skill_sum_free (SkillSum *sum)
{
  g_free (sum->label);
  g_free (sum);
}

static void
skill_tally_init (SkillTally *t)
{
  t->sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) skill_sum_free);
  t->item = g_ptr_array_new_with_free_func (g_free);
  t->written = FALSE;
}

static void
skill_tally_clear (SkillTally *t)
{
  g_clear_pointer (&t->sums, g_hash_table_unref);
  g_clear_pointer (&t->item, g_ptr_array_unref);
}

/* The current item's new live row counts these skills. */
static void
skill_tally_add_row (SkillTally         *t,
                     const SlProfileRow *row)
{
  for (guint i = 0; i < row->skill_keys->len; i++)
    {
      g_ptr_array_add (t->item, g_strdup (g_ptr_array_index (row->skill_keys, i)));
      g_ptr_array_add (t->item, g_strdup (g_ptr_array_index (row->skill_labels, i)));
    }
}

/* The current item is kept (TRUE) or rolled back (FALSE). */
static void
skill_tally_end_item (SkillTally *t,
                      gboolean    kept)
{
  if (kept)
    {
      if (t->written)
        g_hash_table_remove_all (t->sums);
      for (guint i = 0; i + 1 < t->item->len; i += 2)
        {
          char *key = g_ptr_array_index (t->item, i);
          char *label = g_ptr_array_index (t->item, i + 1);
          SkillSum *sum = g_hash_table_lookup (t->sums, key);

          if (sum == NULL)
            {
              sum = g_new0 (SkillSum, 1);
              g_hash_table_insert (t->sums, g_strdup (key), sum);
            }
          sum->profiles++;
          if (sum->label == NULL || strcmp (label, sum->label) < 0)
            {
              g_free (sum->label);
              sum->label = g_strdup (label);
            }
        }
    }
  g_ptr_array_set_size (t->item, 0);
  t->written = FALSE;
}

/* Writes the sums (they stay in @t until the item that wrote them is kept). */
static gboolean
skill_tally_write (SlStore     *self,
                   SkillTally  *t,
                   GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (t->sums) == 0)
    return TRUE;
  st = sl_store_stmt (self,
                      "INSERT INTO skill_counts (skill, profiles, label) VALUES (?1, ?3, ?2)"
                      " ON CONFLICT (skill) DO UPDATE SET profiles = profiles + excluded.profiles,"
                      "  label = CASE WHEN label IS NULL OR excluded.label < label"
                      "   THEN excluded.label ELSE label END",
                      error);
  if (st == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, t->sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SkillSum *sum = value;

      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, sum->label, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 3, (int) sum->profiles);
      if (!sl_store_step_done (self, st, "Could not count the skills", error))
        return FALSE;
      sqlite3_reset (st);
    }
  t->written = TRUE;
  return TRUE;
}

/* The rank_features row that the insert trigger (migrations 8 and 9) adds
 * for a new live row, written by the bulk writer while that trigger rests,
 * from the values profile_row_fill worked out of the profile in memory
 * instead of the row's JSON. */
static gboolean
insert_rank_features (SlStore            *self,
                      gint64              profile_id,
                      gint64              candidate_id,
                      const SlProfileRow *row,
                      const char         *now,
                      GError            **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT OR REPLACE INTO rank_features (profile_id, candidate_id, months,"
                                        " last_active, title, location, languages, skills, created_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                        error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, profile_id);
  sqlite3_bind_int64 (st, 2, candidate_id);
  if (row->months >= 0)
    sqlite3_bind_int (st, 3, row->months);
  sl_stmt_bind_text (st, 4, row->last_active);
  sl_stmt_bind_text (st, 5, row->title);
  sl_stmt_bind_text (st, 6, row->location);
  sl_stmt_bind_text (st, 7, row->languages);
  sl_stmt_bind_text (st, 8, row->skill_list);
  sl_stmt_bind_text (st, 9, now);
  return sl_store_step_done (self, st, "Could not store the ranking features", error);
}

/* @fields (nullable): the names of what changed, never the values. */
static gboolean
audit_profile (SlStore    *self,
               const char *action,
               gint64      profile_id,
               GPtrArray  *fields,
               GError    **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *details = NULL;
  int revision = 0;

  st = sl_store_stmt (self, "SELECT uuid, revision FROM candidate_profiles WHERE id = ?", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, profile_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      uuid = sl_stmt_dup_text (st, 0);
      revision = sqlite3_column_int (st, 1);
    }
  sl_stmt_release (st);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, revision);
  if (fields != NULL)
    {
      json_builder_set_member_name (b, "fields");
      json_builder_begin_array (b);
      for (guint i = 0; i < fields->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (fields, i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  details = sl_json_node_to_string (root, FALSE);
  return sl_store_audit (self, action, "profile", uuid, details, error);
}

/* The whole create rule, inside a transaction the caller owns; @prepared
 * (nullable): sl_profile_row_new (@profile), made beforehand; @tally: the
 * bulk's skill counts (NULL outside a bulk, where the triggers count). */
static gint64
create_in_tx (SlStore            *self,
              const SlProfile    *profile,
              const SlProfileRow *prepared,
              SkillTally         *tally,
              const char         *raw_text,
              gboolean            audit,
              SlWriteOutcome     *outcome,
              gint64             *candidate_out,
              GError            **error)
{
  g_autoptr(SlProfileRow) own = prepared == NULL ? sl_profile_row_new (profile) : NULL;
  const SlProfileRow *row = prepared != NULL ? prepared : own;
  g_autofree char *now = sl_now_iso8601 ();
  g_autofree char *uuid = NULL;
  gboolean created;
  gint64 candidate_id, profile_id;

  candidate_id = get_or_create_candidate (self, row, now, &created, error);
  if (candidate_id == 0)
    return 0;
  *candidate_out = candidate_id;

  if (!created)
    {
      gint64 existing;
      g_autoptr(SlStmt) st = sl_store_stmt (self,
                                            "SELECT id FROM candidate_profiles WHERE candidate_id = ?"
                                            " ORDER BY deleted, id DESC LIMIT 1", error);
      if (st == NULL)
        return 0;
      sqlite3_bind_int64 (st, 1, candidate_id);
      existing = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
      sl_stmt_release (st);
      if (existing > 0)
        {
          /* A bulk write audits itself as one row of counts, but an update
           * of a profile that was there before the bulk gets its own row
           * with the names of the fields it changed. */
          gint64 bulk_first = sl_store_bulk_first_id (self);
          gboolean audit_update = audit || (bulk_first > 0 && existing < bulk_first);
          g_autoptr(GPtrArray) changed = audit_update ? g_ptr_array_new_with_free_func (g_free) : NULL;

          /* Its update trigger reads the skill counts: the bulk's first. */
          if (tally != NULL && !skill_tally_write (self, tally, error))
            return 0;
          if (!update_profile_row (self, existing, row, profile->source, raw_text,
                                   "reimport", now, changed, error))
            return 0;
          if (audit_update && !audit_profile (self, "update", existing, changed, error))
            return 0;
          *outcome = SL_WRITE_UPDATED;
          return existing;
        }
    }

  profile_id = insert_profile_row (self, candidate_id, row, profile->source, raw_text, now, &uuid, error);
  if (profile_id == 0)
    return 0;
  /* In bulk mode the insert triggers of the derived tables rest. */
  if (sl_store_bulk_first_id (self) > 0)
    {
      if (!insert_rank_features (self, profile_id, candidate_id, row, now, error))
        return 0;
      if (tally != NULL)
        skill_tally_add_row (tally, row);
    }
  /* What audit_profile would read back: the uuid just made, revision 1. */
  if (audit && !sl_store_audit (self, "create", "profile", uuid, "{\"revision\":1}", error))
    return 0;
  *outcome = SL_WRITE_CREATED;
  return profile_id;
}

gint64
sl_store_create_profile_from_parsed_data (SlStore          *self,
                                          const SlProfile  *profile,
                                          const char       *raw_text,
                                          SlWriteOutcome   *outcome,
                                          GError          **error)
{
  SlWriteOutcome out = SL_WRITE_FAILED;
  gint64 id, candidate_id = 0;

  g_return_val_if_fail (SL_IS_STORE (self), 0);
  g_return_val_if_fail (profile != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!sl_store_tx_begin (self, error))
    return 0;
  id = create_in_tx (self, profile, NULL, NULL, raw_text, TRUE, &out, &candidate_id, error);
  if (!sl_store_tx_end (self, id > 0, id > 0 ? error : NULL))
    id = 0;
  if (outcome != NULL)
    *outcome = id > 0 ? out : SL_WRITE_FAILED;
  return id;
}

gboolean
sl_store_update_profile_from_parsed_data (SlStore          *self,
                                          gint64            profile_id,
                                          const SlProfile  *profile,
                                          const char       *raw_text,
                                          const char       *reason,
                                          GError          **error)
{
  g_auto(SlProfileRow) row = { { 0 } };
  g_autofree char *now = sl_now_iso8601 ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id > 0, FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  profile_row_fill (&row, profile);
  if (!sl_store_tx_begin (self, error))
    return FALSE;

  ok = update_profile_row (self, profile_id, &row, profile->source, raw_text, reason, now, changed, error);
  if (ok)
    {
      /* The candidate follows the profile, unless the new e-mail already
       * belongs to someone else (never two candidates for one e-mail). */
      g_autoptr(SlStmt) st = sl_store_stmt (self,
                                            "UPDATE candidates SET"
                                            " name = coalesce (?1, name),"
                                            " phone = coalesce (?2, phone),"
                                            " email = CASE WHEN ?3 IS NOT NULL AND NOT EXISTS"
                                            "   (SELECT 1 FROM candidates c2 WHERE c2.email = ?3 AND c2.id <> candidates.id)"
                                            "   THEN ?3 ELSE email END,"
                                            " updated_at = ?4"
                                            " WHERE id = (SELECT candidate_id FROM candidate_profiles WHERE id = ?5)",
                                            error);
      ok = st != NULL;
      if (ok)
        {
          sl_stmt_bind_text (st, 1, row.name);
          sl_stmt_bind_text (st, 2, row.phone);
          sl_stmt_bind_text (st, 3, row.email);
          sl_stmt_bind_text (st, 4, now);
          sqlite3_bind_int64 (st, 5, profile_id);
          ok = sl_store_step_done (self, st, "Could not update the candidate", error);
        }
    }
  if (ok)
    ok = audit_profile (self, "update", profile_id, changed, error);

  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  return ok;
}

void
sl_write_result_free (SlWriteResult *result)
{
  if (result == NULL)
    return;
  g_clear_error (&result->error);
  g_free (result);
}

/* Runs @sql, a statement without parameters, prepared once. */
static gboolean
step_cached (SlStore     *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);

  return st != NULL && sl_store_step_done (self, st, "Could not write the profiles", error);
}

static GPtrArray *
bulk_create (SlStore                  *self,
             const SlProfile * const  *profiles,
             SlProfileRow * const     *rows,
             const char * const       *raw_texts,
             guint                     n,
             gboolean                  audit_each,
             GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  gint64 first_id;
  guint created = 0, updated = 0, failed = 0;
  gint64 updated_before = 0;
  gboolean ok = TRUE;
  SkillTally tally;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (profiles != NULL || n == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_full (n, (GDestroyNotify) sl_write_result_free);
  if (n == 0)
    return g_steal_pointer (&results);

  if (!sl_store_tx_begin (self, error))
    return NULL;
  if (sl_store_bulk_first_id (self) > 0)
    {
      sl_store_tx_end (self, FALSE, NULL);
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID,
                   "A bulk write is already running on this connection");
      return NULL;
    }

  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT coalesce (max (id), 0) + 1 FROM candidate_profiles", error);
    ok = st != NULL && sqlite3_step (st) == SQLITE_ROW;
    first_id = ok ? sqlite3_column_int64 (st, 0) : 0;
  }
  if (ok)
    ok = step_cached (self, "UPDATE store_state SET value = 0 WHERE key = 'fts_auto'", error);
  /* A statement made before the table would fail, so it is made first
   * (IF NOT EXISTS: only the connection's first bulk changes the schema). */
  if (ok)
    ok = step_cached (self, BULK_FTS_OLD_TABLE, error) &&
         step_cached (self, "DELETE FROM temp.bulk_fts_old", error);
  if (!ok)
    {
      sl_store_tx_end (self, FALSE, NULL);
      return NULL;
    }
  sl_store_set_bulk_first_id (self, first_id);
  skill_tally_init (&tally);

  for (guint i = 0; i < n && ok; i++)
    {
      SlWriteResult *r = g_new0 (SlWriteResult, 1);
      gint64 id;

      g_ptr_array_add (results, r);
      if (profiles[i] == NULL)
        {
          r->outcome = SL_WRITE_FAILED;
          g_set_error (&r->error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID, "No profile given");
          failed++;
          continue;
        }
      /* A savepoint per item: a failing item leaves no trace, the others
       * stay.  Cheap: SQLite only journals pages the item touched (and the
       * statements are prepared once, not parsed per item). */
      if (!step_cached (self, "SAVEPOINT bulk_item", error))
        {
          ok = FALSE;
          break;
        }
      id = create_in_tx (self, profiles[i], rows != NULL ? rows[i] : NULL, &tally,
                         raw_texts != NULL ? raw_texts[i] : NULL, audit_each,
                         &r->outcome, &r->candidate_id, &r->error);
      if (id > 0)
        {
          r->profile_id = id;
          if (r->outcome == SL_WRITE_CREATED)
            created++;
          else
            updated++;
          ok = step_cached (self, "RELEASE bulk_item", error);
        }
      else
        {
          r->outcome = SL_WRITE_FAILED;
          r->candidate_id = 0;
          failed++;
          ok = sl_store_exec (self, "ROLLBACK TO bulk_item; RELEASE bulk_item", error);
        }
      skill_tally_end_item (&tally, id > 0 && ok);
    }

  if (ok)
    ok = skill_tally_write (self, &tally, error);
  skill_tally_clear (&tally);
  sl_store_set_bulk_first_id (self, 0);

  /* The batch path of the FTS index: every row this bulk created, in one
   * statement, then the triggers back on (in the same transaction, so no
   * other connection ever sees them off). */
  if (ok)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT count(*) FROM temp.bulk_fts_old", error);

      ok = st != NULL && sl_store_step_row (self, st, "No count", "the search index", error);
      updated_before = ok ? sqlite3_column_int64 (st, 0) : 0;
    }
  if (ok)
    {
      g_autoptr(SlStmt) st = NULL;

      if (updated_before == 0)
        st = sl_store_stmt (self,
                            "INSERT INTO profiles_fts (rowid, " SL_FTS_COLUMNS ")"
                            " SELECT id, " SL_FTS_COLUMNS " FROM candidate_profiles WHERE id >= ?",
                            error);
      else
        /* The updated older rows out and back in, then the new ones: in
         * rowid order, a delete right before the insert of its row, as
         * FTS5 takes them into one segment (a lower rowid would flush). */
        st = sl_store_stmt (self,
                            "INSERT INTO profiles_fts (profiles_fts, rowid, " SL_FTS_COLUMNS ")"
                            " SELECT cmd, id, " SL_FTS_COLUMNS " FROM ("
                            "  SELECT 'delete' AS cmd, 0 AS k, id, " SL_FTS_COLUMNS " FROM temp.bulk_fts_old"
                            "  UNION ALL SELECT NULL, 1, id, " SL_FTS_COLUMNS " FROM candidate_profiles"
                            "   WHERE id IN (SELECT id FROM temp.bulk_fts_old)"
                            "  UNION ALL SELECT NULL, 1, id, " SL_FTS_COLUMNS " FROM candidate_profiles WHERE id >= ?)"
                            " ORDER BY id, k",
                            error);
      ok = st != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (st, 1, first_id);
          ok = sl_store_step_done (self, st, "Could not index the new profiles", error);
        }
    }
  if (ok && updated_before > 0)
    ok = step_cached (self, "DELETE FROM temp.bulk_fts_old", error);
  if (ok)
    ok = step_cached (self, "UPDATE store_state SET value = 1 WHERE key = 'fts_auto'", error);
  if (ok)
    {
      g_autofree char *details = g_strdup_printf ("{\"created\":%u,\"updated\":%u,\"failed\":%u}",
                                                  created, updated, failed);
      ok = sl_store_audit (self, "bulk_create", "profile", NULL, details, error);
    }

  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return NULL;
  if (!ok)
    return NULL;
  g_debug ("bulk: %u created, %u updated, %u failed", created, updated, failed);
  return g_steal_pointer (&results);
}

GPtrArray *
sl_store_bulk_create_profiles (SlStore                  *self,
                               const SlProfile * const  *profiles,
                               const char * const       *raw_texts,
                               guint                     n,
                               GError                  **error)
{
  return bulk_create (self, profiles, NULL, raw_texts, n, FALSE, error);
}

GPtrArray *
sl_store_bulk_create_profiles_audited (SlStore                  *self,
                                       const SlProfile * const  *profiles,
                                       const char * const       *raw_texts,
                                       guint                     n,
                                       GError                  **error)
{
  return bulk_create (self, profiles, NULL, raw_texts, n, TRUE, error);
}

GPtrArray *
sl_store_bulk_create_prepared (SlStore                  *self,
                               const SlProfile * const  *profiles,
                               SlProfileRow * const     *rows,
                               const char * const       *raw_texts,
                               guint                     n,
                               GError                  **error)
{
  return bulk_create (self, profiles, rows, raw_texts, n, TRUE, error);
}

/* Reading ---------------------------------------------------------------- */

void
sl_candidate_free (SlCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->uuid);
  g_free (c->name);
  g_free (c->email);
  g_free (c->phone);
  g_free (c->created_at);
  g_free (c->updated_at);
  g_free (c);
}

SlCandidate *
sl_candidate_copy (const SlCandidate *c)
{
  SlCandidate *n;

  g_return_val_if_fail (c != NULL, NULL);
  n = g_new0 (SlCandidate, 1);
  n->id = c->id;
  n->uuid = g_strdup (c->uuid);
  n->name = g_strdup (c->name);
  n->email = g_strdup (c->email);
  n->phone = g_strdup (c->phone);
  n->created_at = g_strdup (c->created_at);
  n->updated_at = g_strdup (c->updated_at);
  return n;
}

#define CANDIDATE_COLUMNS "id, uuid, name, email, phone, created_at, updated_at"

static SlCandidate *
read_candidate (SlStore  *self,
                SlStmt   *st,
                GError  **error)
{
  SlCandidate *c;

  if (!sl_store_step_row (self, st, "No such candidate", "a candidate", error))
    return NULL;
  c = g_new0 (SlCandidate, 1);
  c->id = sqlite3_column_int64 (st, 0);
  c->uuid = sl_stmt_dup_text (st, 1);
  c->name = sl_stmt_dup_text (st, 2);
  c->email = sl_stmt_dup_text (st, 3);
  c->phone = sl_stmt_dup_text (st, 4);
  c->created_at = sl_stmt_dup_text (st, 5);
  c->updated_at = sl_stmt_dup_text (st, 6);
  return c;
}

SlCandidate *
sl_store_get_candidate_by_email (SlStore     *self,
                                 const char  *email,
                                 GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  norm = sl_normalize_email (email);
  if (norm == NULL)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "That does not look like an e-mail address");
      return NULL;
    }
  st = sl_store_stmt (self, "SELECT " CANDIDATE_COLUMNS " FROM candidates WHERE email = ?", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, norm);
  return read_candidate (self, st, error);
}

SlCandidate *
sl_store_get_candidate (SlStore  *self,
                        gint64    candidate_id,
                        GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self, "SELECT " CANDIDATE_COLUMNS " FROM candidates WHERE id = ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, candidate_id);
  return read_candidate (self, st, error);
}

void
sl_stored_profile_free (SlStoredProfile *sp)
{
  if (sp == NULL)
    return;
  g_free (sp->uuid);
  g_free (sp->source);
  g_free (sp->raw_text);
  g_free (sp->device_id);
  g_free (sp->created_at);
  g_free (sp->updated_at);
  g_clear_pointer (&sp->profile, sl_profile_free);
  g_free (sp);
}

SlStoredProfile *
sl_stored_profile_copy (const SlStoredProfile *sp)
{
  SlStoredProfile *n;

  g_return_val_if_fail (sp != NULL, NULL);
  n = g_new0 (SlStoredProfile, 1);
  n->id = sp->id;
  n->uuid = g_strdup (sp->uuid);
  n->candidate_id = sp->candidate_id;
  n->revision = sp->revision;
  n->deleted = sp->deleted;
  n->source = g_strdup (sp->source);
  n->raw_text = g_strdup (sp->raw_text);
  n->device_id = g_strdup (sp->device_id);
  n->created_at = g_strdup (sp->created_at);
  n->updated_at = g_strdup (sp->updated_at);
  n->profile = sp->profile != NULL ? sl_profile_copy (sp->profile) : NULL;
  return n;
}

#define PROFILE_SELECT \
  "SELECT id, uuid, candidate_id, revision, deleted, source, raw_text, device_id," \
  " created_at, updated_at, json_object (" \
  "  'personal_info', json (personal_info), 'work_experience', json (work_experience)," \
  "  'education', json (education), 'skills', json (skills)," \
  "  'certifications', json (certifications), 'languages', json (languages)," \
  "  'projects', json (projects), 'achievements', json (achievements)," \
  "  'interests', json (interests), 'metadata', json (metadata), 'source', source)" \
  " FROM candidate_profiles "

static SlStoredProfile *
read_profile (SlStore  *self,
              SlStmt   *st,
              GError  **error)
{
  g_autoptr(SlStoredProfile) sp = NULL;
  const char *json;

  if (!sl_store_step_row (self, st, "No such profile", "a profile", error))
    return NULL;
  sp = g_new0 (SlStoredProfile, 1);
  sp->id = sqlite3_column_int64 (st, 0);
  sp->uuid = sl_stmt_dup_text (st, 1);
  sp->candidate_id = sqlite3_column_int64 (st, 2);
  sp->revision = sqlite3_column_int (st, 3);
  sp->deleted = sqlite3_column_int (st, 4) != 0;
  sp->source = sl_stmt_dup_text (st, 5);
  sp->raw_text = sl_stmt_dup_text (st, 6);
  sp->device_id = sl_stmt_dup_text (st, 7);
  sp->created_at = sl_stmt_dup_text (st, 8);
  sp->updated_at = sl_stmt_dup_text (st, 9);
  json = (const char *) sqlite3_column_text (st, 10);
  sp->profile = sl_profile_from_json (json != NULL ? json : "{}", -1, error);
  if (sp->profile == NULL)
    {
      g_prefix_error (error, "Profile %" G_GINT64_FORMAT " is damaged: ", sp->id);
      return NULL;
    }
  return g_steal_pointer (&sp);
}

SlStoredProfile *
sl_store_get_profile (SlStore  *self,
                      gint64    profile_id,
                      GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self, PROFILE_SELECT "WHERE id = ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, profile_id);
  return read_profile (self, st, error);
}

SlStoredProfile *
sl_store_get_profile_by_uuid (SlStore     *self,
                              const char  *uuid,
                              GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  st = sl_store_stmt (self, PROFILE_SELECT "WHERE uuid = ?", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, uuid);
  return read_profile (self, st, error);
}

SlStoredProfile *
sl_store_get_profile_by_email (SlStore     *self,
                               const char  *email,
                               GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  norm = sl_normalize_email (email);
  if (norm == NULL)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "That does not look like an e-mail address");
      return NULL;
    }
  st = sl_store_stmt (self,
                      PROFILE_SELECT "WHERE candidate_id = (SELECT id FROM candidates WHERE email = ?)"
                      " ORDER BY deleted, id DESC LIMIT 1", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, norm);
  return read_profile (self, st, error);
}

void
sl_profile_version_free (SlProfileVersion *v)
{
  if (v == NULL)
    return;
  g_free (v->profile_json);
  g_free (v->reason);
  g_free (v->changed_at);
  g_free (v);
}

static gpointer
read_version (SlStmt *st)
{
  SlProfileVersion *v = g_new0 (SlProfileVersion, 1);

  v->id = sqlite3_column_int64 (st, 0);
  v->profile_id = sqlite3_column_int64 (st, 1);
  v->revision = sqlite3_column_int (st, 2);
  v->profile_json = sl_stmt_dup_text (st, 3);
  v->reason = sl_stmt_dup_text (st, 4);
  v->changed_at = sl_stmt_dup_text (st, 5);
  return v;
}

GPtrArray *
sl_store_get_profile_history (SlStore  *self,
                              gint64    profile_id,
                              GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self,
                      "SELECT id, profile_id, revision, profile_json, reason, changed_at"
                      " FROM profile_history WHERE profile_id = ? ORDER BY revision DESC, id DESC",
                      error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, profile_id);
  return sl_store_read_rows (self, st, read_version, (GDestroyNotify) sl_profile_version_free,
                             "the history", error);
}

gint64
sl_store_count_live_profiles (SlStore *self)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), -1);

  st = sl_store_stmt (self, "SELECT count(*) FROM candidate_profiles WHERE deleted = 0", NULL);
  if (st == NULL || sqlite3_step (st) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (st, 0);
}

/* For sl-store-sync.c (declared in sl-store-private.h): binds the ten
 * section columns of @profile to 1..10 and the denormalised columns (name,
 * email, location, current_title, current_company, experience_months,
 * skills_text, titles_text, companies_text, schools_text) from @first. */
void
sl_store_bind_profile_columns (SlStmt          *st,
                               int              first,
                               const SlProfile *profile)
{
  g_auto(SlProfileRow) row = { { 0 } };

  profile_row_fill (&row, profile);
  bind_sections (st, &row);
  bind_denormalised (st, first, &row);
}
