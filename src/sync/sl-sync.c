/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync.c: the SlSync object: connection settings, errors a recruiter can
 * act on, one run (push then pull), the GTask variant, status and periodic
 * sync.
 */
#include "config.h"

#include <string.h>

#include "core/sl-util.h"
#include "sl-sync-private.h"

G_DEFINE_QUARK (sl-sync-error-quark, sl_sync_error)

struct _SlSync
{
  GObject          parent_instance;

  char            *store_path;
  char            *conninfo;
  GMutex           lock;          /* guards password, running, hook */
  GMutex           run_lock;      /* one run at a time */
  char            *password;
  guint            batch_size;
  gboolean         running;
  SlSyncBatchHook  hook;
  gpointer         hook_data;
  guint            interval_id;
  GMainContext    *interval_context;
};

G_DEFINE_FINAL_TYPE (SlSync, sl_sync, G_TYPE_OBJECT)

enum
{
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* libpq helpers ---------------------------------------------------------------- */

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* libpq's message without the trailing newline, and only the first line:
 * enough to act on, no noise. */
static char *
first_line (const char *msg)
{
  const char *nl;

  if (msg == NULL)
    return g_strdup ("no details");
  nl = strchr (msg, '\n');
  return g_strstrip (nl != NULL ? g_strndup (msg, nl - msg) : g_strdup (msg));
}

/* Server notices (e.g. "terminating connection") go to the debug log,
 * not to stderr. */
static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("server: %s", message);
}

PGconn *
sl_sync_pg_connect (const char  *conninfo,
                    const char  *password,
                    GError     **error)
{
  /* Later keywords win: connect_timeout and application_name are defaults
   * the connection string may override; the password overrides it. */
  const char *keys[] = { "connect_timeout", "application_name", "dbname", "password", NULL };
  const char *values[] = { "10", "shortlist", conninfo, password, NULL };
  g_autofree char *detail = NULL;
  PGconn *conn;

  if (password == NULL)
    keys[3] = NULL;
  conn = PQconnectdbParams (keys, values, 1);
  if (conn == NULL)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL, "Out of memory connecting to the server");
      return NULL;
    }
  if (PQstatus (conn) == CONNECTION_OK)
    {
      PQsetNoticeProcessor (conn, notice_cb, NULL);
      /* Plain, predictable sessions whatever the server's defaults.  No
       * JIT: the batch statements are short, and compiling them (the
       * planner's costs for the look-ups pass jit_above_cost) took longer
       * than running them. */
      PQclear (PQexec (conn, "SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET jit = off"));
      return conn;
    }

  {
    const char *msg = PQerrorMessage (conn);
    const char *host = PQhost (conn);
    const char *port = PQport (conn);
    const char *user = PQuser (conn);
    g_autofree char *where = g_strdup_printf ("%s%s%s", host != NULL && host[0] ? host : "localhost",
                                              port != NULL && port[0] ? ":" : "",
                                              port != NULL ? port : "");
    const char *db = PQdb (conn);

    detail = first_line (msg);
    /* Strip libpq's "connection to server at … failed: " prefix. */
    if (contains (detail, "failed: "))
      {
        char *rest = g_strdup (strstr (detail, "failed: ") + strlen ("failed: "));
        g_free (detail);
        detail = rest;
      }

    if (contains (msg, "does not support SSL"))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_TLS,
                   "The sync server %s does not offer TLS (encryption), but the connection "
                   "settings require it (sslmode). Ask the administrator to turn on ssl on the "
                   "server; keep the requirement on an untrusted network.",
                   where);
    else if (contains (msg, "certificate") || contains (msg, "SSL error"))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_TLS,
                   "The sync server %s could not be verified: %s. Check the CA certificate "
                   "(sslrootcert) and the host name in the connection settings.",
                   where, detail);
    else if (PQconnectionNeedsPassword (conn))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH,
                   "The sync server %s asks for a password for user “%s” and none was given. "
                   "Enter it in Preferences → Team sync (or in the URI, PGPASSWORD or ~/.pgpass).",
                   where, user != NULL ? user : "");
    else if (contains (msg, "password authentication failed") ||
             contains (msg, "authentication failed"))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH,
                   "Wrong password for user “%s” on the sync server %s. Check the password "
                   "in Preferences → Team sync. (%s)",
                   user != NULL ? user : "", where, detail);
    else if (contains (msg, "pg_hba.conf") ||
             (contains (msg, "role \"") && contains (msg, "does not exist")) ||
             contains (msg, "permission denied for database") ||
             contains (msg, "not permitted to log in"))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH,
                   "The sync server %s does not let user “%s” in: %s. Ask the administrator "
                   "for a login role in the %s group.",
                   where, user != NULL ? user : "", detail, SL_SYNC_GROUP_ROLE);
    else if (contains (msg, "database \"") && contains (msg, "does not exist"))
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The sync server %s has no database “%s”. Check the database name.",
                   where, db != NULL ? db : "");
    else
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNREACHABLE,
                   "Cannot reach the sync server %s (%s). Your changes stay queued on this "
                   "laptop and go out with the next sync.",
                   where, detail);
  }
  PQfinish (conn);
  return NULL;
}

gboolean
sl_sync_pg_error (PGconn      *conn,
                  PGresult    *res,
                  const char  *what,
                  GError     **error)
{
  const char *state = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *msg = res != NULL ? PQresultErrorMessage (res) : NULL;
  g_autofree char *detail = NULL;
  int code;

  if (msg == NULL || msg[0] == '\0')
    msg = PQerrorMessage (conn);
  detail = first_line (msg);

  if (PQstatus (conn) == CONNECTION_BAD ||
      (state != NULL && (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))) ||
      (state == NULL && res == NULL))
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNREACHABLE,
                   "%s: the connection to the sync server was lost (%s). Nothing was lost: "
                   "what was not acknowledged stays queued and goes out with the next sync.",
                   what, detail);
      return FALSE;
    }
  if (state != NULL && (g_str_has_prefix (state, "28") || g_str_equal (state, "42501")))
    code = SL_SYNC_ERROR_AUTH;
  else if (state != NULL && (g_str_equal (state, "42P01") || g_str_equal (state, "42703") ||
                             g_str_equal (state, "42883") || g_str_equal (state, "3F000")))
    code = SL_SYNC_ERROR_SCHEMA;
  else if (state != NULL && (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
                             g_str_equal (state, "55P03")))
    code = SL_SYNC_ERROR_CONFLICT;
  else
    code = SL_SYNC_ERROR_PROTOCOL;

  if (code == SL_SYNC_ERROR_AUTH)
    g_set_error (error, SL_SYNC_ERROR, code,
                 "%s: user “%s” lacks the rights (%s). Ask the administrator to run: GRANT %s TO %s;",
                 what, PQuser (conn), detail, SL_SYNC_GROUP_ROLE, PQuser (conn));
  else
    g_set_error (error, SL_SYNC_ERROR, code, "%s: %s", what, detail);
  return FALSE;
}

char *
sl_sync_pg_dup_value (PGresult *res,
                      int       row,
                      int       col)
{
  return PQgetisnull (res, row, col) ? NULL : g_strdup (PQgetvalue (res, row, col));
}

gint64
sl_sync_pg_int_value (PGresult *res,
                      int       row,
                      int       col)
{
  return PQgetisnull (res, row, col) ? 0 : g_ascii_strtoll (PQgetvalue (res, row, col), NULL, 10);
}

gboolean
sl_sync_pg_exec (PGconn      *conn,
                 const char  *sql,
                 const char  *what,
                 GError     **error)
{
  g_autoptr(SlPgResult) res = PQexec (conn, sql);
  ExecStatusType st = PQresultStatus (res);

  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
    return TRUE;
  return sl_sync_pg_error (conn, res, what, error);
}

/* The object ---------------------------------------------------------------------- */

SlSync *
sl_sync_new (const char *store_path,
             const char *conninfo)
{
  SlSync *self;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (SL_TYPE_SYNC, NULL);
  self->store_path = g_strdup (store_path);
  self->conninfo = g_strdup (conninfo);
  return self;
}

static void
append_kw (GString    *s,
           const char *key,
           const char *value)
{
  if (sl_str_empty (value))
    return;
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append_printf (s, "%s='", key);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
}

char *
sl_sync_build_conninfo (const char *host,
                        int         port,
                        const char *dbname,
                        const char *user,
                        const char *sslmode)
{
  GString *s = g_string_new (NULL);
  g_autofree char *port_s = port > 0 ? g_strdup_printf ("%d", port) : NULL;

  append_kw (s, "host", host);
  append_kw (s, "port", port_s);
  append_kw (s, "dbname", dbname);
  append_kw (s, "user", user);
  append_kw (s, "sslmode", sslmode != NULL ? sslmode : "prefer");
  return g_string_free (s, FALSE);
}

void
sl_sync_set_password (SlSync     *self,
                      const char *password)
{
  g_return_if_fail (SL_IS_SYNC (self));

  g_mutex_lock (&self->lock);
  if (self->password != NULL)
    {
      explicit_bzero (self->password, strlen (self->password));
      g_free (self->password);
    }
  self->password = g_strdup (password);
  g_mutex_unlock (&self->lock);
}

void
sl_sync_set_batch_size (SlSync *self,
                        guint   batch_size)
{
  g_return_if_fail (SL_IS_SYNC (self));
  g_return_if_fail (batch_size > 0);
  self->batch_size = batch_size;
}

guint
sl_sync_get_batch_size (SlSync *self)
{
  return self->batch_size;
}

void
sl_sync_set_batch_hook (SlSync          *self,
                        SlSyncBatchHook  hook,
                        gpointer         user_data)
{
  g_return_if_fail (SL_IS_SYNC (self));

  g_mutex_lock (&self->lock);
  self->hook = hook;
  self->hook_data = user_data;
  g_mutex_unlock (&self->lock);
}

gboolean
sl_sync_call_hook (SlSync          *self,
                   SlSyncHookPoint  point,
                   guint            batch,
                   GError         **error)
{
  SlSyncBatchHook hook;
  gpointer data;

  g_mutex_lock (&self->lock);
  hook = self->hook;
  data = self->hook_data;
  g_mutex_unlock (&self->lock);

  if (hook == NULL || hook (self, point, batch, data))
    return TRUE;
  g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
               "The sync was stopped in batch %u (test hook)", batch);
  return FALSE;
}

static PGconn *
connect_server (SlSync  *self,
                GError **error)
{
  g_autofree char *password = NULL;
  PGconn *conn;

  g_mutex_lock (&self->lock);
  password = g_strdup (self->password);
  g_mutex_unlock (&self->lock);
  conn = sl_sync_pg_connect (self->conninfo, password, error);
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  return conn;
}

gboolean
sl_sync_install_schema (SlSync        *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  PGconn *conn;
  gboolean ok;

  g_return_val_if_fail (SL_IS_SYNC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  conn = connect_server (self, error);
  if (conn == NULL)
    return FALSE;
  ok = sl_sync_schema_install (conn, error);
  PQfinish (conn);
  return ok;
}

static void
set_running (SlSync   *self,
             gboolean  running)
{
  g_mutex_lock (&self->lock);
  self->running = running;
  g_mutex_unlock (&self->lock);
}

gboolean
sl_sync_is_running (SlSync *self)
{
  gboolean running;

  g_return_val_if_fail (SL_IS_SYNC (self), FALSE);
  g_mutex_lock (&self->lock);
  running = self->running;
  g_mutex_unlock (&self->lock);
  return running;
}

gboolean
sl_sync_run (SlSync        *self,
             GCancellable  *cancellable,
             SlSyncStats   *stats_out,
             GError       **error)
{
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  SlSyncStats stats = { 0 };
  double t0 = sl_monotonic_ms ();
  PGconn *conn = NULL;
  gboolean ok;

  g_return_val_if_fail (SL_IS_SYNC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->run_lock);
  set_running (self, TRUE);

  store = sl_store_open (self->store_path, &local_error);
  ok = store != NULL;
  if (ok)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, &local_error);
  if (ok)
    ok = (conn = connect_server (self, &local_error)) != NULL;
  if (ok)
    ok = sl_sync_schema_check (conn, &local_error);
  if (ok)
    ok = sl_sync_push (self, conn, store, &stats, cancellable, &local_error);
  if (ok)
    ok = sl_sync_pull (self, conn, store, &stats, cancellable, &local_error);
  if (conn != NULL)
    PQfinish (conn);

  stats.seconds = (sl_monotonic_ms () - t0) / 1000.0;
  if (store != NULL)
    {
      /* The status line survives a restart; a failure to write it must not
       * hide the sync's own outcome. */
      g_autoptr(GError) status_error = NULL;
      g_autofree char *details = g_strdup_printf ("{\"ok\":%s,\"pushed\":%u,\"intake\":%u,"
                                                  "\"pulled\":%u,\"erased\":%u,\"conflicts\":%u}",
                                                  ok ? "true" : "false", stats.pushed, stats.intake,
                                                  stats.pulled, stats.erased, stats.conflicts);
      if (!sl_store_sync_record_attempt (store, ok ? NULL : local_error->message, details, &status_error))
        g_debug ("could not record the sync status: %s", status_error->message);
      stats.last_seq = sl_store_sync_get_last_seq (store);
    }
  if (ok)
    g_debug ("sync: pushed %u in %u batches, %u intake records, pulled %u, erased %u, conflicts %u, %.2f s",
             stats.pushed, stats.batches, stats.intake, stats.pulled, stats.erased, stats.conflicts,
             stats.seconds);
  else
    g_debug ("sync failed: %s", local_error->message);

  set_running (self, FALSE);
  g_mutex_unlock (&self->run_lock);

  if (stats_out != NULL)
    *stats_out = stats;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SlSyncStats *stats = g_new0 (SlSyncStats, 1);
  GError *error = NULL;

  if (sl_sync_run (source, cancellable, stats, &error))
    g_task_return_pointer (task, stats, g_free);
  else
    {
      g_free (stats);
      g_task_return_error (task, error);
    }
}

void
sl_sync_run_async (SlSync              *self,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SL_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_run_async);
  g_task_set_name (task, "shortlist sync");
  g_task_run_in_thread (task, run_thread);
}

gboolean
sl_sync_run_finish (SlSync        *self,
                    GAsyncResult  *result,
                    SlSyncStats   *stats,
                    GError       **error)
{
  g_autofree SlSyncStats *s = NULL;

  g_return_val_if_fail (SL_IS_SYNC (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_sync_run_async, FALSE);

  s = g_task_propagate_pointer (G_TASK (result), error);
  if (s == NULL)
    return FALSE;
  if (stats != NULL)
    *stats = *s;
  return TRUE;
}

SlStoreSyncStatus *
sl_sync_get_status (SlSync  *self,
                    GError **error)
{
  g_autoptr(SlStore) store = NULL;

  g_return_val_if_fail (SL_IS_SYNC (self), NULL);

  store = sl_store_open (self->store_path, error);
  if (store == NULL)
    return NULL;
  return sl_store_sync_get_status (store, error);
}

char *
sl_sync_status_describe (const SlStoreSyncStatus *status)
{
  GString *s = g_string_new (NULL);

  if (status == NULL)
    return g_string_free (s, FALSE);
  if (status->last_error != NULL)
    g_string_append_printf (s, "Sync failed: %s", status->last_error);
  else if (status->last_sync_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (status->last_sync_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (status->last_sync_at);
      g_string_append_printf (s, "Synced %s", when);
    }
  else
    g_string_append (s, "Never synced");

  if (status->pending == 1)
    g_string_append (s, " · 1 change waiting");
  else if (status->pending > 1)
    g_string_append_printf (s, " · %" G_GINT64_FORMAT " changes waiting", status->pending);
  return g_string_free (s, FALSE);
}

/* Periodic sync ------------------------------------------------------------------------ */

static void
periodic_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SlSync *self = SL_SYNC (source);
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };
  gboolean ok = sl_sync_run_finish (self, result, &stats, &error);

  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, ok, ok ? NULL : error->message);
}

static gboolean
periodic_tick (gpointer user_data)
{
  SlSync *self = user_data;

  if (!sl_sync_is_running (self))
    sl_sync_run_async (self, NULL, periodic_done, NULL);
  return G_SOURCE_CONTINUE;
}

void
sl_sync_set_interval (SlSync *self,
                      guint   seconds)
{
  g_return_if_fail (SL_IS_SYNC (self));

  if (self->interval_id != 0)
    {
      GSource *src = g_main_context_find_source_by_id (self->interval_context, self->interval_id);
      if (src != NULL)
        g_source_destroy (src);
      self->interval_id = 0;
      g_clear_pointer (&self->interval_context, g_main_context_unref);
    }
  if (seconds == 0)
    return;
  {
    g_autoptr(GSource) src = g_timeout_source_new_seconds (seconds);
    self->interval_context = g_main_context_ref_thread_default ();
    /* The source holds no reference: dispose removes it. */
    g_source_set_callback (src, periodic_tick, self, NULL);
    g_source_set_name (src, "shortlist periodic sync");
    self->interval_id = g_source_attach (src, self->interval_context);
  }
}

/* GObject ------------------------------------------------------------------------------ */

static void
sl_sync_dispose (GObject *object)
{
  sl_sync_set_interval (SL_SYNC (object), 0);
  G_OBJECT_CLASS (sl_sync_parent_class)->dispose (object);
}

static void
sl_sync_finalize (GObject *object)
{
  SlSync *self = SL_SYNC (object);

  sl_sync_set_password (self, NULL);
  g_free (self->store_path);
  g_free (self->conninfo);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->run_lock);
  G_OBJECT_CLASS (sl_sync_parent_class)->finalize (object);
}

static void
sl_sync_class_init (SlSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_dispose;
  object_class->finalize = sl_sync_finalize;

  /**
   * SlSync::finished:
   * @success: whether the periodic run succeeded
   * @message: (nullable): the error message when it failed
   *
   * Emitted on the main context after each periodic run.
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
sl_sync_init (SlSync *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->run_lock);
  self->batch_size = 1000;
}
