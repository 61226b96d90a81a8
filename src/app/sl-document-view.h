/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-document-view.h: the original resume beside its profile. PDF pages are
 * rendered with poppler in a worker thread and shown as textures; any other
 * format shows the text that was extracted from it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SL_TYPE_DOCUMENT_VIEW (sl_document_view_get_type ())
G_DECLARE_FINAL_TYPE (SlDocumentView, sl_document_view, SL, DOCUMENT_VIEW, GtkWidget)

GtkWidget *sl_document_view_new      (void) G_GNUC_WARN_UNUSED_RESULT;

/* @file (nullable): the original; @text (nullable): its extracted text, shown
 * when @file is not a PDF, is missing, or cannot be rendered. */
void       sl_document_view_show     (SlDocumentView *self,
                                      GFile          *file,
                                      const char     *text);
/* Pages rendered so far (0 when showing text). */
guint      sl_document_view_get_n_pages (SlDocumentView *self);
/* The file shown (or being rendered), NULL for text only. */
GFile     *sl_document_view_get_file    (SlDocumentView *self);
/* TRUE when the extracted text is shown rather than pages. */
gboolean   sl_document_view_get_showing_text (SlDocumentView *self);

G_END_DECLS
