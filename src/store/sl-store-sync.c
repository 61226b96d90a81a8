/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-sync.c: the local half of team sync (see sl-store-sync.h): the
 * outbox the triggers fill, server bases, applying pushed acknowledgements
 * and pulled rows without queuing them again, erase with a tombstone.
 */
#include "config.h"

#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-store-private.h"
#include "sl-store-sync.h"
#include "sl-store-sync-private.h"

/* Small values ------------------------------------------------------------ */

void
sl_sync_row_free (SlSyncRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->candidate_uuid);
  g_free (row->candidate_name);
  g_free (row->candidate_email);
  g_free (row->candidate_phone);
  for (guint i = 0; i < SL_SYNC_N_SECTIONS; i++)
    g_free (row->sections[i]);
  g_free (row->source);
  g_free (row->raw_text);
  g_free (row->device_id);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row);
}

void
sl_sync_conflict_free (SlSyncConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->profile_uuid);
  g_free (c->loser_device);
  g_free (c->loser_updated_at);
  g_free (c->loser_json);
  g_free (c);
}

void
sl_sync_intake_row_free (SlSyncIntakeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->path);
  g_free (row->original_name);
  g_free (row->sha256);
  g_free (row->mime);
  g_free (row->source);
  g_free (row->status);
  g_free (row->error);
  g_free (row->profile_uuid);
  g_free (row->metadata);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row);
}

void
sl_push_ack_free (SlPushAck *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->uuid);
  g_free (ack->merged_into);
  g_clear_pointer (&ack->winner, sl_sync_row_free);
  g_free (ack);
}

void
sl_store_sync_status_free (SlStoreSyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->last_sync_at);
  g_free (status->last_attempt_at);
  g_free (status->last_error);
  g_free (status);
}

/* sync_meta --------------------------------------------------------------- */

static char *
meta_get (SlStore    *self,
          const char *key)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT value FROM sync_meta WHERE key = ?", NULL);

  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, key);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return sl_stmt_dup_text (st, 0);
}

static gboolean
meta_set (SlStore    *self,
          const char *key,
          const char *value,
          GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)",
                                        error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, key);
  sl_stmt_bind_text (st, 2, value);
  return sl_store_step_done (self, st, "Could not save the sync state", error);
}

static gboolean
set_capture (SlStore  *self,
             gboolean  on,
             GError  **error)
{
  return sl_store_exec (self,
                        on ? "UPDATE sync_meta SET value = 1 WHERE key = 'capture'"
                           : "UPDATE sync_meta SET value = 0 WHERE key = 'capture'",
                        error);
}

char *
sl_store_get_device_id (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return meta_get (self, "device_id");
}

static gint64
count_query (SlStore    *self,
             const char *sql)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, NULL);

  if (st == NULL || sqlite3_step (st) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (st, 0);
}

gint64
sl_store_sync_pending_count (SlStore *self)
{
  g_return_val_if_fail (SL_IS_STORE (self), -1);
  return count_query (self, "SELECT (SELECT count(*) FROM sync_outbox) +"
                            " (SELECT count(*) FROM sync_intake_outbox)");
}

gint64
sl_store_sync_get_last_seq (SlStore *self)
{
  g_autofree char *v = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), 0);
  v = meta_get (self, "last_seq");
  return v != NULL ? g_ascii_strtoll (v, NULL, 10) : 0;
}

SlStoreSyncStatus *
sl_store_sync_get_status (SlStore  *self,
                          GError  **error)
{
  g_autoptr(SlStoreSyncStatus) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = g_new0 (SlStoreSyncStatus, 1);
  st->pending = sl_store_sync_pending_count (self);
  if (st->pending < 0)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_FAILED,
                   "Could not read the sync outbox: %s", sqlite3_errmsg (sl_store_get_db (self)));
      return NULL;
    }
  st->last_sync_at = meta_get (self, "last_sync_at");
  st->last_attempt_at = meta_get (self, "last_attempt_at");
  st->last_error = meta_get (self, "last_error");
  st->last_seq = sl_store_sync_get_last_seq (self);
  st->conflicts = count_query (self, "SELECT count(*) FROM profile_history WHERE reason = 'sync-conflict'");
  return g_steal_pointer (&st);
}

gboolean
sl_store_sync_record_attempt (SlStore     *self,
                              const char  *error_message,
                              const char  *audit_details,
                              GError     **error)
{
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = meta_set (self, "last_attempt_at", now, error) &&
       meta_set (self, "last_error", error_message, error) &&
       (error_message != NULL || meta_set (self, "last_sync_at", now, error)) &&
       sl_store_audit (self, "sync", "server", NULL, audit_details, error);
  return sl_store_tx_end (self, ok, ok ? error : NULL) && ok;
}

/* Erase -------------------------------------------------------------------- */

/* Deletes one profile by id and its candidate when nothing else is left;
 * the triggers queue the tombstone when capture is on. */
static gboolean
delete_profile_row (SlStore  *self,
                    gint64    profile_id,
                    GError  **error)
{
  gint64 candidate_id = 0;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT candidate_id FROM candidate_profiles WHERE id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, profile_id);
    if (sqlite3_step (st) == SQLITE_ROW)
      candidate_id = sqlite3_column_int64 (st, 0);
  }
  if (candidate_id == 0)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "There is no profile %" G_GINT64_FORMAT, profile_id);
      return FALSE;
    }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "DELETE FROM candidate_profiles WHERE id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, profile_id);
    if (!sl_store_step_done (self, st, "Could not erase the profile", error))
      return FALSE;
  }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self,
                                          "DELETE FROM candidates WHERE id = ?1 AND NOT EXISTS"
                                          " (SELECT 1 FROM candidate_profiles WHERE candidate_id = ?1)",
                                          error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    if (!sl_store_step_done (self, st, "Could not erase the candidate", error))
      return FALSE;
  }
  return TRUE;
}

gboolean
sl_store_erase_profile (SlStore  *self,
                        gint64    profile_id,
                        GError  **error)
{
  g_autofree char *uuid = NULL;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id > 0, FALSE);

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT uuid FROM candidate_profiles WHERE id = ?", NULL);
    if (st != NULL)
      {
        sqlite3_bind_int64 (st, 1, profile_id);
        if (sqlite3_step (st) == SQLITE_ROW)
          uuid = sl_stmt_dup_text (st, 0);
      }
  }
  ok = delete_profile_row (self, profile_id, error) &&
       sl_store_audit (self, "erase", "profile", uuid, NULL, error);
  return sl_store_tx_end (self, ok, ok ? error : NULL) && ok;
}

/* Reading the outbox -------------------------------------------------------- */

#define SYNC_SECTION_COLUMNS \
  "personal_info, work_experience, education, skills, certifications," \
  " languages, projects, achievements, interests, metadata"

GPtrArray *
sl_store_sync_read_outbox (SlStore  *self,
                           gint64    after_id,
                           guint     limit,
                           GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *me = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  me = sl_store_get_device_id (self);
  st = sl_store_stmt (self,
                      "SELECT o.id, o.op, o.uuid, coalesce (b.seq, 0), p.id,"
                      " c.uuid, c.name, c.email, c.phone,"
                      " p.personal_info, p.work_experience, p.education, p.skills, p.certifications,"
                      " p.languages, p.projects, p.achievements, p.interests, p.metadata,"
                      " p.source, p.raw_text, p.revision, p.deleted, p.device_id, p.created_at, p.updated_at"
                      " FROM sync_outbox o"
                      " LEFT JOIN candidate_profiles p ON p.uuid = o.uuid"
                      " LEFT JOIN candidates c ON c.id = p.candidate_id"
                      " LEFT JOIN sync_base b ON b.uuid = o.uuid"
                      " WHERE o.id > ? ORDER BY o.id LIMIT ?",
                      error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, after_id);
  sqlite3_bind_int64 (st, 2, limit);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_sync_row_free);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      SlSyncRow *r = g_new0 (SlSyncRow, 1);
      const char *op = (const char *) sqlite3_column_text (st, 1);

      r->outbox_id = sqlite3_column_int64 (st, 0);
      r->uuid = sl_stmt_dup_text (st, 2);
      r->seq = sqlite3_column_int64 (st, 3);
      /* An upsert whose profile is gone (deleted while sync was off) is
       * sent as an erase: the profile does not exist here any more. */
      r->erase = g_strcmp0 (op, "erase") == 0 || sqlite3_column_type (st, 4) == SQLITE_NULL;
      if (r->erase)
        {
          r->device_id = g_strdup (me);
          g_ptr_array_add (out, r);
          continue;
        }
      r->candidate_uuid = sl_stmt_dup_text (st, 5);
      r->candidate_name = sl_stmt_dup_text (st, 6);
      r->candidate_email = sl_stmt_dup_text (st, 7);
      r->candidate_phone = sl_stmt_dup_text (st, 8);
      for (guint i = 0; i < SL_SYNC_N_SECTIONS; i++)
        r->sections[i] = sl_stmt_dup_text (st, 9 + i);
      r->source = sl_stmt_dup_text (st, 19);
      r->raw_text = sl_stmt_dup_text (st, 20);
      r->revision = sqlite3_column_int (st, 21);
      r->deleted = sqlite3_column_int (st, 22) != 0;
      r->device_id = sl_stmt_dup_text (st, 23);
      if (r->device_id == NULL)
        r->device_id = g_strdup (me);
      r->created_at = sl_stmt_dup_text (st, 24);
      r->updated_at = sl_stmt_dup_text (st, 25);
      g_ptr_array_add (out, r);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the sync outbox", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Applying server rows ------------------------------------------------------ */

/* Timestamps compared as instants, whatever their spelling. */
static gboolean
same_instant (const char *a,
              const char *b)
{
  g_autoptr(GDateTime) da = NULL;
  g_autoptr(GDateTime) db = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_str_equal (a, b))
    return TRUE;
  da = g_date_time_new_from_iso8601 (a, NULL);
  db = g_date_time_new_from_iso8601 (b, NULL);
  if (da == NULL || db == NULL)
    return FALSE;
  return g_date_time_to_unix (da) == g_date_time_to_unix (db) &&
         g_date_time_get_microsecond (da) == g_date_time_get_microsecond (db);
}

typedef struct
{
  gint64  id;
  int     revision;
  char   *device_id;
  char   *updated_at;
  gint64  candidate_id;
} LocalVersion;

static void
local_version_clear (LocalVersion *v)
{
  g_free (v->device_id);
  g_free (v->updated_at);
  memset (v, 0, sizeof *v);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LocalVersion, local_version_clear)

/* Returns FALSE on error; v->id == 0 when there is no such profile. */
static gboolean
local_version (SlStore      *self,
               const char   *uuid,
               LocalVersion *v,
               GError      **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "SELECT id, revision, device_id, updated_at, candidate_id"
                                        " FROM candidate_profiles WHERE uuid = ?",
                                        error);
  int rc;

  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, uuid);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    {
      v->id = sqlite3_column_int64 (st, 0);
      v->revision = sqlite3_column_int (st, 1);
      v->device_id = sl_stmt_dup_text (st, 2);
      v->updated_at = sl_stmt_dup_text (st, 3);
      v->candidate_id = sqlite3_column_int64 (st, 4);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  return sl_store_set_sqlite_error (self, rc, "Could not read a profile", error);
}

static gboolean
has_pending (SlStore    *self,
             const char *uuid,
             gint64      except_outbox_id)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT 1 FROM sync_outbox WHERE uuid = ? AND id <> ?", NULL);

  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, uuid);
  sqlite3_bind_int64 (st, 2, except_outbox_id);
  return sqlite3_step (st) == SQLITE_ROW;
}

static gboolean
set_base (SlStore    *self,
          const char *uuid,
          gint64      seq,
          GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "INSERT OR REPLACE INTO sync_base (uuid, seq) VALUES (?, ?)", error);

  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, uuid);
  sqlite3_bind_int64 (st, 2, seq);
  return sl_store_step_done (self, st, "Could not record the sync state", error);
}

static gboolean
mark_seen (SlStore    *self,
           gint64      conflict_id,
           const char *uuid,
           GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT OR IGNORE INTO sync_conflicts_seen (id, profile_uuid, seen_at)"
                                        " VALUES (?, ?, " SL_SYNC_NOW ")",
                                        error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, conflict_id);
  sl_stmt_bind_text (st, 2, uuid);
  return sl_store_step_done (self, st, "Could not record a conflict", error);
}

static gboolean
conflict_seen (SlStore *self,
               gint64   conflict_id)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT 1 FROM sync_conflicts_seen WHERE id = ?", NULL);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, conflict_id);
  return sqlite3_step (st) == SQLITE_ROW;
}

/* The current version of profile @from_id into the history of profile
 * @to_id (the same one, or the one it is merged into). */
static gboolean
keep_version_as (SlStore    *self,
                 gint64      from_id,
                 gint64      to_id,
                 const char *reason,
                 GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT INTO profile_history (profile_id, revision, profile_json, reason, changed_at)"
                                        " SELECT ?3, revision, json_object ("
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
                                        "  'source', source), ?1, " SL_SYNC_NOW
                                        " FROM candidate_profiles WHERE id = ?2",
                                        error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, reason);
  sqlite3_bind_int64 (st, 2, from_id);
  sqlite3_bind_int64 (st, 3, to_id);
  return sl_store_step_done (self, st, "Could not keep the previous version", error);
}

static gboolean
keep_current_version (SlStore    *self,
                      gint64      profile_id,
                      const char *reason,
                      GError    **error)
{
  return keep_version_as (self, profile_id, profile_id, reason, error);
}

static gboolean
insert_history_json (SlStore    *self,
                     gint64      profile_id,
                     int         revision,
                     const char *json,
                     const char *reason,
                     GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "INSERT INTO profile_history (profile_id, revision, profile_json, reason, changed_at)"
                                        " VALUES (?, ?, json (?), ?, " SL_SYNC_NOW ")",
                                        error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, profile_id);
  sqlite3_bind_int (st, 2, revision);
  sl_stmt_bind_text (st, 3, json);
  sl_stmt_bind_text (st, 4, reason);
  return sl_store_step_done (self, st, "Could not keep the losing version", error);
}

static const char *
section_or (const char *json,
            guint       i)
{
  if (json != NULL)
    return json;
  return i == 0 || i == SL_SYNC_N_SECTIONS - 1 ? "{}" : "[]";
}

/* The model of a pulled row (for the denormalised columns and canonical
 * section JSON). */
static SlProfile *
row_to_profile (const SlSyncRow  *row,
                GError          **error)
{
  const char * const *names = sl_profile_section_names ();
  g_autoptr(GString) json = g_string_new ("{");
  SlProfile *profile;

  for (guint i = 0; i < SL_SYNC_N_SECTIONS; i++)
    g_string_append_printf (json, "%s\"%s\":%s", i > 0 ? "," : "", names[i],
                            section_or (row->sections[i], i));
  g_string_append_c (json, '}');
  profile = sl_profile_from_json (json->str, json->len, error);
  if (profile == NULL)
    {
      g_prefix_error (error, "The server sent a damaged profile: ");
      return NULL;
    }
  g_free (profile->source);
  profile->source = g_strdup (row->source);
  return profile;
}

/* The local candidate for a pulled row: by e-mail, else by uuid, else new. */
static gint64
candidate_for_row (SlStore          *self,
                   const SlSyncRow  *row,
                   GError          **error)
{
  if (row->candidate_email != NULL)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT id FROM candidates WHERE email = ?", error);
      if (st == NULL)
        return 0;
      sl_stmt_bind_text (st, 1, row->candidate_email);
      if (sqlite3_step (st) == SQLITE_ROW)
        return sqlite3_column_int64 (st, 0);
    }
  if (row->candidate_uuid != NULL)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT id FROM candidates WHERE uuid = ?", error);
      if (st == NULL)
        return 0;
      sl_stmt_bind_text (st, 1, row->candidate_uuid);
      if (sqlite3_step (st) == SQLITE_ROW)
        return sqlite3_column_int64 (st, 0);
    }
  {
    g_autofree char *uuid = row->candidate_uuid != NULL ? g_strdup (row->candidate_uuid)
                                                        : g_uuid_string_random ();
    g_autofree char *now = sl_now_iso8601 ();
    return sl_store_insert_candidate (self, uuid, row->candidate_name, row->candidate_email,
                                      row->candidate_phone, now, error);
  }
}

/* Writes @row over the local profile @local (or inserts it when
 * local->id == 0).  The previous version goes to history with @reason. */
static gboolean
write_remote_row (SlStore            *self,
                  const SlSyncRow    *row,
                  const LocalVersion *local,
                  const char         *reason,
                  GError            **error)
{
  g_autoptr(SlProfile) profile = row_to_profile (row, error);

  if (profile == NULL)
    return FALSE;

  if (local->id > 0)
    {
      g_autoptr(SlStmt) st = NULL;

      if (!keep_current_version (self, local->id, reason, error))
        return FALSE;
      st = sl_store_stmt (self,
                          "UPDATE candidate_profiles SET"
                          " personal_info = ?1, work_experience = ?2, education = ?3,"
                          " skills = ?4, certifications = ?5, languages = ?6, projects = ?7,"
                          " achievements = ?8, interests = ?9, metadata = ?10,"
                          " name = ?11, email = ?12, location = ?13, current_title = ?14,"
                          " current_company = ?15, experience_months = ?16, skills_text = ?17,"
                          " titles_text = ?18, companies_text = ?19, schools_text = ?20,"
                          " source = ?21, raw_text = ?22, revision = ?23, deleted = ?24,"
                          " device_id = ?25, updated_at = ?26"
                          " WHERE id = ?27",
                          error);
      if (st == NULL)
        return FALSE;
      sl_store_bind_profile_columns (st, 11, profile);
      sl_stmt_bind_text (st, 21, row->source);
      sl_stmt_bind_text (st, 22, row->raw_text);
      sqlite3_bind_int (st, 23, row->revision);
      sqlite3_bind_int (st, 24, row->deleted ? 1 : 0);
      sl_stmt_bind_text (st, 25, row->device_id);
      sl_stmt_bind_text (st, 26, row->updated_at);
      sqlite3_bind_int64 (st, 27, local->id);
      if (!sl_store_step_done (self, st, "Could not apply a pulled profile", error))
        return FALSE;

      /* The candidate follows, unless its new e-mail is someone else's. */
      {
        g_autoptr(SlStmt) cst = sl_store_stmt (self,
                                               "UPDATE candidates SET"
                                               " name = coalesce (?1, name),"
                                               " phone = coalesce (?2, phone),"
                                               " email = CASE WHEN ?3 IS NOT NULL AND NOT EXISTS"
                                               "   (SELECT 1 FROM candidates c2 WHERE c2.email = ?3 AND c2.id <> candidates.id)"
                                               "   THEN ?3 ELSE email END"
                                               " WHERE id = ?4",
                                               error);
        if (cst == NULL)
          return FALSE;
        sl_stmt_bind_text (cst, 1, row->candidate_name);
        sl_stmt_bind_text (cst, 2, row->candidate_phone);
        sl_stmt_bind_text (cst, 3, row->candidate_email);
        sqlite3_bind_int64 (cst, 4, local->candidate_id);
        if (!sl_store_step_done (self, cst, "Could not update a candidate", error))
          return FALSE;
      }
      return TRUE;
    }

  {
    gint64 candidate_id = candidate_for_row (self, row, error);
    g_autoptr(SlStmt) st = NULL;

    if (candidate_id == 0)
      return FALSE;
    st = sl_store_stmt (self,
                        "INSERT INTO candidate_profiles ("
                        " personal_info, work_experience, education, skills, certifications,"
                        " languages, projects, achievements, interests, metadata,"
                        " name, email, location, current_title, current_company,"
                        " experience_months, skills_text, titles_text, companies_text, schools_text,"
                        " source, raw_text, revision, deleted, device_id, updated_at,"
                        " uuid, candidate_id, created_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                        " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
                        error);
    if (st == NULL)
      return FALSE;
    sl_store_bind_profile_columns (st, 11, profile);
    sl_stmt_bind_text (st, 21, row->source);
    sl_stmt_bind_text (st, 22, row->raw_text);
    sqlite3_bind_int (st, 23, row->revision);
    sqlite3_bind_int (st, 24, row->deleted ? 1 : 0);
    sl_stmt_bind_text (st, 25, row->device_id);
    sl_stmt_bind_text (st, 26, row->updated_at);
    sl_stmt_bind_text (st, 27, row->uuid);
    sqlite3_bind_int64 (st, 28, candidate_id);
    sl_stmt_bind_text (st, 29, row->created_at != NULL ? row->created_at : row->updated_at);
    return sl_store_step_done (self, st, "Could not store a pulled profile", error);
  }
}

/* Deletes the local profile @uuid (an erase that came from elsewhere):
 * no tombstone is queued (capture is off), a pending local change is
 * dropped with it (the erase wins). */
static gboolean
erase_local (SlStore    *self,
             const char *uuid,
             gboolean   *erased,
             GError    **error)
{
  g_auto(LocalVersion) local = { 0 };

  *erased = FALSE;
  if (!local_version (self, uuid, &local, error))
    return FALSE;
  if (local.id > 0)
    {
      if (!delete_profile_row (self, local.id, error))
        return FALSE;
      *erased = TRUE;
    }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "DELETE FROM sync_outbox WHERE uuid = ?", error);
    if (st == NULL)
      return FALSE;
    sl_stmt_bind_text (st, 1, uuid);
    if (!sl_store_step_done (self, st, "Could not update the outbox", error))
      return FALSE;
  }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self, "DELETE FROM sync_base WHERE uuid = ?", error);
    if (st == NULL)
      return FALSE;
    sl_stmt_bind_text (st, 1, uuid);
    return sl_store_step_done (self, st, "Could not update the sync state", error);
  }
}

static gboolean
delete_outbox_row (SlStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "DELETE FROM sync_outbox WHERE id = ?", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  return sl_store_step_done (self, st, "Could not update the outbox", error);
}

static gboolean
same_version (const LocalVersion *local,
              const char         *device_id,
              int                 revision,
              const char         *updated_at)
{
  return local->id > 0 &&
         local->revision == revision &&
         g_strcmp0 (local->device_id, device_id) == 0 &&
         same_instant (local->updated_at, updated_at);
}

/* SL_PUSH_MERGED: our profile @ack->uuid became the server's
 * @ack->merged_into (see sl-store-sync.h). */
static gboolean
apply_merge (SlStore          *self,
             const SlPushAck  *ack,
             guint            *conflicts,
             GError          **error)
{
  g_auto(LocalVersion) ours = { 0 };
  g_auto(LocalVersion) survivor = { 0 };
  gboolean erased;

  if (!local_version (self, ack->uuid, &ours, error) ||
      !local_version (self, ack->merged_into, &survivor, error))
    return FALSE;
  if (!same_version (&survivor, ack->winner->device_id, ack->winner->revision, ack->winner->updated_at))
    {
      if (!write_remote_row (self, ack->winner, &survivor, "sync", error))
        return FALSE;
      local_version_clear (&survivor);
      if (!local_version (self, ack->merged_into, &survivor, error))
        return FALSE;
    }
  if (ours.id > 0)
    {
      /* Our version lost: it stays, in the survivor's history. */
      if (ack->conflict_id > 0)
        {
          if (!keep_version_as (self, ours.id, survivor.id, "sync-conflict", error) ||
              !mark_seen (self, ack->conflict_id, ack->merged_into, error))
            return FALSE;
          (*conflicts)++;
        }
      /* Its history and its intake records move to the survivor. */
      {
        g_autoptr(SlStmt) st = sl_store_stmt (self,
                                              "UPDATE profile_history SET profile_id = ?1 WHERE profile_id = ?2",
                                              error);
        if (st == NULL)
          return FALSE;
        sqlite3_bind_int64 (st, 1, survivor.id);
        sqlite3_bind_int64 (st, 2, ours.id);
        if (!sl_store_step_done (self, st, "Could not move the profile history", error))
          return FALSE;
      }
      {
        g_autoptr(SlStmt) st = sl_store_stmt (self,
                                              "UPDATE file_intake_queue SET profile_id = ?1 WHERE profile_id = ?2",
                                              error);
        if (st == NULL)
          return FALSE;
        sqlite3_bind_int64 (st, 1, survivor.id);
        sqlite3_bind_int64 (st, 2, ours.id);
        if (!sl_store_step_done (self, st, "Could not move intake records", error))
          return FALSE;
      }
    }
  return erase_local (self, ack->uuid, &erased, error) &&
         set_base (self, ack->merged_into, ack->seq, error);
}

gboolean
sl_store_sync_finish_push (SlStore    *self,
                           GPtrArray  *acks,
                           guint      *conflicts_out,
                           GError    **error)
{
  guint conflicts = 0;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (acks != NULL, FALSE);

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = set_capture (self, FALSE, error);

  for (guint i = 0; i < acks->len && ok; i++)
    {
      SlPushAck *ack = g_ptr_array_index (acks, i);
      /* A newer local change queued while this batch was in flight. */
      gboolean newer = has_pending (self, ack->uuid, ack->outbox_id);

      ok = delete_outbox_row (self, ack->outbox_id, error);
      if (!ok)
        break;
      switch (ack->outcome)
        {
        case SL_PUSH_ACCEPTED:
          if (ack->seq > 0)
            ok = set_base (self, ack->uuid, ack->seq, error);
          else
            {
              /* an erase: nothing to base anything on any more */
              g_autoptr(SlStmt) st = sl_store_stmt (self, "DELETE FROM sync_base WHERE uuid = ?", error);
              ok = st != NULL;
              if (ok)
                {
                  sl_stmt_bind_text (st, 1, ack->uuid);
                  ok = sl_store_step_done (self, st, "Could not update the sync state", error);
                }
            }
          break;

        case SL_PUSH_LOST:
          if (newer || ack->winner == NULL)
            break;   /* the next push meets the winner again; the pull keeps the loser */
          {
            g_auto(LocalVersion) local = { 0 };
            ok = local_version (self, ack->uuid, &local, error) &&
                 write_remote_row (self, ack->winner, &local, "sync-conflict", error) &&
                 set_base (self, ack->uuid, ack->seq, error) &&
                 mark_seen (self, ack->conflict_id, ack->uuid, error);
            if (ok)
              conflicts++;
          }
          break;

        case SL_PUSH_ERASED:
          {
            gboolean erased;
            ok = erase_local (self, ack->uuid, &erased, error);
          }
          break;

        case SL_PUSH_MERGED:
          /* A newer local change goes out next time and meets the
           * survivor again. */
          if (!newer && ack->winner != NULL)
            ok = apply_merge (self, ack, &conflicts, error);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (ok)
    ok = set_capture (self, TRUE, error);
  if (!sl_store_tx_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;
  if (conflicts_out != NULL)
    *conflicts_out += conflicts;
  return TRUE;
}

gboolean
sl_store_sync_apply_pulled (SlStore    *self,
                            GPtrArray  *rows,
                            GPtrArray  *erased_uuids,
                            GPtrArray  *conflicts,
                            gint64      last_seq,
                            guint      *applied_out,
                            guint      *erased_out,
                            guint      *conflicts_out,
                            GError    **error)
{
  g_autoptr(GHashTable) open_conflicts = NULL;   /* uuid -> SlSyncConflict (borrowed) */
  g_autoptr(GHashTable) handled = NULL;          /* SlSyncConflict set */
  guint applied = 0, erased = 0, nconflicts = 0;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = set_capture (self, FALSE, error);

  open_conflicts = g_hash_table_new (g_str_hash, g_str_equal);
  handled = g_hash_table_new (NULL, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      SlSyncConflict *c = g_ptr_array_index (conflicts, i);
      if (conflict_seen (self, c->id))
        g_hash_table_add (handled, c);
      else
        g_hash_table_insert (open_conflicts, c->profile_uuid, c);
    }

  for (guint i = 0; rows != NULL && i < rows->len && ok; i++)
    {
      SlSyncRow *row = g_ptr_array_index (rows, i);
      g_auto(LocalVersion) local = { 0 };
      SlSyncConflict *c;
      const char *reason = "sync";

      /* A local change waits for the next push, where the server settles
       * the conflict with both versions in hand. */
      if (has_pending (self, row->uuid, 0))
        continue;
      ok = local_version (self, row->uuid, &local, error);
      if (!ok)
        break;
      if (same_version (&local, row->device_id, row->revision, row->updated_at))
        {
          ok = set_base (self, row->uuid, row->seq, error);
          continue;
        }
      c = g_hash_table_lookup (open_conflicts, row->uuid);
      if (c != NULL && !g_hash_table_contains (handled, c) &&
          same_version (&local, c->loser_device, c->loser_revision, c->loser_updated_at))
        {
          /* Our current version lost on the server: it is the loser. */
          reason = "sync-conflict";
          g_hash_table_add (handled, c);
          ok = mark_seen (self, c->id, c->profile_uuid, error);
          nconflicts++;
        }
      ok = ok &&
           write_remote_row (self, row, &local, reason, error) &&
           set_base (self, row->uuid, row->seq, error);
      applied++;
    }

  for (guint i = 0; erased_uuids != NULL && i < erased_uuids->len && ok; i++)
    {
      gboolean gone = FALSE;
      ok = erase_local (self, g_ptr_array_index (erased_uuids, i), &gone, error);
      if (gone)
        erased++;
    }

  /* Conflicts whose loser is not our current version: keep the loser's
   * data in the history of our copy (the winner is already here).  Only
   * with the last page (@last_seq set), when every row has been seen. */
  for (guint i = 0; last_seq >= 0 && conflicts != NULL && i < conflicts->len && ok; i++)
    {
      SlSyncConflict *c = g_ptr_array_index (conflicts, i);
      g_auto(LocalVersion) local = { 0 };

      if (g_hash_table_contains (handled, c))
        continue;
      ok = local_version (self, c->profile_uuid, &local, error);
      if (ok && local.id > 0)
        {
          ok = insert_history_json (self, local.id, c->loser_revision, c->loser_json,
                                    "sync-conflict", error);
          nconflicts++;
        }
      ok = ok && mark_seen (self, c->id, c->profile_uuid, error);
      g_hash_table_add (handled, c);
    }

  if (ok && last_seq >= 0)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, last_seq);
      ok = meta_set (self, "last_seq", v, error);
    }
  if (ok)
    ok = set_capture (self, TRUE, error);
  if (!sl_store_tx_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  if (applied_out != NULL)
    *applied_out += applied;
  if (erased_out != NULL)
    *erased_out += erased;
  if (conflicts_out != NULL)
    *conflicts_out += nconflicts;
  return TRUE;
}

/* Intake records ------------------------------------------------------------ */

GPtrArray *
sl_store_sync_read_intake_outbox (SlStore  *self,
                                  guint     limit,
                                  GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self,
                      "SELECT o.id, o.op, o.uuid, q.qid, q.path, q.original_name, q.sha256, q.size,"
                      " q.mime, q.source, q.status, q.error, p.uuid, q.metadata, q.created_at, q.updated_at"
                      " FROM sync_intake_outbox o"
                      " LEFT JOIN file_intake_queue q ON q.uuid = o.uuid"
                      " LEFT JOIN candidate_profiles p ON p.id = q.profile_id"
                      " ORDER BY o.id LIMIT ?",
                      error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, limit);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_sync_intake_row_free);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      SlSyncIntakeRow *r = g_new0 (SlSyncIntakeRow, 1);

      r->outbox_id = sqlite3_column_int64 (st, 0);
      r->uuid = sl_stmt_dup_text (st, 2);
      /* queued as a change, but gone since: an erase */
      r->erase = g_strcmp0 ((const char *) sqlite3_column_text (st, 1), "erase") == 0 ||
                 sqlite3_column_type (st, 3) == SQLITE_NULL;
      g_ptr_array_add (out, r);
      if (r->erase)
        continue;
      r->path = sl_stmt_dup_text (st, 4);
      r->original_name = sl_stmt_dup_text (st, 5);
      r->sha256 = sl_stmt_dup_text (st, 6);
      r->size = sqlite3_column_int64 (st, 7);
      r->mime = sl_stmt_dup_text (st, 8);
      r->source = sl_stmt_dup_text (st, 9);
      r->status = sl_stmt_dup_text (st, 10);
      r->error = sl_stmt_dup_text (st, 11);
      r->profile_uuid = sl_stmt_dup_text (st, 12);
      r->metadata = sl_stmt_dup_text (st, 13);
      r->created_at = sl_stmt_dup_text (st, 14);
      r->updated_at = sl_stmt_dup_text (st, 15);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the intake sync outbox", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
sl_store_sync_finish_intake (SlStore    *self,
                             GPtrArray  *rows,
                             GError    **error)
{
  g_autoptr(SlStmt) st = NULL;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  st = sl_store_stmt (self, "DELETE FROM sync_intake_outbox WHERE id = ?", error);
  ok = st != NULL;
  for (guint i = 0; i < rows->len && ok; i++)
    {
      sqlite3_bind_int64 (st, 1, ((SlSyncIntakeRow *) g_ptr_array_index (rows, i))->outbox_id);
      ok = sl_store_step_done (self, st, "Could not update the intake sync outbox", error);
      sqlite3_reset (st);
    }
  g_clear_pointer (&st, sl_stmt_release);
  return sl_store_tx_end (self, ok, ok ? error : NULL) && ok;
}
