/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-csv-import-dialog.c: the spreadsheet import dialog.  The export room
 * does the work (sl-import.h): parse, guess, preview, import; this file
 * only lets the user see and change the mapping.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-csv-import-dialog.h"
#include "sl-window-private.h"

struct _SlCsvImportDialog
{
  AdwWindow     parent_instance;

  SlWindow     *window;        /* weak */
  GFile        *file;
  SlCsvTable   *table;
  GArray       *mapping;       /* SlImportField as int, one per column */
  GPtrArray    *combos;        /* AdwComboRow, one per column */
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  AdwPreferencesGroup *errors_group;
  GPtrArray    *preview_rows;  /* the rows now in preview_group */
  GPtrArray    *error_rows;
  GtkWidget    *import_button;
  GtkWidget    *cancel_button;
  GtkWidget    *spinner;
  AdwWindowTitle *title;
  GCancellable *cancellable;
  gboolean      updating;      /* combos being set from code */
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (SlCsvImportDialog, sl_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
field_is_multi (SlImportField field)
{
  return field == SL_IMPORT_FIELD_SKILLS || field == SL_IMPORT_FIELD_LINKS;
}

/* Preview ------------------------------------------------------------------ */

static void
append_part (GString    *s,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

/* One line with what the row holds besides the name. */
static char *
describe_profile (const SlProfile *p)
{
  GString *s = g_string_new (NULL);

  append_part (s, p->personal.email);
  append_part (s, p->personal.phone);
  append_part (s, p->personal.location);
  if (p->work->len > 0)
    {
      const SlWorkEntry *w = g_ptr_array_index (p->work, 0);
      g_autofree char *job = NULL;

      if (w->title != NULL && w->company != NULL)
        /* Translators: a job title and the company, e.g. "Engineer at Acme" */
        job = g_strdup_printf (_("%s at %s"), w->title, w->company);
      else
        job = g_strdup (w->title != NULL ? w->title : w->company);
      append_part (s, job);
    }
  if (p->skills->len > 0)
    {
      g_autoptr(GString) skills = g_string_new (NULL);

      for (guint i = 0; i < p->skills->len; i++)
        {
          const SlSkill *skill = g_ptr_array_index (p->skills, i);
          g_string_append_printf (skills, "%s%s", i > 0 ? ", " : "", skill->name);
        }
      append_part (s, skills->str);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
message_row (const char *title,
             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
update_preview (SlCsvImportDialog *self)
{
  g_autoptr(GPtrArray) results = sl_csv_import_preview (self->table, self->mapping, SL_CSV_IMPORT_PREVIEW_ROWS);

  clear_rows (self->preview_group, self->preview_rows);
  for (guint i = 0; i < results->len; i++)
    {
      SlImportResult *r = g_ptr_array_index (results, i);
      GtkWidget *row;

      if (r->profile != NULL)
        {
          const SlProfile *p = r->profile;
          g_autofree char *what = describe_profile (p);

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         p->personal.name != NULL ? p->personal.name : _("No name"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
        }
      else
        {
          g_autofree char *line = g_strdup_printf (_("Line %u will not be imported"), r->line);
          row = message_row (line, sl_import_result_reason (r));
        }
      g_ptr_array_add (self->preview_rows, row);
      adw_preferences_group_add (self->preview_group, row);
    }
}

/* Mapping ------------------------------------------------------------------ */

static void
on_combo_selected (AdwComboRow       *combo,
                   GParamSpec        *pspec,
                   SlCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (combo), "column"));
  SlImportField field = adw_combo_row_get_selected (combo);

  if (self->updating || field >= SL_IMPORT_N_FIELDS)
    return;
  g_array_index (self->mapping, int, column) = field;
  /* A single-valued field comes from one column: the column that had it
   * gives it up. */
  if (field != SL_IMPORT_FIELD_IGNORE && !field_is_multi (field))
    {
      self->updating = TRUE;
      for (guint c = 0; c < self->mapping->len; c++)
        if (c != column && g_array_index (self->mapping, int, c) == (int) field)
          {
            g_array_index (self->mapping, int, c) = SL_IMPORT_FIELD_IGNORE;
            adw_combo_row_set_selected (g_ptr_array_index (self->combos, c), SL_IMPORT_FIELD_IGNORE);
          }
      self->updating = FALSE;
    }
  update_preview (self);
}

static GListModel *
field_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint f = 0; f < SL_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (list, sl_import_field_label (f));
  return G_LIST_MODEL (list);
}

static void
build_columns (SlCsvImportDialog *self)
{
  char **header = g_ptr_array_index (self->table->rows, 0);
  char **first = self->table->rows->len > 1 ? g_ptr_array_index (self->table->rows, 1) : NULL;
  guint first_len = first != NULL ? g_strv_length (first) : 0;
  g_autoptr(GListModel) model = field_model ();

  for (guint i = 0; i < self->mapping->len; i++)
    {
      GtkWidget *combo = adw_combo_row_new ();
      const char *title = header[i] != NULL && header[i][0] != '\0' ? header[i] : NULL;
      g_autofree char *fallback = NULL;

      if (title == NULL)
        title = fallback = g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
      if (i < first_len && first[i][0] != '\0')
        {
          /* Translators: under a column's header, the value of its first row */
          g_autofree char *sample = g_strdup_printf (_("First row: %s"), first[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), sample);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), model);
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), g_array_index (self->mapping, int, i));
      g_object_set_data (G_OBJECT (combo), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_combo_selected), self, 0);
      g_ptr_array_add (self->combos, combo);
      adw_preferences_group_add (self->columns_group, combo);
    }
}

/* Import ------------------------------------------------------------------- */

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SlCsvImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = sl_import_file_finish (result, &error);
  g_autofree char *summary = NULL;
  guint created = 0, updated = 0, failed = 0;

  self->running = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);

  clear_rows (self->errors_group, self->error_rows);
  if (results == NULL)
    {
      GtkWidget *row = message_row (_("Nothing was imported"), error->message);
      g_ptr_array_add (self->error_rows, row);
      adw_preferences_group_add (self->errors_group, row);
      failed = MAX (self->table->rows->len, 1) - 1;
    }
  else
    sl_import_results_count (results, &created, &updated, &failed);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      SlImportResult *r = g_ptr_array_index (results, i);
      g_autofree char *line = NULL;
      GtkWidget *row;

      if (r->error == NULL)
        continue;
      line = g_strdup_printf (_("Line %u"), r->line);
      row = message_row (line, sl_import_result_reason (r));
      g_ptr_array_add (self->error_rows, row);
      adw_preferences_group_add (self->errors_group, row);
    }

  summary = sl_window_describe_batch (created, updated, 0, failed, 0);
  if (self->window != NULL)
    {
      sl_window_add_toast (self->window, summary);
      sl_window_refresh (self->window);
      g_signal_emit_by_name (self->window, "batch-summary", summary);
    }

  if (failed == 0)
    {
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, created, updated, failed);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* The mapping has been used; what is left is to read the failures. */
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  adw_preferences_group_set_description (self->errors_group, summary);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, created, updated, failed);
}

void
sl_csv_import_dialog_import (SlCsvImportDialog *self)
{
  SlApplication *app;
  SlStore *store;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_CSV_IMPORT_DIALOG (self));

  if (self->running || self->window == NULL)
    return;
  app = SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window)));
  store = app != NULL ? sl_application_get_store (app, &error) : NULL;
  if (store == NULL)
    {
      sl_window_add_toast (self->window, error != NULL ? error->message : _("No database is open"));
      return;
    }
  self->running = TRUE;
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), FALSE);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  sl_csv_import_file_async (store, self->file, self->mapping, self->cancellable,
                            on_import_done, g_object_ref (self));
}

static void
on_import_clicked (SlCsvImportDialog *self)
{
  sl_csv_import_dialog_import (self);
}

static void
on_cancel_clicked (SlCsvImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Accessors ---------------------------------------------------------------- */

guint
sl_csv_import_dialog_get_n_columns (SlCsvImportDialog *self)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->mapping->len;
}

SlImportField
sl_csv_import_dialog_get_field (SlCsvImportDialog *self,
                                guint              column)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), SL_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->mapping->len, SL_IMPORT_FIELD_IGNORE);

  return g_array_index (self->mapping, int, column);
}

void
sl_csv_import_dialog_set_field (SlCsvImportDialog *self,
                                guint              column,
                                SlImportField      field)
{
  g_return_if_fail (SL_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->combos->len);
  g_return_if_fail (field < SL_IMPORT_N_FIELDS);

  adw_combo_row_set_selected (g_ptr_array_index (self->combos, column), field);
}

guint
sl_csv_import_dialog_get_n_preview_rows (SlCsvImportDialog *self)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->preview_rows->len;
}

AdwActionRow *
sl_csv_import_dialog_get_preview_row (SlCsvImportDialog *self,
                                      guint              index)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->preview_rows->len, NULL);

  return g_ptr_array_index (self->preview_rows, index);
}

guint
sl_csv_import_dialog_get_n_error_rows (SlCsvImportDialog *self)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->error_rows->len;
}

AdwActionRow *
sl_csv_import_dialog_get_error_row (SlCsvImportDialog *self,
                                    guint              index)
{
  g_return_val_if_fail (SL_IS_CSV_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->error_rows->len, NULL);

  return g_ptr_array_index (self->error_rows, index);
}

/* Construction ------------------------------------------------------------- */

/* Reads and parses @file (the worker's part). */
static SlCsvTable *
read_table (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  return sl_csv_table_parse (data, length, 0, error);
}

static SlCsvImportDialog *
dialog_new_for_table (SlWindow   *window,
                      GFile      *file,
                      SlCsvTable *table_in);

SlCsvImportDialog *
sl_csv_import_dialog_new (SlWindow  *window,
                          GFile     *file,
                          GError   **error)
{
  SlCsvTable *table;

  g_return_val_if_fail (SL_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((table = read_table (file, NULL, error)) == NULL)
    return NULL;
  return dialog_new_for_table (window, file, table);
}

static void
read_table_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  SlCsvTable *table = read_table (G_FILE (task_data), cancellable, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) sl_csv_table_free);
}

void
sl_csv_import_dialog_new_async (SlWindow            *window,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SL_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_csv_import_dialog_new_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_table_thread);
}

SlCsvImportDialog *
sl_csv_import_dialog_new_finish (GAsyncResult  *result,
                                 GError       **error)
{
  SlCsvTable *table;
  GTask *task = G_TASK (result);

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if ((table = g_task_propagate_pointer (task, error)) == NULL)
    return NULL;
  return dialog_new_for_table (SL_WINDOW (g_task_get_source_object (task)),
                               G_FILE (g_task_get_task_data (task)), table);
}

/* Takes @table_in. */
static SlCsvImportDialog *
dialog_new_for_table (SlWindow   *window,
                      GFile      *file,
                      SlCsvTable *table_in)
{
  SlCsvImportDialog *self;
  g_autoptr(SlCsvTable) table = table_in;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  guint n_rows;

  /* Owned by GTK's list of toplevels until it is destroyed. */
  self = g_object_new (SL_TYPE_CSV_IMPORT_DIALOG, "transient-for", window, NULL);
  self->table = g_steal_pointer (&table);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->file = g_object_ref (file);
  self->mapping = sl_csv_import_guess_mapping (self->table);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->title, name);
  n_rows = self->table->rows->len - 1;
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u row. Choose the field each column fills; the guess comes from the headers.",
                                              "%u rows. Choose the field each column fills; the guess comes from the headers.",
                                              n_rows), n_rows);
  adw_preferences_group_set_description (self->columns_group, description);
  gtk_widget_set_sensitive (self->import_button, n_rows > 0);
  build_columns (self);
  update_preview (self);
  return self;
}

static gboolean
sl_csv_import_dialog_close_request (GtkWindow *window)
{
  SlCsvImportDialog *self = SL_CSV_IMPORT_DIALOG (window);

  /* Rows already stored stay; the rest is not started. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sl_csv_import_dialog_parent_class)->close_request (window);
}

static void
sl_csv_import_dialog_dispose (GObject *object)
{
  SlCsvImportDialog *self = SL_CSV_IMPORT_DIALOG (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sl_csv_import_dialog_parent_class)->dispose (object);
}

static void
sl_csv_import_dialog_finalize (GObject *object)
{
  SlCsvImportDialog *self = SL_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->table, sl_csv_table_free);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->combos, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sl_csv_import_dialog_parent_class)->finalize (object);
}

static void
sl_csv_import_dialog_class_init (SlCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sl_csv_import_dialog_dispose;
  object_class->finalize = sl_csv_import_dialog_finalize;
  window_class->close_request = sl_csv_import_dialog_close_request;

  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                           G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
sl_csv_import_dialog_init (SlCsvImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  self->combos = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
  self->error_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Spreadsheet"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import Spreadsheet"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->errors_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->errors_group, _("Rows Not Imported"));
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->errors_group);

  self->columns_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->columns_group, _("Columns"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->columns_group);

  self->preview_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->preview_group, _("Preview"));
  adw_preferences_group_set_description (self->preview_group,
                                         _("The first rows as they will be imported"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->preview_group);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}
