/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-folder-watch.c: a watched folder (the downloads folder of a messenger
 * or a mail client).  GFileMonitor events only mark a file as "seen"; a
 * timer then enqueues it once its size and modification time have stayed
 * the same for the quiet period, so a file still being written (a slow
 * download, a copy over the network) is never read half-way.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "core/sl-util.h"
#include "sl-intake-private.h"

#define DEFAULT_QUIET_MS 1500

typedef struct
{
  gint64 size;
  gint64 mtime;
  gint64 stable_since;  /* monotonic µs */
} Pending;

struct _SlFolderWatch
{
  GObject       parent_instance;
  SlPipeline   *pipeline;   /* not owned: the pipeline owns the watch */
  char         *dir;
  guint         quiet_ms;
  GFileMonitor *monitor;
  GHashTable   *pending;    /* path -> Pending */
  GHashTable   *enqueued;   /* path -> "size:mtime" of what was enqueued */
  guint         timer_id;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SlFolderWatch, sl_folder_watch, G_TYPE_OBJECT)

static gboolean
stat_file (const char *path,
           gint64     *size,
           gint64     *mtime)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  *size = st.st_size;
  *mtime = st.st_mtime;
  return TRUE;
}

static void
enqueue_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) qids = sl_pipeline_enqueue_finish (SL_PIPELINE (source), result, &error);

  if (qids == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("watched folder: could not enqueue: %s", error->message);
}

static gboolean
check_pending (gpointer data)
{
  SlFolderWatch *self = data;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Pending *p = value;
      gint64 size, mtime;

      if (!stat_file (key, &size, &mtime))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (size != p->size || mtime != p->mtime)
        {
          /* Still growing (or rewritten): start the quiet period again. */
          p->size = size;
          p->mtime = mtime;
          p->stable_since = now;
          continue;
        }
      if (size > 0 && now - p->stable_since >= (gint64) self->quiet_ms * 1000)
        {
          g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, size, mtime);
          const char *seen = g_hash_table_lookup (self->enqueued, key);

          if (g_strcmp0 (seen, stamp) != 0)
            {
              g_ptr_array_add (ready, g_strdup (key));
              g_hash_table_insert (self->enqueued, g_strdup (key), g_steal_pointer (&stamp));
            }
          g_hash_table_iter_remove (&iter);
        }
    }

  if (ready->len > 0)
    {
      g_ptr_array_add (ready, NULL);
      sl_pipeline_enqueue_async (self->pipeline, (const char * const *) ready->pdata,
                                 SL_INTAKE_SOURCE_WATCH, self->cancellable, enqueue_done, NULL);
    }

  if (g_hash_table_size (self->pending) == 0)
    {
      self->timer_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
note_file (SlFolderWatch *self,
           GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  Pending *p;

  if (path == NULL || !sl_intake_is_supported_name (path))
    return;
  p = g_hash_table_lookup (self->pending, path);
  if (p == NULL)
    {
      p = g_new0 (Pending, 1);
      p->size = -1;
      p->mtime = -1;
      g_hash_table_insert (self->pending, g_steal_pointer (&path), p);
    }
  p->stable_since = g_get_monotonic_time ();
  if (self->timer_id == 0)
    {
      /* Debounce: look a few times per quiet period, not on every event. */
      g_autoptr(GSource) source = g_timeout_source_new (MAX (self->quiet_ms / 4, 50));

      g_source_set_callback (source, check_pending, self, NULL);
      g_source_set_static_name (source, "[shortlist] watched folder");
      self->timer_id = g_source_attach (source, g_main_context_get_thread_default ());
    }
}

static void
on_changed (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            gpointer           user_data)
{
  SlFolderWatch *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      note_file (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* A browser renames foo.pdf.part to foo.pdf when the download ends. */
      if (other != NULL)
        note_file (self, other);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      {
        g_autofree char *path = g_file_get_path (file);
        if (path != NULL)
          g_hash_table_remove (self->pending, path);
      }
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
sl_folder_watch_dispose (GObject *object)
{
  SlFolderWatch *self = SL_FOLDER_WATCH (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->timer_id, g_source_remove);

  G_OBJECT_CLASS (sl_folder_watch_parent_class)->dispose (object);
}

static void
sl_folder_watch_finalize (GObject *object)
{
  SlFolderWatch *self = SL_FOLDER_WATCH (object);

  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->enqueued);
  g_free (self->dir);

  G_OBJECT_CLASS (sl_folder_watch_parent_class)->finalize (object);
}

static void
sl_folder_watch_class_init (SlFolderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_folder_watch_dispose;
  object_class->finalize = sl_folder_watch_finalize;
}

static void
sl_folder_watch_init (SlFolderWatch *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->enqueued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}

SlFolderWatch *
sl_folder_watch_new (SlPipeline  *pipeline,
                     const char  *dir,
                     guint        quiet_ms,
                     GError     **error)
{
  g_autoptr(SlFolderWatch) self = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SL_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SL_INTAKE_ERROR, SL_INTAKE_ERROR_NOT_FOUND,
                   "Cannot watch %s: it is not a folder", dir);
      return NULL;
    }
  self = g_object_new (SL_TYPE_FOLDER_WATCH, NULL);
  self->pipeline = pipeline;
  self->dir = g_strdup (dir);
  self->quiet_ms = quiet_ms > 0 ? quiet_ms : DEFAULT_QUIET_MS;
  file = g_file_new_for_path (dir);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;
  g_file_monitor_set_rate_limit (self->monitor, 200);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_changed), self);
  return g_steal_pointer (&self);
}
