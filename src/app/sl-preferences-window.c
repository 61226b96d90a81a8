/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-preferences-window.h"
#include "sl-secret.h"
#include "sl-sync-preferences.h"

struct _SlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *parser_row;
  GtkSpinButton        *concurrency_spin;
  AdwEntryRow          *ocr_languages_row;
  AdwPreferencesGroup  *llm_group;
  AdwComboRow          *provider_row;
  AdwEntryRow          *base_url_row;
  AdwEntryRow          *model_row;
  AdwPasswordEntryRow  *api_key_row;
  GtkSwitch            *redact_switch;
  AdwActionRow         *watched_folder_row;
  GtkButton            *watched_folder_clear;
  GtkSpinButton        *retention_spin;
  AdwEntryRow          *phone_region_row;
  GtkSwitch            *virus_switch;
  AdwActionRow         *signature_dir_row;
  GtkButton            *signature_dir_clear;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the combo rows' string lists in the template. */
static const char *parser_nicks[] = { "rules", "llm", NULL };
static const char *provider_nicks[] = { "openai", "openrouter", "groq", "ollama", "gemini", "custom", NULL };

SlPreferencesWindow *
sl_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SL_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/* GSettings mappings */

static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char **nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char **nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[index]);
}

static gboolean
strv_to_text (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_autofree const char **strv = g_variant_get_strv (variant, NULL);
  g_autofree char *text = g_strjoinv (", ", (char **) strv);

  g_value_set_string (value, text);
  return TRUE;
}

static GVariant *
text_to_strv (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  const char *text = g_value_get_string (value);
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,+;]+", text ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) langs = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  langs = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) langs, -1);
}

static gboolean
path_to_subtitle (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *path = g_variant_get_string (variant, NULL);

  if (path[0] == '\0')
    g_value_set_string (value, user_data);
  else
    {
      g_autofree char *display = g_filename_display_name (path);
      g_value_set_string (value, display);
    }
  return TRUE;
}

static gboolean
path_is_set (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  g_value_set_boolean (value, g_variant_get_string (variant, NULL)[0] != '\0');
  return TRUE;
}

static gboolean
upper_region (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));
  return TRUE;
}

static GVariant *
region_from_text (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  g_autofree char *up = g_ascii_strup (g_value_get_string (value) ? g_value_get_string (value) : "", -1);

  return g_variant_new_string (g_strstrip (up));
}

/* API key */

static const char *
current_provider (SlPreferencesWindow *self)
{
  guint index = adw_combo_row_get_selected (self->provider_row);

  return index < G_N_ELEMENTS (provider_nicks) - 1 ? provider_nicks[index] : "custom";
}

static void
on_api_key_looked_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = sl_secret_lookup_api_key_finish (result, &error);
  SlPreferencesWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_PREFERENCES_WINDOW (user_data);
  if (error != NULL)
    {
      /* No keyring (e.g. no session bus): the row stays usable, saving will
       * say what went wrong. */
      g_debug ("Could not read the API key from the keyring: %s", error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->api_key_row), key ? key : "");
}

static void
load_api_key (SlPreferencesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->api_key_row), "");
  sl_secret_lookup_api_key (current_provider (self), self->cancellable, on_api_key_looked_up, self);
}

static void
on_api_key_stored (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlPreferencesWindow *self;

  if (!sl_secret_store_api_key_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_PREFERENCES_WINDOW (user_data);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the API key in the keyring: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("API key saved in the keyring")));
  /* The running pipeline picks the new key up. */
  if (g_application_get_default () != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "reload-parser", NULL);
}

static void
on_api_key_apply (SlPreferencesWindow *self)
{
  sl_secret_store_api_key (current_provider (self),
                           gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)),
                           self->cancellable, on_api_key_stored, self);
}

static void
on_provider_changed (SlPreferencesWindow *self)
{
  load_api_key (self);
}

static void
on_parser_changed (SlPreferencesWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->llm_group),
                            adw_combo_row_get_selected (self->parser_row) == 1);
}

/* Folder choosers */

static void
on_folder_chosen (SlPreferencesWindow  *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  const char *key = g_object_get_data (G_OBJECT (chooser), "settings-key");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, key, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder (SlPreferencesWindow *self,
               const char          *title,
               const char          *key)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (self->chooser), "settings-key", g_strdup (key), g_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_folder_chosen),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_watched_folder_choose (SlPreferencesWindow *self)
{
  choose_folder (self, _("Watch Folder"), "watched-folder");
}

static void
on_watched_folder_clear (SlPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "watched-folder", "");
}

static void
on_signature_dir_choose (SlPreferencesWindow *self)
{
  choose_folder (self, _("Virus Signature Folder"), "virus-signature-dir");
}

static void
on_signature_dir_clear (SlPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "virus-signature-dir", "");
}

static void
sl_preferences_window_constructed (GObject *object)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);
  GSettings *s = self->settings;

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (s, "parser", self->parser_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, parser_nicks, NULL);
  g_settings_bind_with_mapping (s, "llm-provider", self->provider_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, provider_nicks, NULL);
  g_settings_bind (s, "concurrency", gtk_spin_button_get_adjustment (self->concurrency_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (s, "ocr-languages", self->ocr_languages_row, "text", G_SETTINGS_BIND_DEFAULT,
                                strv_to_text, text_to_strv, NULL, NULL);
  g_settings_bind (s, "llm-base-url", self->base_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "llm-model", self->model_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "llm-redact", self->redact_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "virus-scan", self->virus_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "virus-scan", self->signature_dir_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (s, "archive-retention-days", gtk_spin_button_get_adjustment (self->retention_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (s, "default-phone-region", self->phone_region_row, "text", G_SETTINGS_BIND_DEFAULT,
                                upper_region, region_from_text, NULL, NULL);
  g_settings_bind_with_mapping (s, "watched-folder", self->watched_folder_row, "subtitle", G_SETTINGS_BIND_GET,
                                path_to_subtitle, NULL, _("No folder is watched"), NULL);
  g_settings_bind_with_mapping (s, "watched-folder", self->watched_folder_clear, "visible", G_SETTINGS_BIND_GET,
                                path_is_set, NULL, NULL, NULL);
  g_settings_bind_with_mapping (s, "virus-signature-dir", self->signature_dir_row, "subtitle", G_SETTINGS_BIND_GET,
                                path_to_subtitle, NULL, _("The system’s ClamAV database"), NULL);
  g_settings_bind_with_mapping (s, "virus-signature-dir", self->signature_dir_clear, "visible", G_SETTINGS_BIND_GET,
                                path_is_set, NULL, NULL, NULL);

  g_signal_connect_object (self->provider_row, "notify::selected", G_CALLBACK (on_provider_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parser_row, "notify::selected", G_CALLBACK (on_parser_changed),
                           self, G_CONNECT_SWAPPED);
  on_parser_changed (self);
  load_api_key (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), sl_sync_preferences_page_new (s));
}

static void
sl_preferences_window_dispose (GObject *object)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->dispose (object);
}

static void
sl_preferences_window_finalize (GObject *object)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->finalize (object);
}

static void
sl_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_preferences_window_class_init (SlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sl_preferences_window_constructed;
  object_class->dispose = sl_preferences_window_dispose;
  object_class->finalize = sl_preferences_window_finalize;
  object_class->get_property = sl_preferences_window_get_property;
  object_class->set_property = sl_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shortlist/Shortlist/sl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, parser_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, concurrency_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, ocr_languages_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, llm_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, provider_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, model_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, api_key_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, watched_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, watched_folder_clear);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, phone_region_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, virus_switch);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, signature_dir_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, signature_dir_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_api_key_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_watched_folder_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_watched_folder_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_signature_dir_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_signature_dir_clear);
}

static void
sl_preferences_window_init (SlPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
