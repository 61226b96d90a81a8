/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-csv-import-dialog.h: importing candidates from a spreadsheet (.csv):
 * one combo per column with the field it fills (guessed from the header,
 * adjustable), a preview of the first rows as they would be stored, then
 * the import on a worker thread.  Rows that fail are listed in the dialog
 * and do not stop the others; a toast on the window gives the counts.
 */
#pragma once

#include <adwaita.h>

#include "export/sl-import.h"
#include "sl-window.h"

G_BEGIN_DECLS

#define SL_TYPE_CSV_IMPORT_DIALOG (sl_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlCsvImportDialog, sl_csv_import_dialog, SL, CSV_IMPORT_DIALOG, AdwWindow)

/* How many data rows the preview shows. */
#define SL_CSV_IMPORT_PREVIEW_ROWS 5

/* Reads and parses @file; NULL with @error when it is not a CSV we can
 * read.  The dialog is transient for @window and toasts there; like any
 * toplevel it belongs to GTK until it is destroyed (transfer none). */
SlCsvImportDialog *sl_csv_import_dialog_new (SlWindow  *window,
                                             GFile     *file,
                                             GError   **error);
/* The same with the file read and parsed on a worker thread: the dialog
 * is made when the table is ready (finish; transfer none like _new). */
void               sl_csv_import_dialog_new_async  (SlWindow            *window,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
SlCsvImportDialog *sl_csv_import_dialog_new_finish (GAsyncResult        *result,
                                                    GError             **error);

guint         sl_csv_import_dialog_get_n_columns     (SlCsvImportDialog *self);
SlImportField sl_csv_import_dialog_get_field         (SlCsvImportDialog *self,
                                                      guint              column);
/* Chooses @field in column @column's combo, as the user would. */
void          sl_csv_import_dialog_set_field         (SlCsvImportDialog *self,
                                                      guint              column,
                                                      SlImportField      field);

/* The preview rows and, after an import, the rows that failed
 * (AdwActionRow: title and subtitle say what they show). */
guint         sl_csv_import_dialog_get_n_preview_rows (SlCsvImportDialog *self);
AdwActionRow *sl_csv_import_dialog_get_preview_row    (SlCsvImportDialog *self,
                                                       guint              index);
guint         sl_csv_import_dialog_get_n_error_rows   (SlCsvImportDialog *self);
AdwActionRow *sl_csv_import_dialog_get_error_row      (SlCsvImportDialog *self,
                                                       guint              index);

/* What the Import button does.  "finished" (guint created, guint updated,
 * guint failed) follows; without failures the dialog then closes. */
void          sl_csv_import_dialog_import            (SlCsvImportDialog *self);

G_END_DECLS
