/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-preferences-window.h"
#include "sl-window.h"

struct _SlApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GSettings      *settings;
  SlStore        *store;
  char           *start_page;
  gboolean        open_first;
};

G_DEFINE_FINAL_TYPE (SlApplication, sl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static const GActionEntry app_actions[] = {
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
}

static void
sl_application_finalize (GObject *object)
{
  SlApplication *self = SL_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);
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

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_application_init (SlApplication *self)
{
}
