/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-candidate-model.h"

/* 50 pages of 100 rows: a few screens in each direction of any scroll
 * position, a few MB at most. */
#define MAX_PAGES 50

/* The page index of the job that only reads the query's id snapshot. */
#define SNAPSHOT G_MAXUINT

/* Pages that start before this row are read by OFFSET while the snapshot
 * is not there yet: as cheap as the first page so near the top, and the
 * snapshot (all the ids of the result, ~50 ms at 100,000) waits until the
 * first frame is drawn. */
#define OFFSET_ROWS 1000

/* The worker's read connection, shared by the model and its in-flight task
 * (which may outlive a query change); used by one fetch at a time. */
typedef struct
{
  GMutex   lock;
  char    *path;
  SlStore *store;
} Worker;

static void
worker_clear (Worker *worker)
{
  g_clear_object (&worker->store);
  g_free (worker->path);
  g_mutex_clear (&worker->lock);
}

static Worker *
worker_ref (Worker *worker)
{
  return g_atomic_rc_box_acquire (worker);
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

typedef struct
{
  Worker          *worker;
  char            *query;
  SlCandidateSort  sort;
  gboolean         descending;
  guint            page;
  guint            limit;
  guint            generation;
  GArray          *ids;        /* the snapshot, or NULL: the job reads it */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  worker_unref (fetch->worker);
  g_free (fetch->query);
  g_clear_pointer (&fetch->ids, g_array_unref);
  g_free (fetch);
}

typedef struct
{
  GArray    *ids;
  GPtrArray *rows;
  gboolean   by_offset;  /* rows read by OFFSET, in the result's order */
} FetchResult;

static void
fetch_result_free (FetchResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

struct _SlCandidateModel
{
  GObject          parent_instance;

  SlStore         *store;
  Worker          *worker;
  char            *query;
  SlCandidateSort  sort;
  gboolean         descending;

  guint            n_items;     /* reported: the first screen, then all */
  guint            total;       /* the query's count */
  guint            first_screen; /* 0: a new query's rows come all at once */
  gboolean         query_changed; /* the next answer is a new query's */
  guint            answered;    /* the generation of the last answer */
  guint            generation;
  GArray          *ids;        /* the query's ids in order (element-type gint64), once read */
  GHashTable      *pages;      /* page index → GPtrArray of SlCandidateItem */
  GQueue           lru;        /* page indices, most recently used first */
  GQueue           wanted;     /* pages to read, newest request first */
  gboolean         fetching;
  guint            pages_loaded;
  gboolean         loading;
  guint            snapshot_id; /* idle that asks for the snapshot */
};

static void sl_candidate_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlCandidateModel, sl_candidate_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sl_candidate_model_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_QUERY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_fetch (SlCandidateModel *self);

static guint
page_length (SlCandidateModel *self,
             guint             page)
{
  guint start = page * SL_CANDIDATE_MODEL_PAGE_SIZE;

  /* Pages are the query's, whatever part of it is reported yet. */
  return MIN (SL_CANDIDATE_MODEL_PAGE_SIZE, self->total - start);
}

static void
fill_page (GPtrArray *items,
           GPtrArray *rows)
{
  for (guint i = 0; i < items->len && i < rows->len; i++)
    sl_candidate_item_fill (g_ptr_array_index (items, i), g_ptr_array_index (rows, i));
}

/* Rows read by id skip profiles deleted since the snapshot: each item
 * takes the row with its id, or an empty one. */
static void
fill_page_by_id (GPtrArray    *items,
                 GPtrArray    *rows,
                 const gint64 *ids,
                 guint         n_ids)
{
  guint j = 0;

  for (guint i = 0; i < items->len; i++)
    {
      SlCandidateRow *row = j < rows->len ? g_ptr_array_index (rows, j) : NULL;

      if (row != NULL && i < n_ids && row->profile_id == ids[i])
        {
          sl_candidate_item_fill (g_ptr_array_index (items, i), row);
          j++;
        }
      else
        {
          g_autoptr(SlCandidateRow) gone = sl_candidate_row_new ();
          gone->profile_id = i < n_ids ? ids[i] : 0;
          sl_candidate_item_fill (g_ptr_array_index (items, i), gone);
        }
    }
}

static void
touch_page (SlCandidateModel *self,
            guint             page)
{
  GList *link = g_queue_find (&self->lru, GUINT_TO_POINTER (page));

  if (link == self->lru.head && link != NULL)
    return;
  if (link != NULL)
    g_queue_unlink (&self->lru, link), g_queue_push_head_link (&self->lru, link);
  else
    g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  /* Items already handed out keep their data; only the cache lets go. */
  while (self->lru.length > MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->lru));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
}

static GPtrArray *
ensure_page (SlCandidateModel *self,
             guint             page,
             gboolean          read_later)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items == NULL)
    {
      guint n = page_length (self, page);

      items = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, sl_candidate_item_new ());
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      if (read_later)
        {
          g_queue_push_head (&self->wanted, GUINT_TO_POINTER (page));
          schedule_fetch (self);
        }
    }
  touch_page (self, page);
  return items;
}

/* Worker: the query's id snapshot when the job has none, then the page's
 * rows by primary key. No OFFSET: a page deep in a sorted result costs
 * what the first one does. */
static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GError) error = NULL;
  FetchResult *result = g_new0 (FetchResult, 1);
  GArray *ids = fetch->ids;

  g_mutex_lock (&fetch->worker->lock);
  if (fetch->worker->store == NULL)
    fetch->worker->store = sl_store_open_full (fetch->worker->path, SL_STORE_OPEN_READONLY, &error);
  if (fetch->worker->store != NULL && ids == NULL && fetch->page != SNAPSHOT &&
      fetch->page * SL_CANDIDATE_MODEL_PAGE_SIZE < OFFSET_ROWS)
    {
      result->rows = sl_candidate_query_page (fetch->worker->store, fetch->query, fetch->sort, fetch->descending,
                                              fetch->page * SL_CANDIDATE_MODEL_PAGE_SIZE, fetch->limit, &error);
      result->by_offset = TRUE;
    }
  else if (fetch->worker->store != NULL && ids == NULL)
    ids = result->ids = sl_candidate_query_ids (fetch->worker->store, fetch->query, fetch->sort,
                                                fetch->descending, &error);
  if (ids != NULL && fetch->page != SNAPSHOT)
    {
      guint start = MIN (fetch->page * SL_CANDIDATE_MODEL_PAGE_SIZE, ids->len);
      guint n = MIN (fetch->limit, ids->len - start);

      result->rows = sl_candidate_query_rows (fetch->worker->store, &g_array_index (ids, gint64, start), n, &error);
    }
  g_mutex_unlock (&fetch->worker->lock);

  if (error != NULL)
    {
      fetch_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) fetch_result_free);
}

static void
fetch_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  SlCandidateModel *self = SL_CANDIDATE_MODEL (source);
  Fetch *fetch = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  FetchResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  self->fetching = FALSE;

  if (result == NULL)
    /* The rows stay placeholders; the next query or refresh tries again. */
    g_debug ("Could not read a page of candidates: %s", error->message);
  else if (fetch->generation == self->generation)
    {
      GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->page));

      if (self->ids == NULL && result->ids != NULL)
        self->ids = g_array_ref (result->ids);
      if (items != NULL && result->rows != NULL && result->by_offset)
        {
          fill_page (items, result->rows);
          self->pages_loaded++;
        }
      else if (items != NULL && result->rows != NULL && self->ids != NULL)
        {
          guint start = MIN (fetch->page * SL_CANDIDATE_MODEL_PAGE_SIZE, self->ids->len);

          fill_page_by_id (items, result->rows, &g_array_index (self->ids, gint64, start),
                           self->ids->len - start);
          self->pages_loaded++;
        }
    }
  g_clear_pointer (&result, fetch_result_free);
  schedule_fetch (self);
}

static void
schedule_fetch (SlCandidateModel *self)
{
  while (!self->fetching && self->wanted.length > 0)
    {
      guint page = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));
      GPtrArray *items = page == SNAPSHOT ? NULL : g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
      g_autoptr(GTask) task = NULL;
      Fetch *fetch;

      /* Evicted before its turn, or already read: nothing to do. */
      if (page == SNAPSHOT ? self->ids != NULL
                           : items == NULL || items->len == 0 ||
                             sl_candidate_item_get_loaded (g_ptr_array_index (items, 0)))
        continue;

      fetch = g_new0 (Fetch, 1);
      fetch->worker = worker_ref (self->worker);
      fetch->query = g_strdup (self->query);
      fetch->sort = self->sort;
      fetch->descending = self->descending;
      fetch->page = page;
      fetch->limit = items != NULL ? items->len : 0;
      fetch->generation = self->generation;
      fetch->ids = self->ids != NULL ? g_array_ref (self->ids) : NULL;

      task = g_task_new (self, NULL, fetch_done, NULL);
      g_task_set_source_tag (task, schedule_fetch);
      g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
      self->fetching = TRUE;
      g_task_run_in_thread (task, fetch_thread);
    }
}

static gboolean
want_snapshot (gpointer data)
{
  SlCandidateModel *self = data;

  self->snapshot_id = 0;
  g_queue_push_tail (&self->wanted, GUINT_TO_POINTER (SNAPSHOT));
  schedule_fetch (self);
  return G_SOURCE_REMOVE;
}

/* Replaces every row at once with a query's count and first page, so the
 * first rows of a query never show as placeholders and the old result stays
 * on screen until the new one is there. A new query reports only its first
 * screen when asked to (see sl_candidate_model_set_first_screen()). */
static void
reset (SlCandidateModel *self,
       guint             n_items,
       GPtrArray        *first_page)
{
  guint old = self->n_items;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_queue_clear (&self->wanted);
  self->total = n_items;
  self->n_items = self->query_changed && self->first_screen > 0 ? MIN (n_items, self->first_screen) : n_items;
  self->query_changed = FALSE;

  if (n_items > 0)
    {
      GPtrArray *items = ensure_page (self, 0, FALSE);

      if (first_page != NULL)
        {
          fill_page (items, first_page);
          self->pages_loaded++;
        }
      else
        g_queue_push_head (&self->wanted, GUINT_TO_POINTER (0));
    }
  /* The ids for the pages further down, read before anyone scrolls far:
   * once the main loop has nothing more urgent (the frame with these rows
   * drawn), after any page the view asks for first. */
  g_clear_handle_id (&self->snapshot_id, g_source_remove);
  if (n_items > OFFSET_ROWS)
    self->snapshot_id = g_idle_add_full (G_PRIORITY_LOW, want_snapshot, self, NULL);
  schedule_fetch (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (old != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  guint  count;
  GPtrArray *rows;
} QueryResult;

static void
query_result_free (QueryResult *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

/* Worker: the count and the first page, on the worker's connection. */
static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GError) error = NULL;
  QueryResult *result = g_new0 (QueryResult, 1);
  gboolean ok;

  g_mutex_lock (&fetch->worker->lock);
  if (fetch->worker->store == NULL)
    fetch->worker->store = sl_store_open_full (fetch->worker->path, SL_STORE_OPEN_READONLY, &error);
  ok = fetch->worker->store != NULL &&
       sl_candidate_query_count (fetch->worker->store, fetch->query, &result->count, &error);
  if (ok && result->count > 0)
    result->rows = sl_candidate_query_page (fetch->worker->store, fetch->query, fetch->sort, fetch->descending,
                                            0, MIN (result->count, SL_CANDIDATE_MODEL_PAGE_SIZE), &error);
  g_mutex_unlock (&fetch->worker->lock);

  if (!ok)
    {
      query_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) query_result_free);
}

static void
query_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  SlCandidateModel *self = SL_CANDIDATE_MODEL (source);
  Fetch *fetch = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  QueryResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (fetch->generation != self->generation)
    {
      /* A newer query is on its way. */
      g_clear_pointer (&result, query_result_free);
      return;
    }
  self->answered = fetch->generation;
  if (result == NULL)
    {
      g_debug ("Could not run the query: %s", error->message);
      /* The rows stay: all of them, not just the first screen. */
      sl_candidate_model_grow (self);
      self->loading = FALSE;
    }
  else
    {
      reset (self, result->count, result->rows);
      query_result_free (result);
      /* Still loading until the rest is reported (sl_candidate_model_grow()). */
      self->loading = self->n_items < self->total;
    }
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_query (SlCandidateModel *self)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  self->generation++;
  g_clear_pointer (&self->ids, g_array_unref);
  fetch->worker = worker_ref (self->worker);
  fetch->query = g_strdup (self->query);
  fetch->sort = self->sort;
  fetch->descending = self->descending;
  fetch->generation = self->generation;

  task = g_task_new (self, NULL, query_done, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  if (!self->loading)
    {
      self->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_task_run_in_thread (task, query_thread);
}

SlCandidateModel *
sl_candidate_model_new (SlStore *store)
{
  SlCandidateModel *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  self = g_object_new (SL_TYPE_CANDIDATE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->worker = g_atomic_rc_box_new0 (Worker);
  g_mutex_init (&self->worker->lock);
  self->worker->path = g_strdup (sl_store_get_path (store));
  return self;
}

gboolean
sl_candidate_model_set_query (SlCandidateModel  *self,
                              const char        *query,
                              GError           **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), FALSE);

  if (query != NULL)
    query = stripped = g_strstrip (g_strdup (query));
  /* A malformed query is refused here, at once; running it is the worker's. */
  if (!sl_candidate_query_check (query, error))
    return FALSE;

  if (g_strcmp0 (self->query, query) != 0)
    {
      self->query_changed = TRUE;
      g_free (self->query);
      self->query = g_strdup (query);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }
  start_query (self);
  return TRUE;
}

gboolean
sl_candidate_model_get_loading (SlCandidateModel *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), FALSE);

  return self->loading;
}

const char *
sl_candidate_model_get_query (SlCandidateModel *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), NULL);

  return self->query;
}

void
sl_candidate_model_set_sort (SlCandidateModel *self,
                             SlCandidateSort   sort,
                             gboolean          descending)
{
  g_return_if_fail (SL_IS_CANDIDATE_MODEL (self));

  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  start_query (self);
}

void
sl_candidate_model_refresh (SlCandidateModel *self)
{
  g_return_if_fail (SL_IS_CANDIDATE_MODEL (self));

  start_query (self);
}

void
sl_candidate_model_set_first_screen (SlCandidateModel *self,
                                     guint             n_items)
{
  g_return_if_fail (SL_IS_CANDIDATE_MODEL (self));

  self->first_screen = n_items;
}

guint
sl_candidate_model_get_total (SlCandidateModel *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), 0);

  return self->total;
}

gboolean
sl_candidate_model_get_growing (SlCandidateModel *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), FALSE);

  return self->n_items < self->total && self->answered == self->generation;
}

void
sl_candidate_model_grow (SlCandidateModel *self)
{
  guint old;

  g_return_if_fail (SL_IS_CANDIDATE_MODEL (self));

  /* A newer query replaces these rows when it is answered. */
  if (self->n_items >= self->total || self->answered != self->generation)
    return;
  old = self->n_items;
  self->n_items = self->total;
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->loading)
    {
      self->loading = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

guint
sl_candidate_model_get_pages_loaded (SlCandidateModel *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_MODEL (self), 0);

  return self->pages_loaded;
}

static GType
sl_candidate_model_get_item_type (GListModel *model)
{
  return SL_TYPE_CANDIDATE_ITEM;
}

static guint
sl_candidate_model_get_n_items (GListModel *model)
{
  return SL_CANDIDATE_MODEL (model)->n_items;
}

static gpointer
sl_candidate_model_get_item (GListModel *model,
                             guint       position)
{
  SlCandidateModel *self = SL_CANDIDATE_MODEL (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = ensure_page (self, position / SL_CANDIDATE_MODEL_PAGE_SIZE, TRUE);
  return g_object_ref (g_ptr_array_index (items, position % SL_CANDIDATE_MODEL_PAGE_SIZE));
}

static void
sl_candidate_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sl_candidate_model_get_item_type;
  iface->get_n_items = sl_candidate_model_get_n_items;
  iface->get_item = sl_candidate_model_get_item;
}

static void
sl_candidate_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SlCandidateModel *self = SL_CANDIDATE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_model_finalize (GObject *object)
{
  SlCandidateModel *self = SL_CANDIDATE_MODEL (object);

  g_clear_handle_id (&self->snapshot_id, g_source_remove);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_queue_clear (&self->lru);
  g_queue_clear (&self->wanted);
  g_clear_pointer (&self->worker, worker_unref);
  g_clear_object (&self->store);
  g_free (self->query);

  G_OBJECT_CLASS (sl_candidate_model_parent_class)->finalize (object);
}

static void
sl_candidate_model_class_init (SlCandidateModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_candidate_model_finalize;
  object_class->get_property = sl_candidate_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_candidate_model_init (SlCandidateModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->sort = SL_CANDIDATE_SORT_IMPORTED;
  self->descending = TRUE;
}
