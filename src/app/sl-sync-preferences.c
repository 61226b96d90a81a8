/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-app-sync.h"
#include "sl-sync-preferences.h"

static const char *const sslmodes[] = { "disable", "prefer", "require", "verify-full", NULL };

static gboolean
mode_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  for (guint i = 0; sslmodes[i] != NULL; i++)
    if (g_str_equal (mode, sslmodes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_mode (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (sslmodes) - 1)
    return NULL;
  return g_variant_new_string (sslmodes[i]);
}

static SlAppSync *
app_sync (void)
{
  GApplication *app = g_application_get_default ();

  return SL_IS_APPLICATION (app) ? sl_app_sync_get (SL_APPLICATION (app)) : NULL;
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwPreferencesPage) page = user_data;
  GtkRoot *root;
  g_autofree char *message = NULL;

  if (sl_app_sync_store_password_finish (SL_APP_SYNC (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (page));
  message = g_strdup_printf (_("The password could not be saved: %s"), error->message);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
on_password_apply (AdwPasswordEntryRow *row,
                   AdwPreferencesPage  *page)
{
  SlAppSync *sync = app_sync ();

  if (sync != NULL)
    sl_app_sync_store_password (sync, gtk_editable_get_text (GTK_EDITABLE (row)),
                                on_password_stored, g_object_ref (page));
}

static void
on_sync_now_clicked (GtkButton *button,
                     gpointer   user_data)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
}

static GtkWidget *
entry_row (GSettings  *settings,
           const char *key,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_settings_bind (settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static GtkWidget *
spin_row (GSettings  *settings,
          const char *key,
          const char *title,
          const char *subtitle,
          double      lower,
          double      upper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_settings_bind (settings, key, gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)),
                   "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

AdwPreferencesPage *
sl_sync_preferences_page_new (GSettings *settings)
{
  AdwPreferencesPage *page;
  AdwPreferencesGroup *server;
  AdwPreferencesGroup *schedule;
  GtkWidget *row;
  GtkWidget *button;
  g_autoptr(GtkStringList) modes = NULL;
  SlAppSync *sync = app_sync ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("Team Sync"));
  adw_preferences_page_set_icon_name (page, "emblem-synchronizing-symbolic");
  gtk_widget_set_name (GTK_WIDGET (page), "sync-page");

  server = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (server, _("Team Server"));
  adw_preferences_group_set_description (server,
    _("Share candidates with your team through a PostgreSQL server. Leave the server empty to work alone."));
  adw_preferences_group_add (server, entry_row (settings, "sync-host", _("Server")));
  adw_preferences_group_add (server, spin_row (settings, "sync-port", _("Port"), NULL, 1, 65535));
  adw_preferences_group_add (server, entry_row (settings, "sync-database", _("Database")));
  adw_preferences_group_add (server, entry_row (settings, "sync-user", _("User")));

  row = adw_password_entry_row_new ();
  gtk_widget_set_name (row, "sync-password");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Password (kept in the keyring)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_password_apply), page, 0);
  adw_preferences_group_add (server, row);

  modes = gtk_string_list_new (NULL);
  gtk_string_list_append (modes, _("Off"));
  gtk_string_list_append (modes, _("When the server offers it"));
  gtk_string_list_append (modes, _("Required"));
  gtk_string_list_append (modes, _("Required, certificate checked"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Encryption (TLS)"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (modes));
  g_settings_bind_with_mapping (settings, "sync-sslmode", row, "selected", G_SETTINGS_BIND_DEFAULT,
                                mode_to_index, index_to_mode, NULL, NULL);
  adw_preferences_group_add (server, row);
  adw_preferences_page_add (page, server);

  schedule = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (schedule, _("Syncing"));
  adw_preferences_group_add (schedule, spin_row (settings, "sync-interval-minutes", _("Sync every (minutes)"),
                                                 _("0 syncs only when you ask"), 0, 1440));
  row = adw_action_row_new ();
  gtk_widget_set_name (row, "sync-status");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  if (sync != NULL)
    g_object_bind_property (sync, "status", row, "subtitle", G_BINDING_SYNC_CREATE);
  button = gtk_button_new_with_mnemonic (_("Sync _Now"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Not "app.sync-now" as action name: the preferences window is only
   * transient for the main window, not one of the application's. */
  g_signal_connect (button, "clicked", G_CALLBACK (on_sync_now_clicked), NULL);
  gtk_widget_set_name (button, "sync-now");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (schedule, row);
  adw_preferences_page_add (page, schedule);

  return page;
}
