/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-private.h: what the files of the sync room share.
 */
#pragma once

#include <libpq-fe.h>

#include "sl-sync.h"

G_BEGIN_DECLS

/* A PGresult freed by g_autoptr. */
typedef PGresult SlPgResult;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPgResult, PQclear)

/* The key of the advisory lock that serialises writers, so that change
 * numbers become visible in the order they were taken (a reader never
 * skips a number committed later). */
#define SL_SYNC_LOCK_KEY "7035251"

/* Connects; on failure sets UNREACHABLE or AUTH with a message naming the
 * host, port and user (never the password). */
PGconn     *sl_sync_pg_connect        (const char  *conninfo,
                                       const char  *password,
                                       GError     **error);

/* Sets @error from a failed result or a broken connection.  Returns FALSE. */
gboolean    sl_sync_pg_error          (PGconn      *conn,
                                       PGresult    *res,
                                       const char  *what,
                                       GError     **error);

/* Runs SQL without parameters; TRUE when it succeeded. */
gboolean    sl_sync_pg_exec           (PGconn      *conn,
                                       const char  *sql,
                                       const char  *what,
                                       GError     **error);

/* A field of @res as a new string (NULL for SQL NULL), or as a number (0
 * for SQL NULL). */
char       *sl_sync_pg_dup_value      (PGresult    *res,
                                       int          row,
                                       int          col) G_GNUC_WARN_UNUSED_RESULT;
gint64      sl_sync_pg_int_value      (PGresult    *res,
                                       int          row,
                                       int          col);

/* sl-sync-schema.c */
gboolean    sl_sync_schema_install    (PGconn      *conn,
                                       GError     **error);
gboolean    sl_sync_schema_check      (PGconn      *conn,
                                       GError     **error);

/* sl-sync-push.c / sl-sync-pull.c */
gboolean    sl_sync_push              (SlSync        *self,
                                       PGconn        *conn,
                                       SlStore       *store,
                                       SlSyncStats   *stats,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean    sl_sync_pull              (SlSync        *self,
                                       PGconn        *conn,
                                       SlStore       *store,
                                       SlSyncStats   *stats,
                                       GCancellable  *cancellable,
                                       GError       **error);

guint       sl_sync_get_batch_size    (SlSync          *self);
gboolean    sl_sync_call_hook         (SlSync          *self,
                                       SlSyncHookPoint  point,
                                       guint            batch,
                                       GError         **error);

/* ISO 8601 UTC with microseconds, as the store writes them (and as
 * timestamptz keeps them: the round trip is exact). */
#define SL_SYNC_PG_TIME(col) \
  "to_char (" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

G_END_DECLS
