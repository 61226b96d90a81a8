/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-rank.h: scoring candidates against a job, with the reasons in words.
 *
 * A score is a weighted sum of components, each 0..1: required skills (with
 * partial credit for close relatives from sl_skills_related()), nice-to-have
 * skills, years of experience, title similarity, location fit, languages,
 * recency of the profile, and the FTS5 relevance of the job's key terms.
 * Every component carries a sentence the recruiter can check, e.g.
 * "5 of 6 required skills (missing: Kubernetes)", "7 years (≥ 5)",
 * "Berlin", "German C1".
 */
#pragma once

#include "rank/sl-job.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

typedef enum
{
  SL_SCORE_REQUIRED_SKILLS,
  SL_SCORE_NICE_SKILLS,
  SL_SCORE_EXPERIENCE,
  SL_SCORE_TITLE,
  SL_SCORE_LOCATION,
  SL_SCORE_LANGUAGES,
  SL_SCORE_RECENCY,
  SL_SCORE_TEXT,
  SL_SCORE_N_COMPONENTS
} SlScoreComponent;

typedef struct
{
  double weight[SL_SCORE_N_COMPONENTS];   /* >= 0; need not sum to 1 */
} SlRankWeights;

/* "required_skills", "nice_skills", "experience", "title", "location",
 * "languages", "recency", "text" (the CLI's JSON), and a translated label
 * for each ("Required skills", …). */
const char *sl_score_component_to_string (SlScoreComponent component);
const char *sl_score_component_label     (SlScoreComponent component);

/* The default weights (required skills weigh most). */
void        sl_rank_weights_init_default (SlRankWeights *weights);

typedef struct
{
  SlScoreComponent  component;
  double            value;     /* 0..1 */
  double            weight;    /* the weight used */
  gboolean          applies;   /* FALSE when the job does not ask for it
                                * (no languages, no location …): not counted */
  char             *text;      /* translated sentence; NULL when !applies */
} SlScorePart;

typedef struct
{
  gint64     profile_id;
  gint64     candidate_id;
  char      *name;             /* for display; the app hides it in blind mode */
  char      *title;            /* current title */
  double     score;            /* 0..100: sum(value*weight)/sum(weight) over
                                * the parts that apply */
  SlScorePart parts[SL_SCORE_N_COMPONENTS];
  char      *summary;          /* the texts of the parts that apply, joined
                                * with " · " */
} SlMatch;

void        sl_match_free (SlMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMatch, sl_match_free)

/* Scores one profile; pure, no database.  @text_relevance is the FTS5
 * component (0..1, < 0 = not available: the part does not apply); @today a
 * partial ISO date (NULL = now) for experience and recency.  NULL @weights =
 * the defaults. */
SlMatch    *sl_rank_score_profile (const SlJob           *job,
                                   const SlProfile       *profile,
                                   const SlRankWeights   *weights,
                                   double                 text_relevance,
                                   const char            *today) G_GNUC_WARN_UNUSED_RESULT;

/* Ranks every live profile in @store against @job, best first, at most
 * @limit (0 = all that score above zero).  Prefilters with the index, scores
 * the rest; ties broken by newer profile, then lower profile id, so the order
 * is deterministic.  (element-type SlMatch) */
GPtrArray  *sl_store_rank          (SlStore               *store,
                                    const SlJob           *job,
                                    const SlRankWeights   *weights,
                                    guint                  limit,
                                    GCancellable          *cancellable,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* NDCG@k of a ranking against graded relevance (@gains[i] is the gain of the
 * item at rank i; @ideal the gains of all items, any order). */
double      sl_rank_ndcg           (const double *gains,
                                    gsize         n_gains,
                                    const double *ideal,
                                    gsize         n_ideal,
                                    guint         k);

/* Blind review: a copy of @profile without name, e-mail, phone, links,
 * photo, date of birth or age, and with gender-indicating words ("he",
 * "she", "Mr", "Mrs", "his", "her", …, in English and German) in the summary
 * and descriptions replaced by neutral ones ("they", "their", …). */
SlProfile  *sl_profile_blind_copy  (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;

/* Blind review's name for a candidate on a job, instead of the database id
 * (which tells import order and can be matched back): 8 letters and digits
 * (Crockford base32, two groups of 4: "K7QF-3MXA") of HMAC-SHA256 under the database's own random key,
 * over the job and candidate ids.  The same wherever the job shows the
 * candidate, another on another job, and nothing about the id.  @key is
 * sl_blind_key(); NULL (a database no writer of this version opened yet)
 * still gives a code, but one anyone could compute from the ids. */
char       *sl_blind_key           (SlStore         *store) G_GNUC_WARN_UNUSED_RESULT;
char       *sl_blind_code          (const char      *key,
                                    gint64           job_id,
                                    gint64           candidate_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
