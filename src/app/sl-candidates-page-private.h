/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-candidates-page-private.h: what the window and the app's tests reach.
 */
#pragma once

#include "sl-candidate-model.h"
#include "sl-candidates-page.h"
#include "sl-profile-view.h"

G_BEGIN_DECLS

SlCandidateModel *sl_candidates_page_get_model        (SlCandidatesPage *self);
GtkEditable      *sl_candidates_page_get_search_entry (SlCandidatesPage *self);
SlProfileView    *sl_candidates_page_get_profile_view (SlCandidatesPage *self);
GtkColumnView    *sl_candidates_page_get_column_view  (SlCandidatesPage *self);
/* The list and the profile: side by side, or one at a time when narrow. */
AdwLeaflet       *sl_candidates_page_get_leaflet      (SlCandidatesPage *self);
GtkWidget        *sl_candidates_page_get_list_pane    (SlCandidatesPage *self);
void              sl_candidates_page_apply_filters    (SlCandidatesPage *self);
gboolean          sl_candidates_page_save_search      (SlCandidatesPage *self,
                                                       const char       *name,
                                                       const char       *query,
                                                       GError          **error);
gboolean          sl_candidates_page_delete_saved_search (SlCandidatesPage *self,
                                                          const char       *name,
                                                          GError          **error);

G_END_DECLS
