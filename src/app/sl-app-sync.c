/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sync/sl-sync.h"
#include "sl-app-sync.h"
#include "sl-secret.h"
#include "sl-window.h"
#include "sl-window-private.h"

struct _SlAppSync
{
  GObject        parent_instance;

  SlApplication *app;            /* weak: it owns us */
  GSettings     *settings;
  SlSync        *sync;           /* NULL while no server is set */
  char          *status;
  GCancellable  *cancellable;    /* keyring calls; cancelled on dispose */
  gboolean       running;        /* a run was asked for and has not ended */
  gboolean       periodic;       /* ... by the timer: no toasts */
  gboolean       waiting;        /* ... and waits for a password being stored */
  guint          stores;         /* passwords being stored in the keyring */
  guint          timer_id;       /* the periodic sync */
  guint          catch_up_id;    /* its first run, soon after start-up or a change */
};

G_DEFINE_FINAL_TYPE (SlAppSync, sl_app_sync, G_TYPE_OBJECT)

enum { PROP_0, PROP_STATUS, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define APP_SYNC_KEY "sl-app-sync"

static void
set_status (SlAppSync  *self,
            const char *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Like sl_sync_status_describe(), in the user's language. */
static char *
describe (const SlStoreSyncStatus *status)
{
  GString *s = g_string_new (NULL);

  if (status->last_error != NULL)
    g_string_append_printf (s, _("Sync failed: %s"), status->last_error);
  else if (status->last_sync_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (status->last_sync_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (status->last_sync_at);
      g_string_append_printf (s, _("Synced %s"), when);
    }
  else
    g_string_append (s, _("Never synced"));

  if (status->pending > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%d change waiting", "%d changes waiting",
                                              (gulong) status->pending),
                              (int) status->pending);
    }
  return g_string_free (s, FALSE);
}

static void
update_status (SlAppSync *self)
{
  g_autoptr(SlStoreSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  if (self->sync == NULL)
    {
      set_status (self, "");
      return;
    }
  if (self->running)
    {
      set_status (self, _("Syncing…"));
      return;
    }
  status = sl_sync_get_status (self->sync, &error);
  if (status == NULL)
    {
      g_debug ("sync status: %s", error->message);
      line = g_strdup_printf (_("Sync status unavailable: %s"), error->message);
    }
  else
    line = describe (status);
  set_status (self, line);
}

static void
refresh_windows (SlAppSync *self)
{
  if (self->app == NULL)
    return;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l != NULL; l = l->next)
    if (SL_IS_WINDOW (l->data))
      sl_window_refresh (SL_WINDOW (l->data));
}

static void
toast (SlAppSync  *self,
       const char *message)
{
  GtkWindow *window = self->app != NULL ? gtk_application_get_active_window (GTK_APPLICATION (self->app))
                                         : NULL;

  if (SL_IS_WINDOW (window))
    sl_window_add_toast (SL_WINDOW (window), message);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SlAppSync) self = user_data;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };
  gboolean periodic = self->periodic;

  self->running = FALSE;
  self->periodic = FALSE;
  if (!sl_sync_run_finish (SL_SYNC (source), result, &stats, &error))
    {
      /* The timer's failures go to the status line only: a toast every
       * few minutes while the laptop is offline would be noise. */
      if (!periodic)
        {
          g_autofree char *message = g_strdup_printf (_("Sync failed: %s"), error->message);
          toast (self, message);
        }
    }
  else
    {
      if (stats.pulled > 0 || stats.erased > 0 || stats.conflicts > 0)
        refresh_windows (self);
      if (!periodic)
        {
          g_autofree char *message = g_strdup_printf (_("Synced: %u sent, %u received, %u conflicts"),
                                                      stats.pushed, stats.pulled + stats.erased,
                                                      stats.conflicts);
          toast (self, message);
        }
    }
  update_status (self);
}

static void
end_run (SlAppSync *self)
{
  self->running = FALSE;
  self->periodic = FALSE;
  update_status (self);
}

/* The password is read from the keyring right before every run, so one
 * changed there (by Preferences or by a keyring manager) is the one used. */
static void
on_password (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SlAppSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = sl_secret_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sync == NULL)
    {
      /* Shutting down, or sync was turned off meanwhile. */
      end_run (self);
      return;
    }
  if (error != NULL)
    g_debug ("no keyring for the sync password: %s", error->message);
  sl_sync_set_password (self->sync, password);
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  sl_sync_run_async (self->sync, NULL, on_run_done, g_object_ref (self));
}

static void
lookup_and_run (SlAppSync *self)
{
  g_autofree char *key = sl_app_sync_server_key (self->settings);

  sl_secret_lookup_sync_password (key, self->cancellable, on_password, g_object_ref (self));
}

static void
start_run (SlAppSync *self,
           gboolean   periodic)
{
  if (self->sync == NULL || self->running || sl_sync_is_running (self->sync))
    return;
  self->running = TRUE;
  self->periodic = periodic;
  update_status (self);
  /* A password the user just entered is still on its way into the
   * keyring: the run waits for it rather than use the old one. */
  if (self->stores > 0)
    self->waiting = TRUE;
  else
    lookup_and_run (self);
}

static gboolean
periodic_tick (gpointer user_data)
{
  start_run (SL_APP_SYNC (user_data), TRUE);
  return G_SOURCE_CONTINUE;
}

/* With a periodic sync, the first run does not wait a whole interval: a
 * recruiter opening the laptop in the morning sees the team's night at
 * once.  It starts a few seconds after the app (or after the sync
 * settings last changed: typing a host name changes them key by key), so
 * the window is up and painted first. */
#define CATCH_UP_SECONDS 3

static gboolean
catch_up_tick (gpointer user_data)
{
  SlAppSync *self = SL_APP_SYNC (user_data);

  self->catch_up_id = 0;
  start_run (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* How long one minute of sync-interval-minutes lasts, in seconds: 60, or
 * SHORTLIST_SYNC_MINUTE_SECONDS (1-60) to watch the periodic sync without
 * waiting (debugging, tests). */
static guint
seconds_per_minute (void)
{
  const char *env = g_getenv ("SHORTLIST_SYNC_MINUTE_SECONDS");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 60, &value, NULL))
    return (guint) value;
  return 60;
}

char *
sl_app_sync_server_key (GSettings *settings)
{
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *db = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  host = g_settings_get_string (settings, "sync-host");
  user = g_settings_get_string (settings, "sync-user");
  db = g_settings_get_string (settings, "sync-database");
  return g_strdup_printf ("%s@%s:%d/%s", user, host, g_settings_get_int (settings, "sync-port"), db);
}

void
sl_app_sync_reload (SlAppSync *self)
{
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *db = NULL;
  g_autofree char *sslmode = NULL;
  g_autofree char *conninfo = NULL;
  int minutes;

  g_return_if_fail (SL_IS_APP_SYNC (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->catch_up_id, g_source_remove);
  if (self->app == NULL)
    return;
  /* A run on the way keeps its own reference to the old SlSync. */
  g_clear_object (&self->sync);

  host = g_strstrip (g_settings_get_string (self->settings, "sync-host"));
  if (host[0] == '\0')
    {
      update_status (self);
      return;
    }
  user = g_strstrip (g_settings_get_string (self->settings, "sync-user"));
  db = g_strstrip (g_settings_get_string (self->settings, "sync-database"));
  sslmode = g_settings_get_string (self->settings, "sync-sslmode");
  conninfo = sl_sync_build_conninfo (host, g_settings_get_int (self->settings, "sync-port"),
                                     db[0] != '\0' ? db : NULL, user[0] != '\0' ? user : NULL, sslmode);
  self->sync = sl_sync_new (sl_application_get_database_path (self->app), conninfo);
  minutes = g_settings_get_int (self->settings, "sync-interval-minutes");
  if (minutes > 0)
    {
      self->timer_id = g_timeout_add_seconds ((guint) minutes * seconds_per_minute (), periodic_tick, self);
      g_source_set_name_by_id (self->timer_id, "shortlist periodic sync");
      self->catch_up_id = g_timeout_add_seconds (CATCH_UP_SECONDS, catch_up_tick, self);
      g_source_set_name_by_id (self->catch_up_id, "shortlist first periodic sync");
    }
  update_status (self);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlAppSync *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->stores--;
  if (self->stores == 0 && self->waiting)
    {
      self->waiting = FALSE;
      if (self->sync != NULL)
        lookup_and_run (self);
      else
        end_run (self);
    }
  if (!sl_secret_store_api_key_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sl_app_sync_store_password (SlAppSync           *self,
                            const char          *password,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *key = NULL;
  GTask *task;

  g_return_if_fail (SL_IS_APP_SYNC (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sl_app_sync_store_password);
  key = sl_app_sync_server_key (self->settings);
  self->stores++;
  sl_secret_store_sync_password (key, password, self->cancellable, on_password_stored, task);
}

gboolean
sl_app_sync_store_password_finish (SlAppSync     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sync_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SlAppSync *self = SL_APP_SYNC (user_data);

  if (self->sync == NULL)
    {
      toast (self, _("Team sync is not set up: enter the server in Preferences"));
      return;
    }
  start_run (self, FALSE);
}

void
sl_app_sync_local_changed (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *app;
  SlAppSync *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  self = SL_IS_APPLICATION (app) ? sl_app_sync_get (SL_APPLICATION (app)) : NULL;
  /* Without a server there is no count to show. */
  if (self != NULL && self->sync != NULL)
    update_status (self);
}

const char *
sl_app_sync_get_status (SlAppSync *self)
{
  g_return_val_if_fail (SL_IS_APP_SYNC (self), NULL);

  return self->status;
}

gboolean
sl_app_sync_is_running (SlAppSync *self)
{
  g_return_val_if_fail (SL_IS_APP_SYNC (self), FALSE);

  return self->running;
}

static gboolean
status_to_visible (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *status = g_value_get_string (from);

  g_value_set_boolean (to, status != NULL && status[0] != '\0');
  return TRUE;
}

void
sl_app_sync_bind_label (SlAppSync *self,
                        GtkLabel  *label)
{
  g_return_if_fail (SL_IS_APP_SYNC (self));
  g_return_if_fail (GTK_IS_LABEL (label));

  g_object_bind_property (self, "status", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self, "status", label, "visible", G_BINDING_SYNC_CREATE,
                               status_to_visible, NULL, NULL, NULL);
}

SlAppSync *
sl_app_sync_get (SlApplication *app)
{
  g_return_val_if_fail (SL_IS_APPLICATION (app), NULL);

  return g_object_get_data (G_OBJECT (app), APP_SYNC_KEY);
}

static void
on_shutdown (SlAppSync *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->catch_up_id, g_source_remove);
}

void
sl_app_sync_install (SlApplication *app)
{
  const char *keys[] = { "changed::sync-host", "changed::sync-port", "changed::sync-database",
                         "changed::sync-user", "changed::sync-sslmode", "changed::sync-interval-minutes" };
  static const char *accels[] = { "<Control><Shift>s", NULL };
  g_autoptr(GSimpleAction) action = NULL;
  SlAppSync *self;

  g_return_if_fail (SL_IS_APPLICATION (app));

  self = g_object_new (SL_TYPE_APP_SYNC, NULL);
  self->app = app;
  /* Keyring calls and runs on the way hold references to us; the
   * application may be gone when they end. */
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);
  g_signal_connect_object (app, "shutdown", G_CALLBACK (on_shutdown), self, G_CONNECT_SWAPPED);
  self->settings = g_object_ref (sl_application_get_settings (app));
  g_object_set_data_full (G_OBJECT (app), APP_SYNC_KEY, self, g_object_unref);

  action = g_simple_action_new ("sync-now", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (sync_now_action), self, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.sync-now", accels);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (self->settings, keys[i], G_CALLBACK (sl_app_sync_reload), self, G_CONNECT_SWAPPED);
  sl_app_sync_reload (self);
}

static void
sl_app_sync_dispose (GObject *object)
{
  SlAppSync *self = SL_APP_SYNC (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->catch_up_id, g_source_remove);
  g_clear_object (&self->sync);
  g_clear_object (&self->settings);
  if (self->app != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
  self->app = NULL;

  G_OBJECT_CLASS (sl_app_sync_parent_class)->dispose (object);
}

static void
sl_app_sync_finalize (GObject *object)
{
  SlAppSync *self = SL_APP_SYNC (object);

  g_free (self->status);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sl_app_sync_parent_class)->finalize (object);
}

static void
sl_app_sync_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SlAppSync *self = SL_APP_SYNC (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_app_sync_class_init (SlAppSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_app_sync_dispose;
  object_class->finalize = sl_app_sync_finalize;
  object_class->get_property = sl_app_sync_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_app_sync_init (SlAppSync *self)
{
  self->status = g_strdup ("");
  self->cancellable = g_cancellable_new ();
}
