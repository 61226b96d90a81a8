/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-search.c: runs a compiled SlQuery.  The SQL shapes are fixed
 * strings chosen by (has FTS part, has SQL part, sort, plan); user text only
 * ever reaches SQLite as bound values.
 */
#include "config.h"

#include "sl-store-private.h"
#include "sl-store-search.h"

#define HIT_COLUMNS \
  "p.id, p.uuid, p.candidate_id, p.name, p.email, p.location, p.current_title," \
  " p.current_company, coalesce (p.experience_months, -1), p.source, p.created_at, p.updated_at," \
  " p.skills_text"

void
sl_search_hit_free (SlSearchHit *h)
{
  if (h == NULL)
    return;
  g_free (h->uuid);
  g_free (h->name);
  g_free (h->email);
  g_free (h->location);
  g_free (h->current_title);
  g_free (h->current_company);
  g_free (h->source);
  g_free (h->created_at);
  g_free (h->updated_at);
  g_free (h->skills_text);
  g_free (h);
}

SlSearchHit *
sl_search_hit_copy (const SlSearchHit *h)
{
  SlSearchHit *n;

  g_return_val_if_fail (h != NULL, NULL);
  n = g_memdup2 (h, sizeof *h);
  n->uuid = g_strdup (h->uuid);
  n->name = g_strdup (h->name);
  n->email = g_strdup (h->email);
  n->location = g_strdup (h->location);
  n->current_title = g_strdup (h->current_title);
  n->current_company = g_strdup (h->current_company);
  n->source = g_strdup (h->source);
  n->created_at = g_strdup (h->created_at);
  n->updated_at = g_strdup (h->updated_at);
  n->skills_text = g_strdup (h->skills_text);
  return n;
}

static gboolean
has_deleted_rows (SlStore *self)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self,
                                        "SELECT EXISTS (SELECT 1 FROM candidate_profiles INDEXED BY profiles_deleted WHERE deleted = 1)",
                                        NULL);
  return st == NULL || (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) != 0);
}

/* What identifies the data a count was taken on: other connections'
 * commits move data_version, this connection's writes total_changes. */
static void
data_state (SlStore *self,
            gint64  *version,
            gint64  *changes)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, "PRAGMA data_version", NULL);

  *version = st != NULL && sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : -1;
  *changes = sqlite3_total_changes64 (sl_store_get_db (self));
}

/* Binds the MATCH (if any) then the condition's values; returns the next
 * free parameter index. */
static int
bind_query (SlStmt        *st,
            const SlQuery *query,
            gboolean       with_match)
{
  int idx = 1;

  if (with_match)
    sqlite3_bind_text (st, idx++, sl_query_get_fts_match (query), -1, SQLITE_TRANSIENT);
  return sl_query_bind_where (query, st, idx);
}

static gint64
run_count (SlStore       *self,
           const char    *sql,
           const SlQuery *query,
           gboolean       with_match,
           GError       **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);
  int rc;

  if (st == NULL)
    return -1;
  bind_query (st, query, with_match);
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sl_store_set_sqlite_error (self, rc, "The search failed", error);
      return -1;
    }
  return sqlite3_column_int64 (st, 0);
}

gint64
sl_store_search_count (SlStore        *self,
                       const SlQuery  *query,
                       GError        **error)
{
  g_autofree char *sql = NULL;
  const char *match, *where;

  g_return_val_if_fail (SL_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  match = sl_query_get_fts_match (query);
  where = sl_query_get_sql_where (query);

  if (match != NULL && where == NULL && !has_deleted_rows (self))
    /* The index alone: no join, no table rows read. */
    sql = g_strdup ("SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH ?");
  else if (match != NULL)
    /* Filters only use columns of profiles_keys (migration 4). */
    sql = g_strconcat ("SELECT count(*) FROM profiles_fts f"
                       " JOIN candidate_profiles p INDEXED BY profiles_keys ON p.id = f.rowid"
                       " WHERE profiles_fts MATCH ? AND p.deleted = 0",
                       where != NULL ? " AND " : "", where != NULL ? where : "", NULL);
  else if (where == NULL)
    /* count(*) of a table uses its smallest index; the deleted rows come
     * from their partial index: no table scan. */
    sql = g_strdup ("SELECT (SELECT count(*) FROM candidate_profiles)"
                    " - (SELECT count(*) FROM candidate_profiles INDEXED BY profiles_deleted WHERE deleted = 1)");
  else
    sql = g_strconcat ("SELECT count(*) FROM candidate_profiles p WHERE p.deleted = 0 AND ",
                       where, NULL);
  {
    gint64 version, changes, count;

    data_state (self, &version, &changes);
    count = run_count (self, sql, query, match != NULL, error);
    if (count >= 0 && version >= 0)
      sl_query_set_cached_count (query, self, version, changes, count);
    return count;
  }
}

/* Text columns sort case-insensitively with the empty ones after the rest;
 * each order is exactly an index's (migration 7 for title, company and
 * location), so a page or the ids come off the index in order. */
static const char *
order_by (SlSortKey sort,
          gboolean  descending)
{
  switch (sort)
    {
    case SL_SORT_NAME:
      return descending ? " ORDER BY p.name COLLATE NOCASE DESC, p.id DESC"
                        : " ORDER BY p.name COLLATE NOCASE, p.id";
    case SL_SORT_IMPORTED:
      return descending ? " ORDER BY p.created_at DESC, p.id DESC"
                        : " ORDER BY p.created_at, p.id";
    case SL_SORT_YEARS:
      return descending ? " ORDER BY p.experience_months DESC, p.id DESC"
                        : " ORDER BY p.experience_months, p.id";
    case SL_SORT_TITLE:
      return descending ? " ORDER BY p.current_title IS NULL DESC, p.current_title COLLATE NOCASE DESC, p.id DESC"
                        : " ORDER BY p.current_title IS NULL, p.current_title COLLATE NOCASE, p.id";
    case SL_SORT_COMPANY:
      return descending ? " ORDER BY p.current_company IS NULL DESC, p.current_company COLLATE NOCASE DESC, p.id DESC"
                        : " ORDER BY p.current_company IS NULL, p.current_company COLLATE NOCASE, p.id";
    case SL_SORT_LOCATION:
      return descending ? " ORDER BY p.location IS NULL DESC, p.location COLLATE NOCASE DESC, p.id DESC"
                        : " ORDER BY p.location IS NULL, p.location COLLATE NOCASE, p.id";
    case SL_SORT_RELEVANCE:
    default:
      return " ORDER BY p.id DESC";
    }
}

/* The sort keys that the narrow profiles_keys index holds. */
static gboolean
sort_in_keys (SlSortKey sort)
{
  return sort == SL_SORT_NAME || sort == SL_SORT_IMPORTED || sort == SL_SORT_YEARS ||
         sort == SL_SORT_RELEVANCE;
}

/* Whether a full-text query is ranked: the caller's count when it has one
 * for this data, else a bounded count that stops reading the index after
 * RANK_LIMIT + 1. FALSE with @error set on failure. */
static gboolean
decide_rank (SlStore        *self,
             const SlQuery  *query,
             gboolean       *use_rank,
             GError        **error)
{
  gint64 version, changes, bounded;

  data_state (self, &version, &changes);
  if (!sl_query_get_cached_count (query, self, version, changes, &bounded))
    bounded = run_count (self,
                         "SELECT count(*) FROM (SELECT 1 FROM profiles_fts"
                         " WHERE profiles_fts MATCH ? LIMIT " G_STRINGIFY (SL_SEARCH_RANK_LIMIT) " + 1)",
                         query, TRUE, error);
  if (bounded < 0)
    return FALSE;
  *use_rank = bounded <= SL_SEARCH_RANK_LIMIT;
  return TRUE;
}

static SlSearchHit *
read_hit (SlStmt *st)
{
  SlSearchHit *h = g_new0 (SlSearchHit, 1);

  h->profile_id = sqlite3_column_int64 (st, 0);
  h->uuid = sl_stmt_dup_text (st, 1);
  h->candidate_id = sqlite3_column_int64 (st, 2);
  h->name = sl_stmt_dup_text (st, 3);
  h->email = sl_stmt_dup_text (st, 4);
  h->location = sl_stmt_dup_text (st, 5);
  h->current_title = sl_stmt_dup_text (st, 6);
  h->current_company = sl_stmt_dup_text (st, 7);
  h->experience_months = sqlite3_column_int (st, 8);
  h->source = sl_stmt_dup_text (st, 9);
  h->created_at = sl_stmt_dup_text (st, 10);
  h->updated_at = sl_stmt_dup_text (st, 11);
  h->skills_text = sl_stmt_dup_text (st, 12);
  h->rank = sqlite3_column_double (st, 13);
  return h;
}

/* Steps @st to the end, one hit per row. */
static GPtrArray *
read_hits (SlStore  *self,
           SlStmt   *st,
           GError  **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_search_hit_free);
  int rc;

  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (hits, read_hit (st));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "The search failed", error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* What a search statement returns: a page of hits (HIT_COLUMNS and the
 * rank, then LIMIT ? OFFSET ?) or every id in order. */
typedef enum
{
  SEARCH_PAGE,
  SEARCH_IDS,
} SearchShape;

/* The one builder of a search's SQL, for a page and for the ids alike: the
 * same plan (FTS or not, ranked or not, which index) and the same filters
 * and order, so the two can never disagree. */
static char *
search_sql (const SlQuery *query,
            SlSortKey      sort,
            gboolean       descending,
            gboolean       use_rank,
            SearchShape    shape)
{
  gboolean page = shape == SEARCH_PAGE;
  const char *match = sl_query_get_fts_match (query);
  const char *where = sl_query_get_sql_where (query);
  const char *and_where = where != NULL ? " AND " : "";
  const char *limit = page ? " LIMIT ? OFFSET ?" : "";
  const char *order = order_by (sort, descending);

  if (where == NULL)
    where = "";
  if (match != NULL && sort == SL_SORT_RELEVANCE)
    /* Ranked when few hits; otherwise newest first by rowid, which FTS5
     * delivers in order, so a page stops after its rows. */
    return g_strconcat ("SELECT ", page ? HIT_COLUMNS ", " : "p.id",
                        page ? (use_rank ? "f.rank" : "0") : "",
                        " FROM profiles_fts f JOIN candidate_profiles p ON p.id = f.rowid"
                        " WHERE profiles_fts MATCH ? AND p.deleted = 0", and_where, where,
                        use_rank ? " ORDER BY f.rank" : " ORDER BY f.rowid DESC", limit, NULL);
  if (match != NULL)
    {
      /* Sorted by a column: every hit has to be looked at, so the hits are
       * joined to the narrow profiles_keys index (sort keys and filter
       * columns only); a page then reads only its own rows from the table. */
      g_autofree char *hits = g_strconcat ("SELECT p.id AS hid FROM profiles_fts f JOIN candidate_profiles p",
                                           sort_in_keys (sort) ? " INDEXED BY profiles_keys" : "",
                                           " ON p.id = f.rowid WHERE profiles_fts MATCH ? AND p.deleted = 0",
                                           and_where, where, order, limit, NULL);
      if (!page)
        return g_steal_pointer (&hits);
      return g_strconcat ("SELECT " HIT_COLUMNS ", 0 FROM candidate_profiles p JOIN (", hits,
                          ") h ON p.id = h.hid", order, NULL);
    }
  /* No text: for the ids the soft-deleted rows come from their partial
   * index, so without a filter the sort index alone answers (no table row
   * is read); a page reads its rows anyway. */
  return g_strconcat ("SELECT ", page ? HIT_COLUMNS ", 0" : "p.id", " FROM candidate_profiles p WHERE ",
                      page ? "p.deleted = 0"
                           : "p.id NOT IN (SELECT id FROM candidate_profiles INDEXED BY profiles_deleted WHERE deleted = 1)",
                      and_where, where, order, limit, NULL);
}

/* Prepares and binds the search statement of @shape; *@next is the first
 * parameter after the query's values (a page's LIMIT). */
static SlStmt *
search_stmt (SlStore        *self,
             const SlQuery  *query,
             SlSortKey       sort,
             gboolean        descending,
             SearchShape     shape,
             gboolean       *ranked,
             int            *next,
             GError        **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *sql = NULL;
  gboolean match = sl_query_get_fts_match (query) != NULL;
  gboolean use_rank = FALSE;

  if (match && sort == SL_SORT_RELEVANCE && !decide_rank (self, query, &use_rank, error))
    return NULL;
  sql = search_sql (query, sort, descending, use_rank, shape);
  st = sl_store_stmt (self, sql, error);
  if (st == NULL)
    return NULL;
  *next = bind_query (st, query, match);
  *ranked = use_rank;
  return g_steal_pointer (&st);
}

GPtrArray *
sl_store_search_page (SlStore        *self,
                      const SlQuery  *query,
                      SlSortKey       sort,
                      gboolean        descending,
                      guint           offset,
                      guint           limit,
                      gboolean       *ranked,
                      GError        **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SlStmt) st = NULL;
  gboolean use_rank = FALSE;
  int idx = 0;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = search_stmt (self, query, sort, descending, SEARCH_PAGE, &use_rank, &idx, error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, idx, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (st, idx + 1, offset);

  hits = read_hits (self, st, error);
  if (hits == NULL)
    return NULL;
  if (ranked != NULL)
    *ranked = use_rank;
  return g_steal_pointer (&hits);
}

GArray *
sl_store_search_ids (SlStore        *self,
                     const SlQuery  *query,
                     SlSortKey       sort,
                     gboolean        descending,
                     GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(SlStmt) st = NULL;
  gboolean use_rank = FALSE;
  int idx = 0, rc;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = search_stmt (self, query, sort, descending, SEARCH_IDS, &use_rank, &idx, error);
  if (st == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (self, rc, "The search failed", error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
sl_store_search_get_hits (SlStore       *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autoptr(GString) list = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One statement for any number of ids: a JSON array, walked in order,
   * each id a primary-key read. */
  list = g_string_new ("[");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  st = sl_store_stmt (self,
                      "SELECT " HIT_COLUMNS ", 0 FROM json_each (?) j"
                      " CROSS JOIN candidate_profiles p ON p.id = j.value"
                      " WHERE p.deleted = 0 ORDER BY j.key",
                      error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_text (st, 1, list->str, (int) list->len, SQLITE_TRANSIENT);
  return read_hits (self, st, error);
}

GPtrArray *
sl_store_search_profiles (SlStore     *self,
                          const char  *text,
                          guint        limit,
                          GError     **error)
{
  g_autoptr(SlQuery) query = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  query = sl_query_parse (text, error);
  if (query == NULL)
    return NULL;
  return sl_store_search_page (self, query, SL_SORT_RELEVANCE, FALSE, 0, limit, NULL, error);
}
