/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-column-sorter.h: a GtkSorter that never sorts anything itself; it only
 * lets a GtkColumnView show sortable column headers. The list is sorted by
 * the database. GTK 4.8 has no API to ask the view which column is the
 * primary sort column (gtk_column_view_sorter_get_primary_sort_column is
 * 4.10), so sl_column_sorter_probe() asks by comparing two dummy items: the
 * first column sorter the view consults is the primary one, and the sign of
 * the answer says the direction.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SL_TYPE_COLUMN_SORTER (sl_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (SlColumnSorter, sl_column_sorter, SL, COLUMN_SORTER, GtkSorter)

const char *sl_column_sorter_get_key (SlColumnSorter *self);

/* The key of the view's primary sort column, or NULL when unsorted; sets
 * @descending. @view_sorter: gtk_column_view_get_sorter(). */
const char *sl_column_sorter_probe   (GtkSorter      *view_sorter,
                                      gboolean       *descending);

G_END_DECLS
