/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-jobs-page-private.h: what the app's tests reach on the Jobs page.
 */
#pragma once

#include "rank/sl-job.h"
#include "sl-jobs-page.h"
#include "sl-profile-view.h"
#include "sl-ranking-view.h"
#include "sl-shortlist-board.h"

G_BEGIN_DECLS

SlRankingView    *sl_jobs_page_get_ranking_view (SlJobsPage *self);
SlShortlistBoard *sl_jobs_page_get_board        (SlJobsPage *self);
SlProfileView    *sl_jobs_page_get_profile_view (SlJobsPage *self);
/* The job being edited, 0 before its first save. */
gint64            sl_jobs_page_get_job_id       (SlJobsPage *self);
/* The editor's fields as a job (what Save stores). */
SlJob            *sl_jobs_page_collect_job      (SlJobsPage *self) G_GNUC_WARN_UNUSED_RESULT;
/* Fills the editor from @job (skills, languages … replace what is shown). */
void              sl_jobs_page_load_job         (SlJobsPage  *self,
                                                 const SlJob *job);
/* The editor differs from the job as saved (or as new). */
gboolean          sl_jobs_page_has_unsaved_changes (SlJobsPage *self);
void              sl_jobs_page_set_blind        (SlJobsPage *self,
                                                 gboolean    blind);
/* Exports the shortlist to @file on a worker; "export-finished" (gboolean)
 * follows. */
void              sl_jobs_page_export           (SlJobsPage *self,
                                                 GFile      *file);

G_END_DECLS
