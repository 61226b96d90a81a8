/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-extras.c: notes, tags and saved searches.
 */
#include "config.h"

#include "core/sl-util.h"
#include "sl-query.h"
#include "sl-store-extras.h"
#include "sl-store-private.h"

/* One write statement in a short transaction; @must_change reports a
 * missing row as NOT_FOUND. */
static gboolean
write_one (SlStore     *self,
           SlStmt      *st,
           gboolean     must_change,
           const char  *what,
           GError     **error)
{
  gboolean ok;

  if (!sl_store_tx_begin (self, error))
    return FALSE;
  ok = sl_store_step_done (self, st, what, error);
  if (ok && must_change && sqlite3_changes (sl_store_get_db (self)) == 0)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND, "%s: not found", what);
      ok = FALSE;
    }
  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  return ok;
}

static gboolean
candidate_exists (SlStore  *self,
                  gint64    candidate_id,
                  GError  **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "SELECT 1 FROM candidates WHERE id = ?", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, candidate_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
               "There is no candidate %" G_GINT64_FORMAT, candidate_id);
  return FALSE;
}

/* Notes ------------------------------------------------------------------- */

void
sl_note_free (SlNote *n)
{
  if (n == NULL)
    return;
  g_free (n->uuid);
  g_free (n->body);
  g_free (n->created_at);
  g_free (n->updated_at);
  g_free (n);
}

gint64
sl_store_add_note (SlStore     *self,
                   gint64       candidate_id,
                   const char  *body,
                   GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), 0);
  g_return_val_if_fail (body != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!candidate_exists (self, candidate_id, error))
    return 0;
  st = sl_store_stmt (self,
                      "INSERT INTO candidate_notes (uuid, candidate_id, body, created_at, updated_at)"
                      " VALUES (?, ?, ?, ?4, ?4)", error);
  if (st == NULL)
    return 0;
  sl_stmt_bind_text (st, 1, uuid);
  sqlite3_bind_int64 (st, 2, candidate_id);
  sl_stmt_bind_text (st, 3, body);
  sl_stmt_bind_text (st, 4, now);
  if (!write_one (self, st, FALSE, "Could not add the note", error))
    return 0;
  return sqlite3_last_insert_rowid (sl_store_get_db (self));
}

gboolean
sl_store_update_note (SlStore     *self,
                      gint64       note_id,
                      const char  *body,
                      GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  st = sl_store_stmt (self, "UPDATE candidate_notes SET body = ?, updated_at = ? WHERE id = ?", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, body);
  sl_stmt_bind_text (st, 2, now);
  sqlite3_bind_int64 (st, 3, note_id);
  return write_one (self, st, TRUE, "Note", error);
}

gboolean
sl_store_delete_note (SlStore  *self,
                      gint64    note_id,
                      GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  st = sl_store_stmt (self, "DELETE FROM candidate_notes WHERE id = ?", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, note_id);
  return write_one (self, st, TRUE, "Note", error);
}

static gpointer
read_note (SlStmt *st)
{
  SlNote *n = g_new0 (SlNote, 1);

  n->id = sqlite3_column_int64 (st, 0);
  n->uuid = sl_stmt_dup_text (st, 1);
  n->candidate_id = sqlite3_column_int64 (st, 2);
  n->body = sl_stmt_dup_text (st, 3);
  n->created_at = sl_stmt_dup_text (st, 4);
  n->updated_at = sl_stmt_dup_text (st, 5);
  return n;
}

GPtrArray *
sl_store_list_notes (SlStore  *self,
                     gint64    candidate_id,
                     GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self,
                      "SELECT id, uuid, candidate_id, body, created_at, updated_at FROM candidate_notes"
                      " WHERE candidate_id = ? ORDER BY created_at DESC, id DESC", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, candidate_id);
  return sl_store_read_rows (self, st, read_note, (GDestroyNotify) sl_note_free, "the notes", error);
}

/* Tags -------------------------------------------------------------------- */

static char *
clean_tag (const char  *tag,
           GError     **error)
{
  char *clean = sl_strdup_clean (tag);

  if (clean == NULL)
    g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID, "A tag must not be empty");
  return clean;
}

gboolean
sl_store_add_tag (SlStore     *self,
                  gint64       candidate_id,
                  const char  *tag,
                  GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((name = clean_tag (tag, error)) == NULL || !candidate_exists (self, candidate_id, error))
    return FALSE;
  if (!sl_store_tx_begin (self, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (self,
                                          "INSERT INTO tags (name, created_at) VALUES (?, ?)"
                                          " ON CONFLICT (name) DO NOTHING", error);
    ok = st != NULL;
    if (ok)
      {
        sl_stmt_bind_text (st, 1, name);
        sl_stmt_bind_text (st, 2, now);
        ok = sl_store_step_done (self, st, "Could not create the tag", error);
      }
  }
  if (ok)
    {
      g_autoptr(SlStmt) st = sl_store_stmt (self,
                                            "INSERT OR IGNORE INTO candidate_tags (candidate_id, tag_id, created_at)"
                                            " SELECT ?, id, ? FROM tags WHERE name = ?", error);
      ok = st != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (st, 1, candidate_id);
          sl_stmt_bind_text (st, 2, now);
          sl_stmt_bind_text (st, 3, name);
          ok = sl_store_step_done (self, st, "Could not tag the candidate", error);
        }
    }
  if (!sl_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  return ok;
}

gboolean
sl_store_remove_tag (SlStore     *self,
                     gint64       candidate_id,
                     const char  *tag,
                     GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  if ((name = clean_tag (tag, error)) == NULL)
    return FALSE;
  st = sl_store_stmt (self,
                      "DELETE FROM candidate_tags WHERE candidate_id = ?"
                      " AND tag_id = (SELECT id FROM tags WHERE name = ?)", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, candidate_id);
  sl_stmt_bind_text (st, 2, name);
  return write_one (self, st, FALSE, "Could not remove the tag", error);
}

GStrv
sl_store_list_tags (SlStore  *self,
                    gint64    candidate_id,
                    GError  **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  if (candidate_id > 0)
    {
      st = sl_store_stmt (self,
                          "SELECT t.name FROM candidate_tags ct JOIN tags t ON t.id = ct.tag_id"
                          " WHERE ct.candidate_id = ? ORDER BY t.name", error);
      if (st != NULL)
        sqlite3_bind_int64 (st, 1, candidate_id);
    }
  else
    st = sl_store_stmt (self, "SELECT name FROM tags ORDER BY name", error);
  if (st == NULL)
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (st, 0));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "Could not read the tags", error);
      return NULL;
    }
  return g_strv_builder_end (b);
}

/* Saved searches ---------------------------------------------------------- */

void
sl_saved_search_free (SlSavedSearch *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->query);
  g_free (s->updated_at);
  g_free (s);
}

gboolean
sl_store_save_search (SlStore     *self,
                      const char  *name,
                      const char  *query,
                      GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(SlQuery) parsed = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = sl_now_iso8601 ();

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && query != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((clean = sl_strdup_clean (name)) == NULL)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID, "A saved search needs a name");
      return FALSE;
    }
  if ((parsed = sl_query_parse (query, error)) == NULL)
    return FALSE;
  st = sl_store_stmt (self,
                      "INSERT INTO saved_searches (name, query, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"
                      " ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at",
                      error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, clean);
  sl_stmt_bind_text (st, 2, query);
  sl_stmt_bind_text (st, 3, now);
  return write_one (self, st, FALSE, "Could not save the search", error);
}

gboolean
sl_store_delete_saved_search (SlStore     *self,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  st = sl_store_stmt (self, "DELETE FROM saved_searches WHERE name = ?", error);
  if (st == NULL)
    return FALSE;
  sl_stmt_bind_text (st, 1, name);
  return write_one (self, st, TRUE, "Saved search", error);
}

static gpointer
read_saved_search (SlStmt *st)
{
  SlSavedSearch *s = g_new0 (SlSavedSearch, 1);

  s->id = sqlite3_column_int64 (st, 0);
  s->name = sl_stmt_dup_text (st, 1);
  s->query = sl_stmt_dup_text (st, 2);
  s->updated_at = sl_stmt_dup_text (st, 3);
  return s;
}

GPtrArray *
sl_store_list_saved_searches (SlStore  *self,
                              GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  st = sl_store_stmt (self, "SELECT id, name, query, updated_at FROM saved_searches ORDER BY name", error);
  if (st == NULL)
    return NULL;
  return sl_store_read_rows (self, st, read_saved_search, (GDestroyNotify) sl_saved_search_free,
                             "the saved searches", error);
}
