/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-rank-private.h: the scorer's inner API, shared by the pure scorer
 * (sl-rank.c) and the store ranker (sl-rank-store.c).  Not for other rooms.
 *
 * A candidate reaches the scorer as an SlRankInput: the few strings the
 * rank_features table holds (migration 6 of the store), so that scoring a
 * stored profile and scoring an SlProfile run the very same code.
 */
#pragma once

#include "sl-rank.h"

G_BEGIN_DECLS

typedef struct
{
  const char *skills;       /* "|python|machine learning|": ASCII lower case */
  int         months;       /* experience; -1 = unknown */
  const char *last_active;  /* "now", a partial ISO date, or NULL */
  const char *title;        /* current title or NULL */
  const char *location;     /* as written or NULL */
  const char *languages;    /* "German:C1|English:native" or NULL */
} SlRankInput;

typedef struct _SlRankPrepared SlRankPrepared;

/* The job made ready for scoring many candidates (skills as needles with
 * their relatives, title words, location parts, language levels). */
SlRankPrepared *sl_rank_prepare          (const SlJob          *job,
                                          const SlRankWeights  *weights,
                                          const char           *today) G_GNUC_WARN_UNUSED_RESULT;
void            sl_rank_prepared_free    (SlRankPrepared       *rp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRankPrepared, sl_rank_prepared_free)

/* The weight used for @component (the defaults when none were given). */
double          sl_rank_prepared_weight  (SlRankPrepared       *rp,
                                          SlScoreComponent      component);

/* Key terms for the full-text component (skills, then title words),
 * de-duplicated; owned by @rp. (element-type utf8) */
GPtrArray      *sl_rank_prepared_terms   (SlRankPrepared       *rp);
/* TRUE when the job names any required or nice-to-have skill. */
gboolean        sl_rank_prepared_has_skills (SlRankPrepared    *rp);
/* Every job skill and its relatives, for the index prefilter.
 * (element-type utf8) owned by @rp */
GPtrArray      *sl_rank_prepared_skill_names (SlRankPrepared   *rp);

/* The job's required (or nice-to-have) skills: how many, and the name of
 * the @i-th with its relatives ((element-type utf8) owned by @rp). */
guint           sl_rank_prepared_n_skills (SlRankPrepared  *rp,
                                           gboolean         required);
const char     *sl_rank_prepared_skill   (SlRankPrepared       *rp,
                                          gboolean              required,
                                          guint                 i,
                                          GPtrArray           **relatives);

/* The best score a candidate can reach whose required and nice-to-have
 * skill values are at most @required and @nice (every other part at 1). */
double          sl_rank_bound            (SlRankPrepared       *rp,
                                          double                required,
                                          double                nice,
                                          gboolean              with_text);

/* Scores @in without building any text: returns the score 0..100 with
 * the text component at @text_value (< 0 = the part does not apply);
 * @skill_credit (nullable) gets the sum of the required and nice-to-have
 * skill values (0 = shares no skill or relative with the job). */
double          sl_rank_score_input      (SlRankPrepared       *rp,
                                          const SlRankInput    *in,
                                          double                text_value,
                                          double               *skill_credit);

/* The same score with every part and its sentence.  @terms_matched /
 * @terms_total say the text part in words ("7 of 9 key terms in the
 * resume"); @terms_total 0 words it as a percentage. */
SlMatch        *sl_rank_describe         (SlRankPrepared       *rp,
                                          const SlRankInput    *in,
                                          double                text_value,
                                          guint                 terms_matched,
                                          guint                 terms_total) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
