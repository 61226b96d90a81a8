/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-rank-store.c: ranking the stored profiles against a job.
 *
 * Three bounds, each tighter and dearer than the one before, so that only
 * the profiles that can still reach the top @limit are looked at closely:
 *
 * 1. The index: for each of the job's skills and their relatives, the
 *    profiles whose skills column holds it (FTS5 on skills_text, read from
 *    the index alone).  That gives every profile sharing a skill an upper
 *    bound (its skill parts from the index, every other part at 1); the
 *    rest share no skill and are not ranked.
 * 2. rank_features (migration 6, ~150 bytes a profile, kept by triggers):
 *    read best bound first; scores every part but the text exactly, with
 *    the text part as the bound.
 * 3. The text part (the share of the job's key terms that FTS5 finds in
 *    the whole profile and resume text), best bound first, in batches.
 *
 * It stops as soon as the @limit-th exact score is above every bound left,
 * so the result is what scoring every profile would give.  A job without
 * skills scores every live profile from step 2.  Ties: newer profile first,
 * then lower profile id.
 */
#include "config.h"

#include <string.h>

#include "sl-rank-private.h"
#include "store/sl-store-private.h"

#define FEATURE_COLUMNS \
  "f.profile_id, f.candidate_id, coalesce (f.months, -1), f.last_active, f.title, f.location," \
  " f.languages, f.skills, f.created_at"

/* Read this many profiles' features, or look up this many profiles' key
 * terms, at a time. */
#define READ_CHUNK 1024
#define TEXT_BATCH 64

typedef struct
{
  gint64 profile_id;
  double bound;              /* from the index */
} Pre;

typedef struct
{
  gint64   profile_id;
  gint64   candidate_id;
  char    *created_at;
  double   base;             /* exact, text part at 0 */
  double   bound;            /* exact, text part at 1 */
  double   score;            /* exact, once the text part is known */
  guint32  terms;            /* bit i: key term i found */
} Cand;

typedef struct
{
  SlStore        *store;
  SlRankPrepared *rp;
  GPtrArray      *phrases;   /* key terms as FTS5 phrases (NULL: none) */
  guint           n_terms;
  gboolean        skills;    /* the job names skills: drop who shares none */
  GArray         *pending;   /* (element-type Cand): read, text not known */
  GArray         *done;      /* (element-type Cand): exact */
} Ranker;

static void
cand_clear (gpointer data)
{
  g_free (((Cand *) data)->created_at);
}

/* A phrase for an FTS5 MATCH: C++ → "C++" (the tokenizer keeps the
 * letters); NULL when the name has no letter or digit at all. */
static char *
fts_phrase (const char *name)
{
  GString *s;
  gboolean any = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    any = any || g_ascii_isalnum (*p) || (guchar) *p >= 0x80;
  if (!any)
    return NULL;
  s = g_string_new ("\"");
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static int
cmp_pre (gconstpointer a,
         gconstpointer b)
{
  const Pre *x = a, *y = b;

  if (x->bound != y->bound)
    return x->bound > y->bound ? -1 : 1;
  return (x->profile_id > y->profile_id) - (x->profile_id < y->profile_id);
}

/* Score, then newer profile, then lower id; @bound sorts by the bound. */
static int
cmp_cand (const Cand *x,
          const Cand *y,
          gboolean    bound)
{
  double a = bound ? x->bound : x->score, b = bound ? y->bound : y->score;
  int c;

  if (a != b)
    return a > b ? -1 : 1;
  c = g_strcmp0 (y->created_at, x->created_at);
  if (c != 0)
    return c;
  return (x->profile_id > y->profile_id) - (x->profile_id < y->profile_id);
}

static int
cmp_by_bound (gconstpointer a,
              gconstpointer b)
{
  return cmp_cand (a, b, TRUE);
}

static int
cmp_by_score (gconstpointer a,
              gconstpointer b)
{
  return cmp_cand (a, b, FALSE);
}

static int
cmp_match (gconstpointer a,
           gconstpointer b)
{
  const SlMatch *x = *(SlMatch * const *) a, *y = *(SlMatch * const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return 0;
}

static void
input_from_row (SlStmt      *st,
                SlRankInput *in)
{
  in->months = sqlite3_column_int (st, 2);
  in->last_active = (const char *) sqlite3_column_text (st, 3);
  in->title = (const char *) sqlite3_column_text (st, 4);
  in->location = (const char *) sqlite3_column_text (st, 5);
  in->languages = (const char *) sqlite3_column_text (st, 6);
  in->skills = (const char *) sqlite3_column_text (st, 7);
}

/* Step 2 for the row @st is on: appends it to pending. */
static void
add_row (Ranker *r,
         SlStmt *st)
{
  gboolean with_text = r->n_terms > 0;
  SlRankInput in;
  double credit = 0;
  Cand c = { 0 };

  input_from_row (st, &in);
  c.base = sl_rank_score_input (r->rp, &in, with_text ? 0.0 : -1.0, &credit);
  /* The index matches words ("c" of "C++" in "Objective-C"): only a real
   * skill or relative counts. */
  if (r->skills && credit <= 0)
    return;
  c.bound = with_text ? sl_rank_score_input (r->rp, &in, 1.0, NULL) : c.base;
  c.score = c.base;
  c.profile_id = sqlite3_column_int64 (st, 0);
  c.candidate_id = sqlite3_column_int64 (st, 1);
  c.created_at = g_strdup ((const char *) sqlite3_column_text (st, 8));
  g_array_append_val (r->pending, c);
}

/* A job without skills: every live profile. */
static gboolean
read_all (Ranker        *r,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (r->store, "SELECT " FEATURE_COLUMNS " FROM rank_features f", error);
  guint n = 0;
  int rc;

  if (st == NULL)
    return FALSE;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      if ((++n & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      add_row (r, st);
    }
  if (rc != SQLITE_DONE)
    return sl_store_set_sqlite_error (r->store, rc, "Could not read the profiles to rank", error);
  g_array_sort (r->pending, cmp_by_bound);
  return TRUE;
}

/* Step 1: per profile sharing a skill, the index bound.  Each distinct
 * name (skill or relative) is looked up once; a hit sets, per job skill it
 * stands for, an exact or a relative bit. */
typedef struct
{
  guint32 req_exact, req_rel, nice_exact, nice_rel;
} Bits;

/* Per profile, ids up to this dense in an array; above it (ids far apart
 * after many deletions) in a hash table. */
#define DENSE_MAX_ID (2 * 1024 * 1024)

static double
pre_bound (Ranker     *r,
           const Bits *b,
           guint       n_req,
           guint       n_nice)
{
  guint all_req = sl_rank_prepared_n_skills (r->rp, TRUE);
  guint all_nice = sl_rank_prepared_n_skills (r->rp, FALSE);
  double req = 0, nice = 0;

  for (guint i = 0; i < n_req; i++)
    req += (b->req_exact >> i) & 1 ? 1.0 : (b->req_rel >> i) & 1 ? 0.5 : 0;
  for (guint i = 0; i < n_nice; i++)
    nice += (b->nice_exact >> i) & 1 ? 1.0 : (b->nice_rel >> i) & 1 ? 0.5 : 0;
  /* Past 32 skills of a kind, the rest count as found. */
  req = all_req > 0 ? (req + all_req - n_req) / all_req : 0;
  nice = all_nice > 0 ? (nice + all_nice - n_nice) / all_nice : 0;
  return sl_rank_bound (r->rp, req, nice, r->n_terms > 0);
}

static gboolean
index_bounds (Ranker        *r,
              GArray        *pre,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) sparse = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree Bits *dense = NULL;
  guint n_req = MIN (sl_rank_prepared_n_skills (r->rp, TRUE), 32);
  guint n_nice = MIN (sl_rank_prepared_n_skills (r->rp, FALSE), 32);
  gint64 max_id = 0;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (r->store, "SELECT max (profile_id) FROM rank_features", error);
    if (st == NULL)
      return FALSE;
    if (sqlite3_step (st) == SQLITE_ROW)
      max_id = sqlite3_column_int64 (st, 0);
  }
  if (max_id <= 0)
    return TRUE;
  if (max_id <= DENSE_MAX_ID)
    dense = g_new0 (Bits, max_id + 1);
  else
    sparse = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  for (int kind = 0; kind < 2; kind++)
    for (guint i = 0; i < (kind == 0 ? n_req : n_nice); i++)
      {
        GPtrArray *rel = NULL;
        const char *name = sl_rank_prepared_skill (r->rp, kind == 0, i, &rel);

        for (guint k = 0; k <= rel->len; k++)
          {
            const char *term = k == 0 ? name : g_ptr_array_index (rel, k - 1);
            g_autofree char *phrase = fts_phrase (term);
            g_autofree char *lower = g_ascii_strdown (term, -1);
            g_autofree char *seen_key = g_strdup_printf ("%d/%u/%d/%s", kind, i, k == 0, lower);
            g_autofree char *match = NULL;
            g_autoptr(SlStmt) st = NULL;
            guint32 bit = 1u << i;
            int rc;

            /* one scan per (name, skill, exact or relative) */
            if (phrase == NULL || !g_hash_table_add (seen, g_steal_pointer (&seen_key)))
              continue;
            if (g_cancellable_set_error_if_cancelled (cancellable, error))
              return FALSE;
            match = g_strconcat ("{skills_text} : ", phrase, NULL);
            st = sl_store_stmt (r->store, "SELECT rowid FROM profiles_fts WHERE profiles_fts MATCH ?", error);
            if (st == NULL)
              return FALSE;
            sl_stmt_bind_text (st, 1, match);
            while ((rc = sqlite3_step (st)) == SQLITE_ROW)
              {
                gint64 id = sqlite3_column_int64 (st, 0);
                Bits *b;

                if (dense != NULL)
                  {
                    /* above the largest live id: a deleted profile */
                    if (id <= 0 || id > max_id)
                      continue;
                    b = &dense[id];
                  }
                else if ((b = g_hash_table_lookup (sparse, GSIZE_TO_POINTER ((gsize) id))) == NULL)
                  g_hash_table_insert (sparse, GSIZE_TO_POINTER ((gsize) id), (b = g_new0 (Bits, 1)));
                if (kind == 0)
                  *(k == 0 ? &b->req_exact : &b->req_rel) |= bit;
                else
                  *(k == 0 ? &b->nice_exact : &b->nice_rel) |= bit;
              }
            if (rc != SQLITE_DONE)
              return sl_store_set_sqlite_error (r->store, rc, "Could not search the skills", error);
          }
      }

  if (dense != NULL)
    for (gint64 id = 1; id <= max_id; id++)
      {
        const Bits *b = &dense[id];
        if ((b->req_exact | b->req_rel | b->nice_exact | b->nice_rel) != 0)
          {
            Pre p = { id, pre_bound (r, b, n_req, n_nice) };
            g_array_append_val (pre, p);
          }
      }
  else
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, sparse);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Pre p = { (gint64) GPOINTER_TO_SIZE (key), pre_bound (r, value, n_req, n_nice) };
          g_array_append_val (pre, p);
        }
    }
  g_array_sort (pre, cmp_pre);
  return TRUE;
}

static int
cmp_id (gconstpointer a,
        gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Pending is sorted by bound; the rows from @first on were just added:
 * sort them and merge the two runs. */
static void
merge_pending (Ranker *r,
               guint   first)
{
  guint n = r->pending->len;
  Cand *c = (Cand *) r->pending->data;
  g_autofree Cand *tmp = NULL;
  guint i = 0, j = first, k = 0;

  if (first >= n)
    return;
  qsort (c + first, n - first, sizeof (Cand), cmp_by_bound);
  if (first == 0)
    return;
  tmp = g_new (Cand, n);
  while (i < first && j < n)
    tmp[k++] = cmp_by_bound (&c[i], &c[j]) <= 0 ? c[i++] : c[j++];
  while (i < first)
    tmp[k++] = c[i++];
  while (j < n)
    tmp[k++] = c[j++];
  memcpy (c, tmp, n * sizeof (Cand));
}

/* Step 2 for pre[from..to), looked up in id order (neighbours share
 * pages). */
static gboolean
read_features (Ranker     *r,
               const Pre  *pre,
               guint       from,
               guint       to,
               GError    **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (r->store,
                                        "SELECT " FEATURE_COLUMNS " FROM rank_features f WHERE f.profile_id = ?",
                                        error);
  g_autofree gint64 *ids = g_new (gint64, MAX (to - from, 1));
  guint first = r->pending->len;

  if (st == NULL)
    return FALSE;
  for (guint i = from; i < to; i++)
    ids[i - from] = pre[i].profile_id;
  qsort (ids, to - from, sizeof (gint64), cmp_id);
  for (guint i = 0; i < to - from; i++)
    {
      int rc;

      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, ids[i]);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        add_row (r, st);
      else if (rc != SQLITE_DONE)
        return sl_store_set_sqlite_error (r->store, rc, "Could not read the profiles to rank", error);
    }
  merge_pending (r, first);
  return TRUE;
}

/* Step 3 for the first @n pending: which key terms each one's profile
 * mentions (one FTS5 query per term for the whole batch), then the exact
 * score; they move to done. */
static gboolean
text_part (Ranker  *r,
           guint    n,
           GError **error)
{
  Cand *c = (Cand *) r->pending->data;
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", c[i].profile_id);
      g_hash_table_insert (index, GSIZE_TO_POINTER ((gsize) c[i].profile_id), GUINT_TO_POINTER (i + 1));
    }
  g_string_append_c (ids, ']');

  for (guint t = 0; t < r->n_terms; t++)
    {
      g_autoptr(SlStmt) st = NULL;
      const char *phrase = g_ptr_array_index (r->phrases, t);
      int rc;

      if (phrase == NULL)
        continue;
      st = sl_store_stmt (r->store,
                          "SELECT rowid FROM profiles_fts WHERE profiles_fts MATCH ?1"
                          " AND rowid IN (SELECT value FROM json_each (?2))", error);
      if (st == NULL)
        return FALSE;
      sl_stmt_bind_text (st, 1, phrase);
      sl_stmt_bind_text (st, 2, ids->str);
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                                            GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (st, 0))));
          if (at > 0)
            c[at - 1].terms |= 1u << t;
        }
      if (rc != SQLITE_DONE)
        return sl_store_set_sqlite_error (r->store, rc, "Could not search the resume text", error);
    }

  for (guint i = 0; i < n; i++)
    {
      /* Linear in the text part; describe_one computes it again part by
       * part and the result is sorted once more on that. */
      if (r->n_terms > 0)
        c[i].score = c[i].base + (c[i].bound - c[i].base) * __builtin_popcount (c[i].terms) / r->n_terms;
      g_array_append_val (r->done, c[i]);
    }
  /* The strings moved to done: remove without clearing. */
  g_array_set_clear_func (r->pending, NULL);
  g_array_remove_range (r->pending, 0, n);
  g_array_set_clear_func (r->pending, cand_clear);
  return TRUE;
}

/* The @limit-th best exact score so far, or -1 when there are fewer. */
static double
kth_score (Ranker *r,
           guint   limit)
{
  if (limit == 0 || r->done->len < limit)
    return -1;
  g_array_sort (r->done, cmp_by_score);
  return g_array_index (r->done, Cand, limit - 1).score;
}

static SlMatch *
describe_one (Ranker      *r,
              const Cand  *c,
              GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (r->store,
                                        "SELECT " FEATURE_COLUMNS ", p.name FROM rank_features f"
                                        " JOIN candidate_profiles p ON p.id = f.profile_id WHERE f.profile_id = ?",
                                        error);
  guint found = __builtin_popcount (c->terms);
  SlRankInput in;
  SlMatch *m;
  int rc;

  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, c->profile_id);
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sl_store_set_sqlite_error (r->store, rc, "Could not read a ranked profile", error);
      return NULL;
    }
  input_from_row (st, &in);
  m = sl_rank_describe (r->rp, &in, r->n_terms > 0 ? (double) found / r->n_terms : -1.0, found, r->n_terms);
  m->profile_id = c->profile_id;
  m->candidate_id = c->candidate_id;
  m->name = sl_stmt_dup_text (st, 9);
  return m;
}

static GPtrArray *
rank (SlStore              *store,
               const SlJob          *job,
               const SlRankWeights  *weights,
               guint                 limit,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autoptr(SlRankPrepared) rp = NULL;
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pre = g_array_new (FALSE, FALSE, sizeof (Pre));
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Cand));
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (Cand));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_match_free);
  GPtrArray *terms;
  Ranker r = { 0 };
  guint next = 0, take;

  rp = sl_rank_prepare (job, weights, NULL);
  terms = sl_rank_prepared_terms (rp);
  g_array_set_clear_func (pending, cand_clear);
  g_array_set_clear_func (done, cand_clear);
  r.store = store;
  r.rp = rp;
  r.phrases = phrases;
  r.pending = pending;
  r.done = done;
  r.skills = sl_rank_prepared_has_skills (rp);
  /* A text part with no weight does not apply at all (its words would say
   * "0 of 5 key terms" for a look-up never made). */
  r.n_terms = sl_rank_prepared_weight (rp, SL_SCORE_TEXT) > 0 ? MIN (terms->len, 32) : 0;
  for (guint i = 0; i < r.n_terms; i++)
    g_ptr_array_add (phrases, fts_phrase (g_ptr_array_index (terms, i)));

  if (r.skills ? !index_bounds (&r, pre, cancellable, error) : !read_all (&r, cancellable, error))
    return NULL;

  for (;;)
    {
      double kth = kth_score (&r, limit);
      double next_pre = next < pre->len ? g_array_index (pre, Pre, next).bound : -1;
      double next_pending = pending->len > 0 ? g_array_index (pending, Cand, 0).bound : -1;

      if (next_pre < 0 && next_pending < 0)
        break;
      /* Nothing left can reach the top: equal bounds could still tie. */
      if (kth >= 0 && kth > next_pre && kth > next_pending)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (next_pre >= next_pending)
        {
          guint to = MIN (next + READ_CHUNK, pre->len);
          if (!read_features (&r, (const Pre *) pre->data, next, to, error))
            return NULL;
          next = to;
        }
      else if (!text_part (&r, MIN (pending->len, MAX (TEXT_BATCH, limit)), error))
        return NULL;
    }

  g_debug ("ranked: %u profiles share a skill, %u read, %u with the text part",
           pre->len, next, done->len);
  g_array_sort (done, cmp_by_score);
  take = limit > 0 ? MIN (limit, done->len) : done->len;
  for (guint i = 0; i < take; i++)
    {
      SlMatch *m = describe_one (&r, &g_array_index (done, Cand, i), error);

      if (m == NULL)
        return NULL;
      if (limit == 0 && m->score <= 0)
        {
          sl_match_free (m);
          break;
        }
      g_ptr_array_add (out, m);
    }
  /* Stable: equal scores keep the newer-profile, lower-id order. */
  g_ptr_array_sort (out, cmp_match);
  return g_steal_pointer (&out);
}

static gint64
read_cache_size (SlStore *store)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, "PRAGMA cache_size", NULL);

  return st != NULL && sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
}

GPtrArray *
sl_store_rank (SlStore              *store,
               const SlJob          *job,
               const SlRankWeights  *weights,
               guint                 limit,
               GCancellable         *cancellable,
               GError              **error)
{
  sqlite3 *db;
  gboolean own_tx;
  GPtrArray *out;
  gint64 cache;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One read transaction for the thousands of look-ups: one snapshot, and
   * no lock and WAL check per statement (which cost more than the look-ups
   * themselves).  Inside the caller's transaction, that one serves. */
  db = sl_store_get_db (store);
  own_tx = sqlite3_get_autocommit (db) != 0;
  if (own_tx && !sl_store_exec (store, "BEGIN DEFERRED", error))
    return NULL;
  /* Room for all of rank_features (~2,000 pages per 100,000 profiles) while
   * ranking, so each page is read once; the connection's own size after. */
  cache = read_cache_size (store);
  sl_store_exec (store, "PRAGMA cache_size = -32768", NULL);
  out = rank (store, job, weights, limit, cancellable, error);
  if (cache != 0)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache);
      sl_store_exec (store, restore, NULL);
    }
  if (own_tx)
    sl_store_exec (store, out != NULL ? "COMMIT" : "ROLLBACK", NULL);
  return out;
}
