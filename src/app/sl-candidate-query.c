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

/* The search hit has no skills; they come from the profile itself. */
static char *
top_skills (SlStore *store,
            gint64   profile_id)
{
  g_autoptr(SlStoredProfile) sp = sl_store_get_profile (store, profile_id, NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) out = NULL;

  if (sp == NULL || sp->profile == NULL)
    return NULL;
  names = sl_profile_skill_names (sp->profile);
  out = g_string_new (NULL);
  for (guint i = 0; i < names->len && i < TOP_SKILLS; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
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
  GPtrArray *rows;
  SlSortKey key;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  query = parse (text, error);
  if (query == NULL)
    return NULL;

  switch (sort)
    {
    case SL_CANDIDATE_SORT_NAME:
      key = SL_SORT_NAME;
      break;
    case SL_CANDIDATE_SORT_YEARS:
      key = SL_SORT_YEARS;
      break;
    case SL_CANDIDATE_SORT_RELEVANCE:
      key = SL_SORT_RELEVANCE;
      break;
    case SL_CANDIDATE_SORT_IMPORTED:
    default:
      key = SL_SORT_IMPORTED;
      break;
    }

  hits = sl_store_search_page (store, query, key, descending, offset, limit, NULL, error);
  if (hits == NULL)
    return NULL;

  rows = g_ptr_array_new_full (hits->len, (GDestroyNotify) sl_candidate_row_free);
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
      row->skills = top_skills (store, hit->profile_id);
      g_ptr_array_add (rows, row);
    }
  return rows;
}
