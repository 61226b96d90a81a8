/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-search.h: searching profiles with a compiled SlQuery, shaped for
 * a list view: the total count and one page are separate calls, each fast.
 *
 * Relevance: FTS5 bm25 has to visit every hit, which costs ~100 ms for a
 * word in a third of 100,000 profiles.  So a page in relevance order is
 * ranked only when the query has at most SL_SEARCH_RANK_LIMIT full-text
 * hits; a broader query comes newest first and the page says so
 * (@ranked = FALSE), so the UI can offer "sort by relevance" knowingly.
 */
#pragma once

#include "sl-query.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_SEARCH_RANK_LIMIT 2000

typedef enum
{
  SL_SORT_RELEVANCE,   /* bm25 (weighted: name, skills, titles first); see above */
  SL_SORT_NAME,
  SL_SORT_IMPORTED,    /* created_at */
  SL_SORT_YEARS,       /* experience_months; unknown last */
  SL_SORT_TITLE,       /* current_title; the ones without one last */
  SL_SORT_COMPANY,     /* current_company; likewise */
  SL_SORT_LOCATION,    /* location; likewise */
} SlSortKey;

/* One row of a result page: what a list view shows. */
typedef struct
{
  gint64  profile_id;
  char   *uuid;
  gint64  candidate_id;
  char   *name;
  char   *email;
  char   *location;
  char   *current_title;
  char   *current_company;
  int     experience_months;   /* -1 = unknown */
  char   *source;
  char   *created_at;
  char   *updated_at;
  double  rank;                /* bm25 score when ranked (lower is better), else 0 */
  char   *skills_text;         /* the skills as stored, " · " between them */
} SlSearchHit;

SlSearchHit *sl_search_hit_copy (const SlSearchHit *hit) G_GNUC_WARN_UNUSED_RESULT;
void         sl_search_hit_free (SlSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSearchHit, sl_search_hit_free)

/* Number of live profiles matching @query; -1 with @error. */
gint64     sl_store_search_count   (SlStore        *self,
                                    const SlQuery  *query,
                                    GError        **error);

/* One page of live profiles matching @query. @descending flips the order
 * (for relevance: best first either way). @ranked (nullable) says whether
 * the page really is in relevance order. (element-type SlSearchHit) */
GPtrArray *sl_store_search_page    (SlStore        *self,
                                    const SlQuery  *query,
                                    SlSortKey       sort,
                                    gboolean        descending,
                                    guint           offset,
                                    guint           limit,
                                    gboolean       *ranked,
                                    GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Paging a long result by position without OFFSET: the ids of every live
 * profile matching @query, in @sort order (as sl_store_search_page, same
 * ranking rule), read from indexes only where the order allows (about
 * 60 ms for 100,000 profiles by name), then any stretch of rows by
 * sl_store_search_get_hits.  A snapshot: it does not follow later writes.
 * (element-type gint64) */
GArray    *sl_store_search_ids     (SlStore        *self,
                                    const SlQuery  *query,
                                    SlSortKey       sort,
                                    gboolean        descending,
                                    GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* The hits for @ids, in that order, by primary key; ids that are no longer
 * live profiles are left out. (element-type SlSearchHit) */
GPtrArray *sl_store_search_get_hits (SlStore       *self,
                                     const gint64  *ids,
                                     guint          n_ids,
                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The original design's search_profiles: parse @text, first @limit hits in
 * relevance order (as above). (element-type SlSearchHit) */
GPtrArray *sl_store_search_profiles (SlStore       *self,
                                     const char    *text,
                                     guint          limit,
                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
