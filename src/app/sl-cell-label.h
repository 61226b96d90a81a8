/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cell-label.h: one line of text in a list cell, ellipsized at the end.
 * Cheaper to create and measure than GtkLabel or GtkInscription: its height
 * is the font's line height (the same for every cell of a font, computed
 * once), its width is what the column gives it, and the text is laid out
 * only to be drawn. GTK 4.8's column view keeps ~200 rows of cells alive.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SL_TYPE_CELL_LABEL (sl_cell_label_get_type ())
G_DECLARE_FINAL_TYPE (SlCellLabel, sl_cell_label, SL, CELL_LABEL, GtkWidget)

GtkWidget  *sl_cell_label_new      (float        xalign);
const char *sl_cell_label_get_text (SlCellLabel *self);
void        sl_cell_label_set_text (SlCellLabel *self,
                                    const char  *text);

G_END_DECLS
