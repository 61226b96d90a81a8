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

/* The orders the store can page in (title, company and location columns
 * are not sortable: the store has no index for them). */
typedef enum
{
  SL_CANDIDATE_SORT_IMPORTED,
  SL_CANDIDATE_SORT_NAME,
  SL_CANDIDATE_SORT_YEARS,
  SL_CANDIDATE_SORT_RELEVANCE,
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

G_END_DECLS
