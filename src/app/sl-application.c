/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-app-sync.h"
#include "llm/sl-llm-client.h"
#include "sl-preferences-window.h"
#include "sl-secret.h"
#include "sl-window.h"

struct _SlApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GSettings      *settings;
  SlStore        *store;
  SlPipeline     *pipeline;
  char           *watched;
  char           *start_page;
  gboolean        open_first;
  SlLlmClient    *llm_client;
};

G_DEFINE_FINAL_TYPE (SlApplication, sl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DESKTOP_NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
sl_application_default_database (void)
{
  const char *dir = g_str_equal (PROFILE, "development") ? "shortlist-devel" : "shortlist";

  return g_build_filename (g_get_user_data_dir (), dir, "shortlist.db", NULL);
}

SlApplication *
sl_application_new (const char        *database_path,
                    GApplicationFlags  flags)
{
  return g_object_new (SL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/shortlist/Shortlist",
                       "database-path", database_path,
                       NULL);
}

const char *
sl_application_get_database_path (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  return self->database_path;
}

GSettings *
sl_application_get_settings (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (SL_SCHEMA_ID);
  return self->settings;
}

SlStore *
sl_application_get_store (SlApplication  *self,
                          GError        **error)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    self->store = sl_store_open (self->database_path, error);
  return self->store;
}

void
sl_application_set_start_page (SlApplication *self,
                               const char    *page,
                               gboolean       open_first)
{
  g_return_if_fail (SL_IS_APPLICATION (self));

  g_free (self->start_page);
  self->start_page = g_strdup (page);
  self->open_first = open_first;
}

/* Settings → pipeline */

static void
apply_workers (SlApplication *self)
{
  sl_pipeline_set_n_workers (self->pipeline, g_settings_get_int (self->settings, "concurrency"));
}

static void
apply_virus_scan (SlApplication *self)
{
  g_autofree char *dir = g_settings_get_string (self->settings, "virus-signature-dir");

  if (!g_settings_get_boolean (self->settings, "virus-scan"))
    sl_pipeline_set_clamav_dir (self->pipeline, NULL);
  else
    /* ClamAV's own database when no folder is chosen. */
    sl_pipeline_set_clamav_dir (self->pipeline, dir[0] ? dir : "/var/lib/clamav");
}

static void
apply_ocr (SlApplication *self)
{
  g_auto(GStrv) langs = g_settings_get_strv (self->settings, "ocr-languages");
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();

  if (langs[0] != NULL)
    {
      g_free (opts->ocr_languages);
      opts->ocr_languages = g_strjoinv ("+", langs);
    }
  sl_pipeline_set_extract_options (self->pipeline, opts);
}

static void
apply_watched_folder (SlApplication *self)
{
  g_autofree char *dir = g_settings_get_string (self->settings, "watched-folder");
  g_autoptr(GError) error = NULL;

  if (self->watched != NULL)
    sl_pipeline_unwatch_folder (self->pipeline, self->watched);
  g_clear_pointer (&self->watched, g_free);
  if (dir[0] == '\0')
    return;
  if (!sl_pipeline_watch_folder (self->pipeline, dir, 0, &error))
    g_debug ("Cannot watch the folder: %s", error->message);
  else
    self->watched = g_steal_pointer (&dir);
}

static void
cleanup_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SlApplication *self = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (self->database_path, &error);
  guint days = GPOINTER_TO_UINT (task_data);
  guint removed = 0;

  if (store == NULL ||
      !sl_intake_cleanup_archives (store, sl_pipeline_get_archive_dir (self->pipeline), days, &removed, &error))
    g_debug ("Archive clean-up failed: %s", error->message);
  else if (removed > 0)
    g_debug ("Removed %u archived originals older than %u days", removed, days);
  g_task_return_boolean (task, TRUE);
}

/* Old archived originals go, by the retention setting, once per start. */
static void
apply_retention (SlApplication *self)
{
  int days = g_settings_get_int (self->settings, "archive-retention-days");
  g_autoptr(GTask) task = NULL;

  if (days <= 0 || sl_pipeline_get_archive_dir (self->pipeline) == NULL)
    return;
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, apply_retention);
  g_task_set_task_data (task, GUINT_TO_POINTER ((guint) days), NULL);
  g_task_run_in_thread (task, cleanup_thread);
}

/* The LLM parser: the rules always run; with parser = llm the pipeline
 * merges the provider's answer on top. The key comes from the keyring,
 * else from the provider's environment variable. */
static void
configure_llm (SlApplication *self,
               const char    *key)
{
  g_autofree char *provider = g_settings_get_string (self->settings, "llm-provider");
  g_autofree char *base_url = g_settings_get_string (self->settings, "llm-base-url");
  g_autofree char *model = g_settings_get_string (self->settings, "llm-model");
  g_autoptr(SlLlmConfig) config = NULL;
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pipeline == NULL)
    return;
  if (g_settings_get_enum (self->settings, "parser") != 1)
    {
      sl_pipeline_set_llm_client (self->pipeline, NULL);
      g_clear_object (&self->llm_client);
      return;
    }
  config = sl_llm_config_new_preset (provider, &error);
  if (config != NULL)
    {
      if (base_url[0] != '\0')
        sl_llm_config_set_base_url (config, base_url);
      if (model[0] != '\0')
        sl_llm_config_set_model (config, model);
      config->redaction = g_settings_get_boolean (self->settings, "llm-redact") ? SL_LLM_REDACT_REMOTE
                                                                                 : SL_LLM_REDACT_NEVER;
      if (key != NULL && key[0] != '\0')
        sl_llm_config_set_api_key (config, key);
      else
        sl_llm_config_load_key_from_env (config);
      client = sl_llm_client_new (config, &error);
    }
  if (client == NULL)
    /* Imports go on with the rules; the preferences say what is missing. */
    g_debug ("No language model: %s", error->message);
  sl_pipeline_set_llm_client (self->pipeline, client);
  g_set_object (&self->llm_client, client);
}

static void
on_api_key (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = sl_secret_lookup_api_key_finish (result, &error);

  if (error != NULL)
    g_debug ("No keyring: %s", error->message);
  configure_llm (self, key);
}

static void
apply_parser (SlApplication *self)
{
  g_autofree char *provider = g_settings_get_string (self->settings, "llm-provider");

  if (g_settings_get_enum (self->settings, "parser") != 1)
    configure_llm (self, NULL);
  else
    sl_secret_lookup_api_key (provider, NULL, on_api_key, g_object_ref (self));
}

static void
reload_parser_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SlApplication *self = user_data;

  if (self->pipeline != NULL)
    apply_parser (self);
}

SlPipeline *
sl_application_get_pipeline (SlApplication  *self,
                             GError        **error)
{
  GSettings *settings;

  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  if (self->pipeline != NULL)
    return self->pipeline;

  settings = sl_application_get_settings (self);
  self->pipeline = sl_pipeline_new (self->database_path, error);
  if (self->pipeline == NULL)
    return NULL;
  apply_workers (self);
  apply_virus_scan (self);
  apply_ocr (self);
  apply_watched_folder (self);
  apply_retention (self);
  apply_parser (self);
  {
    const char *keys[] = { "changed::parser", "changed::llm-provider", "changed::llm-base-url",
                           "changed::llm-model", "changed::llm-redact" };
    for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
      g_signal_connect_object (settings, keys[i], G_CALLBACK (apply_parser), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (settings, "changed::concurrency", G_CALLBACK (apply_workers), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::virus-scan", G_CALLBACK (apply_virus_scan), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::virus-signature-dir", G_CALLBACK (apply_virus_scan), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::ocr-languages", G_CALLBACK (apply_ocr), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::watched-folder", G_CALLBACK (apply_watched_folder), self, G_CONNECT_SWAPPED);
  return self->pipeline;
}

SlLlmClient *
sl_application_get_llm_client (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  return self->llm_client;
}

void
sl_application_notify (SlApplication *self,
                       const char    *id,
                       const char    *title,
                       const char    *body,
                       const char    *default_action)
{
  g_autoptr(GNotification) notification = NULL;
  gboolean handled = FALSE;

  g_return_if_fail (SL_IS_APPLICATION (self));
  g_return_if_fail (id != NULL && title != NULL);

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  if (default_action != NULL)
    g_notification_set_default_action (notification, default_action);
  g_signal_emit (self, signals[SIGNAL_DESKTOP_NOTIFICATION], 0, id, notification, body, &handled);
}

typedef struct
{
  SlApplication *app;
  char          *id;
  GNotification *notification;
} PendingNotification;

static void
pending_notification_free (PendingNotification *pending)
{
  g_object_unref (pending->app);
  g_free (pending->id);
  g_object_unref (pending->notification);
  g_free (pending);
}

static void
on_notification_server (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PendingNotification *pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  gboolean running = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &running);
  if (running)
    g_application_send_notification (G_APPLICATION (pending->app), pending->id, pending->notification);
  else
    g_debug ("No notification server on the session bus");
  pending_notification_free (pending);
}

static gboolean
sl_application_real_desktop_notification (SlApplication *self,
                                          const char    *id,
                                          GNotification *notification,
                                          const char    *body)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  PendingNotification *pending;

  /* Without a session bus there is nobody to tell. */
  if (bus == NULL)
    return FALSE;
  /* In a sandbox GLib goes through the portal. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_application_send_notification (G_APPLICATION (self), id, notification);
      return TRUE;
    }
  /* Elsewhere GLib talks to the notification server and warns when there
   * is none (a bare session, a test): ask first, without blocking. */
  pending = g_new0 (PendingNotification, 1);
  pending->app = g_object_ref (self);
  pending->id = g_strdup (id);
  pending->notification = g_object_ref (notification);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          on_notification_server, pending);
  return TRUE;
}

static SlWindow *
sl_application_ensure_window (SlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (sl_window_new (self));
      if (self->open_first)
        sl_window_open_first_candidate (SL_WINDOW (window));
      if (self->start_page != NULL)
        sl_window_show_page (SL_WINDOW (window), self->start_page);
    }
  return SL_WINDOW (window);
}

static void
sl_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (sl_application_ensure_window (SL_APPLICATION (app))));
}

/* Files given on the command line or by the desktop (the .desktop file's
 * MimeType) are imported like dropped files. */
static void
sl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SlWindow *window = sl_application_ensure_window (SL_APPLICATION (app));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));

  gtk_window_present (GTK_WINDOW (window));
  sl_window_import_files (window, list, "drop");
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SlPreferencesWindow *prefs = sl_preferences_window_new (sl_application_get_settings (self));

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Shortlist developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Shortlist"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Shortlist developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Turn a pile of resumes into candidates you can search, review and compare. "
                                      "Resumes are parsed on this computer unless you choose a language model."),
                        "website", "https://github.com/shortlist/shortlist",
                        "issue-url", "https://github.com/shortlist/shortlist/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SlApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets them save their state; the app quits when the
   * last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
show_imports_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlWindow *window = sl_application_ensure_window (SL_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  sl_window_show_page (window, "imports");
}

static const GActionEntry app_actions[] = {
  { .name = "reload-parser", .activate = reload_parser_action },
  { .name = "show-imports", .activate = show_imports_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
sl_application_startup (GApplication *app)
{
  SlApplication *self = SL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (sl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  sl_app_sync_install (self);
}

static void
sl_application_shutdown (GApplication *app)
{
  SlApplication *self = SL_APPLICATION (app);

  /* Stops the workers and commits what the writer holds. */
  if (self->pipeline != NULL)
    sl_pipeline_flush (self->pipeline);
  g_clear_object (&self->pipeline);

  G_APPLICATION_CLASS (sl_application_parent_class)->shutdown (app);
}

static void
sl_application_finalize (GObject *object)
{
  SlApplication *self = SL_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->llm_client);
  g_clear_pointer (&self->watched, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->start_page, g_free);

  G_OBJECT_CLASS (sl_application_parent_class)->finalize (object);
}

static void
sl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      if (self->database_path == NULL)
        self->database_path = sl_application_default_database ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_class_init (SlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sl_application_finalize;
  object_class->get_property = sl_application_get_property;
  object_class->set_property = sl_application_set_property;

  app_class->activate = sl_application_activate;
  app_class->open = sl_application_open;
  app_class->startup = sl_application_startup;
  app_class->shutdown = sl_application_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A testable hook on the way to g_application_send_notification(). */
  signals[SIGNAL_DESKTOP_NOTIFICATION] =
    g_signal_new_class_handler ("desktop-notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (sl_application_real_desktop_notification),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 3, G_TYPE_STRING, G_TYPE_NOTIFICATION, G_TYPE_STRING);
}

static void
sl_application_init (SlApplication *self)
{
}
