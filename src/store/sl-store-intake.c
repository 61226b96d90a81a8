/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-intake.c: the intake repository on file_intake_queue.  Every
 * change is one UPDATE; JSON members of metadata are edited in SQL with
 * json_set / json_insert, so two writers never lose each other's changes.
 */
#include "config.h"

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-store-intake.h"
#include "sl-store-private.h"

SlIntakeRecord *
sl_intake_record_new (void)
{
  return g_new0 (SlIntakeRecord, 1);
}

void
sl_intake_record_free (SlIntakeRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->path);
  g_free (r->original_name);
  g_free (r->sha256);
  g_free (r->mime);
  g_free (r->source);
  g_free (r->status);
  g_free (r->error);
  g_free (r->archive_path);
  g_free (r->archived_at);
  g_free (r->metadata);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r);
}

SlIntakeRecord *
sl_intake_record_copy (const SlIntakeRecord *r)
{
  SlIntakeRecord *n;

  g_return_val_if_fail (r != NULL, NULL);
  n = sl_intake_record_new ();
  n->qid = r->qid;
  n->uuid = g_strdup (r->uuid);
  n->path = g_strdup (r->path);
  n->original_name = g_strdup (r->original_name);
  n->sha256 = g_strdup (r->sha256);
  n->size = r->size;
  n->mime = g_strdup (r->mime);
  n->source = g_strdup (r->source);
  n->status = g_strdup (r->status);
  n->error = g_strdup (r->error);
  n->profile_id = r->profile_id;
  n->archive_path = g_strdup (r->archive_path);
  n->archived_at = g_strdup (r->archived_at);
  n->metadata = g_strdup (r->metadata);
  n->created_at = g_strdup (r->created_at);
  n->updated_at = g_strdup (r->updated_at);
  return n;
}

void
sl_intake_history_entry_free (SlIntakeHistoryEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->status);
  g_free (e->at);
  g_free (e->detail);
  g_free (e);
}

SlIntakeRecord *
sl_store_intake_step_one (SlStore  *self,
                          SlStmt   *st,
                          GError  **error)
{
  int rc = sqlite3_step (st);

  if (rc == SQLITE_ROW)
    return sl_intake_record_from_row (st);
  if (rc != SQLITE_DONE)
    sl_store_set_sqlite_error (self, rc, "Could not read the intake queue", error);
  return NULL;
}

SlIntakeRecord *
sl_intake_record_from_row (SlStmt *st)
{
  SlIntakeRecord *r = sl_intake_record_new ();

  r->qid = sqlite3_column_int64 (st, 0);
  r->uuid = sl_stmt_dup_text (st, 1);
  r->path = sl_stmt_dup_text (st, 2);
  r->original_name = sl_stmt_dup_text (st, 3);
  r->sha256 = sl_stmt_dup_text (st, 4);
  r->size = sqlite3_column_int64 (st, 5);
  r->mime = sl_stmt_dup_text (st, 6);
  r->source = sl_stmt_dup_text (st, 7);
  r->status = sl_stmt_dup_text (st, 8);
  r->error = sl_stmt_dup_text (st, 9);
  r->profile_id = sqlite3_column_int64 (st, 10);
  r->archive_path = sl_stmt_dup_text (st, 11);
  r->archived_at = sl_stmt_dup_text (st, 12);
  r->metadata = sl_stmt_dup_text (st, 13);
  r->created_at = sl_stmt_dup_text (st, 14);
  r->updated_at = sl_stmt_dup_text (st, 15);
  return r;
}

static GPtrArray *
read_records (SlStore  *self,
              SlStmt   *st,
              GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_intake_record_free);
  int rc;

  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (out, sl_intake_record_from_row (st));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the intake queue", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Runs a one-row UPDATE in its own short transaction (or the caller's) and
 * reports a missing qid as NOT_FOUND. */
static gboolean
finish_update (SlStore  *self,
               SlStmt   *st,
               gint64    qid,
               GError  **error)
{
  gboolean ok;

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = sl_store_step_done (self, st, "Could not update the intake queue", error);
  if (ok && sqlite3_changes (sl_store_get_db (self)) == 0)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "There is no intake record %" G_GINT64_FORMAT, qid);
      ok = FALSE;
    }
  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  return ok;
}

static gboolean
check_json (const char  *json,
            const char  *what,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &local) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID,
                   "The %s is not valid JSON%s%s", what,
                   local != NULL ? ": " : "", local != NULL ? local->message : "");
      return FALSE;
    }
  return TRUE;
}

gint64
sl_store_intake_add (SlStore               *self,
                     const SlIntakeRecord  *record,
                     GError               **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sl_now_iso8601 ();
  const char *status;
  gboolean ok;
  gint64 qid = 0;

  g_return_val_if_fail (SL_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (sl_str_empty (record->path))
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID, "An intake record needs a path");
      return 0;
    }
  status = !sl_str_empty (record->status) ? record->status : SL_INTAKE_STATUS_QUEUED;

  st = sl_store_stmt (self,
                      "INSERT INTO file_intake_queue (uuid, path, original_name, sha256, size, mime,"
                      " source, status, metadata, created_at, updated_at)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                      " json_object ('processing_history', json_array (json_object ('status', ?8, 'at', ?9))),"
                      " ?9, ?9)",
                      error);
  if (st == NULL)
    return 0;
  sl_stmt_bind_text (st, 1, uuid);
  sl_stmt_bind_text (st, 2, record->path);
  sl_stmt_bind_text (st, 3, record->original_name);
  sl_stmt_bind_text (st, 4, record->sha256);
  sqlite3_bind_int64 (st, 5, MAX (record->size, 0));
  sl_stmt_bind_text (st, 6, record->mime);
  sl_stmt_bind_text (st, 7, record->source);
  sl_stmt_bind_text (st, 8, status);
  sl_stmt_bind_text (st, 9, now);

  if (!sl_store_tx_begin (self, error))
    return 0;
  ok = sl_store_step_done (self, st, "Could not add to the intake queue", error);
  if (ok)
    qid = sqlite3_last_insert_rowid (sl_store_get_db (self));
  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return 0;
  return ok ? qid : 0;
}

SlIntakeRecord *
sl_store_intake_get_record (SlStore  *self,
                            gint64    qid,
                            GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *missing = g_strdup_printf ("There is no intake record %" G_GINT64_FORMAT, qid);

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self, "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue WHERE qid = ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, qid);
  return sl_store_step_row (self, st, missing, "the intake queue", error) ? sl_intake_record_from_row (st) : NULL;
}

SlIntakeRecord *
sl_store_intake_find_by_sha256 (SlStore     *self,
                                const char  *sha256,
                                GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  st = sl_store_stmt (self,
                      "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue WHERE sha256 = ?"
                      " ORDER BY qid DESC LIMIT 1", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, sha256);
  return sl_store_intake_step_one (self, st, error);
}

gboolean
sl_store_intake_set_status (SlStore     *self,
                            gint64       qid,
                            const char  *status,
                            const char  *detail,
                            GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sl_str_empty (status))
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID, "A status must not be empty");
      return FALSE;
    }
  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET status = ?1, updated_at = ?2,"
                      " metadata = json_insert (metadata, '$.processing_history[#]',"
                      "   CASE WHEN ?3 IS NULL THEN json_object ('status', ?1, 'at', ?2)"
                      "        ELSE json_object ('status', ?1, 'at', ?2, 'detail', ?3) END)"
                      " WHERE qid = ?4", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, status);
  sl_stmt_bind_text (st, 2, now);
  sl_stmt_bind_text (st, 3, detail);
  sqlite3_bind_int64 (st, 4, qid);
  return finish_update (self, st, qid, error);
}

gboolean
sl_store_intake_set_error (SlStore     *self,
                           gint64       qid,
                           const char  *message,
                           GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET status = 'failed', error = ?1, updated_at = ?2,"
                      " metadata = json_insert (metadata, '$.processing_history[#]',"
                      "   json_object ('status', 'failed', 'at', ?2, 'detail', ?1))"
                      " WHERE qid = ?3", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, message);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, qid);
  return finish_update (self, st, qid, error);
}

gboolean
sl_store_intake_update_profile_id (SlStore  *self,
                                   gint64    qid,
                                   gint64    profile_id,
                                   GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET profile_id = ?1, updated_at = ?2 WHERE qid = ?3",
                      error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_id (st, 1, profile_id);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, qid);
  return finish_update (self, st, qid, error);
}

/* Sets metadata.<member> to the JSON @json. */
static gboolean
set_metadata_member (SlStore     *self,
                     gint64       qid,
                     const char  *sql,
                     const char  *json,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  if (!check_json (json, what, error))
    return FALSE;
  st = sl_store_stmt (self, sql, error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, json);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, qid);
  return finish_update (self, st, qid, error);
}

gboolean
sl_store_intake_set_parsed_output (SlStore     *self,
                                   gint64       qid,
                                   const char  *json,
                                   GError     **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_metadata_member (self, qid,
                              "UPDATE file_intake_queue SET"
                              " metadata = json_set (metadata, '$.parsed_output', json (?1)),"
                              " updated_at = ?2 WHERE qid = ?3",
                              json, "parsed output", error);
}

gboolean
sl_store_intake_save_processing_report (SlStore     *self,
                                        gint64       qid,
                                        const char  *report_json,
                                        GError     **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_metadata_member (self, qid,
                              "UPDATE file_intake_queue SET"
                              " metadata = json_set (metadata, '$.processing_report', json (?1)),"
                              " updated_at = ?2 WHERE qid = ?3",
                              report_json, "processing report", error);
}

static char *
get_metadata_member (SlStore     *self,
                     gint64       qid,
                     const char  *sql,
                     GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);
  g_autofree char *missing = g_strdup_printf ("There is no intake record %" G_GINT64_FORMAT, qid);

  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, qid);
  return sl_store_step_row (self, st, missing, "the intake queue", error) ? sl_stmt_dup_text (st, 0) : NULL;
}

char *
sl_store_intake_get_parsed_output (SlStore  *self,
                                   gint64    qid,
                                   GError  **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  /* -> gives the member's JSON text, NULL when missing. */
  return get_metadata_member (self, qid,
                              "SELECT metadata -> '$.parsed_output'"
                              " FROM file_intake_queue WHERE qid = ?", error);
}

char *
sl_store_intake_get_processing_report (SlStore  *self,
                                       gint64    qid,
                                       GError  **error)
{
  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return get_metadata_member (self, qid,
                              "SELECT metadata -> '$.processing_report'"
                              " FROM file_intake_queue WHERE qid = ?", error);
}

GPtrArray *
sl_store_intake_get_processing_history (SlStore  *self,
                                        gint64    qid,
                                        GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  /* The outer query yields one row even when the history is empty, so a
   * missing qid can be told apart from an empty history. */
  st = sl_store_stmt (self,
                      "SELECT q.qid, h.value ->> '$.status', h.value ->> '$.at', h.value ->> '$.detail'"
                      " FROM file_intake_queue q"
                      " LEFT JOIN json_each (q.metadata, '$.processing_history') h"
                      " WHERE q.qid = ? ORDER BY h.key", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, qid);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_intake_history_entry_free);
  rc = sqlite3_step (st);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "There is no intake record %" G_GINT64_FORMAT, qid);
      return NULL;
    }
  for (; rc == SQLITE_ROW; rc = sqlite3_step (st))
    {
      SlIntakeHistoryEntry *e;
      if (sqlite3_column_type (st, 1) == SQLITE_NULL)
        continue;
      e = g_new0 (SlIntakeHistoryEntry, 1);
      e->status = sl_stmt_dup_text (st, 1);
      e->at = sl_stmt_dup_text (st, 2);
      e->detail = sl_stmt_dup_text (st, 3);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the history", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
sl_store_intake_update_archive_metadata (SlStore     *self,
                                         gint64       qid,
                                         const char  *archive_path,
                                         const char  *archive_json,
                                         GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (archive_json != NULL && !check_json (archive_json, "archive metadata", error))
    return FALSE;
  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET archive_path = ?1, archived_at = ?2, updated_at = ?2,"
                      " metadata = CASE WHEN ?3 IS NULL THEN metadata"
                      "   ELSE json_set (metadata, '$.archive', json (?3)) END"
                      " WHERE qid = ?4", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, archive_path);
  sl_stmt_bind_text (st, 2, now);
  sl_stmt_bind_text (st, 3, archive_json);
  sqlite3_bind_int64 (st, 4, qid);
  return finish_update (self, st, qid, error);
}

GPtrArray *
sl_store_intake_get_records_by_status (SlStore     *self,
                                       const char  *status,
                                       guint        limit,
                                       GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  st = sl_store_stmt (self,
                      "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue WHERE status = ?"
                      " ORDER BY qid LIMIT ?", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, status);
  sqlite3_bind_int64 (st, 2, limit > 0 ? (gint64) limit : -1);
  return read_records (self, st, error);
}

GPtrArray *
sl_store_intake_get_records_for_candidate (SlStore  *self,
                                           gint64    candidate_id,
                                           GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  /* Both sides indexed: profiles_candidate, then intake_profile. */
  st = sl_store_stmt (self,
                      "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue WHERE profile_id IN"
                      " (SELECT id FROM candidate_profiles WHERE candidate_id = ?)"
                      " ORDER BY qid DESC", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, candidate_id);
  return read_records (self, st, error);
}

GPtrArray *
sl_store_intake_get_old_archives (SlStore     *self,
                                  const char  *before,
                                  GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (before != NULL, NULL);

  st = sl_store_stmt (self,
                      "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue"
                      " WHERE archived_at IS NOT NULL AND archived_at < ?"
                      " ORDER BY archived_at, qid", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, before);
  return read_records (self, st, error);
}
