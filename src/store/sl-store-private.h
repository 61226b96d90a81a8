/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-private.h: what the files of the store room share: the statement
 * cache, transactions and small helpers.  Not for other rooms.
 */
#pragma once

#include <sqlite3.h>

#include "sl-store.h"
#include "sl-store-intake.h"

G_BEGIN_DECLS

/* A cached statement; g_autoptr(SlStmt) resets it and clears its binds when
 * it goes out of scope, so it never holds a read lock by accident. */
typedef sqlite3_stmt SlStmt;

void      sl_stmt_release          (SlStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStmt, sl_stmt_release)

sqlite3  *sl_store_get_db          (SlStore    *self);

/* Prepared once per connection (SQLITE_PREPARE_PERSISTENT), keyed by the
 * SQL text; NULL with @error when the SQL does not prepare. */
SlStmt   *sl_store_stmt            (SlStore    *self,
                                    const char *sql,
                                    GError    **error);

/* Sets @error from the connection's last error.  Returns FALSE. */
gboolean  sl_store_set_sqlite_error (SlStore    *self,
                                     int         rc,
                                     const char *what,
                                     GError    **error);

/* Steps a statement that returns no rows (or ignores them). */
gboolean  sl_store_step_done       (SlStore    *self,
                                    SlStmt     *stmt,
                                    const char *what,
                                    GError    **error);

/* Runs SQL text without binds (schema, pragmas, savepoints). */
gboolean  sl_store_exec            (SlStore    *self,
                                    const char *sql,
                                    GError    **error);

/* Nested transaction helpers: the outermost begin is BEGIN IMMEDIATE,
 * inner ones only count.  end(ok=FALSE) rolls back the outermost. */
gboolean  sl_store_tx_begin        (SlStore    *self,
                                    GError    **error);
gboolean  sl_store_tx_end          (SlStore    *self,
                                    gboolean    ok,
                                    GError    **error);

gboolean  sl_store_is_readonly     (SlStore    *self);

/* Bulk mode: the FTS triggers are off and rows with id >= first id are
 * indexed in one batch at the end of the bulk transaction. */
gint64    sl_store_bulk_first_id   (SlStore    *self);
void      sl_store_set_bulk_first_id (SlStore  *self,
                                      gint64    first_id);

/* Column text as a new string (NULL for SQL NULL). */
char     *sl_stmt_dup_text         (SlStmt     *stmt,
                                    int         col) G_GNUC_WARN_UNUSED_RESULT;

/* Inserts a candidate (created and updated @now); its id, 0 with @error
 * set on failure (sl-store-profiles.c). */
gint64    sl_store_insert_candidate (SlStore    *self,
                                     const char *uuid,
                                     const char *name,
                                     const char *email,
                                     const char *phone,
                                     const char *now,
                                     GError    **error);

/* Steps @stmt to its one row: TRUE on it; FALSE with @error set to
 * SL_STORE_ERROR_NOT_FOUND (@missing) when there is none, or to the
 * SQLite error ("Could not read @what") when the step fails. */
gboolean  sl_store_step_row        (SlStore    *self,
                                    SlStmt     *stmt,
                                    const char *missing,
                                    const char *what,
                                    GError    **error);

/* Makes one item of a row (sl_store_read_rows). */
typedef gpointer (*SlRowReader) (SlStmt *stmt);

/* Steps @stmt to its end: a new array of what @read made of each row,
 * freed with @free_func; NULL with @error set ("Could not read @what")
 * when a step fails. */
GPtrArray *sl_store_read_rows     (SlStore        *self,
                                   SlStmt         *stmt,
                                   SlRowReader     read,
                                   GDestroyNotify  free_func,
                                   const char     *what,
                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* The value of @key in store_state as text; NULL when it is not set. */
char     *sl_store_get_state       (SlStore    *self,
                                    const char *key) G_GNUC_WARN_UNUSED_RESULT;

static inline void
sl_stmt_bind_text (SlStmt     *stmt,
                   int         idx,
                   const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

static inline void
sl_stmt_bind_id (SlStmt *stmt,
                 int     idx,
                 gint64  id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

/* audit_log: never personal data in @details (a JSON object or NULL). */
gboolean  sl_store_audit           (SlStore    *self,
                                    const char *action,
                                    const char *entity,
                                    const char *entity_uuid,
                                    const char *details,
                                    GError    **error);

/* Binds a profile's section columns to 1..10 and its denormalised columns
 * (name .. schools_text, 10 of them) from @first (sl-store-profiles.c). */
void      sl_store_bind_profile_columns (SlStmt          *st,
                                         int              first,
                                         const SlProfile *profile);

/* file_intake_queue rows as SlIntakeRecord: the column list every SELECT or
 * RETURNING uses, and the reader for it (sl-store-intake.c). */
#define SL_INTAKE_RECORD_COLUMNS \
  "qid, uuid, path, original_name, sha256, size, mime, source, status, error," \
  " profile_id, archive_path, archived_at, metadata, created_at, updated_at"
SlIntakeRecord *sl_intake_record_from_row (SlStmt *st) G_GNUC_WARN_UNUSED_RESULT;
/* Steps @st once: the record of its first row, or NULL when there is none
 * (error unset) or the step failed (error set). */
SlIntakeRecord *sl_store_intake_step_one  (SlStore  *self,
                                           SlStmt   *st,
                                           GError  **error) G_GNUC_WARN_UNUSED_RESULT;

/* The FTS column list of profiles_fts, in order, as SQL text. */
#define SL_FTS_COLUMNS "name, email, skills_text, titles_text, companies_text, schools_text, location, raw_text"

G_END_DECLS
