/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-shortlist.c: jobs, shortlist entries with their stage and note, the
 * history of stage changes, and the CSV export of a shortlist.  The tables
 * are migration 6 of the store (src/store/sl-store.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/sl-util.h"
#include "export/sl-csv.h"
#include "sl-job-private.h"
#include "sl-shortlist.h"
#include "store/sl-store-private.h"

static const char * const stage_names[SL_STAGE_N_STAGES] = {
  "new", "contacted", "interview", "offer", "hired", "rejected",
};

static const char * const stage_labels[SL_STAGE_N_STAGES] = {
  /* Translators: stages of a candidate on a job's shortlist */
  N_("New"), N_("Contacted"), N_("Interview"), N_("Offer"), N_("Hired"), N_("Rejected"),
};

const char *
sl_stage_to_string (SlStage stage)
{
  g_return_val_if_fail ((guint) stage < SL_STAGE_N_STAGES, NULL);
  return stage_names[stage];
}

gboolean
sl_stage_from_string (const char *str,
                      SlStage    *out_stage)
{
  g_return_val_if_fail (out_stage != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < SL_STAGE_N_STAGES; i++)
    if (g_ascii_strcasecmp (str, stage_names[i]) == 0)
      {
        *out_stage = (SlStage) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sl_stage_label (SlStage stage)
{
  g_return_val_if_fail ((guint) stage < SL_STAGE_N_STAGES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, stage_labels[stage]);
}

static SlStage
stage_or_new (const char *str)
{
  SlStage stage = SL_STAGE_NEW;

  sl_stage_from_string (str, &stage);
  return stage;
}

void
sl_shortlist_entry_free (SlShortlistEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->title);
  g_free (entry->email);
  g_free (entry->note);
  g_free (entry->summary);
  g_free (entry->added_at);
  g_free (entry->updated_at);
  g_free (entry);
}

void
sl_stage_change_free (SlStageChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change);
}

/* Jobs ------------------------------------------------------------------------ */

#define JOB_COLUMNS \
  "id, uuid, title, description, required_skills, nice_skills, min_years, location," \
  " remote, languages, created_at, updated_at"

static JsonNode *
parse_column (SlStmt *st,
              int     col)
{
  const char *text = (const char *) sqlite3_column_text (st, col);

  if (text == NULL)
    return NULL;
  return json_from_string (text, NULL);
}

static SlJob *
job_from_row (SlStmt *st)
{
  SlJob *job = sl_job_new ();
  g_autoptr(JsonNode) req = parse_column (st, 4);
  g_autoptr(JsonNode) nice = parse_column (st, 5);
  g_autoptr(JsonNode) langs = parse_column (st, 9);
  g_autofree char *remote = NULL;

  job->id = sqlite3_column_int64 (st, 0);
  job->uuid = sl_stmt_dup_text (st, 1);
  job->title = sl_stmt_dup_text (st, 2);
  job->description = sl_stmt_dup_text (st, 3);
  /* The columns are written by this file only: a damaged value reads as
   * empty rather than failing the whole list. */
  sl_job_strv_from_json_node (req, "required_skills", job->required_skills, NULL);
  sl_job_strv_from_json_node (nice, "nice_skills", job->nice_skills, NULL);
  job->min_years = sqlite3_column_int (st, 6);
  job->location = sl_stmt_dup_text (st, 7);
  remote = sl_stmt_dup_text (st, 8);
  sl_remote_policy_from_string (remote, &job->remote);
  sl_job_languages_from_json_node (langs, job->languages, NULL);
  job->created_at = sl_stmt_dup_text (st, 10);
  job->updated_at = sl_stmt_dup_text (st, 11);
  return job;
}

gint64
sl_store_save_job (SlStore  *store,
                   SlJob    *job,
                   GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  g_autofree char *req = NULL, *nice = NULL, *langs = NULL;
  gboolean insert;

  g_return_val_if_fail (SL_IS_STORE (store), 0);
  g_return_val_if_fail (job != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  sl_job_normalize (job);
  if (job->title == NULL)
    {
      g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID, _("A job needs a title"));
      return 0;
    }
  insert = job->id == 0;
  req = sl_job_strv_to_json (job->required_skills);
  nice = sl_job_strv_to_json (job->nice_skills);
  langs = sl_job_languages_to_json (job->languages);

  if (insert)
    st = sl_store_stmt (store,
                        "INSERT INTO jobs (uuid, title, description, required_skills, nice_skills,"
                        " min_years, location, remote, languages, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id", error);
  else
    st = sl_store_stmt (store,
                        "UPDATE jobs SET title = ?2, description = ?3, required_skills = ?4,"
                        " nice_skills = ?5, min_years = ?6, location = ?7, remote = ?8, languages = ?9,"
                        " updated_at = ?10 WHERE id = ?11 RETURNING id", error);
  if (st == NULL)
    return 0;
  if (insert && job->uuid == NULL)
    job->uuid = g_uuid_string_random ();
  if (insert)
    sl_stmt_bind_text (st, 1, job->uuid);
  sl_stmt_bind_text (st, 2, job->title);
  sl_stmt_bind_text (st, 3, job->description);
  sl_stmt_bind_text (st, 4, req);
  sl_stmt_bind_text (st, 5, nice);
  sqlite3_bind_int (st, 6, job->min_years);
  sl_stmt_bind_text (st, 7, job->location);
  sl_stmt_bind_text (st, 8, sl_remote_policy_to_string (job->remote));
  sl_stmt_bind_text (st, 9, langs);
  sl_stmt_bind_text (st, 10, now);
  if (!insert)
    sqlite3_bind_int64 (st, 11, job->id);

  switch (sqlite3_step (st))
    {
    case SQLITE_ROW:
      {
        gint64 id = sqlite3_column_int64 (st, 0);
        if (!sl_store_step_done (store, st, "Could not save the job", error))
          return 0;
        if (insert)
          {
            job->id = id;
            sl_rank_set_str (&job->created_at, now);
          }
        sl_rank_set_str (&job->updated_at, now);
        return id;
      }
    case SQLITE_DONE:
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                   "There is no job %" G_GINT64_FORMAT, job->id);
      return 0;
    default:
      sl_store_set_sqlite_error (store, sqlite3_errcode (sl_store_get_db (store)),
                                 "Could not save the job", error);
      return 0;
    }
}

SlJob *
sl_store_get_job (SlStore  *store,
                  gint64    job_id,
                  GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  int rc;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (store, "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, job_id);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    return job_from_row (st);
  if (rc == SQLITE_DONE)
    g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                 "There is no job %" G_GINT64_FORMAT, job_id);
  else
    sl_store_set_sqlite_error (store, rc, "Could not read the job", error);
  return NULL;
}

GPtrArray *
sl_store_list_jobs (SlStore  *store,
                    GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_job_free);
  int rc;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (store, "SELECT " JOB_COLUMNS " FROM jobs ORDER BY created_at DESC, id DESC", error);
  if (st == NULL)
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (jobs, job_from_row (st));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (store, rc, "Could not list the jobs", error);
      return NULL;
    }
  return g_steal_pointer (&jobs);
}

/* Runs a one-statement write; FALSE + NOT_FOUND when it changed no row and
 * @what_missing is set. */
static gboolean
run_write (SlStore     *store,
           SlStmt      *st,
           const char  *what,
           const char  *what_missing,
           GError     **error)
{
  if (!sl_store_step_done (store, st, what, error))
    return FALSE;
  if (what_missing != NULL && sqlite3_changes (sl_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND, what_missing);
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_store_delete_job (SlStore  *store,
                     gint64    job_id,
                     GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The shortlist and its history go by cascade. */
  st = sl_store_stmt (store, "DELETE FROM jobs WHERE id = ?", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, job_id);
  return run_write (store, st, "Could not delete the job", "There is no such job", error);
}

/* Shortlists ------------------------------------------------------------------ */

static gboolean
add_history (SlStore     *store,
             gint64       job_id,
             gint64       candidate_id,
             const char  *from,
             const char  *to,
             const char  *at,
             GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store,
                                        "INSERT INTO shortlist_history (job_id, candidate_id, from_stage, to_stage, at)"
                                        " VALUES (?, ?, ?, ?, ?)", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, job_id);
  sqlite3_bind_int64 (st, 2, candidate_id);
  sl_stmt_bind_text (st, 3, from);
  sl_stmt_bind_text (st, 4, to);
  sl_stmt_bind_text (st, 5, at);
  return sl_store_step_done (store, st, "Could not record the stage change", error);
}

static gboolean
require_row (SlStore     *store,
             const char  *sql,
             gint64       id,
             const char  *missing,
             GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, sql, error);
  int rc;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND, missing);
  else
    sl_store_set_sqlite_error (store, rc, "Could not read the store", error);
  return FALSE;
}

gboolean
sl_store_shortlist_add (SlStore     *store,
                        gint64       job_id,
                        gint64       candidate_id,
                        double       score,
                        const char  *summary,
                        GError     **error)
{
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_row (store, "SELECT 1 FROM jobs WHERE id = ?", job_id, "There is no such job", error) ||
      !require_row (store, "SELECT 1 FROM candidates WHERE id = ?", candidate_id,
                    "There is no such candidate", error))
    return FALSE;
  if (!sl_store_tx_begin (store, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store,
                                          "INSERT INTO shortlist_entries (job_id, candidate_id, stage, score, summary,"
                                          " added_at, updated_at) VALUES (?1, ?2, 'new', ?3, ?4, ?5, ?5)"
                                          " ON CONFLICT (job_id, candidate_id) DO NOTHING", error);
    ok = st != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (st, 1, job_id);
        sqlite3_bind_int64 (st, 2, candidate_id);
        if (score >= 0)
          sqlite3_bind_double (st, 3, score);
        else
          sqlite3_bind_null (st, 3);
        sl_stmt_bind_text (st, 4, summary);
        sl_stmt_bind_text (st, 5, now);
        ok = sl_store_step_done (store, st, "Could not add to the shortlist", error);
      }
  }
  /* The first history row says when it was added (from == to). */
  if (ok && sqlite3_changes (sl_store_get_db (store)) > 0)
    ok = add_history (store, job_id, candidate_id, "new", "new", now, error);
  return sl_store_tx_end (store, ok, ok ? error : NULL) && ok;
}

gboolean
sl_store_shortlist_remove (SlStore     *store,
                           gint64       job_id,
                           gint64       candidate_id,
                           GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sl_store_tx_begin (store, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store,
                                          "DELETE FROM shortlist_entries WHERE job_id = ? AND candidate_id = ?", error);
    ok = st != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (st, 1, job_id);
        sqlite3_bind_int64 (st, 2, candidate_id);
        ok = run_write (store, st, "Could not remove from the shortlist",
                        "The candidate is not on this shortlist", error);
      }
  }
  if (ok)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (store,
                                            "DELETE FROM shortlist_history WHERE job_id = ? AND candidate_id = ?", error);
      ok = st != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (st, 1, job_id);
          sqlite3_bind_int64 (st, 2, candidate_id);
          ok = sl_store_step_done (store, st, "Could not remove the stage history", error);
        }
    }
  return sl_store_tx_end (store, ok, ok ? error : NULL) && ok;
}

gboolean
sl_store_shortlist_set_stage (SlStore     *store,
                              gint64       job_id,
                              gint64       candidate_id,
                              SlStage      stage,
                              GError     **error)
{
  g_autofree char *now = sl_now_iso8601 ();
  g_autofree char *old = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) stage < SL_STAGE_N_STAGES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sl_store_tx_begin (store, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store,
                                          "SELECT stage FROM shortlist_entries WHERE job_id = ? AND candidate_id = ?",
                                          error);
    ok = st != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (st, 1, job_id);
        sqlite3_bind_int64 (st, 2, candidate_id);
        if (sqlite3_step (st) == SQLITE_ROW)
          old = sl_stmt_dup_text (st, 0);
        else
          {
            g_set_error_literal (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                                 "The candidate is not on this shortlist");
            ok = FALSE;
          }
      }
  }
  if (ok && g_strcmp0 (old, stage_names[stage]) != 0)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (store,
                                            "UPDATE shortlist_entries SET stage = ?, updated_at = ?"
                                            " WHERE job_id = ? AND candidate_id = ?", error);
      ok = st != NULL;
      if (ok)
        {
          sl_stmt_bind_text (st, 1, stage_names[stage]);
          sl_stmt_bind_text (st, 2, now);
          sqlite3_bind_int64 (st, 3, job_id);
          sqlite3_bind_int64 (st, 4, candidate_id);
          ok = sl_store_step_done (store, st, "Could not change the stage", error);
        }
      if (ok)
        ok = add_history (store, job_id, candidate_id, old, stage_names[stage], now, error);
    }
  return sl_store_tx_end (store, ok, ok ? error : NULL) && ok;
}

gboolean
sl_store_shortlist_set_note (SlStore     *store,
                             gint64       job_id,
                             gint64       candidate_id,
                             const char  *note,
                             GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = sl_store_stmt (store,
                      "UPDATE shortlist_entries SET note = ?, updated_at = ?"
                      " WHERE job_id = ? AND candidate_id = ?", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, sl_str_empty (note) ? NULL : note);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, job_id);
  sqlite3_bind_int64 (st, 4, candidate_id);
  return run_write (store, st, "Could not save the note", "The candidate is not on this shortlist", error);
}

/* Stage order for sorting: the enum's order, written as a CASE. */
#define STAGE_ORDER \
  "CASE e.stage WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'interview' THEN 2" \
  " WHEN 'offer' THEN 3 WHEN 'hired' THEN 4 WHEN 'rejected' THEN 5 ELSE 6 END"

GPtrArray *
sl_store_shortlist_list (SlStore  *store,
                         gint64    job_id,
                         GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_shortlist_entry_free);
  int rc;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The candidate's live profile gives name and title (the candidate row
   * only knows the name). */
  st = sl_store_stmt (store,
                      "SELECT e.job_id, e.candidate_id, p.id, coalesce (p.name, c.name), p.current_title,"
                      " coalesce (p.email, c.email), e.stage, e.note, e.score, e.summary, e.added_at, e.updated_at"
                      " FROM shortlist_entries e JOIN candidates c ON c.id = e.candidate_id"
                      " LEFT JOIN candidate_profiles p ON p.id = (SELECT max (id) FROM candidate_profiles"
                      "   WHERE candidate_id = e.candidate_id AND deleted = 0)"
                      " WHERE e.job_id = ?"
                      " ORDER BY " STAGE_ORDER ", coalesce (e.score, -1) DESC,"
                      " coalesce (p.name, c.name) COLLATE NOCASE, e.candidate_id", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, job_id);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      SlShortlistEntry *e = g_new0 (SlShortlistEntry, 1);

      e->job_id = sqlite3_column_int64 (st, 0);
      e->candidate_id = sqlite3_column_int64 (st, 1);
      e->profile_id = sqlite3_column_int64 (st, 2);
      e->name = sl_stmt_dup_text (st, 3);
      e->title = sl_stmt_dup_text (st, 4);
      e->email = sl_stmt_dup_text (st, 5);
      e->stage = stage_or_new ((const char *) sqlite3_column_text (st, 6));
      e->note = sl_stmt_dup_text (st, 7);
      e->score = sqlite3_column_type (st, 8) == SQLITE_NULL ? -1.0 : sqlite3_column_double (st, 8);
      e->summary = sl_stmt_dup_text (st, 9);
      e->added_at = sl_stmt_dup_text (st, 10);
      e->updated_at = sl_stmt_dup_text (st, 11);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (store, rc, "Could not read the shortlist", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
sl_store_shortlist_history (SlStore  *store,
                            gint64    job_id,
                            gint64    candidate_id,
                            GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_stage_change_free);
  int rc;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (store,
                      "SELECT from_stage, to_stage, at FROM shortlist_history"
                      " WHERE job_id = ? AND candidate_id = ? ORDER BY id", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, job_id);
  sqlite3_bind_int64 (st, 2, candidate_id);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      SlStageChange *c = g_new0 (SlStageChange, 1);
      c->from = stage_or_new ((const char *) sqlite3_column_text (st, 0));
      c->to = stage_or_new ((const char *) sqlite3_column_text (st, 1));
      c->at = sl_stmt_dup_text (st, 2);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (store, rc, "Could not read the stage history", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Export ------------------------------------------------------------------------ */

gboolean
sl_shortlist_export_csv (SlStore        *store,
                         gint64          job_id,
                         gboolean        blind,
                         GOutputStream  *out,
                         GCancellable   *cancellable,
                         GError        **error)
{
  const char *headers[] = {
    N_("Name"), N_("E-mail"), N_("Phone"), N_("Title"), N_("Stage"), N_("Score"),
    N_("Breakdown"), N_("Note"), N_("Added"),
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) buf = g_string_new (NULL);
  guint first_col = blind ? 3 : 0;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_row (store, "SELECT 1 FROM jobs WHERE id = ?", job_id, "There is no such job", error))
    return FALSE;
  entries = sl_store_shortlist_list (store, job_id, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = first_col; i < G_N_ELEMENTS (headers); i++)
    sl_csv_append_cell (buf, g_dgettext (GETTEXT_PACKAGE, headers[i]), ',', i == first_col, TRUE);
  sl_csv_end_row (buf);
  for (guint i = 0; i < entries->len; i++)
    {
      const SlShortlistEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *phone = NULL;
      g_autofree char *score = NULL;

      if (!blind)
        {
          g_autoptr(SlStmt) st = sl_store_stmt (store,
                                                "SELECT personal_info ->> '$.phone' FROM candidate_profiles WHERE id = ?",
                                                error);
          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, e->profile_id);
          if (sqlite3_step (st) == SQLITE_ROW)
            phone = sl_stmt_dup_text (st, 0);
          sl_csv_append_cell (buf, e->name, ',', TRUE, TRUE);
          sl_csv_append_cell (buf, e->email, ',', FALSE, TRUE);
          sl_csv_append_cell (buf, phone, ',', FALSE, TRUE);
        }
      if (e->score >= 0)
        score = g_strdup_printf ("%.0f", e->score);
      sl_csv_append_cell (buf, e->title, ',', blind, TRUE);
      sl_csv_append_cell (buf, sl_stage_label (e->stage), ',', FALSE, TRUE);
      sl_csv_append_cell (buf, score, ',', FALSE, TRUE);
      sl_csv_append_cell (buf, e->summary, ',', FALSE, TRUE);
      sl_csv_append_cell (buf, e->note, ',', FALSE, TRUE);
      sl_csv_append_cell (buf, e->added_at, ',', FALSE, TRUE);
      sl_csv_end_row (buf);
    }
  return g_output_stream_write_all (out, buf->str, buf->len, NULL, cancellable, error);
}
