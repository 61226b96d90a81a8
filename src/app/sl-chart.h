/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-chart.h: a small labelled chart drawn with GtkSnapshot in the theme's
 * colours (so it reads in light and dark mode): horizontal bars (top skills,
 * by source, by status, time per stage) or columns over time (per day).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SL_CHART_BARS,     /* one horizontal bar per label, value at the end */
  SL_CHART_COLUMNS,  /* vertical columns left to right, e.g. per day */
} SlChartKind;

#define SL_TYPE_CHART (sl_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlChart, sl_chart, SL, CHART, GtkWidget)

GtkWidget *sl_chart_new          (SlChartKind          kind) G_GNUC_WARN_UNUSED_RESULT;
void       sl_chart_set_kind     (SlChart             *self,
                                  SlChartKind          kind);
/* Replaces the data; @labels and @values have @n items. */
void       sl_chart_set_data     (SlChart             *self,
                                  const char * const  *labels,
                                  const double        *values,
                                  guint                n);
/* How a value is written, e.g. "%.0f" (default) or "%.0f ms". */
void       sl_chart_set_value_format (SlChart         *self,
                                      const char      *format);
guint      sl_chart_get_n_items  (SlChart             *self);
const char *sl_chart_get_label   (SlChart             *self,
                                  guint                i);
double     sl_chart_get_value    (SlChart             *self,
                                  guint                i);

G_END_DECLS
