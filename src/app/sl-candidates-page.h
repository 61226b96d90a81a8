/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATES_PAGE (sl_candidates_page_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidatesPage, sl_candidates_page, SL, CANDIDATES_PAGE, GtkWidget)

void sl_candidates_page_set_application (SlCandidatesPage *self,
                                   SlApplication *application);

void sl_candidates_page_focus_search (SlCandidatesPage *self);
/* Re-reads the list (after imports). */
void sl_candidates_page_refresh      (SlCandidatesPage *self);

/* Selects row @position and shows its profile. */
void sl_candidates_page_open_position (SlCandidatesPage *self,
                                       guint             position);

/* Shows profile @profile_id in the detail pane, beside @original
 * (nullable) when the caller knows the file it came from. */
void sl_candidates_page_show_profile (SlCandidatesPage *self,
                                      gint64            profile_id,
                                      GFile            *original);

G_END_DECLS
