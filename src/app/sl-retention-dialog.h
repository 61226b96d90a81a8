/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-retention-dialog.h: the retention review (GDPR storage limitation):
 * candidates not updated for the number of months in the
 * "candidate-retention-months" setting, each with a check box.  The
 * selected ones are erased (src/privacy) on a worker thread after the user
 * confirms; nobody is ever erased silently.
 */
#pragma once

#include <adwaita.h>

#include "sl-window.h"

G_BEGIN_DECLS

#define SL_TYPE_RETENTION_DIALOG (sl_retention_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlRetentionDialog, sl_retention_dialog, SL, RETENTION_DIALOG, AdwWindow)

/* Lists the candidates due for review; transient for @window, which gets
 * the toast.  Belongs to GTK until destroyed (transfer none). */
SlRetentionDialog *sl_retention_dialog_new (SlWindow *window);

/* The rows (candidates due), their candidate ids, and their check boxes. */
guint      sl_retention_dialog_get_n_candidates (SlRetentionDialog *self);
gint64     sl_retention_dialog_get_candidate_id (SlRetentionDialog *self,
                                                 guint              index);
void       sl_retention_dialog_set_selected     (SlRetentionDialog *self,
                                                 guint              index,
                                                 gboolean           selected);
guint      sl_retention_dialog_get_n_selected   (SlRetentionDialog *self);

/* What the Erase button does: asks for confirmation (the returned dialog,
 * transfer none); its "erase" response starts the erasure.  "erased"
 * (guint n_erased) follows, with the list read again. */
AdwMessageDialog *sl_retention_dialog_ask_erase (SlRetentionDialog *self);

/* The question every erasure asks first ("cancel" / "erase" responses,
 * erase styled destructive, cancel the default). */
GtkWidget *sl_erase_confirmation_new (GtkWindow  *parent,
                                      const char *heading);

G_END_DECLS
