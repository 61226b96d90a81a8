/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-statistics-page-private.h: what the app's tests reach.
 */
#pragma once

#include "sl-chart.h"
#include "sl-statistics-page.h"

G_BEGIN_DECLS

/* How many times statistics arrived from the worker. */
guint    sl_statistics_page_get_loads (SlStatisticsPage *self);
/* "per-day", "skills", "source", "status" or "stage". */
SlChart *sl_statistics_page_get_chart (SlStatisticsPage *self,
                                       const char       *name);

G_END_DECLS
