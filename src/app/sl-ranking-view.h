/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-ranking-view.h: a job's ranking: every candidate with a score, a level
 * bar and the breakdown in words, best first.  The ranking runs on a worker
 * with its own read connection; the view never waits on it.
 */
#pragma once

#include <adwaita.h>

#include "rank/sl-job.h"
#include "sl-match-item.h"

G_BEGIN_DECLS

#define SL_TYPE_RANKING_VIEW (sl_ranking_view_get_type ())
G_DECLARE_FINAL_TYPE (SlRankingView, sl_ranking_view, SL, RANKING_VIEW, GtkWidget)

/* How many candidates the view lists at most. */
#define SL_RANKING_VIEW_LIMIT 200

/* Ranks the live profiles of the database at @db_path against a copy of
 * @job; a ranking still running is cancelled.  "finished" follows. */
void        sl_ranking_view_rank         (SlRankingView *self,
                                          const char    *db_path,
                                          const SlJob   *job);
void        sl_ranking_view_clear        (SlRankingView *self);
gboolean    sl_ranking_view_get_loading  (SlRankingView *self);
/* (element-type SlMatchItem) */
GListModel *sl_ranking_view_get_model    (SlRankingView *self);
/* Blind review: "Candidate #N" instead of names. */
void        sl_ranking_view_set_blind    (SlRankingView *self,
                                          gboolean       blind);
/* Marks the rows whose candidate is in @candidate_ids (gint64 keys). */
void        sl_ranking_view_set_shortlisted (SlRankingView *self,
                                             GHashTable    *candidate_ids);

G_END_DECLS
