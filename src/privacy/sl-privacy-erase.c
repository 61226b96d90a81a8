/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-privacy-erase.c: finding a candidate and erasing everything about them
 * (GDPR art. 17), leaving no byte of their name or e-mail in the database
 * files or the archive.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-privacy.h"
#include "store/sl-store-intake.h"
#include "store/sl-store-private.h"

G_DEFINE_QUARK (sl-privacy-error-quark, sl_privacy_error)

static gboolean
is_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gint64
lookup_id (SlStore    *store,
           const char *sql,
           const char *text,
           gint64      number,
           GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, sql, error);
  gint64 id = 0;

  if (st == NULL)
    return -1;
  if (text != NULL)
    sl_stmt_bind_text (st, 1, text);
  else
    sqlite3_bind_int64 (st, 1, number);
  if (sqlite3_step (st) == SQLITE_ROW)
    id = sqlite3_column_int64 (st, 0);
  return id;
}

gint64
sl_privacy_resolve (SlStore     *store,
                    const char  *key,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id = 0;

  g_return_val_if_fail (SL_IS_STORE (store), 0);
  g_return_val_if_fail (key != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  trimmed = g_strstrip (g_strdup (key));
  if (is_digits (trimmed))
    {
      gint64 n = g_ascii_strtoll (trimmed, NULL, 10);
      id = lookup_id (store, "SELECT candidate_id FROM candidate_profiles WHERE id = ?", NULL, n, error);
    }
  else if (strchr (trimmed, '@') != NULL)
    {
      g_autofree char *email = sl_normalize_email (trimmed);

      if (email != NULL)
        {
          id = lookup_id (store, "SELECT id FROM candidates WHERE email = ?", email, 0, error);
          if (id == 0)
            id = lookup_id (store, "SELECT candidate_id FROM candidate_profiles WHERE lower (email) = ?"
                            " ORDER BY id LIMIT 1", email, 0, error);
        }
    }
  else
    {
      id = lookup_id (store, "SELECT id FROM candidates WHERE uuid = ?", trimmed, 0, error);
      if (id == 0)
        id = lookup_id (store, "SELECT candidate_id FROM candidate_profiles WHERE uuid = ?", trimmed, 0, error);
    }
  if (id < 0)
    return 0;
  if (id == 0)
    g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND,
                 "No candidate matches “%s”", trimmed);
  return id;
}

gboolean
sl_privacy_audit (SlStore     *store,
                  const char  *action,
                  const char  *entity,
                  const char  *entity_uuid,
                  const char  *details,
                  GError     **error)
{
  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  return sl_store_audit (store, action, entity, entity_uuid, details, error);
}

gboolean
sl_privacy_audit_export (SlStore            *store,
                         const char         *format,
                         const char         *entity_uuid,
                         guint64             n,
                         gboolean            filtered,
                         const char * const *columns,
                         const char         *via,
                         GError            **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL && via != NULL, FALSE);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, entity_uuid != NULL ? "single" : "bulk");
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, format);
  json_builder_set_member_name (b, "candidates");
  json_builder_add_int_value (b, (gint64) MIN (n, (guint64) G_MAXINT64));
  json_builder_set_member_name (b, "filtered");
  json_builder_add_boolean_value (b, filtered);
  if (columns != NULL)
    {
      json_builder_set_member_name (b, "columns");
      json_builder_begin_array (b);
      for (guint i = 0; columns[i] != NULL; i++)
        json_builder_add_string_value (b, columns[i]);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "via");
  json_builder_add_string_value (b, via);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  details = sl_json_node_to_string (root, FALSE);
  return sl_store_audit (store, "export", entity_uuid != NULL ? "profile" : "candidates",
                         entity_uuid, details, error);
}

/* Erasing ------------------------------------------------------------------ */

static void
add_needle (GPtrArray  *needles,
            const char *text)
{
  /* Very short strings would blank unrelated audit rows. */
  if (text != NULL && strlen (text) >= 3 && !g_ptr_array_find_with_equal_func (needles, text, g_str_equal, NULL))
    g_ptr_array_add (needles, g_strdup (text));
}

static gboolean
erase_one (SlStore       *store,
           gint64         candidate_id,
           GPtrArray     *archive_paths,
           SlEraseReport *report,
           GError       **error)
{
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) profiles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) qids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) profile_uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uuid = NULL;
  g_autofree char *details = NULL;
  guint n_rows = 0;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "SELECT uuid, name, email, phone FROM candidates WHERE id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    if (sqlite3_step (st) != SQLITE_ROW)
      {
        g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND,
                     "There is no candidate %" G_GINT64_FORMAT, candidate_id);
        return FALSE;
      }
    uuid = sl_stmt_dup_text (st, 0);
    add_needle (needles, (const char *) sqlite3_column_text (st, 1));
    add_needle (needles, (const char *) sqlite3_column_text (st, 2));
    add_needle (needles, (const char *) sqlite3_column_text (st, 3));
  }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "SELECT id, name, email FROM candidate_profiles WHERE candidate_id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    while (sqlite3_step (st) == SQLITE_ROW)
      {
        gint64 pid = sqlite3_column_int64 (st, 0);
        g_array_append_val (profiles, pid);
        add_needle (needles, (const char *) sqlite3_column_text (st, 1));
        add_needle (needles, (const char *) sqlite3_column_text (st, 2));
      }
  }
  /* Their intake rows: those that made or updated one of their profiles,
   * and rows of the very same bytes that made none (duplicates, failures). */
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store,
                                          "WITH mine AS (SELECT qid, sha256 FROM file_intake_queue WHERE profile_id IN"
                                          "  (SELECT id FROM candidate_profiles WHERE candidate_id = ?1))"
                                          " SELECT qid, archive_path FROM file_intake_queue"
                                          " WHERE qid IN (SELECT qid FROM mine)"
                                          " OR (profile_id IS NULL AND sha256 IN (SELECT sha256 FROM mine))",
                                          error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    while (sqlite3_step (st) == SQLITE_ROW)
      {
        gint64 qid = sqlite3_column_int64 (st, 0);
        const char *ap = (const char *) sqlite3_column_text (st, 1);

        g_array_append_val (qids, qid);
        if (ap != NULL && archive_paths != NULL &&
            !g_ptr_array_find_with_equal_func (archive_paths, ap, g_str_equal, NULL))
          g_ptr_array_add (archive_paths, g_strdup (ap));
      }
  }
  for (guint i = 0; i < qids->len; i++)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (store, "DELETE FROM file_intake_queue WHERE qid = ?", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, g_array_index (qids, gint64, i));
      if (!sl_store_step_done (store, st, "Could not delete an intake row", error))
        return FALSE;
      n_rows++;
    }
  /* Each DELETE of a profile queues its sync tombstone where the sync
   * room's store triggers are installed; history goes by cascade, the FTS
   * row by trigger.  Then the candidate, with notes, tags and consent. */
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "SELECT uuid FROM candidate_profiles WHERE candidate_id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    while (sqlite3_step (st) == SQLITE_ROW)
      g_ptr_array_add (profile_uuids, sl_stmt_dup_text (st, 0));
  }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "DELETE FROM candidate_profiles WHERE candidate_id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    if (!sl_store_step_done (store, st, "Could not erase the profiles", error))
      return FALSE;
  }
  for (guint i = 0; i < profile_uuids->len; i++)
    if (!sl_store_audit (store, "erase", "profile", g_ptr_array_index (profile_uuids, i), NULL, error))
      return FALSE;
  /* Their places on job shortlists, with notes and stage history (the
   * cascade from candidates would do it too; said here so it never depends
   * on foreign_keys being on). */
  {
    static const char * const shortlist_sql[] = {
      "DELETE FROM shortlist_history WHERE candidate_id = ?",
      "DELETE FROM shortlist_entries WHERE candidate_id = ?",
    };
    for (guint i = 0; i < G_N_ELEMENTS (shortlist_sql); i++)
      {
        g_autoptr(SlStmt) st = sl_store_stmt (store, shortlist_sql[i], error);
        if (st == NULL)
          return FALSE;
        sqlite3_bind_int64 (st, 1, candidate_id);
        if (!sl_store_step_done (store, st, "Could not erase the shortlist entries", error))
          return FALSE;
      }
  }
  /* A tag only they carry can name them ("referred-by-…"): it goes with
   * them; tags others carry stay. */
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store,
                                          "DELETE FROM tags WHERE id IN"
                                          " (SELECT tag_id FROM candidate_tags WHERE candidate_id = ?1)"
                                          " AND NOT EXISTS (SELECT 1 FROM candidate_tags ct"
                                          "  WHERE ct.tag_id = tags.id AND ct.candidate_id <> ?1)",
                                          error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    if (!sl_store_step_done (store, st, "Could not erase their tags", error))
      return FALSE;
  }
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "DELETE FROM candidates WHERE id = ?", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_int64 (st, 1, candidate_id);
    if (!sl_store_step_done (store, st, "Could not erase the candidate", error))
      return FALSE;
  }
  /* Audit rows stay (who did what, when) but lose any details that name
   * them (the store never writes such details, other writers might); a
   * saved search for their name, e-mail or phone names them too. */
  for (guint i = 0; i < needles->len; i++)
    {
      static const char * const sql[][2] = {
        { "UPDATE audit_log SET details = NULL"
          " WHERE details IS NOT NULL AND instr (lower (details), lower (?1)) > 0",
          "Could not clean the audit log" },
        { "DELETE FROM saved_searches"
          " WHERE instr (lower (query), lower (?1)) > 0 OR instr (lower (name), lower (?1)) > 0",
          "Could not erase a saved search" },
      };
      for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
        {
          g_autoptr(SlStmt) st = sl_store_stmt (store, sql[k][0], error);
          if (st == NULL)
            return FALSE;
          sl_stmt_bind_text (st, 1, g_ptr_array_index (needles, i));
          if (!sl_store_step_done (store, st, sql[k][1], error))
            return FALSE;
        }
    }
  details = g_strdup_printf ("{\"profiles\":%u,\"intake_rows\":%u}", profiles->len, n_rows);
  if (!sl_store_audit (store, "erase", "candidate", uuid, details, error))
    return FALSE;
  if (report != NULL)
    {
      report->profiles += profiles->len;
      report->intake_rows += n_rows;
    }
  return TRUE;
}

static gint64
count_refs (SlStore    *store,
            const char *archive_path,
            GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, "SELECT count(*) FROM file_intake_queue WHERE archive_path = ?", error);

  if (st == NULL)
    return -1;
  sl_stmt_bind_text (st, 1, archive_path);
  if (sqlite3_step (st) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (st, 0);
}

/* Deletes the archive copies nothing refers to any more; only files
 * inside @archive_dir. */
static gboolean
remove_files (SlStore       *store,
              GPtrArray     *archive_paths,
              const char    *archive_dir,
              SlEraseReport *report,
              GError       **error)
{
  g_autofree char *root = NULL;

  if (archive_dir == NULL)
    return TRUE;
  root = g_canonicalize_filename (archive_dir, NULL);
  for (guint i = 0; i < archive_paths->len; i++)
    {
      const char *ap = g_ptr_array_index (archive_paths, i);
      g_autofree char *path = g_canonicalize_filename (ap, NULL);
      gint64 refs = count_refs (store, ap, error);

      if (refs < 0)
        return FALSE;
      if (refs > 0)
        {
          report->files_kept++;
          continue;
        }
      if (!g_str_has_prefix (path, root) || path[strlen (root)] != G_DIR_SEPARATOR)
        continue;
      if (g_unlink (path) == 0)
        report->files_removed++;
      else if (errno != ENOENT)
        {
          int e = errno;
          g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_IO,
                       "Could not delete an archived original: %s", g_strerror (e));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sl_privacy_erase_candidates (SlStore       *store,
                             GArray        *candidate_ids,
                             const char    *archive_dir,
                             SlEraseReport *report,
                             GError       **error)
{
  g_autoptr(GPtrArray) archive_paths = g_ptr_array_new_with_free_func (g_free);
  SlEraseReport local = { 0 };
  sqlite3 *db;
  gboolean ok = TRUE;
  int log_frames = -1, ckpt_frames = -1, rc;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = sl_store_get_db (store);
  /* Freed cells and pages are zeroed, not merely unlinked. */
  if (!sl_store_exec (store, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!sl_store_tx_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < candidate_ids->len; i++)
    ok = erase_one (store, g_array_index (candidate_ids, gint64, i), archive_paths, &local, error);
  /* The FTS5 index keeps deleted terms in its segments until they merge:
   * rewrite it as one segment so the old pages are freed (and zeroed). */
  if (ok && candidate_ids->len > 0)
    ok = sl_store_exec (store, "INSERT INTO profiles_fts (profiles_fts) VALUES ('optimize')", error);
  if (!sl_store_tx_end (store, ok, ok ? error : NULL) || !ok)
    {
      sl_store_exec (store, "PRAGMA secure_delete = OFF", NULL);
      return FALSE;
    }
  ok = remove_files (store, archive_paths, archive_dir, &local, error);

  /* The WAL still holds the old pages: copy back and truncate it. */
  rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &ckpt_frames);
  local.wal_truncated = (rc == SQLITE_OK);
  sl_store_exec (store, "PRAGMA secure_delete = OFF", NULL);
  g_debug ("erased %u candidate(s): %u profiles, %u intake rows, %u files (WAL %s)",
           candidate_ids->len, local.profiles, local.intake_rows, local.files_removed,
           local.wal_truncated ? "truncated" : "busy");
  if (report != NULL)
    *report = local;
  return ok;
}

gboolean
sl_privacy_erase_candidate (SlStore       *store,
                            gint64         candidate_id,
                            const char    *archive_dir,
                            SlEraseReport *report,
                            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_id > 0, FALSE);

  g_array_append_val (ids, candidate_id);
  return sl_privacy_erase_candidates (store, ids, archive_dir, report, error);
}

/* Erasure rewrites the search index and checkpoints the WAL: seconds on a
 * big database, so the app runs it on a worker with a connection of its
 * own (the caller's store stays on its thread). */
typedef struct
{
  char          *db_path;
  char          *archive_dir;
  GArray        *ids;
  SlEraseReport  report;
} EraseJob;

static void
erase_job_free (EraseJob *job)
{
  g_free (job->db_path);
  g_free (job->archive_dir);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static void
erase_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EraseJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (job->db_path, &error);

  if (store == NULL || !sl_privacy_erase_candidates (store, job->ids, job->archive_dir, &job->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
sl_privacy_erase_candidates_async (SlStore             *store,
                                   GArray              *candidate_ids,
                                   const char          *archive_dir,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EraseJob *job;

  g_return_if_fail (SL_IS_STORE (store));
  g_return_if_fail (candidate_ids != NULL);

  job = g_new0 (EraseJob, 1);
  job->db_path = g_strdup (sl_store_get_path (store));
  job->archive_dir = g_strdup (archive_dir);
  job->ids = g_array_copy (candidate_ids);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_privacy_erase_candidates_async);
  g_task_set_task_data (task, job, (GDestroyNotify) erase_job_free);
  g_task_run_in_thread (task, erase_thread);
}

gboolean
sl_privacy_erase_candidates_finish (GAsyncResult   *result,
                                    SlEraseReport  *report,
                                    GError        **error)
{
  EraseJob *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_privacy_erase_candidates_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (report != NULL)
    *report = job->report;
  return TRUE;
}
