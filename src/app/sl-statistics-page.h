/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_STATISTICS_PAGE (sl_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (SlStatisticsPage, sl_statistics_page, SL, STATISTICS_PAGE, GtkWidget)

void sl_statistics_page_set_application (SlStatisticsPage *self,
                                   SlApplication *application);

/* Reads the statistics again, in a worker thread. */
void sl_statistics_page_refresh (SlStatisticsPage *self);

G_END_DECLS
