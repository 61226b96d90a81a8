/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-window-export.c: the Export dialog (Ctrl+E): the candidates of the
 * current search as CSV (with the columns the user picks) or JSON Resume,
 * written on a worker thread by the export room.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export/sl-export.h"
#include "privacy/sl-privacy.h"
#include "sl-candidates-page-private.h"
#include "sl-window-private.h"

typedef struct
{
  SlWindow        *window;
  SlExportOptions *options;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_clear_pointer (&job->options, sl_export_options_free);
  g_free (job);
}

/* The audit log (privacy room): what was exported and how many, never the
 * search text or the file name. */
static void
audit_export (ExportJob *job,
              guint64    n)
{
  SlApplication *app = SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (job->window)));
  const SlExportOptions *o = job->options;
  gboolean csv = o->format == SL_EXPORT_FORMAT_CSV;
  g_autoptr(GError) error = NULL;
  SlStore *store = app != NULL ? sl_application_get_store (app, &error) : NULL;

  if (store == NULL ||
      !sl_privacy_audit_export (store, csv ? "csv" : "json-resume", NULL, n,
                                o->query != NULL && o->query[0] != '\0',
                                csv ? (o->columns != NULL ? (const char * const *) o->columns
                                                          : sl_export_default_columns ()) : NULL,
                                "app", &error))
    g_debug ("the export is not in the audit log: %s", error != NULL ? error->message : "no store");
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (!sl_export_to_file_finish (result, &n, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
      sl_window_add_toast (job->window, message);
    }
  else
    {
      audit_export (job, n);
      /* A plain %u keeps the msgid whole: xgettext cuts a string at a
       * format macro such as G_GUINT64_FORMAT. */
      guint shown = (guint) MIN (n, (guint64) G_MAXUINT);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u candidate",
                                                               "Exported %'u candidates", shown), shown);
      sl_window_add_toast (job->window, message);
    }
  g_signal_emit_by_name (job->window, "export-finished", !error, n);
  export_job_free (job);
}

void
sl_window_export (SlWindow              *self,
                  const SlExportOptions *options,
                  GFile                 *file)
{
  SlApplication *app;
  SlStore *store;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  app = SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  store = sl_application_get_store (app, &error);
  if (store == NULL)
    {
      sl_window_add_toast (self, error->message);
      return;
    }
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->options = sl_export_options_copy (options);
  sl_export_to_file_async (store, job->options, file, NULL, on_export_done, job);
}

/* The dialog */

typedef struct
{
  GtkDropDown *format;
  GtkCheckButton *bom;
  GPtrArray   *columns;   /* GtkCheckButton with "column-id" data */
  char        *query;
  GtkFileChooserNative *chooser;
} DialogState;

static void
dialog_state_free (DialogState *state)
{
  g_clear_pointer (&state->columns, g_ptr_array_unref);
  g_free (state->query);
  g_clear_object (&state->chooser);
  g_free (state);
}

static SlExportOptions *
options_from_dialog (DialogState *state)
{
  gboolean csv = gtk_drop_down_get_selected (state->format) == 0;
  SlExportOptions *options = sl_export_options_new (csv ? SL_EXPORT_FORMAT_CSV : SL_EXPORT_FORMAT_JSON_RESUME);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();

  options->query = g_strdup (state->query);
  options->bom = csv && gtk_check_button_get_active (state->bom);
  for (guint i = 0; i < state->columns->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (state->columns, i);
      if (gtk_check_button_get_active (check))
        g_strv_builder_add (columns, g_object_get_data (G_OBJECT (check), "column-id"));
    }
  options->columns = g_strv_builder_end (columns);
  if (options->columns[0] == NULL)
    g_clear_pointer (&options->columns, g_strfreev);
  return options;
}

static void
unref_later (gpointer data)
{
  g_object_unref (data);
}

static void
on_file_chosen (GtkFileChooserNative *chooser,
                int                   response,
                SlWindow             *self)
{
  DialogState *state = g_object_get_data (G_OBJECT (chooser), "state");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(SlExportOptions) options = options_from_dialog (state);

      sl_window_export (self, options, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  /* Not from inside its own signal. */
  g_idle_add_once (unref_later, chooser);
}

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SlWindow         *self)
{
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "state");
  gboolean csv;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "export"))
    return;
  csv = gtk_drop_down_get_selected (state->format) == 0;
  chooser = gtk_file_chooser_native_new (_("Export Candidates"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), csv ? "candidates.csv" : "candidates.json");
  /* The chooser outlives the dialog; it keeps the choices. */
  g_object_set_data_full (G_OBJECT (chooser), "state",
                          g_object_steal_data (G_OBJECT (dialog), "state"),
                          (GDestroyNotify) dialog_state_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_format_changed (GtkDropDown *format,
                   GParamSpec  *pspec,
                   GtkWidget   *csv_box)
{
  gtk_widget_set_sensitive (csv_box, gtk_drop_down_get_selected (format) == 0);
}

void
sl_window_show_export_dialog (SlWindow         *self,
                              SlCandidatesPage *page)
{
  const char *formats[] = { N_("CSV spreadsheet"), N_("JSON Resume"), NULL };
  const char *translated[3] = { _(formats[0]), _(formats[1]), NULL };
  SlCandidateModel *model = sl_candidates_page_get_model (page);
  const char *query = model ? sl_candidate_model_get_query (model) : NULL;
  guint n = model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *csv_box, *flow, *label;
  const char * const *defaults = sl_export_default_columns ();
  const SlExportColumn *columns;
  guint n_columns = 0;
  DialogState *state = g_new0 (DialogState, 1);

  g_return_if_fail (SL_IS_WINDOW (self));

  if (query != NULL && query[0] != '\0')
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %'u candidate found by “%s”",
                                         "The %'u candidates found by “%s”", n), n, query);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %'u candidate", "All %'u candidates", n), n);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Candidates"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  state->format = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->format), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Format"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->format));

  csv_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* A label that wraps: the dialog fits a phone's width. */
  state->bom = GTK_CHECK_BUTTON (gtk_check_button_new ());
  label = gtk_label_new_with_mnemonic (_("Start with a _byte-order mark (for Excel)"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (state->bom));
  gtk_check_button_set_child (state->bom, label);
  gtk_box_append (GTK_BOX (csv_box), GTK_WIDGET (state->bom));
  label = gtk_label_new (_("Columns"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (csv_box), label);
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  state->columns = g_ptr_array_new ();
  columns = sl_export_columns (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (sl_export_column_label (columns[i].id));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains (defaults, columns[i].id));
      g_object_set_data_full (G_OBJECT (check), "column-id", g_strdup (columns[i].id), g_free);
      g_ptr_array_add (state->columns, check);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  gtk_box_append (GTK_BOX (csv_box), flow);
  gtk_box_append (GTK_BOX (box), csv_box);
  g_signal_connect (state->format, "notify::selected", G_CALLBACK (on_format_changed), csv_box);
  state->query = g_strdup (query);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export", n > 0);
  g_object_set_data_full (G_OBJECT (dialog), "state", state, (GDestroyNotify) dialog_state_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
