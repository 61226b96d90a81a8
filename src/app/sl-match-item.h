/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-match-item.h: one row of a job's ranking: the SlMatch the rank room
 * computed, and whether the candidate is on the job's shortlist already.
 */
#pragma once

#include <glib-object.h>

#include "rank/sl-rank.h"

G_BEGIN_DECLS

#define SL_TYPE_MATCH_ITEM (sl_match_item_get_type ())
G_DECLARE_FINAL_TYPE (SlMatchItem, sl_match_item, SL, MATCH_ITEM, GObject)

/* Takes ownership of @match; @rank is the 1-based position. */
SlMatchItem   *sl_match_item_new             (SlMatch     *match,
                                              guint        rank) G_GNUC_WARN_UNUSED_RESULT;
const SlMatch *sl_match_item_get_match       (SlMatchItem *self);
guint          sl_match_item_get_rank        (SlMatchItem *self);
gboolean       sl_match_item_get_shortlisted (SlMatchItem *self);
void           sl_match_item_set_shortlisted (SlMatchItem *self,
                                              gboolean     shortlisted);

/* What blind review shows instead of a name: "Candidate #K7QF3M", the
 * candidate's code on @job_id (sl_blind_code under @key, sl_blind_key), so
 * the ranking, the board and the profile agree without showing the id. */
char          *sl_candidate_alias            (const char  *key,
                                              gint64       job_id,
                                              gint64       candidate_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
