/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-window-private.h: what the app's tests reach into.
 */
#pragma once

#include "export/sl-export.h"
#include "sl-candidates-page.h"
#include "sl-window.h"

G_BEGIN_DECLS

GtkDropTarget *sl_window_get_drop_target (SlWindow *self);
GtkWidget     *sl_window_get_page        (SlWindow   *self,
                                          const char *name);
gboolean       sl_window_get_drop_highlighted (SlWindow *self);

/* sl-window-export.c: writes @options' export to @file on a worker; a toast
 * and the "export-finished" signal (gboolean ok, guint64 n) say how it went. */
void           sl_window_export          (SlWindow              *self,
                                          const SlExportOptions *options,
                                          GFile                 *file);
void           sl_window_show_export_dialog (SlWindow         *self,
                                             SlCandidatesPage *page);

/* Reads the candidate list and statistics again now. */
void           sl_window_refresh         (SlWindow *self);

/* sl-window-exchange.c: takes the CSV files (each opens the mapping
 * dialog) and JSON Resume files (imported at once; a toast and
 * "batch-summary" give the counts) out of @files (GFile) and returns the
 * others, for the intake pipeline. */
GPtrArray     *sl_window_take_exchange_files (SlWindow  *self,
                                              GPtrArray *files) G_GNUC_WARN_UNUSED_RESULT;
/* Adds win.review-retention (the retention review dialog). */
void           sl_window_add_privacy_actions (SlWindow  *self);

/* "42 profiles created, 3 updated, 1 failed" */
char          *sl_window_describe_batch  (guint created,
                                          guint updated,
                                          guint duplicates,
                                          guint failed,
                                          guint cancelled) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
