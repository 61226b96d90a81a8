/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-candidate-query.h"
#include "store/sl-store-search.h"

/* Top skills shown in the list. */
#define TOP_SKILLS 4

static SlQuery *
parse (const char  *text,
       GError     **error)
{
  return sl_query_parse (text ? text : "", error);
}

gboolean
sl_candidate_query_check (const char  *text,
                          GError     **error)
{
  g_autoptr(SlQuery) query = parse (text, error);

  return query != NULL;
}

gboolean
sl_candidate_query_count (SlStore     *store,
                          const char  *text,
                          guint       *count,
                          GError     **error)
{
  g_autoptr(SlQuery) query = NULL;
  gint64 n;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  query = parse (text, error);
  if (query == NULL)
    return FALSE;
  n = sl_store_search_count (store, query, error);
  if (n < 0)
    return FALSE;
  *count = (guint) MIN (n, (gint64) G_MAXUINT);
  return TRUE;
}

/* The first few of the stored skills (" · " between them). */
static char *
top_skills (const char *skills_text)
{
  g_auto(GStrv) names = NULL;
  guint n;

  if (skills_text == NULL || skills_text[0] == '\0')
    return NULL;
  names = g_strsplit (skills_text, " · ", TOP_SKILLS + 1);
  n = g_strv_length (names);
  if (n > TOP_SKILLS)
    {
      g_free (names[TOP_SKILLS]);
      names[TOP_SKILLS] = NULL;
    }
  return g_strjoinv (", ", names);
}

static SlSortKey
sort_key (SlCandidateSort sort)
{
  switch (sort)
    {
    case SL_CANDIDATE_SORT_NAME:
      return SL_SORT_NAME;
    case SL_CANDIDATE_SORT_YEARS:
      return SL_SORT_YEARS;
    case SL_CANDIDATE_SORT_RELEVANCE:
      return SL_SORT_RELEVANCE;
    case SL_CANDIDATE_SORT_TITLE:
      return SL_SORT_TITLE;
    case SL_CANDIDATE_SORT_COMPANY:
      return SL_SORT_COMPANY;
    case SL_CANDIDATE_SORT_LOCATION:
      return SL_SORT_LOCATION;
    case SL_CANDIDATE_SORT_IMPORTED:
    default:
      return SL_SORT_IMPORTED;
    }
}

static GPtrArray *
rows_from_hits (GPtrArray *hits)
{
  GPtrArray *rows = g_ptr_array_new_full (hits->len, (GDestroyNotify) sl_candidate_row_free);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      SlCandidateRow *row = sl_candidate_row_new ();

      row->profile_id = hit->profile_id;
      row->name = g_strdup (hit->name);
      row->title = g_strdup (hit->current_title);
      row->company = g_strdup (hit->current_company);
      row->location = g_strdup (hit->location);
      row->years = hit->experience_months >= 0 ? hit->experience_months / 12 : -1;
      row->imported = g_strdup (hit->created_at);
      row->skills = top_skills (hit->skills_text);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

GPtrArray *
sl_candidate_query_page (SlStore          *store,
                         const char       *text,
                         SlCandidateSort   sort,
                         gboolean          descending,
                         guint             offset,
                         guint             limit,
                         GError          **error)
{
  g_autoptr(SlQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  query = parse (text, error);
  if (query == NULL)
    return NULL;
  hits = sl_store_search_page (store, query, sort_key (sort), descending, offset, limit, NULL, error);
  return hits != NULL ? rows_from_hits (hits) : NULL;
}

GArray *
sl_candidate_query_ids (SlStore          *store,
                        const char       *text,
                        SlCandidateSort   sort,
                        gboolean          descending,
                        GError          **error)
{
  g_autoptr(SlQuery) query = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  query = parse (text, error);
  if (query == NULL)
    return NULL;
  return sl_store_search_ids (store, query, sort_key (sort), descending, error);
}

GPtrArray *
sl_candidate_query_rows (SlStore       *store,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  hits = sl_store_search_get_hits (store, ids, n_ids, error);
  return hits != NULL ? rows_from_hits (hits) : NULL;
}
