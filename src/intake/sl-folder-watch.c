/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-folder-watch.c: a watched folder (the downloads folder of a messenger
 * or a mail client) and every folder below it.  GFileMonitor events only
 * mark a file as "seen"; a timer then enqueues it once its size and
 * modification time have stayed the same for the quiet period, so a file
 * still being written (a slow download, a copy over the network) is never
 * read half-way.
 *
 * One monitor per folder (inotify is not recursive): the tree is walked
 * when watching starts, and a folder created or moved in later gets its own
 * monitor (and its files are looked at) as soon as its event arrives.
 * Files already there when watching starts are enqueued once, after the
 * same quiet period, unless a queue row already has their content (so
 * starting the app again does not queue the whole folder again).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sl-util.h"
#include "sl-intake-private.h"

#define DEFAULT_QUIET_MS 1500
#define MAX_DEPTH        32

typedef struct
{
  gint64   size;
  gint64   mtime;
  gint64   stable_since;  /* monotonic µs */
  gboolean initial;       /* there when watching started */
} Pending;

struct _SlFolderWatch
{
  GObject       parent_instance;
  SlPipeline   *pipeline;   /* not owned: the pipeline owns the watch */
  char         *dir;
  guint         quiet_ms;
  GHashTable   *monitors;   /* folder path -> GFileMonitor */
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

static void
enqueue_paths (SlFolderWatch *self,
               GPtrArray     *paths,
               gboolean       skip_known)
{
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);
  sl_intake_enqueue_async (self->pipeline, (const char * const *) paths->pdata,
                           SL_INTAKE_SOURCE_WATCH, skip_known, self->cancellable,
                           enqueue_done, NULL);
}

static gboolean
check_pending (gpointer data)
{
  SlFolderWatch *self = data;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ready_initial = g_ptr_array_new_with_free_func (g_free);
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
              g_ptr_array_add (p->initial ? ready_initial : ready, g_strdup (key));
              g_hash_table_insert (self->enqueued, g_strdup (key), g_steal_pointer (&stamp));
            }
          g_hash_table_iter_remove (&iter);
        }
    }

  enqueue_paths (self, ready, FALSE);
  enqueue_paths (self, ready_initial, TRUE);

  if (g_hash_table_size (self->pending) == 0)
    {
      self->timer_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
note_path (SlFolderWatch *self,
           const char    *path,
           gboolean       initial)
{
  Pending *p;

  if (!sl_intake_is_supported_name (path))
    return;
  p = g_hash_table_lookup (self->pending, path);
  if (p == NULL)
    {
      p = g_new0 (Pending, 1);
      p->size = -1;
      p->mtime = -1;
      p->initial = initial;
      g_hash_table_insert (self->pending, g_strdup (path), p);
    }
  else if (!initial)
    p->initial = FALSE;   /* touched since: new content */
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

static void on_changed (GFileMonitor *monitor, GFile *file, GFile *other,
                        GFileMonitorEvent event, gpointer user_data);

/* Monitors @path and the folders below it; notes the files in them.  An
 * unreadable subfolder is skipped (the others are still watched). */
static gboolean
watch_tree (SlFolderWatch  *self,
            const char     *path,
            int             depth,
            gboolean        initial,
            GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (depth > MAX_DEPTH || g_hash_table_contains (self->monitors, path))
    return TRUE;
  file = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (monitor == NULL)
    return FALSE;
  g_file_monitor_set_rate_limit (monitor, 200);
  g_signal_connect (monitor, "changed", G_CALLBACK (on_changed), self);
  g_hash_table_insert (self->monitors, g_strdup (path), g_steal_pointer (&monitor));

  /* Listed after the monitor exists, so that a file written in between is
   * seen by one or the other (noting it twice is harmless). */
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      GStatBuf st;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      /* lstat: symbolic links are not followed (no loops, no surprises). */
      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        watch_tree (self, child, depth + 1, initial, NULL);
      else if (S_ISREG (st.st_mode))
        note_path (self, child, initial);
    }
  return TRUE;
}

static gboolean
is_under (const char *path,
          const char *dir)
{
  gsize n = strlen (dir);

  return strncmp (path, dir, n) == 0 && (path[n] == '\0' || path[n] == G_DIR_SEPARATOR);
}

static void
unwatch_tree (SlFolderWatch *self,
              const char    *path)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (is_under (key, path) && !g_str_equal (key, self->dir))
      {
        g_signal_handlers_disconnect_by_data (value, self);
        g_file_monitor_cancel (value);
        g_hash_table_iter_remove (&iter);
      }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (is_under (key, path))
      g_hash_table_iter_remove (&iter);
}

/* A new name in a watched folder: a folder gets watched (with what is
 * already inside it), a file is noted. */
static void
note_new (SlFolderWatch *self,
          GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;
  GStatBuf st;

  if (path == NULL)
    return;
  base = g_path_get_basename (path);
  if (base[0] == '.' || g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GError) error = NULL;
      int depth = 0;

      for (const char *c = path + strlen (self->dir); *c != '\0'; c++)
        depth += *c == G_DIR_SEPARATOR;
      if (!watch_tree (self, path, depth, FALSE, &error))
        g_debug ("watched folder: cannot watch a subfolder: %s", error->message);
    }
  else if (S_ISREG (st.st_mode))
    note_path (self, path, FALSE);
}

static void
forget (SlFolderWatch *self,
        GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;
  g_hash_table_remove (self->pending, path);
  if (g_hash_table_contains (self->monitors, path))
    unwatch_tree (self, path);
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
      note_new (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* A browser renames foo.pdf.part to foo.pdf when the download ends;
       * a renamed folder is watched under its new name. */
      forget (self, file);
      if (other != NULL)
        note_new (self, other);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      forget (self, file);
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
  if (self->monitors != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->monitors);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_signal_handlers_disconnect_by_data (value, self);
          g_file_monitor_cancel (value);
        }
      g_clear_pointer (&self->monitors, g_hash_table_unref);
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
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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
  self->dir = g_canonicalize_filename (dir, NULL);
  self->quiet_ms = quiet_ms > 0 ? quiet_ms : DEFAULT_QUIET_MS;
  if (!watch_tree (self, self->dir, 0, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}
