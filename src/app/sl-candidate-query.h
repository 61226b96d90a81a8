/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-candidate-query.h: the only place where the Candidates list talks to
 * the store's search: count the hits of a query, and read one page of rows
 * in a given order. Both are short indexed reads, safe to call from a worker
 * thread on that thread's own connection.
 */
#pragma once

#include "sl-candidate-item.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

/* The orders the store can page in, each from an index. */
typedef enum
{
  SL_CANDIDATE_SORT_IMPORTED,
  SL_CANDIDATE_SORT_NAME,
  SL_CANDIDATE_SORT_YEARS,
  SL_CANDIDATE_SORT_RELEVANCE,
  SL_CANDIDATE_SORT_TITLE,
  SL_CANDIDATE_SORT_COMPANY,
  SL_CANDIDATE_SORT_LOCATION,
} SlCandidateSort;

/* FALSE with the query language's error when @query is malformed. */
gboolean   sl_candidate_query_check (const char       *query,
                                     GError          **error);

/* Number of live profiles matching @query ("" or NULL = all). */
gboolean   sl_candidate_query_count (SlStore          *store,
                                     const char       *query,
                                     guint            *count,
                                     GError          **error);
/* (element-type SlCandidateRow) rows @offset .. @offset + @limit - 1. */
GPtrArray *sl_candidate_query_page  (SlStore          *store,
                                     const char       *query,
                                     SlCandidateSort   sort,
                                     gboolean          descending,
                                     guint             offset,
                                     guint             limit,
                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* The ids of every hit in order (element-type gint64): a snapshot that
 * later pages are read from by position, never by OFFSET. */
GArray    *sl_candidate_query_ids   (SlStore          *store,
                                     const char       *query,
                                     SlCandidateSort   sort,
                                     gboolean          descending,
                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* (element-type SlCandidateRow) the rows of @ids that are still there, in
 * that order; primary-key reads. */
GPtrArray *sl_candidate_query_rows  (SlStore          *store,
                                     const gint64     *ids,
                                     guint             n_ids,
                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
