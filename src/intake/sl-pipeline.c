/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-pipeline.c: the intake pipeline: a writer thread that owns every write
 * to the database, a GThreadPool of workers that do the slow stages, and a
 * queue of events marshalled to the creator's main context.
 *
 * Why one writer: SQLite has one writer at a time anyway; funnelling status
 * changes, claims and profile writes through one connection lets them share
 * transactions (a commit every 64 results or ~100 ms) instead of fighting
 * for the lock, and makes "claimed but not finished" a set that one thread
 * owns, which is what shutdown, pause and crash recovery need.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "llm/sl-llm-parser.h"
#include "sl-intake-private.h"

#ifdef SL_HAVE_RULES_PARSER
#include "parse/sl-rules.h"
#endif

G_DEFINE_QUARK (sl-intake-error-quark, sl_intake_error)

/* Each commit's profiles are indexed for search in one statement, and FTS5
 * writes one index segment per statement (merging them later): the fewer
 * commits, the less the writer thread spends per file.  A claim commits
 * too, so the window of claimed rows is twice a commit's results. */
#define COMMIT_EVERY_RESULTS 64
#define COMMIT_EVERY_MS      100
/* The first results of a batch go out sooner: the first rows turn "done"
 * on screen at once, and pausing or cancelling right after them still
 * finds most of the batch to stop. */
#define COMMIT_FIRST_RESULTS 8
#define INSERT_CHUNK         256

static const char * const working_statuses[] = {
  SL_INTAKE_STATUS_SCANNING, SL_INTAKE_STATUS_EXTRACTING,
  SL_INTAKE_STATUS_PARSING, SL_INTAKE_STATUS_FINALIZING, NULL
};
static const char * const final_statuses[] = {
  SL_INTAKE_STATUS_DONE, SL_INTAKE_STATUS_DUPLICATE, SL_INTAKE_STATUS_FAILED,
  SL_INTAKE_STATUS_INFECTED, SL_INTAKE_STATUS_CANCELLED, NULL
};

gboolean
sl_intake_status_is_final (const char *status)
{
  return status != NULL && g_strv_contains (final_statuses, status);
}

gboolean
sl_intake_status_is_working (const char *status)
{
  return status != NULL && g_strv_contains (working_statuses, status);
}

/* Configuration: an immutable snapshot that workers take a reference to,
 * replaced as a whole by the setters. */
typedef struct
{
  gatomicrefcount   ref;
  char             *archive_dir;
  char             *clamav_dir;
  SlExtractOptions *extract;
  SlLlmClient      *llm;
} Config;

static Config *
config_ref (Config *c)
{
  g_atomic_ref_count_inc (&c->ref);
  return c;
}

static void
config_unref (Config *c)
{
  if (c == NULL || !g_atomic_ref_count_dec (&c->ref))
    return;
  g_free (c->archive_dir);
  g_free (c->clamav_dir);
  sl_extract_options_free (c->extract);
  g_clear_object (&c->llm);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Config, config_unref)

static Config *
config_copy (const Config *c)
{
  Config *n = g_new0 (Config, 1);

  g_atomic_ref_count_init (&n->ref);
  n->archive_dir = g_strdup (c->archive_dir);
  n->clamav_dir = g_strdup (c->clamav_dir);
  n->extract = sl_extract_options_copy (c->extract);
  n->llm = c->llm != NULL ? g_object_ref (c->llm) : NULL;
  return n;
}

/* Events for the main context ------------------------------------------- */

typedef enum
{
  EV_ITEM,
  EV_CREATED,
  EV_UPDATED,
  EV_PROGRESS,
  EV_FINISHED,
} EventKind;

typedef struct
{
  EventKind  kind;
  gint64     a, b;
  char      *status;
  guint      n[5];
} Event;

static void
event_free (Event *ev)
{
  g_free (ev->status);
  g_free (ev);
}

static Event *
event_new (EventKind kind, gint64 a, gint64 b, const char *status)
{
  Event *ev = g_new0 (Event, 1);

  ev->kind = kind;
  ev->a = a;
  ev->b = b;
  ev->status = g_strdup (status);
  return ev;
}

/* Results of the workers ------------------------------------------------- */

typedef enum
{
  RES_DONE,
  RES_DUPLICATE,
  RES_FAILED,
  RES_INFECTED,
  RES_CANCELLED,
  RES_REQUEUE,    /* not started or interrupted by pause/shutdown */
} ResultKind;

typedef struct
{
  SlProfile    *profile;
  SlProfileRow *row;          /* its stored columns, made by the worker */
  char         *raw_text;
  char         *filename;
} Parsed;

static void
parsed_free (Parsed *p)
{
  sl_profile_free (p->profile);
  sl_profile_row_free (p->row);
  g_free (p->raw_text);
  g_free (p->filename);
  g_free (p);
}

/* A status a worker reported, kept by the writer until the row's next
 * write (its result, or the commit): one UPDATE then carries them all. */
typedef struct
{
  char *status;
  char *at;
} Step;

static void
step_free (Step *st)
{
  g_free (st->status);
  g_free (st->at);
  g_free (st);
}

static Step *
step_new (const char *status)
{
  Step *st = g_new (Step, 1);

  st->status = g_strdup (status);
  st->at = sl_now_iso8601 ();
  return st;
}

typedef struct
{
  gint64      qid;
  ResultKind  kind;
  char       *message;
  char       *sha256;
  gint64      size;
  char       *original_name;
  gint64      dup_qid;
  gint64      dup_profile_id;
  GPtrArray  *parsed;          /* Parsed */
  char       *archive_path;
  GPtrArray  *timings;         /* SlTiming */
  GPtrArray  *warnings;        /* utf8 */
  GHashTable *source_details;  /* utf8 -> utf8, or NULL */
  char       *method;
  int         pages;
  int         words;
  GPtrArray  *steps;           /* Step, not written yet (writer side), or NULL */
} Result;

static Result *
result_new (const SlIntakeRecord *rec, ResultKind kind)
{
  Result *r = g_new0 (Result, 1);

  r->qid = rec->qid;
  r->kind = kind;
  r->sha256 = g_strdup (rec->sha256);
  r->size = rec->size;
  r->original_name = g_strdup (rec->original_name);
  r->parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
  r->timings = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_timing_free);
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  return r;
}

static void
result_free (Result *r)
{
  g_free (r->message);
  g_free (r->sha256);
  g_free (r->original_name);
  g_ptr_array_unref (r->parsed);
  g_free (r->archive_path);
  g_ptr_array_unref (r->timings);
  g_ptr_array_unref (r->warnings);
  g_clear_pointer (&r->source_details, g_hash_table_unref);
  g_free (r->method);
  g_clear_pointer (&r->steps, g_ptr_array_unref);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Messages to the writer ------------------------------------------------- */

typedef enum
{
  MSG_STATUS,
  MSG_RESULT,
  MSG_INSERT,
  MSG_CANCEL,
  MSG_RETRY,
  MSG_WAKE,
  MSG_FLUSH,
  MSG_SHUTDOWN,
  MSG_CLEANUP,
} MsgKind;

typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  done;
  GArray   *qids;
  GError   *error;
} Reply;

typedef struct
{
  MsgKind    kind;
  gint64     qid;
  char      *status;
  Result    *result;
  GPtrArray *records;
  gboolean   only_new;   /* MSG_INSERT: leave out content already queued */
  Reply     *reply;
} Msg;

static void
msg_free (Msg *m)
{
  g_free (m->status);
  g_clear_pointer (&m->result, result_free);
  g_clear_pointer (&m->records, g_ptr_array_unref);
  g_free (m);
}

static void
reply_init (Reply *r)
{
  g_mutex_init (&r->lock);
  g_cond_init (&r->cond);
  r->done = FALSE;
  r->qids = NULL;
  r->error = NULL;
}

static void
reply_clear (Reply *r)
{
  g_mutex_clear (&r->lock);
  g_cond_clear (&r->cond);
  g_clear_pointer (&r->qids, g_array_unref);
  g_clear_error (&r->error);
}

static void
reply_wait (Reply *r)
{
  g_mutex_lock (&r->lock);
  while (!r->done)
    g_cond_wait (&r->cond, &r->lock);
  g_mutex_unlock (&r->lock);
}

static void
reply_signal (Reply *r)
{
  g_mutex_lock (&r->lock);
  r->done = TRUE;
  g_cond_signal (&r->cond);
  g_mutex_unlock (&r->lock);
}

/* A claimed row on its way through a worker. */
typedef struct
{
  SlIntakeRecord *rec;
  GCancellable   *cancellable;
} WorkItem;

static void
work_item_free (WorkItem *item)
{
  sl_intake_record_free (item->rec);
  g_object_unref (item->cancellable);
  g_free (item);
}

/* The writer thread's own state. */
typedef struct
{
  SlStore    *store;
  gboolean    tx_open;
  double      tx_started;
  guint       tx_results;
  GPtrArray  *applied;           /* Msg, applied in the open transaction */
  GPtrArray  *tx_events;         /* Event, produced in the open transaction */
  GPtrArray  *finalize;          /* Result (owned by a Msg in applied): profiles to write */
  GHashTable *finalize_sha;      /* the sha256 of those (borrowed) */
  GHashTable *claimed;           /* qid set: claimed, no result received */
  GHashTable *steps;             /* qid (gint64*) -> GPtrArray of Step not written yet */
  gboolean    maybe_queued;      /* rows may be waiting in status queued */
  /* The batch. */
  guint       total, done;
  guint       committed;         /* results committed in this batch */
  guint       created, updated, duplicates, failed, cancelled;
  guint       last_done, last_total;
} Writer;

struct _SlPipeline
{
  GObject       parent_instance;

  char         *db_path;
  GMutex        config_lock;
  Config       *config;
  guint         n_workers;
  gint          paused;           /* atomic */
  gint          stopping;         /* atomic */
  gint          idle;             /* atomic, as the writer last saw it */
  int           lock_fd;

  struct _Sink *sink;             /* events for the creator's main context */

  Writer        w;
  GThread      *writer;
  GAsyncQueue  *to_writer;        /* Msg */
  GThreadPool  *pool;
  GAsyncQueue  *read_stores;      /* SlStore, read-only, for workers */

  GMutex        items_lock;
  GHashTable   *items;            /* qid (gint64*) -> GCancellable (ref) */

  GHashTable   *watches;          /* dir -> SlFolderWatch */
};

G_DEFINE_FINAL_TYPE (SlPipeline, sl_pipeline, G_TYPE_OBJECT)

enum
{
  SIGNAL_ITEM_CHANGED,
  SIGNAL_PROFILE_CREATED,
  SIGNAL_PROFILE_UPDATED,
  SIGNAL_BATCH_PROGRESS,
  SIGNAL_BATCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
max_in_flight (SlPipeline *self)
{
  return MAX (16 * g_atomic_int_get ((gint *) &self->n_workers), 2 * COMMIT_EVERY_RESULTS);
}

static void
send (SlPipeline *self,
      Msg        *m)
{
  g_async_queue_push (self->to_writer, m);
}

static Msg *
msg_new (MsgKind kind, gint64 qid)
{
  Msg *m = g_new0 (Msg, 1);

  m->kind = kind;
  m->qid = qid;
  return m;
}

/* Event delivery ----------------------------------------------------------
 *
 * The writer pushes events into a sink shared with the idle sources it
 * schedules on the creator's main context; the sink, not the pipeline, is
 * what the sources hold, so a pipeline being disposed is never touched from
 * the writer thread (dispose clears sink->pipeline under the lock). */

typedef struct _Sink
{
  gatomicrefcount  ref;
  GMutex           lock;
  SlPipeline      *pipeline;    /* NULL once disposed */
  GAsyncQueue     *events;      /* Event */
  gint             scheduled;   /* atomic */
  GMainContext    *context;
} Sink;

static Sink *
sink_new (SlPipeline *pipeline)
{
  Sink *sink = g_new0 (Sink, 1);

  g_atomic_ref_count_init (&sink->ref);
  g_mutex_init (&sink->lock);
  sink->pipeline = pipeline;
  sink->events = g_async_queue_new_full ((GDestroyNotify) event_free);
  sink->context = g_main_context_ref_thread_default ();
  return sink;
}

static Sink *
sink_ref (Sink *sink)
{
  g_atomic_ref_count_inc (&sink->ref);
  return sink;
}

static void
sink_unref (gpointer data)
{
  Sink *sink = data;

  if (!g_atomic_ref_count_dec (&sink->ref))
    return;
  g_async_queue_unref (sink->events);
  g_main_context_unref (sink->context);
  g_mutex_clear (&sink->lock);
  g_free (sink);
}

static gboolean
dispatch_events (gpointer data)
{
  Sink *sink = data;
  g_autoptr(SlPipeline) self = NULL;
  Event *ev;

  g_mutex_lock (&sink->lock);
  if (sink->pipeline != NULL)
    self = g_object_ref (sink->pipeline);
  g_mutex_unlock (&sink->lock);
  if (self == NULL)
    return G_SOURCE_REMOVE;

  /* Reset before draining: an event pushed after this point schedules a
   * new dispatch, one pushed before it is drained here. */
  g_atomic_int_set (&sink->scheduled, 0);
  while ((ev = g_async_queue_try_pop (sink->events)) != NULL)
    {
      switch (ev->kind)
        {
        case EV_ITEM:
          g_signal_emit (self, signals[SIGNAL_ITEM_CHANGED], 0, ev->a, ev->status);
          break;
        case EV_CREATED:
          g_signal_emit (self, signals[SIGNAL_PROFILE_CREATED], 0, ev->a, ev->b);
          break;
        case EV_UPDATED:
          g_signal_emit (self, signals[SIGNAL_PROFILE_UPDATED], 0, ev->a, ev->b);
          break;
        case EV_PROGRESS:
          g_signal_emit (self, signals[SIGNAL_BATCH_PROGRESS], 0, (guint) ev->a, (guint) ev->b);
          break;
        case EV_FINISHED:
          g_signal_emit (self, signals[SIGNAL_BATCH_FINISHED], 0,
                         ev->n[0], ev->n[1], ev->n[2], ev->n[3], ev->n[4]);
          break;
        default:
          g_assert_not_reached ();
        }
      event_free (ev);
    }
  return G_SOURCE_REMOVE;
}

/* Writer thread: hands events to the main context in order. */
static void
post_events (SlPipeline *self,
             GPtrArray  *events)
{
  Sink *sink = self->sink;
  gsize n = 0;
  gpointer *stolen = g_ptr_array_steal (events, &n);

  for (gsize i = 0; i < n; i++)
    g_async_queue_push (sink->events, stolen[i]);
  g_free (stolen);

  if (g_atomic_int_compare_and_exchange (&sink->scheduled, 0, 1))
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_events, sink_ref (sink), sink_unref);
      g_source_set_static_name (source, "[shortlist] intake events");
      g_source_attach (source, sink->context);
    }
}

/* The writer ---------------------------------------------------------------- */

static void
writer_event (Writer     *w,
              GPtrArray  *events,
              EventKind   kind,
              gint64      a,
              gint64      b,
              const char *status)
{
  g_ptr_array_add (events, event_new (kind, a, b, status));
}

/* Counts what a committed set of events means for the batch, then posts
 * them with a progress event when something moved. */
static void
writer_publish (SlPipeline *self,
                GPtrArray  *events)
{
  Writer *w = &self->w;

  for (guint i = 0; i < events->len; i++)
    {
      Event *ev = g_ptr_array_index (events, i);

      if (ev->kind == EV_CREATED)
        w->created++;
      else if (ev->kind == EV_UPDATED)
        w->updated++;
      else if (ev->kind == EV_ITEM && sl_intake_status_is_final (ev->status))
        {
          w->done++;
          if (g_str_equal (ev->status, SL_INTAKE_STATUS_DUPLICATE))
            w->duplicates++;
          else if (g_str_equal (ev->status, SL_INTAKE_STATUS_FAILED) ||
                   g_str_equal (ev->status, SL_INTAKE_STATUS_INFECTED))
            w->failed++;
          else if (g_str_equal (ev->status, SL_INTAKE_STATUS_CANCELLED))
            w->cancelled++;
        }
    }
  if (w->done != w->last_done || w->total != w->last_total)
    {
      w->last_done = w->done;
      w->last_total = w->total;
      writer_event (w, events, EV_PROGRESS, w->done, MAX (w->total, w->done), NULL);
    }
  if (events->len > 0)
    post_events (self, events);
}

/* The processing report, written as compact JSON straight into a string
 * (what json-glib's builder and generator made of it before, byte for
 * byte: a stage timed twice keeps its first place and its last time, as a
 * JSON object's member set twice does). */
static char *
build_report (Result     *r,
              const char *outcome,
              double      finalize_ms,
              GArray     *profile_ids)
{
  GString *out = g_string_sized_new (512);
  const SlProfile *first = r->parsed->len > 0 ? ((Parsed *) g_ptr_array_index (r->parsed, 0))->profile : NULL;
  gboolean in_first = TRUE, finalize_seen = FALSE;

  g_string_append (out, "{\"outcome\":");
  sl_json_put_string (out, outcome);
  g_string_append (out, ",\"timings\":{");
  for (guint i = 0; i < r->timings->len; i++)
    {
      SlTiming *t = g_ptr_array_index (r->timings, i);
      double ms = t->ms;
      gboolean again = FALSE;

      for (guint j = 0; j < i && !again; j++)
        again = g_str_equal (((SlTiming *) g_ptr_array_index (r->timings, j))->stage, t->stage);
      if (again)
        continue;
      for (guint j = i + 1; j < r->timings->len; j++)
        {
          SlTiming *later = g_ptr_array_index (r->timings, j);
          if (g_str_equal (later->stage, t->stage))
            ms = later->ms;
        }
      if (g_str_equal (t->stage, "finalize") && finalize_ms >= 0)
        {
          ms = finalize_ms;
          finalize_seen = TRUE;
        }
      sl_json_put_key (out, &in_first, t->stage);
      sl_json_put_double (out, ms);
    }
  if (finalize_ms >= 0 && !finalize_seen)
    {
      sl_json_put_key (out, &in_first, "finalize");
      sl_json_put_double (out, finalize_ms);
    }
  g_string_append_c (out, '}');
  if (first != NULL)
    {
      g_string_append (out, ",\"parser\":");
      sl_json_put_string (out, first->meta.parser != NULL ? first->meta.parser : "rules");
      if (first->meta.model != NULL)
        {
          g_string_append (out, ",\"model\":");
          sl_json_put_string (out, first->meta.model);
        }
    }
  if (r->method != NULL)
    {
      g_string_append (out, ",\"extraction_method\":");
      sl_json_put_string (out, r->method);
      g_string_append_printf (out, ",\"pages\":%d,\"words\":%d", r->pages, r->words);
    }
  g_string_append_printf (out, ",\"documents\":%u", r->parsed->len);
  if (profile_ids != NULL && profile_ids->len > 0)
    {
      g_string_append (out, ",\"profile_ids\":[");
      for (guint i = 0; i < profile_ids->len; i++)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (profile_ids, gint64, i));
      g_string_append_c (out, ']');
    }
  if (r->dup_qid > 0)
    g_string_append_printf (out, ",\"duplicate_of\":%" G_GINT64_FORMAT, r->dup_qid);
  g_string_append (out, ",\"warnings\":[");
  for (guint i = 0; i < r->warnings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sl_json_put_string (out, g_ptr_array_index (r->warnings, i));
    }
  g_string_append_c (out, ']');
  if (r->source_details != NULL && g_hash_table_size (r->source_details) > 0)
    {
      GHashTableIter iter;
      gpointer k, v;

      in_first = TRUE;
      g_string_append (out, ",\"source_details\":{");
      g_hash_table_iter_init (&iter, r->source_details);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          sl_json_put_key (out, &in_first, k);
          sl_json_put_string (out, v);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* metadata.archive of a row with an archive copy.  The name is escaped as
 * JSON (g_strescape's octal escapes of non-ASCII bytes are not JSON: a
 * file named "résumé.pdf" failed with "malformed JSON"). */
static char *
archive_json (Result *r)
{
  GString *out = g_string_sized_new (160);

  g_string_append (out, "{\"sha256\":");
  sl_json_put_string (out, r->sha256 != NULL ? r->sha256 : "");
  g_string_append_printf (out, ",\"size\":%" G_GINT64_FORMAT ",\"original_name\":", r->size);
  sl_json_put_string (out, r->original_name != NULL ? r->original_name : "");
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
write_archive (Writer  *w,
               Result  *r,
               GError **error)
{
  g_autofree char *json = NULL;

  if (r->archive_path == NULL)
    return TRUE;
  json = archive_json (r);
  return sl_store_intake_update_archive_metadata (w->store, r->qid, r->archive_path, json, error);
}

/* @steps (Step) as the store's steps, with room for @extra more at the end. */
static SlIntakeStep *
store_steps (GPtrArray *steps,
             guint      extra)
{
  guint n = steps != NULL ? steps->len : 0;
  SlIntakeStep *v = g_new0 (SlIntakeStep, n + extra);

  for (guint i = 0; i < n; i++)
    {
      Step *st = g_ptr_array_index (steps, i);
      v[i].status = st->status;
      v[i].at = st->at;
    }
  return v;
}

/* Writes the statuses @steps of row @qid, only while it is working, in one
 * UPDATE, with an item-changed event for each when the row moved (a late
 * status of a row cancelled or finished meanwhile is dropped).  Inside the
 * open transaction; FALSE means it is spoiled. */
static gboolean
write_steps (Writer     *w,
             gint64      qid,
             GPtrArray  *steps,
             GPtrArray  *events,
             GError    **error)
{
  g_autofree SlIntakeStep *v = NULL;
  int changed;

  if (steps == NULL || steps->len == 0)
    return TRUE;
  v = store_steps (steps, 0);
  changed = sl_store_intake_advance (w->store, qid, working_statuses, v, steps->len,
                                     0, NULL, NULL, NULL, error);
  if (changed < 0)
    return FALSE;
  for (guint i = 0; changed > 0 && i < steps->len; i++)
    writer_event (w, events, EV_ITEM, qid, 0, ((Step *) g_ptr_array_index (steps, i))->status);
  return TRUE;
}

/* The statuses of rows whose result has not come yet, before a commit. */
static gboolean
writer_flush_steps (Writer     *w,
                    GPtrArray  *events,
                    GError    **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, w->steps);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    ok = write_steps (w, *(gint64 *) key, value, events, error);
  g_hash_table_remove_all (w->steps);
  return ok;
}

static gboolean writer_finalize (SlPipeline *self, GPtrArray *events, GError **error);

/* Ends a row without a profile (failed, infected, cancelled): its report,
 * its archive copy if one was made, the status with @message. */
static gboolean
finish_unimported (Writer      *w,
                   Result      *r,
                   const char  *status,
                   const char  *message,
                   double       finalize_ms,
                   GPtrArray   *events,
                   GError     **error)
{
  g_autofree char *report = build_report (r, status, finalize_ms, NULL);

  if (!write_steps (w, r->qid, r->steps, events, error))
    return FALSE;
  g_clear_pointer (&r->steps, g_ptr_array_unref);
  if (!write_archive (w, r, error) ||
      !sl_store_intake_save_processing_report (w->store, r->qid, report, error) ||
      !sl_store_intake_finish (w->store, r->qid, status, message, error))
    return FALSE;
  writer_event (w, events, EV_ITEM, r->qid, 0, status);
  return TRUE;
}

/* An UPDATE of a row checked in this transaction changed nothing. */
static gboolean
not_found (Result  *r,
           GError **error)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND,
                 "There is no intake record %" G_GINT64_FORMAT " to finish", r->qid);
  return FALSE;
}

/* Applies one worker result inside the open transaction.  FALSE means the
 * transaction is spoiled (the caller rolls back and replays). */
static gboolean
apply_result (SlPipeline *self,
              Result     *r,
              GPtrArray  *events,
              GError    **error)
{
  Writer *w = &self->w;
  g_autoptr(SlIntakeRecord) rec = NULL;
  g_autoptr(SlIntakeRecord) dup = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *report = NULL;
  gpointer key = NULL, steps = NULL;

  /* The statuses this row's worker reported in this transaction go with
   * the row's next write.  Steps left from a first try of a spoiled batch
   * are dropped: the replay writes its status messages itself. */
  g_clear_pointer (&r->steps, g_ptr_array_unref);
  if (g_hash_table_steal_extended (w->steps, &r->qid, &key, &steps))
    {
      g_free (key);
      r->steps = steps;
    }

  rec = sl_store_intake_get_record (w->store, r->qid, &local);
  if (rec == NULL)
    {
      /* Gone (erased meanwhile): nothing to finish. */
      g_debug ("result for missing row %" G_GINT64_FORMAT ": %s", r->qid, local->message);
      return TRUE;
    }
  if (!sl_intake_status_is_working (rec->status))
    {
      /* Someone else finished it (another pipeline on the same file). */
      g_debug ("row %" G_GINT64_FORMAT " is already %s", r->qid, rec->status);
      return TRUE;
    }

  switch (r->kind)
    {
    case RES_REQUEUE:
      if (!write_steps (w, r->qid, r->steps, events, error) ||
          !sl_store_intake_set_status (w->store, r->qid, SL_INTAKE_STATUS_QUEUED, r->message, error))
        return FALSE;
      w->maybe_queued = TRUE;
      writer_event (w, events, EV_ITEM, r->qid, 0, SL_INTAKE_STATUS_QUEUED);
      return TRUE;

    case RES_FAILED:
    case RES_INFECTED:
    case RES_CANCELLED:
      {
        const char *status = r->kind == RES_FAILED ? SL_INTAKE_STATUS_FAILED
                           : r->kind == RES_INFECTED ? SL_INTAKE_STATUS_INFECTED
                           : SL_INTAKE_STATUS_CANCELLED;
        return finish_unimported (w, r, status, r->message, -1, events, error);
      }

    case RES_DONE:
    case RES_DUPLICATE:
      break;

    default:
      g_assert_not_reached ();
    }

  /* Two copies of one file side by side in the same batch: the first one's
   * profile is written now, so that the check below finds it. */
  if (r->sha256 != NULL && g_hash_table_contains (w->finalize_sha, r->sha256) &&
      !writer_finalize (self, events, error))
    return FALSE;

  /* Authoritative dedupe, inside the transaction: catches two copies of one
   * file that ran side by side in the same batch. */
  if (r->sha256 != NULL)
    {
      dup = sl_store_intake_find_imported (w->store, r->sha256, r->qid, error);
      if (dup == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  if (dup != NULL || r->kind == RES_DUPLICATE)
    {
      gint64 profile_id = dup != NULL ? dup->profile_id : r->dup_profile_id;
      g_autofree char *detail = g_strdup_printf ("same file as row %" G_GINT64_FORMAT,
                                                 dup != NULL ? dup->qid : r->dup_qid);
      guint n = r->steps != NULL ? r->steps->len : 0;
      g_autofree SlIntakeStep *v = store_steps (r->steps, 1);

      if (dup != NULL)
        r->dup_qid = dup->qid;
      report = build_report (r, SL_INTAKE_STATUS_DUPLICATE, -1, NULL);
      /* Its statuses, profile, report and the end in one UPDATE. */
      v[n].status = SL_INTAKE_STATUS_DUPLICATE;
      v[n].detail = detail;
      if (sl_store_intake_advance (w->store, r->qid, working_statuses, v, n + 1,
                                   profile_id, NULL, NULL, report, error) <= 0)
        return not_found (r, error);
      for (guint i = 0; i <= n; i++)
        writer_event (w, events, EV_ITEM, r->qid, 0, v[i].status);
      g_clear_pointer (&r->steps, g_ptr_array_unref);
      return TRUE;
    }

  /* The profiles themselves are written with the others of this batch
   * (writer_finalize, before the commit), and the row's statuses up to
   * "done" with them, in one UPDATE. */
  if (r->steps == NULL)
    r->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  g_ptr_array_add (r->steps, step_new (SL_INTAKE_STATUS_FINALIZING));
  for (guint i = 0; i < r->steps->len; i++)
    writer_event (w, events, EV_ITEM, r->qid, 0, ((Step *) g_ptr_array_index (r->steps, i))->status);
  g_ptr_array_add (w->finalize, r);
  if (r->sha256 != NULL)
    g_hash_table_add (w->finalize_sha, r->sha256);
  return TRUE;
}

static void
writer_forget_finalize (Writer *w)
{
  g_ptr_array_set_size (w->finalize, 0);
  g_hash_table_remove_all (w->finalize_sha);
  g_hash_table_remove_all (w->steps);
}

/* Finalize, for every result applied since the last call: get or create
 * each candidate (e-mail, then phone) and create its profile or update the
 * live one (previous version to history) -- all of them in one bulk write
 * of the store, which indexes them for search in one statement instead of
 * one index segment per profile -- then link each row to its profile, save
 * its report and mark it done.  Inside the open transaction; FALSE means
 * the transaction is spoiled. */
static gboolean
writer_finalize (SlPipeline *self,
                 GPtrArray  *events,
                 GError    **error)
{
  Writer *w = &self->w;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) written = NULL;
  double t0, bulk_ms;
  guint k = 0;

  if (w->finalize->len == 0)
    return TRUE;
  pending = g_steal_pointer (&w->finalize);
  w->finalize = g_ptr_array_new ();
  g_hash_table_remove_all (w->finalize_sha);

  profiles = g_ptr_array_new ();
  rows = g_ptr_array_new ();
  texts = g_ptr_array_new ();
  for (guint i = 0; i < pending->len; i++)
    {
      Result *r = g_ptr_array_index (pending, i);
      for (guint j = 0; j < r->parsed->len; j++)
        {
          Parsed *p = g_ptr_array_index (r->parsed, j);
          g_ptr_array_add (profiles, p->profile);
          g_ptr_array_add (rows, p->row);
          g_ptr_array_add (texts, p->raw_text);
        }
    }

  t0 = sl_monotonic_ms ();
  written = sl_store_bulk_create_prepared (w->store, (const SlProfile * const *) profiles->pdata,
                                           (SlProfileRow * const *) rows->pdata,
                                           (const char * const *) texts->pdata, profiles->len, error);
  bulk_ms = sl_monotonic_ms () - t0;
  if (written == NULL)
    return FALSE;

  for (guint i = 0; i < pending->len; i++)
    {
      Result *r = g_ptr_array_index (pending, i);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *report = NULL;
      const char *first_error = NULL;
      const char *outcome = "created";
      double share = profiles->len > 0 ? bulk_ms * r->parsed->len / profiles->len : 0;

      for (guint j = 0; j < r->parsed->len; j++, k++)
        {
          SlWriteResult *wr = g_ptr_array_index (written, k);

          if (wr->profile_id <= 0)
            {
              const char *msg = wr->error != NULL ? wr->error->message : "unknown error";
              if (first_error == NULL)
                first_error = msg;
              g_ptr_array_add (r->warnings, g_strdup_printf ("a resume was not saved: %s", msg));
              continue;
            }
          g_array_append_val (ids, wr->profile_id);
          writer_event (w, events, wr->outcome == SL_WRITE_UPDATED ? EV_UPDATED : EV_CREATED,
                        wr->profile_id, r->qid, NULL);
          if (wr->outcome == SL_WRITE_UPDATED)
            outcome = "updated";
        }

      if (ids->len == 0)
        {
          g_autofree char *msg = g_strdup_printf ("Could not save the result: %s",
                                                  first_error != NULL ? first_error : "nothing to save");
          if (!finish_unimported (w, r, SL_INTAKE_STATUS_FAILED, msg, share, events, error))
            return FALSE;
          continue;
        }

      report = build_report (r, outcome, share, ids);
      /* The row's statuses since the last write, its profile, archive copy
       * and report, and "done": one UPDATE. */
      {
        guint n = r->steps != NULL ? r->steps->len : 0;
        g_autofree SlIntakeStep *v = store_steps (r->steps, 1);
        g_autofree char *archive = r->archive_path != NULL ? archive_json (r) : NULL;

        v[n].status = SL_INTAKE_STATUS_DONE;
        v[n].detail = outcome;
        if (sl_store_intake_advance (w->store, r->qid, working_statuses, v, n + 1,
                                     g_array_index (ids, gint64, 0), r->archive_path, archive,
                                     report, error) <= 0)
          return not_found (r, error);
        g_clear_pointer (&r->steps, g_ptr_array_unref);
      }
      writer_event (w, events, EV_ITEM, r->qid, 0, SL_INTAKE_STATUS_DONE);
    }
  return TRUE;
}

static gboolean
apply_msg (SlPipeline *self,
           Msg        *m,
           GPtrArray  *events,
           GError    **error)
{
  Writer *w = &self->w;

  if (m->kind == MSG_STATUS)
    {
      /* Kept until the row's result or the commit, whichever comes first
       * (events go out after the commit anyway): then one conditional
       * UPDATE writes them all, only while the row is still working. */
      GPtrArray *steps = g_hash_table_lookup (w->steps, &m->qid);

      if (steps == NULL)
        {
          steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
          g_hash_table_insert (w->steps, g_memdup2 (&m->qid, sizeof m->qid), steps);
        }
      g_ptr_array_add (steps, step_new (m->status));
      return TRUE;
    }
  g_assert (m->kind == MSG_RESULT);
  return apply_result (self, m->result, events, error);
}

/* Replays a spoiled batch one message per transaction, so that only the
 * message that cannot be written fails (its row ends "failed"). */
static void
writer_replay (SlPipeline *self,
               GPtrArray  *msgs)
{
  Writer *w = &self->w;

  for (guint i = 0; i < msgs->len; i++)
    {
      Msg *m = g_ptr_array_index (msgs, i);
      g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
      g_autoptr(GError) error = NULL;

      if (sl_store_begin (w->store, &error))
        {
          if (apply_msg (self, m, events, &error) && writer_flush_steps (w, events, &error) &&
              writer_finalize (self, events, &error))
            {
              if (sl_store_commit (w->store, &error))
                {
                  writer_publish (self, events);
                  continue;
                }
            }
          else
            sl_store_rollback (w->store);
        }
      writer_forget_finalize (w);
      g_ptr_array_set_size (events, 0);
      g_debug ("could not write row %" G_GINT64_FORMAT ": %s", m->qid,
               error != NULL ? error->message : "unknown error");
      if (m->kind == MSG_RESULT)
        {
          g_autofree char *msg = g_strdup_printf ("Could not save the result: %s",
                                                  error != NULL ? error->message : "unknown error");
          g_autoptr(GError) e2 = NULL;

          if (sl_store_intake_finish (w->store, m->qid, SL_INTAKE_STATUS_FAILED, msg, &e2))
            {
              writer_event (w, events, EV_ITEM, m->qid, 0, SL_INTAKE_STATUS_FAILED);
              writer_publish (self, events);
            }
          else
            g_debug ("row %" G_GINT64_FORMAT " stays unfinished: %s", m->qid, e2->message);
        }
    }
}

static void
writer_commit (SlPipeline *self)
{
  Writer *w = &self->w;
  g_autoptr(GError) error = NULL;

  if (!w->tx_open)
    return;
  w->tx_open = FALSE;
  w->committed += w->tx_results;
  w->tx_results = 0;
  if (!writer_flush_steps (w, w->tx_events, &error) || !writer_finalize (self, w->tx_events, &error))
    {
      sl_store_rollback (w->store);
      writer_forget_finalize (w);
    }
  else if (sl_store_commit (w->store, &error))
    {
      writer_publish (self, w->tx_events);
      g_ptr_array_set_size (w->applied, 0);
      return;
    }
  g_debug ("batch commit failed, writing one by one: %s", error->message);
  g_ptr_array_set_size (w->tx_events, 0);
  writer_replay (self, w->applied);
  g_ptr_array_set_size (w->applied, 0);
}

/* A STATUS or RESULT message: applied in the open batch transaction. */
static void
writer_apply (SlPipeline *self,
              Msg        *m)
{
  Writer *w = &self->w;
  g_autoptr(GError) error = NULL;

  if (!w->tx_open)
    {
      if (!sl_store_begin (w->store, &error))
        {
          /* Could not even start (the lock stayed busy): write it alone. */
          g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) msg_free);
          g_ptr_array_add (one, m);
          writer_replay (self, one);
          return;
        }
      w->tx_open = TRUE;
      w->tx_started = sl_monotonic_ms ();
    }
  g_ptr_array_add (w->applied, m);
  if (m->kind == MSG_RESULT)
    w->tx_results++;
  if (!apply_msg (self, m, w->tx_events, &error))
    {
      g_debug ("batch spoiled, writing one by one: %s", error->message);
      sl_store_rollback (w->store);
      writer_forget_finalize (w);
      w->tx_open = FALSE;
      w->tx_results = 0;
      g_ptr_array_set_size (w->tx_events, 0);
      writer_replay (self, w->applied);
      g_ptr_array_set_size (w->applied, 0);
    }
}

static void worker_func (gpointer data, gpointer user_data);

static void
writer_claim (SlPipeline *self)
{
  Writer *w = &self->w;
  guint limit = max_in_flight (self);
  guint unfinished = g_hash_table_size (w->claimed);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  if (!w->maybe_queued || g_atomic_int_get (&self->paused) || g_atomic_int_get (&self->stopping))
    return;
  /* Claim in chunks when half the window is free: fewer, larger commits. */
  if (unfinished > limit / 2)
    return;

  writer_commit (self);
  rows = sl_store_intake_claim_queued (w->store, SL_INTAKE_STATUS_SCANNING, limit - unfinished, &error);
  if (rows == NULL)
    {
      g_debug ("could not claim queued rows: %s", error->message);
      return;
    }
  if (rows->len < limit - unfinished)
    w->maybe_queued = FALSE;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SlIntakeRecord *rec = g_ptr_array_index (rows, i);
      WorkItem *item = g_new0 (WorkItem, 1);
      gint64 *key = g_new (gint64, 1);

      *key = rec->qid;
      item->rec = g_steal_pointer ((SlIntakeRecord **) &rows->pdata[i]);
      item->cancellable = g_cancellable_new ();
      g_hash_table_add (w->claimed, g_memdup2 (key, sizeof *key));
      g_mutex_lock (&self->items_lock);
      g_hash_table_insert (self->items, key, g_object_ref (item->cancellable));
      g_mutex_unlock (&self->items_lock);
      writer_event (w, events, EV_ITEM, item->rec->qid, 0, SL_INTAKE_STATUS_SCANNING);
      /* Rows taken over from a crash count in the batch too. */
      if (w->done + g_hash_table_size (w->claimed) > w->total)
        w->total = w->done + g_hash_table_size (w->claimed);
      g_thread_pool_push (self->pool, item, NULL);
    }
  g_ptr_array_set_size (rows, 0);
  writer_publish (self, events);
}

static void
writer_insert (SlPipeline *self,
               Msg        *m)
{
  Writer *w = &self->w;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GArray) qids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;
  gboolean ok;

  writer_commit (self);
  ok = sl_store_begin (w->store, &error);
  for (guint i = 0; ok && i < m->records->len; i++)
    {
      SlIntakeRecord *rec = g_ptr_array_index (m->records, i);
      gint64 qid;

      if (m->only_new && rec->sha256 != NULL)
        {
          g_autoptr(SlIntakeRecord) known = sl_store_intake_find_by_sha256 (w->store, rec->sha256, &error);
          if (known != NULL)
            continue;
          if (error != NULL)
            {
              ok = FALSE;
              break;
            }
        }
      qid = sl_store_intake_add (w->store, rec, &error);
      ok = qid > 0;
      if (ok)
        {
          g_array_append_val (qids, qid);
          writer_event (w, events, EV_ITEM, qid, 0, SL_INTAKE_STATUS_QUEUED);
        }
    }
  if (ok)
    ok = sl_store_commit (w->store, &error);
  else if (qids->len > 0 || error == NULL || !g_error_matches (error, SL_STORE_ERROR, SL_STORE_ERROR_BUSY))
    sl_store_rollback (w->store);

  if (ok)
    {
      w->total += qids->len;
      w->maybe_queued = TRUE;
      writer_publish (self, events);
      m->reply->qids = g_steal_pointer (&qids);
    }
  else
    m->reply->error = error;
  reply_signal (m->reply);
}

static void
writer_move (SlPipeline         *self,
             const char * const *from,
             const char         *to,
             gint64              qid,
             const char         *detail,
             gboolean            clear_error)
{
  Writer *w = &self->w;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GError) error = NULL;

  writer_commit (self);
  moved = sl_store_intake_move_status (w->store, from, to, qid, detail, clear_error, &error);
  if (moved == NULL)
    {
      g_debug ("could not move rows to %s: %s", to, error->message);
      return;
    }
  for (guint i = 0; i < moved->len; i++)
    writer_event (w, events, EV_ITEM, g_array_index (moved, gint64, i), 0, to);
  if (g_str_equal (to, SL_INTAKE_STATUS_QUEUED))
    {
      w->total += moved->len;
      if (moved->len > 0)
        w->maybe_queued = TRUE;
    }
  writer_publish (self, events);
}

static void
writer_cancel (SlPipeline *self,
               gint64      qid)
{
  static const char * const queued[] = { SL_INTAKE_STATUS_QUEUED, NULL };
  GHashTableIter iter;
  gpointer key, value;

  /* Running rows: their worker ends them "cancelled" at its next check. */
  g_mutex_lock (&self->items_lock);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (qid <= 0 || *(gint64 *) key == qid)
      g_cancellable_cancel (value);
  g_mutex_unlock (&self->items_lock);

  writer_move (self, queued, SL_INTAKE_STATUS_CANCELLED, qid, "cancelled by the user", FALSE);
}

static void
writer_shutdown (SlPipeline *self)
{
  Writer *w = &self->w;
  GHashTableIter iter;
  gpointer key;

  writer_commit (self);
  /* Claimed rows whose worker never reported (dropped from the pool's
   * queue) go back to queued, so the next start finishes them. */
  g_hash_table_iter_init (&iter, w->claimed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    writer_move (self, working_statuses, SL_INTAKE_STATUS_QUEUED, *(gint64 *) key,
                 "interrupted: Shortlist was closed", FALSE);
  g_hash_table_remove_all (w->claimed);
}

static void
writer_maybe_finish (SlPipeline *self)
{
  Writer *w = &self->w;
  gboolean idle = g_hash_table_size (w->claimed) == 0 && !w->maybe_queued && !w->tx_open;

  if (idle && !g_atomic_int_get (&self->paused) && (w->total > 0 || w->done > 0))
    {
      g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
      Event *ev = event_new (EV_FINISHED, 0, 0, NULL);

      ev->n[0] = w->created;
      ev->n[1] = w->updated;
      ev->n[2] = w->duplicates;
      ev->n[3] = w->failed;
      ev->n[4] = w->cancelled;
      g_ptr_array_add (events, ev);
      post_events (self, events);
      w->total = w->done = w->created = w->updated = w->committed = 0;
      w->duplicates = w->failed = w->cancelled = 0;
      w->last_done = w->last_total = 0;
    }
  g_atomic_int_set (&self->idle, idle);
}

static void
writer_cleanup (SlPipeline *self,
                guint       days)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint removed = 0;

  g_mutex_lock (&self->config_lock);
  dir = g_strdup (self->config->archive_dir);
  g_mutex_unlock (&self->config_lock);
  if (dir == NULL || days == 0)
    return;
  writer_commit (self);
  if (!sl_intake_cleanup_archives (self->w.store, dir, days, &removed, &error))
    g_debug ("archive clean-up failed: %s", error->message);
}

static gpointer
writer_main (gpointer data)
{
  SlPipeline *self = data;
  Writer *w = &self->w;
  gboolean running = TRUE;
  Reply *flush_reply = NULL;

  writer_claim (self);
  writer_maybe_finish (self);

  while (running)
    {
      Msg *m;

      if (w->tx_open)
        {
          double left = COMMIT_EVERY_MS - (sl_monotonic_ms () - w->tx_started);
          m = left > 0 ? g_async_queue_timeout_pop (self->to_writer, (guint64) (left * 1000)) : NULL;
        }
      else
        m = g_async_queue_pop (self->to_writer);

      if (m != NULL)
        {
          switch (m->kind)
            {
            case MSG_STATUS:
              writer_apply (self, m);
              m = NULL;
              break;
            case MSG_RESULT:
              {
                gint64 qid = m->qid;
                writer_apply (self, m);
                m = NULL;
                g_hash_table_remove (w->claimed, &qid);
              }
              break;
            case MSG_INSERT:
              writer_insert (self, m);
              break;
            case MSG_CANCEL:
              writer_cancel (self, m->qid);
              break;
            case MSG_RETRY:
              {
                static const char * const failed[] = { SL_INTAKE_STATUS_FAILED, NULL };
                static const char * const retryable[] = {
                  SL_INTAKE_STATUS_FAILED, SL_INTAKE_STATUS_CANCELLED, NULL
                };
                writer_move (self, m->qid > 0 ? retryable : failed, SL_INTAKE_STATUS_QUEUED,
                             m->qid, "retry", TRUE);
              }
              break;
            case MSG_WAKE:
              break;
            case MSG_CLEANUP:
              writer_cleanup (self, (guint) m->qid);
              break;
            case MSG_FLUSH:
              /* Answered at the end of this turn, after the idle flag is
               * up to date, so is_idle() right after a flush is exact. */
              writer_commit (self);
              flush_reply = m->reply;
              break;
            case MSG_SHUTDOWN:
              writer_shutdown (self);
              running = FALSE;
              reply_signal (m->reply);
              break;
            default:
              g_assert_not_reached ();
            }
          if (m != NULL)
            msg_free (m);
        }

      /* Commit every 64 results (the batch's first 8 at once) or 100 ms,
       * and at once when no claimed row is left to report (the end of a
       * batch waits for nothing). */
      if (w->tx_open && (w->tx_results >= (w->committed == 0 ? COMMIT_FIRST_RESULTS : COMMIT_EVERY_RESULTS) ||
                         sl_monotonic_ms () - w->tx_started >= COMMIT_EVERY_MS ||
                         (g_hash_table_size (w->claimed) == 0 &&
                          g_async_queue_length (self->to_writer) <= 0)))
        writer_commit (self);
      if (running)
        {
          writer_claim (self);
          writer_maybe_finish (self);
        }
      if (flush_reply != NULL)
        reply_signal (g_steal_pointer (&flush_reply));
    }
  return NULL;
}

/* Workers -------------------------------------------------------------------- */

static Msg *
status_msg_new (gint64      qid,
                const char *status)
{
  Msg *m = msg_new (MSG_STATUS, qid);

  m->status = g_strdup (status);
  return m;
}

static void
post_status (SlPipeline  *self,
             gint64       qid,
             const char  *status)
{
  send (self, status_msg_new (qid, status));
}

static SlStore *
read_store_acquire (SlPipeline *self)
{
  SlStore *store = g_async_queue_try_pop (self->read_stores);
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return store;
  store = sl_store_open_full (self->db_path, SL_STORE_OPEN_READONLY, &error);
  if (store == NULL)
    g_debug ("worker could not open a read connection: %s", error->message);
  return store;
}

static void
read_store_release (SlPipeline *self,
                    SlStore    *store)
{
  if (store != NULL)
    g_async_queue_push (self->read_stores, store);
}

static void
add_timing (Result     *r,
            const char *stage,
            double      start)
{
  g_ptr_array_add (r->timings, sl_timing_new (stage, sl_monotonic_ms () - start));
}

gboolean
sl_intake_has_rule_parser (void)
{
#ifdef SL_HAVE_RULES_PARSER
  return TRUE;
#else
  return FALSE;
#endif
}

static SlProfile *
parse_rules (const SlDocument  *doc,
             GError           **error)
{
#ifdef SL_HAVE_RULES_PARSER
  return sl_rules_parse (doc, NULL, error);
#else
  g_set_error (error, SL_INTAKE_ERROR, SL_INTAKE_ERROR_NO_PARSER,
               "This build of Shortlist has no rule parser");
  return NULL;
#endif
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *warning)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (warnings, i), warning) == 0)
      return TRUE;
  return FALSE;
}

static Result *
cancelled_result (SlPipeline           *self,
                  const SlIntakeRecord *rec)
{
  if (g_atomic_int_get (&self->stopping))
    {
      Result *r = result_new (rec, RES_REQUEUE);
      r->message = g_strdup ("interrupted: Shortlist was closed");
      return r;
    }
  {
    Result *r = result_new (rec, RES_CANCELLED);
    r->message = g_strdup ("cancelled by the user");
    return r;
  }
}

/* Turns a result in progress into a failure, keeping its timings, warnings
 * and archive copy for the report. */
static Result *
result_fail (Result     *r,
             ResultKind  kind,
             const char *message)
{
  r->kind = kind;
  g_free (r->message);
  r->message = g_strdup (message);
  g_ptr_array_set_size (r->parsed, 0);
  return r;
}

/* One row through scan → archive → extract → parse, in a worker.
 * *@parsing_held: TRUE when the row's "parsing" status is still to be
 * sent, just before its result (see worker_func). */
static Result *
process_item (SlPipeline *self,
              WorkItem   *item,
              Config     *cfg,
              gboolean   *parsing_held)
{
  const SlIntakeRecord *rec = item->rec;
  GCancellable *cancellable = item->cancellable;
  g_autoptr(Result) r = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(SlExtractOptions) opts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_parse_error = NULL;
  const char *path = rec->path;
  double t;

  if (g_cancellable_is_cancelled (cancellable))
    return cancelled_result (self, rec);
  if (g_atomic_int_get (&self->paused))
    {
      r = result_new (rec, RES_REQUEUE);
      r->message = g_strdup ("paused");
      return g_steal_pointer (&r);
    }

  /* A file already imported needs no work at all. */
  if (rec->sha256 != NULL)
    {
      SlStore *store = read_store_acquire (self);
      g_autoptr(SlIntakeRecord) dup = NULL;

      if (store != NULL)
        dup = sl_store_intake_find_imported (store, rec->sha256, rec->qid, NULL);
      read_store_release (self, store);
      if (dup != NULL)
        {
          r = result_new (rec, RES_DUPLICATE);
          r->dup_qid = dup->qid;
          r->dup_profile_id = dup->profile_id;
          return g_steal_pointer (&r);
        }
    }

  r = result_new (rec, RES_DONE);

  /* The original may be gone (a retry after the download was deleted):
   * the archive copy is the same bytes.  Read first and looked at only
   * when that fails: a stat less per file. */
  bytes = sl_intake_read_file (path, &error);
  if (bytes == NULL && rec->archive_path != NULL &&
      g_file_test (rec->archive_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) archive_error = NULL;

      bytes = sl_intake_read_file (rec->archive_path, &archive_error);
      if (bytes != NULL)
        g_clear_error (&error);
    }
  if (bytes == NULL)
    return result_fail (g_steal_pointer (&r), RES_FAILED, error->message);

  if (cfg->clamav_dir != NULL)
    {
      g_autoptr(SlExtractOptions) scan_opts = sl_extract_options_copy (cfg->extract);

      g_free (scan_opts->clamav_dir);
      scan_opts->clamav_dir = g_strdup (cfg->clamav_dir);
      t = sl_monotonic_ms ();
      if (!sl_extract_scan_bytes (bytes, scan_opts, &error))
        {
          ResultKind kind = g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_INFECTED)
                            ? RES_INFECTED : RES_FAILED;
          return result_fail (g_steal_pointer (&r), kind, error->message);
        }
      add_timing (r, "scan", t);
    }

  if (cfg->archive_dir != NULL && rec->sha256 != NULL)
    {
      t = sl_monotonic_ms ();
      r->archive_path = sl_intake_archive_copy (cfg->archive_dir, rec->sha256, rec->original_name,
                                                rec->mime, bytes, &error);
      if (r->archive_path == NULL)
        {
          g_ptr_array_add (r->warnings, g_strdup_printf ("not archived: %s", error->message));
          g_clear_error (&error);
        }
      add_timing (r, "archive", t);
    }

  if (g_cancellable_is_cancelled (cancellable))
    return cancelled_result (self, rec);

  post_status (self, rec->qid, SL_INTAKE_STATUS_EXTRACTING);
  t = sl_monotonic_ms ();
  opts = sl_extract_options_copy (cfg->extract);
  opts->clamav = FALSE;   /* the scan stage above did it */
  /* The row's sha256 was taken from these bytes when the file was queued:
   * extraction need not hash them again (a file whose size changed since
   * is hashed again). */
  docs = sl_extract_bytes_hashed (bytes, rec->original_name,
                                  rec->sha256 != NULL && strlen (rec->sha256) == 64
                                  && g_bytes_get_size (bytes) == (gsize) rec->size ? rec->sha256 : NULL,
                                  opts, cancellable, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if (docs == NULL)
    {
      if (g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (cancellable))
        return cancelled_result (self, rec);
      if (g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_INFECTED))
        return result_fail (g_steal_pointer (&r), RES_INFECTED, error->message);
      return result_fail (g_steal_pointer (&r), RES_FAILED, error->message);
    }
  add_timing (r, "extract", t);

  if (g_cancellable_is_cancelled (cancellable))
    return cancelled_result (self, rec);

  /* The rule parser takes well under a millisecond a document: its
   * "parsing" goes to the writer with the result, in one hand-off (one
   * wake-up of the writer a file less).  The writer keeps a row's
   * statuses until its result or the next commit, so nobody could have
   * seen it earlier anyway, unless a commit fell inside the parse.  An
   * LLM parse takes seconds: its status goes at once. */
  if (cfg->llm != NULL)
    post_status (self, rec->qid, SL_INTAKE_STATUS_PARSING);
  else
    *parsing_held = TRUE;
  for (guint i = 0; i < docs->len; i++)
    {
      SlDocument *doc = g_ptr_array_index (docs, i);
      g_autoptr(SlProfile) profile = NULL;
      g_autoptr(GError) parse_error = NULL;
      double t_parse = sl_monotonic_ms (), ms_parse, ms_llm = -1;
      Parsed *p;

      if (i == 0)
        {
          r->method = g_strdup (doc->method);
          r->pages = doc->n_pages;
        }
      r->words += doc->word_count;

      profile = parse_rules (doc, &parse_error);
      ms_parse = sl_monotonic_ms () - t_parse;
      if (profile == NULL)
        {
          if (first_parse_error == NULL)
            first_parse_error = g_strdup (parse_error->message);
          if (docs->len > 1)
            g_ptr_array_add (r->warnings, g_strdup_printf ("%s: %s",
                                                           doc->filename != NULL ? doc->filename : "document",
                                                           parse_error->message));
          continue;
        }

      /* Next to nothing extracted and nobody recognisable in it (a scan
       * without OCR, a stray file): no anonymous candidate is made. */
      if (has_warning (doc->warnings, SL_EXTRACT_WARNING_NO_TEXT) && profile->personal.name == NULL &&
          profile->personal.email == NULL && profile->personal.phone == NULL)
        {
          if (first_parse_error == NULL)
            first_parse_error = g_strdup ("No resume text found (a scan without OCR, or not a resume)");
          continue;
        }

      if (cfg->llm != NULL && !has_warning (doc->warnings, SL_EXTRACT_WARNING_NO_TEXT))
        {
          g_autoptr(GError) llm_error = NULL;
          double t_llm = sl_monotonic_ms ();
          SlProfile *merged = sl_llm_parse_with_fallback (cfg->llm, doc->text, profile,
                                                          cancellable, &llm_error);
          ms_llm = sl_monotonic_ms () - t_llm;
          sl_profile_free (profile);
          profile = merged;
          if (llm_error != NULL)
            g_ptr_array_add (r->warnings, g_strdup_printf ("llm: %s", llm_error->message));
          if (g_cancellable_is_cancelled (cancellable))
            return cancelled_result (self, rec);
        }

      g_free (profile->source);
      profile->source = g_strdup (rec->source);
      if (profile->meta.extraction_method == NULL)
        profile->meta.extraction_method = g_strdup (doc->method);
      for (guint k = 0; k < r->timings->len; k++)
        {
          SlTiming *tm = g_ptr_array_index (r->timings, k);
          /* parse and llm of an earlier document of the same e-mail are not this one's */
          if (!g_str_equal (tm->stage, "parse") && !g_str_equal (tm->stage, "llm"))
            sl_profile_add_timing (profile, tm->stage, tm->ms);
        }
      sl_profile_add_timing (profile, "parse", ms_parse);
      if (ms_llm >= 0)
        sl_profile_add_timing (profile, "llm", ms_llm);
      for (guint k = 0; doc->warnings != NULL && k < doc->warnings->len; k++)
        {
          const char *warning = g_ptr_array_index (doc->warnings, k);
          if (!has_warning (profile->meta.warnings, warning))
            sl_profile_add_warning (profile, warning);
          if (!has_warning (r->warnings, warning))
            g_ptr_array_add (r->warnings, g_strdup (warning));
        }
      if (doc->source_details != NULL && g_hash_table_size (doc->source_details) > 0)
        {
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, doc->source_details);
          while (g_hash_table_iter_next (&iter, &k, &v))
            sl_profile_set_extra (profile, k, v);
          if (r->source_details == NULL)
            {
              r->source_details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_hash_table_iter_init (&iter, doc->source_details);
              while (g_hash_table_iter_next (&iter, &k, &v))
                g_hash_table_insert (r->source_details, g_strdup (k), g_strdup (v));
            }
        }

      p = g_new0 (Parsed, 1);
      p->profile = g_steal_pointer (&profile);
      /* The columns the writer stores it as (the sections' JSON, the
       * search columns), worked out here, on one of the workers, rather
       * than on the one writer thread. */
      p->row = sl_profile_row_new (p->profile);
      p->raw_text = g_steal_pointer (&doc->text);
      p->filename = g_strdup (doc->filename);
      g_ptr_array_add (r->parsed, p);
      /* Report timings: parse (and llm) summed over the documents. */
      {
        gboolean found = FALSE;
        for (guint k = 0; k < r->timings->len; k++)
          {
            SlTiming *tm = g_ptr_array_index (r->timings, k);
            if (g_str_equal (tm->stage, "parse"))
              {
                tm->ms += ms_parse;
                found = TRUE;
              }
          }
        if (!found)
          g_ptr_array_add (r->timings, sl_timing_new ("parse", ms_parse));
        if (ms_llm >= 0)
          g_ptr_array_add (r->timings, sl_timing_new ("llm", ms_llm));
      }
    }

  if (r->parsed->len == 0)
    return result_fail (g_steal_pointer (&r), RES_FAILED,
                        first_parse_error != NULL ? first_parse_error : "No resume found in the file");
  return g_steal_pointer (&r);
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  SlPipeline *self = user_data;
  WorkItem *item = data;
  g_autoptr(Config) cfg = NULL;
  Result *r;
  Msg *m;
  gboolean parsing_held = FALSE;

  g_mutex_lock (&self->config_lock);
  cfg = config_ref (self->config);
  g_mutex_unlock (&self->config_lock);

  r = process_item (self, item, cfg, &parsing_held);

  g_mutex_lock (&self->items_lock);
  g_hash_table_remove (self->items, &item->rec->qid);
  g_mutex_unlock (&self->items_lock);

  m = msg_new (MSG_RESULT, item->rec->qid);
  m->result = r;
  if (parsing_held)
    {
      /* the status, then the result, pushed under one lock: the writer
       * wakes once for both and reads them in this order */
      Msg *status = status_msg_new (item->rec->qid, SL_INTAKE_STATUS_PARSING);

      g_async_queue_lock (self->to_writer);
      g_async_queue_push_unlocked (self->to_writer, status);
      g_async_queue_push_unlocked (self->to_writer, m);
      g_async_queue_unlock (self->to_writer);
    }
  else
    send (self, m);
  work_item_free (item);
}

/* Items dropped from the pool's queue at shutdown: the writer requeues them. */
static void
work_item_drop (gpointer data)
{
  work_item_free (data);
}

/* GObject ------------------------------------------------------------------- */

static void
sl_pipeline_dispose (GObject *object)
{
  SlPipeline *self = SL_PIPELINE (object);

  g_clear_pointer (&self->watches, g_hash_table_unref);

  /* Pending dispatches find no pipeline from here on. */
  g_mutex_lock (&self->sink->lock);
  self->sink->pipeline = NULL;
  g_mutex_unlock (&self->sink->lock);

  if (self->writer != NULL)
    {
      Reply reply;
      Msg *m;
      GHashTableIter iter;
      gpointer value;

      g_atomic_int_set (&self->stopping, 1);
      /* A round trip through the writer: once it has answered, it has seen
       * the stopping flag and never pushes to the pool again. */
      sl_pipeline_flush (self);
      g_mutex_lock (&self->items_lock);
      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_cancellable_cancel (value);
      g_mutex_unlock (&self->items_lock);

      /* Running workers stop at their next check and report; queued items
       * are dropped and requeued by the writer. */
      g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, TRUE);

      reply_init (&reply);
      m = msg_new (MSG_SHUTDOWN, 0);
      m->reply = &reply;
      send (self, m);
      reply_wait (&reply);
      reply_clear (&reply);
      g_thread_join (g_steal_pointer (&self->writer));
    }

  G_OBJECT_CLASS (sl_pipeline_parent_class)->dispose (object);
}

static void
sl_pipeline_finalize (GObject *object)
{
  SlPipeline *self = SL_PIPELINE (object);
  SlStore *store;
  Msg *m;

  while ((m = g_async_queue_try_pop (self->to_writer)) != NULL)
    msg_free (m);
  g_async_queue_unref (self->to_writer);
  g_clear_pointer (&self->sink, sink_unref);
  while ((store = g_async_queue_try_pop (self->read_stores)) != NULL)
    g_object_unref (store);
  g_async_queue_unref (self->read_stores);

  g_clear_object (&self->w.store);
  g_clear_pointer (&self->w.applied, g_ptr_array_unref);
  g_clear_pointer (&self->w.tx_events, g_ptr_array_unref);
  g_clear_pointer (&self->w.finalize, g_ptr_array_unref);
  g_clear_pointer (&self->w.finalize_sha, g_hash_table_unref);
  g_clear_pointer (&self->w.steps, g_hash_table_unref);
  g_clear_pointer (&self->w.claimed, g_hash_table_unref);
  g_hash_table_unref (self->items);
  g_mutex_clear (&self->items_lock);
  config_unref (self->config);
  g_mutex_clear (&self->config_lock);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->db_path);

  G_OBJECT_CLASS (sl_pipeline_parent_class)->finalize (object);
}

static void
sl_pipeline_class_init (SlPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_pipeline_dispose;
  object_class->finalize = sl_pipeline_finalize;

  /**
   * SlPipeline::item-changed:
   * @qid: the row
   * @status: its new status
   */
  signals[SIGNAL_ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[SIGNAL_PROFILE_CREATED] =
    g_signal_new ("profile-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_PROFILE_UPDATED] =
    g_signal_new ("profile-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_BATCH_PROGRESS] =
    g_signal_new ("batch-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_BATCH_FINISHED] =
    g_signal_new ("batch-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
sl_pipeline_init (SlPipeline *self)
{
  self->lock_fd = -1;
  g_mutex_init (&self->config_lock);
  g_mutex_init (&self->items_lock);
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->sink = sink_new (self);
  self->to_writer = g_async_queue_new ();
  self->read_stores = g_async_queue_new ();
  self->w.applied = g_ptr_array_new_with_free_func ((GDestroyNotify) msg_free);
  self->w.tx_events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  self->w.finalize = g_ptr_array_new ();
  self->w.finalize_sha = g_hash_table_new (g_str_hash, g_str_equal);
  self->w.steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->w.claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->watches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Only one pipeline per database recovers rows after a crash: the one that
 * holds this lock (released by the kernel when a process dies). */
static int
take_recovery_lock (const char *db_path)
{
  g_autofree char *lock_path = g_strconcat (db_path, ".intake-lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

SlPipeline *
sl_pipeline_new (const char  *db_path,
                 GError     **error)
{
  g_autoptr(SlPipeline) self = NULL;
  g_autoptr(GArray) moved = NULL;
  Config *cfg;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SL_TYPE_PIPELINE, NULL);
  self->db_path = g_strdup (db_path);
  self->w.store = sl_store_open (db_path, error);
  if (self->w.store == NULL)
    return NULL;

  self->lock_fd = take_recovery_lock (db_path);
  if (self->lock_fd >= 0)
    {
      moved = sl_store_intake_move_status (self->w.store, working_statuses, SL_INTAKE_STATUS_QUEUED, 0,
                                           "resumed after an interruption", FALSE, error);
      if (moved == NULL)
        return NULL;
      if (moved->len > 0)
        g_debug ("%u interrupted rows back in the queue", moved->len);
    }
  self->w.maybe_queued = TRUE;

  cfg = g_new0 (Config, 1);
  g_atomic_ref_count_init (&cfg->ref);
  cfg->archive_dir = sl_intake_default_archive_dir (db_path);
  cfg->extract = sl_extract_options_new ();
  self->config = cfg;

  self->n_workers = MAX (g_get_num_processors (), 1);
  self->pool = g_thread_pool_new_full (worker_func, self, work_item_drop,
                                       (int) self->n_workers, FALSE, error);
  if (self->pool == NULL)
    return NULL;
  self->writer = g_thread_new ("sl-intake-writer", writer_main, self);
  return g_steal_pointer (&self);
}

const char *
sl_pipeline_get_db_path (SlPipeline *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), NULL);
  return self->db_path;
}

void
sl_pipeline_set_n_workers (SlPipeline *self,
                           guint       n_workers)
{
  g_return_if_fail (SL_IS_PIPELINE (self));

  if (n_workers == 0)
    n_workers = MAX (g_get_num_processors (), 1);
  n_workers = MIN (n_workers, 256);
  g_atomic_int_set ((gint *) &self->n_workers, (gint) n_workers);
  if (self->pool != NULL)
    g_thread_pool_set_max_threads (self->pool, (int) n_workers, NULL);
  send (self, msg_new (MSG_WAKE, 0));
}

guint
sl_pipeline_get_n_workers (SlPipeline *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), 0);
  return (guint) g_atomic_int_get ((gint *) &self->n_workers);
}

void
sl_pipeline_set_paused (SlPipeline *self,
                        gboolean    paused)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  g_atomic_int_set (&self->paused, paused ? 1 : 0);
  send (self, msg_new (MSG_WAKE, 0));
}

gboolean
sl_pipeline_get_paused (SlPipeline *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), FALSE);
  return g_atomic_int_get (&self->paused) != 0;
}

/* Replaces the configuration snapshot after @edit changed a copy. */
#define EDIT_CONFIG(self, stmt)                     \
  G_STMT_START {                                    \
    Config *c;                                      \
    g_mutex_lock (&(self)->config_lock);            \
    c = config_copy ((self)->config);               \
    stmt;                                           \
    config_unref ((self)->config);                  \
    (self)->config = c;                             \
    g_mutex_unlock (&(self)->config_lock);          \
  } G_STMT_END

void
sl_pipeline_set_extract_options (SlPipeline             *self,
                                 const SlExtractOptions *opts)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  EDIT_CONFIG (self, {
    sl_extract_options_free (c->extract);
    c->extract = opts != NULL ? sl_extract_options_copy (opts) : sl_extract_options_new ();
  });
}

void
sl_pipeline_set_clamav_dir (SlPipeline *self,
                            const char *dir)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  EDIT_CONFIG (self, {
    g_free (c->clamav_dir);
    c->clamav_dir = g_strdup (dir);
  });
}

void
sl_pipeline_set_llm_client (SlPipeline  *self,
                            SlLlmClient *client)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  g_return_if_fail (client == NULL || SL_IS_LLM_CLIENT (client));
  EDIT_CONFIG (self, {
    g_clear_object (&c->llm);
    c->llm = client != NULL ? g_object_ref (client) : NULL;
  });
}

void
sl_pipeline_set_archive_dir (SlPipeline *self,
                             const char *dir)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  EDIT_CONFIG (self, {
    g_free (c->archive_dir);
    c->archive_dir = g_strdup (dir);
  });
}

const char *
sl_pipeline_get_archive_dir (SlPipeline *self)
{
  const char *dir;

  g_return_val_if_fail (SL_IS_PIPELINE (self), NULL);
  /* The string lives as long as the snapshot; setters run on the same
   * thread as callers of this getter. */
  g_mutex_lock (&self->config_lock);
  dir = self->config->archive_dir;
  g_mutex_unlock (&self->config_lock);
  return dir;
}

typedef struct
{
  SlPipeline *self;
  GArray     *qids;
  gboolean    only_new;
} InsertCtx;

static gboolean
insert_chunk (GPtrArray  *records,
              gpointer    user_data,
              GError    **error)
{
  InsertCtx *ctx = user_data;
  SlPipeline *self = ctx->self;
  GArray *qids = ctx->qids;
  Reply reply;
  Msg *m;
  gboolean ok;

  if (g_atomic_int_get (&self->stopping))
    {
      g_set_error (error, SL_INTAKE_ERROR, SL_INTAKE_ERROR_STOPPED, "Shortlist is closing");
      return FALSE;
    }
  reply_init (&reply);
  m = msg_new (MSG_INSERT, 0);
  m->only_new = ctx->only_new;
  m->records = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_intake_record_free);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (m->records, g_steal_pointer (&records->pdata[i]));
  m->reply = &reply;
  send (self, m);
  reply_wait (&reply);
  ok = reply.qids != NULL;
  if (ok)
    g_array_append_vals (qids, reply.qids->data, reply.qids->len);
  else
    g_propagate_error (error, g_steal_pointer (&reply.error));
  reply_clear (&reply);
  return ok;
}

static GArray *
enqueue_internal (SlPipeline          *self,
                  const char * const  *paths,
                  const char          *source,
                  gboolean             only_new,
                  GPtrArray           *skipped,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GArray) qids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) fresh = NULL;
  InsertCtx ctx = { self, qids, only_new };

  if (only_new)
    {
      /* Same path and size as a row: left out before it is even read. */
      SlStore *store = read_store_acquire (self);
      g_autoptr(GHashTable) known = store != NULL ? sl_store_intake_known_files (store, NULL) : NULL;

      read_store_release (self, store);
      fresh = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; paths[i] != NULL; i++)
        {
          g_autofree char *canonical = g_canonicalize_filename (paths[i], NULL);
          g_autofree char *key = NULL;
          GStatBuf st;

          if (known != NULL && g_stat (canonical, &st) == 0)
            key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", (gint64) st.st_size, canonical);
          if (key == NULL || !g_hash_table_contains (known, key))
            g_ptr_array_add (fresh, g_steal_pointer (&canonical));
        }
      g_ptr_array_add (fresh, NULL);
      paths = (const char * const *) fresh->pdata;
    }
  if (!sl_intake_collect (paths, source != NULL ? source : SL_INTAKE_SOURCE_DROP, INSERT_CHUNK,
                          insert_chunk, &ctx, skipped, NULL, cancellable, error))
    return NULL;
  return g_steal_pointer (&qids);
}

GArray *
sl_pipeline_enqueue (SlPipeline          *self,
                     const char * const  *paths,
                     const char          *source,
                     GPtrArray           *skipped,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return enqueue_internal (self, paths, source, FALSE, skipped, cancellable, error);
}

typedef struct
{
  GStrv     paths;
  char     *source;
  gboolean  only_new;
} EnqueueData;

static void
enqueue_data_free (EnqueueData *d)
{
  g_strfreev (d->paths);
  g_free (d->source);
  g_free (d);
}

static void
enqueue_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EnqueueData *d = task_data;
  GError *error = NULL;
  GArray *qids = enqueue_internal (source_object, (const char * const *) d->paths, d->source,
                                   d->only_new, NULL, cancellable, &error);

  if (qids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, qids, (GDestroyNotify) g_array_unref);
}

void
sl_pipeline_enqueue_async (SlPipeline          *self,
                           const char * const  *paths,
                           const char          *source,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  g_return_if_fail (paths != NULL);
  sl_intake_enqueue_async (self, paths, source, FALSE, cancellable, callback, user_data);
}

void
sl_intake_enqueue_async (SlPipeline          *self,
                         const char * const  *paths,
                         const char          *source,
                         gboolean             only_new,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EnqueueData *d;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_pipeline_enqueue_async);
  d = g_new0 (EnqueueData, 1);
  d->paths = g_strdupv ((char **) paths);
  d->source = g_strdup (source);
  d->only_new = only_new;
  g_task_set_task_data (task, d, (GDestroyNotify) enqueue_data_free);
  g_task_run_in_thread (task, enqueue_thread);
}

GArray *
sl_pipeline_enqueue_finish (SlPipeline    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sl_pipeline_set_archive_retention_days (SlPipeline *self,
                                        guint       days)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  if (days > 0)
    send (self, msg_new (MSG_CLEANUP, days));
}

void
sl_pipeline_cancel (SlPipeline *self,
                    gint64      qid)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  send (self, msg_new (MSG_CANCEL, MAX (qid, 0)));
}

void
sl_pipeline_cancel_all (SlPipeline *self)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  send (self, msg_new (MSG_CANCEL, 0));
}

void
sl_pipeline_retry (SlPipeline *self,
                   gint64      qid)
{
  g_return_if_fail (SL_IS_PIPELINE (self));
  send (self, msg_new (MSG_RETRY, MAX (qid, 0)));
}

gboolean
sl_pipeline_is_idle (SlPipeline *self)
{
  g_return_val_if_fail (SL_IS_PIPELINE (self), FALSE);
  return g_atomic_int_get (&self->idle) != 0;
}

void
sl_pipeline_flush (SlPipeline *self)
{
  Reply reply;
  Msg *m;

  g_return_if_fail (SL_IS_PIPELINE (self));
  reply_init (&reply);
  m = msg_new (MSG_FLUSH, 0);
  m->reply = &reply;
  send (self, m);
  reply_wait (&reply);
  reply_clear (&reply);
}

gboolean
sl_pipeline_watch_folder (SlPipeline  *self,
                          const char  *dir,
                          guint        quiet_ms,
                          GError     **error)
{
  g_autoptr(SlFolderWatch) watch = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SL_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  key = g_canonicalize_filename (dir, NULL);
  if (g_hash_table_contains (self->watches, key))
    return TRUE;
  watch = sl_folder_watch_new (self, key, quiet_ms, error);
  if (watch == NULL)
    return FALSE;
  g_hash_table_insert (self->watches, g_steal_pointer (&key), g_steal_pointer (&watch));
  return TRUE;
}

void
sl_pipeline_unwatch_folder (SlPipeline *self,
                            const char *dir)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SL_IS_PIPELINE (self));
  g_return_if_fail (dir != NULL);
  key = g_canonicalize_filename (dir, NULL);
  g_hash_table_remove (self->watches, key);
}
