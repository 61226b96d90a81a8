/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-retention-dialog.c: the retention review.  Listing is one query on
 * the main connection; erasing rewrites the search index and checkpoints
 * the WAL, so it runs on a worker with a connection of its own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "privacy/sl-privacy.h"
#include "sl-application.h"
#include "sl-consent-group.h"
#include "sl-retention-dialog.h"
#include "sl-window-private.h"

struct _SlRetentionDialog
{
  AdwWindow            parent_instance;

  SlWindow            *window;      /* weak */
  GSettings           *settings;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *group;
  GtkWidget           *erase_button;
  GtkWidget           *select_all;
  GtkWidget           *spinner;
  GPtrArray           *rows;        /* widgets in group */
  GPtrArray           *checks;      /* GtkCheckButton per candidate */
  GArray              *ids;         /* gint64 candidate id per candidate */
  gboolean             running;
  guint                erasing;     /* how many the running erase takes */
};

G_DEFINE_FINAL_TYPE (SlRetentionDialog, sl_retention_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SlStore *
get_store (SlRetentionDialog *self,
           GError           **error)
{
  GtkApplication *app = self->window ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL;

  if (app == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("No database is open"));
      return NULL;
    }
  return sl_application_get_store (SL_APPLICATION (app), error);
}

static char *
local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

static void
update_buttons (SlRetentionDialog *self)
{
  guint n = sl_retention_dialog_get_n_selected (self);

  gtk_widget_set_sensitive (self->erase_button, n > 0 && !self->running);
  gtk_widget_set_sensitive (self->select_all, self->checks->len > 0 && !self->running);
}

static void
on_check_toggled (SlRetentionDialog *self)
{
  update_buttons (self);
}

static void
reload (SlRetentionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  SlStore *store = get_store (self, &error);
  guint months = (guint) g_settings_get_int (self->settings, "candidate-retention-months");
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not Updated for %u Month",
                                                         "Not Updated for %u Months", months), months);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_array_set_size (self->ids, 0);
  adw_preferences_group_set_title (self->group, title);

  if (store != NULL)
    due = sl_privacy_retention_due (store, months, NULL, &error);
  if (due == NULL || due->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     due == NULL ? _("The candidates could not be read")
                                                 : _("No candidate is due for review"));
      if (error != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row);
    }
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      SlRetentionItem *item = g_ptr_array_index (due, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *date = local_date (item->last_update);
      g_autofree char *updated = g_strdup_printf (_("Last updated %s"), date);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *basis = item->legal_basis ? sl_consent_basis_label (item->legal_basis) : NULL;
      const char *who = item->name ? item->name : item->email ? item->email : item->uuid;

      if (item->name != NULL && item->email != NULL)
        g_string_append_printf (subtitle, "%s · ", item->email);
      g_string_append (subtitle, updated);
      if (basis != NULL)
        g_string_append_printf (subtitle, " · %s", basis);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->ids, item->candidate_id);
      adw_preferences_group_add (self->group, row);
    }
  update_buttons (self);
}

static void
on_months_changed (SlRetentionDialog *self)
{
  if (!self->running)
    reload (self);
}

static void
on_select_all (SlRetentionDialog *self)
{
  gboolean all = sl_retention_dialog_get_n_selected (self) == self->checks->len;

  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), !all);
}

/* Erasing ------------------------------------------------------------------ */

static void
erase_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SlRetentionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SlEraseReport report = { 0 };
  guint n;

  self->running = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  if (!sl_privacy_erase_candidates_finish (result, &report, &error))
    {
      message = g_strdup_printf (_("Could not erase: %s"), error->message);
      n = 0;
    }
  else
    {
      n = self->erasing;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate erased",
                                              "%u candidates erased", n), n);
    }
  if (self->window != NULL)
    {
      sl_window_add_toast (self->window, message);
      sl_window_refresh (self->window);
    }
  reload (self);
  g_signal_emit (self, signals[SIGNAL_ERASED], 0, n);
}

static char *
archive_dir (SlRetentionDialog *self,
             SlStore           *store)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
  SlPipeline *pipeline = sl_application_get_pipeline (SL_APPLICATION (app), NULL);

  if (pipeline != NULL)
    return g_strdup (sl_pipeline_get_archive_dir (pipeline));
  return sl_intake_default_archive_dir (sl_store_get_path (store));
}

static void
start_erase (SlRetentionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *archive = NULL;
  SlStore *store = get_store (self, &error);

  if (store == NULL)
    {
      if (self->window != NULL)
        sl_window_add_toast (self->window, error->message);
      return;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, g_array_index (self->ids, gint64, i));
  if (ids->len == 0)
    return;
  archive = archive_dir (self, store);
  self->running = TRUE;
  self->erasing = ids->len;
  update_buttons (self);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  sl_privacy_erase_candidates_async (store, ids, archive, NULL, erase_done, g_object_ref (self));
}

static void
on_confirm_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     SlRetentionDialog *self)
{
  if (g_str_equal (response, "erase") && !self->running)
    start_erase (self);
}

GtkWidget *
sl_erase_confirmation_new (GtkWindow  *parent,
                           const char *heading)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  dialog = adw_message_dialog_new (parent, heading,
                                   _("Their profiles, history, notes, tags, import records and archived "
                                     "original files are deleted from this computer for good, and a "
                                     "deletion is sent to the team server when you sync. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

AdwMessageDialog *
sl_retention_dialog_ask_erase (SlRetentionDialog *self)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  guint n;

  g_return_val_if_fail (SL_IS_RETENTION_DIALOG (self), NULL);

  n = sl_retention_dialog_get_n_selected (self);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Erase %u Candidate?",
                                          "Erase %u Candidates?", n), n);
  dialog = sl_erase_confirmation_new (GTK_WINDOW (self), heading);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_erase_clicked (SlRetentionDialog *self)
{
  (void) sl_retention_dialog_ask_erase (self);
}

/* Accessors ---------------------------------------------------------------- */

guint
sl_retention_dialog_get_n_candidates (SlRetentionDialog *self)
{
  g_return_val_if_fail (SL_IS_RETENTION_DIALOG (self), 0);

  return self->ids->len;
}

gint64
sl_retention_dialog_get_candidate_id (SlRetentionDialog *self,
                                      guint              index)
{
  g_return_val_if_fail (SL_IS_RETENTION_DIALOG (self), 0);
  g_return_val_if_fail (index < self->ids->len, 0);

  return g_array_index (self->ids, gint64, index);
}

void
sl_retention_dialog_set_selected (SlRetentionDialog *self,
                                  guint              index,
                                  gboolean           selected)
{
  g_return_if_fail (SL_IS_RETENTION_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), selected);
}

guint
sl_retention_dialog_get_n_selected (SlRetentionDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (SL_IS_RETENTION_DIALOG (self), 0);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

/* Construction ------------------------------------------------------------- */

SlRetentionDialog *
sl_retention_dialog_new (SlWindow *window)
{
  SlRetentionDialog *self;
  GtkApplication *app;
  GtkWidget *settings_group, *months_row, *spin;

  g_return_val_if_fail (SL_IS_WINDOW (window), NULL);

  app = gtk_window_get_application (GTK_WINDOW (window));
  g_return_val_if_fail (SL_IS_APPLICATION (app), NULL);

  self = g_object_new (SL_TYPE_RETENTION_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->settings = g_object_ref (sl_application_get_settings (SL_APPLICATION (app)));

  settings_group = adw_preferences_group_new ();
  months_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (months_row), _("Review after (months)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (months_row), _("Candidates not updated for longer are listed below"));
  spin = gtk_spin_button_new_with_range (1, 600, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review after (months)"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (months_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (settings_group), months_row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (settings_group));
  adw_preferences_page_add (self->page, self->group);

  g_settings_bind (self->settings, "candidate-retention-months",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::candidate-retention-months",
                           G_CALLBACK (on_months_changed), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

static void
sl_retention_dialog_dispose (GObject *object)
{
  SlRetentionDialog *self = SL_RETENTION_DIALOG (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sl_retention_dialog_parent_class)->dispose (object);
}

static void
sl_retention_dialog_finalize (GObject *object)
{
  SlRetentionDialog *self = SL_RETENTION_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (sl_retention_dialog_parent_class)->finalize (object);
}

static void
sl_retention_dialog_class_init (SlRetentionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_retention_dialog_dispose;
  object_class->finalize = sl_retention_dialog_finalize;

  signals[SIGNAL_ERASED] = g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sl_retention_dialog_init (SlRetentionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_window_set_title (GTK_WINDOW (self), _("Review Old Candidates"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 620);

  self->erase_button = gtk_button_new_with_mnemonic (_("_Erase…"));
  gtk_widget_add_css_class (self->erase_button, "destructive-action");
  g_signal_connect_swapped (self->erase_button, "clicked", G_CALLBACK (on_erase_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->erase_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->select_all = gtk_button_new_with_mnemonic (_("Select _All"));
  gtk_widget_add_css_class (self->select_all, "flat");
  g_signal_connect_swapped (self->select_all, "clicked", G_CALLBACK (on_select_all), self);
  adw_preferences_group_set_header_suffix (self->group, self->select_all);
  adw_preferences_group_set_description (self->group,
                                         _("Select the candidates to erase. Nobody is erased until you confirm."));

  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
}
