/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync.h: team sync with a central PostgreSQL (libpq).
 *
 * Offline first: every local change is already in the store's outbox
 * (sl-store-sync.h).  A sync pushes the outbox in batches (COPY into a temp
 * table, then set-based upserts keyed by uuid, one server transaction per
 * batch; outbox rows are removed only after that transaction committed),
 * then pulls every change with a server change number above the last one
 * seen.  When two laptops edited the same profile, the newer updated_at
 * wins (device id breaks a tie); the loser is kept in the profile history
 * (reason "sync-conflict") on both laptops.  The same rule makes one
 * profile of two laptops' imports of one person (same e-mail): the
 * server's uuid survives with the newer version, the other version goes to
 * its history on both laptops.  Intake records are pushed too (one way).
 * Every run writes an audit row "sync" with its counts. 
 *
 * Threading: an SlSync may be shared; each run opens its own store
 * connection and server connection, and runs are serialised.  Call
 * sl_sync_run from a worker thread, or sl_sync_run_async from the UI.
 */
#pragma once

#include <gio/gio.h>

#include "store/sl-store-sync.h"

G_BEGIN_DECLS

#define SL_SYNC_ERROR (sl_sync_error_quark ())

typedef enum
{
  SL_SYNC_ERROR_UNREACHABLE,  /* no route, refused, timed out, connection lost */
  SL_SYNC_ERROR_AUTH,         /* wrong password / unknown role / missing grants */
  SL_SYNC_ERROR_SCHEMA,       /* no Shortlist schema, or an older/newer one */
  SL_SYNC_ERROR_CONFLICT,     /* the server refused a write it could not merge
                               * (another writer's lock, a serialization failure);
                               * retrying later is safe */
  SL_SYNC_ERROR_PROTOCOL,     /* anything else the server or the data did wrong */
  SL_SYNC_ERROR_TLS,          /* TLS required but not offered, or the server's
                               * certificate could not be verified */
} SlSyncError;

GQuark sl_sync_error_quark (void);

/* The version of the central schema this code installs and expects. */
#define SL_SYNC_SCHEMA_VERSION 2

/* The group role that gets the grants a recruiter's role needs. */
#define SL_SYNC_GROUP_ROLE "shortlist_sync"

typedef struct
{
  guint   pushed;       /* outbox rows the server accepted (incl. erases) */
  guint   pulled;       /* changed profiles applied locally */
  guint   erased;       /* profiles erased here because another laptop erased them */
  guint   conflicts;    /* conflicts recorded in history on this laptop */
  guint   batches;      /* push batches committed */
  guint   intake;       /* intake records sent (incl. erased ones) */
  gint64  last_seq;     /* server change number seen after this sync */
  double  seconds;
} SlSyncStats;

#define SL_TYPE_SYNC (sl_sync_get_type ())
G_DECLARE_FINAL_TYPE (SlSync, sl_sync, SL, SYNC, GObject)

/* @store_path: the local database file.  @conninfo: a libpq URI
 * ("postgresql://user@host:5432/db?sslmode=require") or keyword string
 * ("host=… dbname=… user=… sslmode=prefer"); a password in it is used.
 * libpq's own sources apply too (PGPASSWORD, ~/.pgpass, service files). */
SlSync     *sl_sync_new                (const char   *store_path,
                                        const char   *conninfo) G_GNUC_WARN_UNUSED_RESULT;

/* Builds a keyword connection string from settings (NULL/0 = libpq's
 * default; @sslmode NULL = "prefer": TLS whenever the server offers it). */
char       *sl_sync_build_conninfo     (const char   *host,
                                        int           port,
                                        const char   *dbname,
                                        const char   *user,
                                        const char   *sslmode) G_GNUC_WARN_UNUSED_RESULT;

/* The password from libsecret (the app's hook): overrides one in the
 * connection string; NULL clears it.  Never logged. */
void        sl_sync_set_password       (SlSync       *self,
                                        const char   *password);

/* Rows per push batch / pull page (default 1000). */
void        sl_sync_set_batch_size     (SlSync       *self,
                                        guint         batch_size);

/* Creates or upgrades the central schema (tables, change sequence and
 * triggers, GIN index on skills, the shortlist_sync role's grants).  Needs
 * the owner role (or one allowed to create in the database); the
 * shortlist_sync role is created when the user may (CREATEROLE), else it must
 * exist.  Safe to run again. */
gboolean    sl_sync_install_schema     (SlSync        *self,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* One full sync (push then pull), blocking: call from a worker thread.
 * On failure everything not acknowledged stays queued and the next run
 * resumes; the error is also remembered for the status line. */
gboolean    sl_sync_run                (SlSync        *self,
                                        GCancellable  *cancellable,
                                        SlSyncStats   *stats,
                                        GError       **error);

void        sl_sync_run_async          (SlSync              *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    sl_sync_run_finish         (SlSync        *self,
                                        GAsyncResult  *result,
                                        SlSyncStats   *stats,
                                        GError       **error);

gboolean    sl_sync_is_running         (SlSync        *self);

/* For the status line: last sync time, pending changes, last error (read
 * from the local database, so it survives restarts). */
SlStoreSyncStatus *sl_sync_get_status  (SlSync        *self,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* One line for a status bar, e.g. "Synced 14:02 · 3 changes waiting" or
 * "Sync failed: Cannot reach …" (NULL store status = "Never synced"). */
char       *sl_sync_status_describe    (const SlStoreSyncStatus *status) G_GNUC_WARN_UNUSED_RESULT;

/* Periodic sync: every @seconds on the thread-default main context of the
 * caller (0 = off).  Each run is sl_sync_run_async; "finished" tells. */
void        sl_sync_set_interval       (SlSync        *self,
                                        guint          seconds);

/* ---- test hooks ---------------------------------------------------------- */

typedef enum
{
  SL_SYNC_HOOK_BEFORE_COMMIT,   /* a batch is merged on the server, not committed */
  SL_SYNC_HOOK_AFTER_COMMIT,    /* the server committed; the outbox still has the rows */
  SL_SYNC_HOOK_PULL_PAGE,       /* a pulled page is applied locally; the last seen
                                 * change number is not stored yet */
} SlSyncHookPoint;

/* Called on the syncing thread at each point of each batch or page (0-based).
 * Returning FALSE stops the sync there with SL_SYNC_ERROR_PROTOCOL, as if
 * the laptop had gone away at that moment. */
typedef gboolean (*SlSyncBatchHook) (SlSync          *sync,
                                     SlSyncHookPoint  point,
                                     guint            batch,
                                     gpointer         user_data);

void        sl_sync_set_batch_hook     (SlSync          *self,
                                        SlSyncBatchHook  hook,
                                        gpointer         user_data);

G_END_DECLS
