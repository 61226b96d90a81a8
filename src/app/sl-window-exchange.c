/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-window-exchange.c: what the window does with files that are not
 * resumes (a spreadsheet opens the column mapping dialog, a JSON Resume is
 * imported at once), and the privacy actions of the window menu.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export/sl-import.h"
#include "sl-application.h"
#include "sl-csv-import-dialog.h"
#include "sl-retention-dialog.h"
#include "sl-window-private.h"

static gboolean
is_spreadsheet (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

static void
on_json_resume_imported (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = sl_import_file_finish (result, &error);
  g_autofree char *summary = NULL;
  guint created = 0, updated = 0, failed = 0;

  if (results == NULL)
    {
      summary = g_strdup_printf (_("Could not import the JSON Resume: %s"), error->message);
      failed = 1;
    }
  else
    sl_import_results_count (results, &created, &updated, &failed);
  if (summary == NULL)
    summary = sl_window_describe_batch (created, updated, 0, failed, 0);
  sl_window_add_toast (self, summary);
  if (created + updated > 0)
    sl_window_refresh (self);
  g_signal_emit_by_name (self, "batch-summary", summary);
}

static void
on_spreadsheet_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GError) error = NULL;
  SlCsvImportDialog *dialog = sl_csv_import_dialog_new_finish (result, &error);

  if (dialog == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the spreadsheet: %s"), error->message);
      sl_window_add_toast (self, message);
      g_signal_emit_by_name (self, "batch-summary", message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_exchange_file (SlWindow *self,
                      GFile    *file,
                      gboolean  spreadsheet)
{
  g_autoptr(GError) error = NULL;
  SlApplication *app = SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  SlStore *store;

  if (spreadsheet)
    {
      /* Read and parsed on a worker; the dialog opens when it is ready. */
      sl_csv_import_dialog_new_async (self, file, NULL, on_spreadsheet_read, NULL);
      return;
    }
  store = app != NULL ? sl_application_get_store (app, &error) : NULL;
  if (store == NULL)
    {
      sl_window_add_toast (self, error != NULL ? error->message : _("No database is open"));
      return;
    }
  sl_import_file_async (store, file, NULL, on_json_resume_imported, g_object_ref (self));
}

GPtrArray *
sl_window_take_exchange_files (SlWindow  *self,
                               GPtrArray *files)
{
  GPtrArray *rest = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SL_IS_WINDOW (self), rest);
  g_return_val_if_fail (files != NULL, rest);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_file_get_path (file);

      /* Only regular files: a folder named "x.csv" is still a folder. */
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) && sl_import_path_is_exchange (path))
        import_exchange_file (self, file, is_spreadsheet (path));
      else
        g_ptr_array_add (rest, g_object_ref (file));
    }
  return rest;
}

static void
review_retention (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlRetentionDialog *dialog = sl_retention_dialog_new (SL_WINDOW (user_data));

  gtk_window_present (GTK_WINDOW (dialog));
}

void
sl_window_add_privacy_actions (SlWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "review-retention", .activate = review_retention },
  };

  g_return_if_fail (SL_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
