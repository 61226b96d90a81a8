/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-queue.c: set operations on file_intake_queue for the pipeline.
 * Each is one statement (UPDATE ... RETURNING), so a claim or a requeue is
 * atomic with its history entries.
 */
#include "config.h"

#include <string.h>

#include "core/sl-util.h"
#include "sl-store-private.h"
#include "sl-store-queue.h"

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const SlIntakeRecord *ra = *(SlIntakeRecord * const *) a;
  const SlIntakeRecord *rb = *(SlIntakeRecord * const *) b;

  return ra->qid < rb->qid ? -1 : ra->qid > rb->qid;
}

static int
compare_qids (gconstpointer a,
              gconstpointer b)
{
  gint64 qa = *(const gint64 *) a, qb = *(const gint64 *) b;

  return qa < qb ? -1 : qa > qb;
}

GPtrArray *
sl_store_intake_claim_queued (SlStore     *self,
                              const char  *status,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (!sl_str_empty (status), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_intake_record_free);
  if (limit == 0)
    return g_steal_pointer (&out);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET status = ?1, updated_at = ?2,"
                      " metadata = json_insert (metadata, '$.processing_history[#]',"
                      "   json_object ('status', ?1, 'at', ?2))"
                      " WHERE qid IN (SELECT qid FROM file_intake_queue WHERE status = 'queued'"
                      "   ORDER BY qid LIMIT ?3)"
                      " RETURNING " SL_INTAKE_RECORD_COLUMNS, error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, status);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, limit);

  if (!sl_store_tx_begin (self, error))
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (out, sl_intake_record_from_row (st));
  if (rc != SQLITE_DONE)
    ok = sl_store_set_sqlite_error (self, rc, "Could not claim queued files", error);
  g_clear_pointer (&st, sl_stmt_release);
  if (!sl_store_tx_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;

  g_ptr_array_sort (out, compare_records);
  return g_steal_pointer (&out);
}

/* The statuses of @from as one JSON array: one statement, whatever the
 * list. */
static char *
status_list (const char * const *from)
{
  GString *list = g_string_new ("[");

  for (guint i = 0; from[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (list, ',');
      g_string_append_c (list, '"');
      /* Status names are plain words: escaped only when they are not. */
      if (from[i][strcspn (from[i], "\"\\")] == '\0' && g_str_is_ascii (from[i]))
        g_string_append (list, from[i]);
      else
        {
          g_autofree char *quoted = g_strescape (from[i], NULL);
          g_string_append (list, quoted);
        }
      g_string_append_c (list, '"');
    }
  g_string_append_c (list, ']');
  return g_string_free (list, FALSE);
}

GArray *
sl_store_intake_move_status (SlStore            *self,
                             const char * const *from,
                             const char         *to,
                             gint64              qid,
                             const char         *detail,
                             gboolean            clear_error,
                             GError            **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GArray) out = NULL;
  g_autofree char *list = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && from[0] != NULL, NULL);
  g_return_val_if_fail (!sl_str_empty (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = status_list (from);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET status = ?1, updated_at = ?2,"
                      " error = CASE WHEN ?5 THEN NULL ELSE error END,"
                      " metadata = json_insert (metadata, '$.processing_history[#]',"
                      "   CASE WHEN ?3 IS NULL THEN json_object ('status', ?1, 'at', ?2)"
                      "        ELSE json_object ('status', ?1, 'at', ?2, 'detail', ?3) END)"
                      " WHERE status IN (SELECT value FROM json_each (?4))"
                      "   AND (?6 <= 0 OR qid = ?6)"
                      " RETURNING qid", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, to);
  sl_stmt_bind_text (st, 2, now);
  sl_stmt_bind_text (st, 3, detail);
  sl_stmt_bind_text (st, 4, list);
  sqlite3_bind_int (st, 5, clear_error ? 1 : 0);
  sqlite3_bind_int64 (st, 6, qid);

  out = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!sl_store_tx_begin (self, error))
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 changed = sqlite3_column_int64 (st, 0);
      g_array_append_val (out, changed);
    }
  if (rc != SQLITE_DONE)
    ok = sl_store_set_sqlite_error (self, rc, "Could not change the intake queue", error);
  g_clear_pointer (&st, sl_stmt_release);
  if (!sl_store_tx_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;

  g_array_sort (out, compare_qids);
  return g_steal_pointer (&out);
}

gboolean
sl_store_intake_finish (SlStore     *self,
                        gint64       qid,
                        const char  *status,
                        const char  *message,
                        GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (!sl_str_empty (status), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET status = ?1, error = ?3, updated_at = ?2,"
                      " metadata = json_insert (metadata, '$.processing_history[#]',"
                      "   CASE WHEN ?3 IS NULL THEN json_object ('status', ?1, 'at', ?2)"
                      "        ELSE json_object ('status', ?1, 'at', ?2, 'detail', ?3) END)"
                      " WHERE qid = ?4", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, status);
  sl_stmt_bind_text (st, 2, now);
  sl_stmt_bind_text (st, 3, message);
  sqlite3_bind_int64 (st, 4, qid);
  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = sl_store_step_done (self, st, "Could not update the intake queue", error);
  if (ok && sqlite3_changes (sl_store_get_db (self)) == 0)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "There is no intake record %" G_GINT64_FORMAT, qid);
      ok = FALSE;
    }
  return sl_store_tx_end (self, ok, ok ? error : NULL) && ok;
}

#define ADVANCE_MAX_STEPS 8

/* The history entry of step i, parameters 10 + 3i (status), 11 + 3i (at)
 * and 12 + 3i (detail): written out once instead of formatted per call. */
#define ADVANCE_STEP(st, at, detail) \
  ", '$.processing_history[#]', CASE WHEN ?" #detail " IS NULL THEN json_object ('status', ?" #st ", 'at', ?" #at ")" \
  " ELSE json_object ('status', ?" #st ", 'at', ?" #at ", 'detail', ?" #detail ") END"
static const char * const advance_steps[ADVANCE_MAX_STEPS] = {
  ADVANCE_STEP (10, 11, 12), ADVANCE_STEP (13, 14, 15), ADVANCE_STEP (16, 17, 18),
  ADVANCE_STEP (19, 20, 21), ADVANCE_STEP (22, 23, 24), ADVANCE_STEP (25, 26, 27),
  ADVANCE_STEP (28, 29, 30), ADVANCE_STEP (31, 32, 33),
};

int
sl_store_intake_advance (SlStore            *self,
                         gint64              qid,
                         const char * const *from,
                         const SlIntakeStep *steps,
                         guint               n_steps,
                         gint64              profile_id,
                         const char         *archive_path,
                         const char         *archive_json,
                         const char         *report_json,
                         GError            **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *list = NULL;
  g_autofree char *now = NULL;
  gboolean ok;
  int changed = 0;

  g_return_val_if_fail (SL_IS_STORE (self), -1);
  g_return_val_if_fail (from != NULL && from[0] != NULL, -1);
  g_return_val_if_fail (steps != NULL && n_steps > 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* More steps than one statement takes: all but the last ones first. */
  if (n_steps > ADVANCE_MAX_STEPS)
    {
      int first = sl_store_intake_advance (self, qid, from, steps, n_steps - ADVANCE_MAX_STEPS,
                                           0, NULL, NULL, NULL, error);
      if (first <= 0)
        return first;
      steps += n_steps - ADVANCE_MAX_STEPS;
      n_steps = ADVANCE_MAX_STEPS;
    }

  /* One statement text per shape (number of steps, which parts are
   * given), each prepared once and cached by the store. */
  sql = g_string_sized_new (1024);
  g_string_append (sql, "UPDATE file_intake_queue SET status = ?1, updated_at = ?2");
  if (profile_id > 0)
    g_string_append (sql, ", profile_id = ?3");
  if (archive_path != NULL)
    g_string_append (sql, ", archive_path = ?4, archived_at = ?2");
  g_string_append (sql, ", metadata = json_set (metadata");
  for (guint i = 0; i < n_steps; i++)
    g_string_append (sql, advance_steps[i]);
  if (archive_path != NULL && archive_json != NULL)
    g_string_append (sql, ", '$.archive', json (?5)");
  if (report_json != NULL)
    g_string_append (sql, ", '$.processing_report', json (?6)");
  g_string_append (sql, ") WHERE qid = ?7 AND status IN (SELECT value FROM json_each (?8))");

  st = sl_store_stmt (self, sql->str, error);
  if (st == NULL)
    return -1;
  now = sl_now_iso8601 ();
  list = status_list (from);
  sl_stmt_bind_text (st, 1, steps[n_steps - 1].status);
  sl_stmt_bind_text (st, 2, now);
  if (profile_id > 0)
    sqlite3_bind_int64 (st, 3, profile_id);
  if (archive_path != NULL)
    {
      sl_stmt_bind_text (st, 4, archive_path);
      if (archive_json != NULL)
        sl_stmt_bind_text (st, 5, archive_json);
    }
  if (report_json != NULL)
    sl_stmt_bind_text (st, 6, report_json);
  sqlite3_bind_int64 (st, 7, qid);
  sl_stmt_bind_text (st, 8, list);
  for (guint i = 0; i < n_steps; i++)
    {
      int s = 10 + 3 * (int) i;
      sl_stmt_bind_text (st, s, steps[i].status);
      sl_stmt_bind_text (st, s + 1, steps[i].at != NULL ? steps[i].at : now);
      sl_stmt_bind_text (st, s + 2, steps[i].detail);
    }

  if (!sl_store_tx_begin (self, error))
    return -1;
  ok = sl_store_step_done (self, st, "Could not update the intake queue", error);
  if (ok)
    changed = sqlite3_changes (sl_store_get_db (self)) > 0;
  g_clear_pointer (&st, sl_stmt_release);
  if (!sl_store_tx_end (self, ok, ok ? error : NULL) || !ok)
    return -1;
  return changed;
}

SlIntakeRecord *
sl_store_intake_find_imported (SlStore     *self,
                               const char  *sha256,
                               gint64       exclude_qid,
                               GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (self,
                      "SELECT " SL_INTAKE_RECORD_COLUMNS " FROM file_intake_queue"
                      " WHERE sha256 = ?1 AND status = 'done' AND profile_id IS NOT NULL AND qid <> ?2"
                      " ORDER BY qid DESC LIMIT 1", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, sha256);
  sqlite3_bind_int64 (st, 2, exclude_qid);
  return sl_store_intake_step_one (self, st, error);
}

gboolean
sl_store_intake_clear_archive (SlStore  *self,
                               gint64    qid,
                               GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = sl_store_stmt (self,
                      "UPDATE file_intake_queue SET archive_path = NULL, archived_at = NULL,"
                      " updated_at = ?1 WHERE qid = ?2", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, now);
  sqlite3_bind_int64 (st, 2, qid);
  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = sl_store_step_done (self, st, "Could not update the intake queue", error);
  return sl_store_tx_end (self, ok, ok ? error : NULL) && ok;
}

gint64
sl_store_intake_count_archive_refs (SlStore     *self,
                                    const char  *archive_path,
                                    GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), -1);
  g_return_val_if_fail (archive_path != NULL, -1);

  st = sl_store_stmt (self, "SELECT count(*) FROM file_intake_queue WHERE archive_path = ?", error);
  if (st == NULL)
    return -1;
  sl_stmt_bind_text (st, 1, archive_path);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (st, 0);
  sl_store_set_sqlite_error (self, rc, "Could not read the intake queue", error);
  return -1;
}

GHashTable *
sl_store_intake_known_files (SlStore  *self,
                             GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GHashTable) out = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (self, "SELECT DISTINCT size, path FROM file_intake_queue WHERE path IS NOT NULL", error);
  if (st == NULL)
    return NULL;
  out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_hash_table_add (out, g_strdup_printf ("%" G_GINT64_FORMAT ":%s", (gint64) sqlite3_column_int64 (st, 0),
                                            (const char *) sqlite3_column_text (st, 1)));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the intake queue", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GHashTable *
sl_store_intake_count_by_status (SlStore  *self,
                                 GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GHashTable) out = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self, "SELECT status, count(*) FROM file_intake_queue GROUP BY status", error);
  if (st == NULL)
    return NULL;
  out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 *n = g_new (gint64, 1);
      *n = sqlite3_column_int64 (st, 1);
      g_hash_table_insert (out, sl_stmt_dup_text (st, 0), n);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the intake queue", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
