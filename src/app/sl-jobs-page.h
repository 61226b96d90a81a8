/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-jobs-page.h: the Jobs page: the list of jobs; for the selected one its
 * details (title, description read from a pasted text or a file, required
 * and nice-to-have skills, years, location, remote work, languages), the
 * ranking of every candidate against it with the reasons in words, and the
 * shortlist as columns by stage.  A switch hides who the candidates are
 * (blind review).
 */
#pragma once

#include <adwaita.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_JOBS_PAGE (sl_jobs_page_get_type ())
G_DECLARE_FINAL_TYPE (SlJobsPage, sl_jobs_page, SL, JOBS_PAGE, GtkWidget)

void sl_jobs_page_set_application (SlJobsPage    *self,
                                   SlApplication *application);
/* The candidates changed (an import, an erasure): the ranking is read again
 * the next time it is shown. */
void sl_jobs_page_refresh         (SlJobsPage    *self);
/* "details", "ranking" or "shortlist" of the job shown. */
void sl_jobs_page_show_tab        (SlJobsPage    *self,
                                   const char    *name);

G_END_DECLS
