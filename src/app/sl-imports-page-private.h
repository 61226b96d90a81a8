/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-imports-page-private.h: what the app's tests reach.
 */
#pragma once

#include "sl-import-item.h"
#include "sl-imports-page.h"

G_BEGIN_DECLS

/* (element-type SlImportItem) */
GListModel   *sl_imports_page_get_items (SlImportsPage *self);
SlImportItem *sl_imports_page_find      (SlImportsPage *self,
                                         gint64         qid);
/* The batch header's Pause/Resume toggle. */
GtkToggleButton *sl_imports_page_get_pause_button (SlImportsPage *self);
/* The pipeline's "item-changed" / "batch-progress", for a page built
 * while the signal was being emitted. */
void          sl_imports_page_note_item     (SlImportsPage *self,
                                             gint64         qid,
                                             const char    *status);
void          sl_imports_page_note_progress (SlImportsPage *self,
                                             guint          done,
                                             guint          total);

G_END_DECLS
