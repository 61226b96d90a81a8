/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-intake-private.h: what the files of the intake room share.
 */
#pragma once

#include "sl-pipeline.h"

G_BEGIN_DECLS

/* Copies @bytes to ARCHIVE/ab/<sha256>.<ext> (0700 folders, a 0600 file
 * written atomically); an existing copy is kept.  Returns the path. */
char     *sl_intake_archive_copy   (const char  *archive_dir,
                                    const char  *sha256,
                                    const char  *original_name,
                                    const char  *mime,
                                    GBytes      *bytes,
                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* The whole file: read into memory (mapped when very large or growing). */
GBytes   *sl_intake_read_file      (const char  *path,
                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Builds the queued rows for @paths (folders walked); see sl_pipeline_enqueue.
 * @emit is called with each chunk of up to @chunk records (element-type
 * SlIntakeRecord); it returns FALSE to stop. */
typedef gboolean (*SlIntakeChunkFunc) (GPtrArray  *records,
                                       gpointer    user_data,
                                       GError    **error);

gboolean  sl_intake_collect        (const char * const  *paths,
                                    const char          *source,
                                    guint                chunk,
                                    SlIntakeChunkFunc    emit,
                                    gpointer             user_data,
                                    GPtrArray           *skipped,
                                    guint               *n_found,
                                    GCancellable        *cancellable,
                                    GError             **error);

/* sl_pipeline_enqueue_async(); with @only_new, files the queue already has
 * a row for (same path and size, or same content) are left out. */
void      sl_intake_enqueue_async  (SlPipeline          *self,
                                    const char * const  *paths,
                                    const char          *source,
                                    gboolean             only_new,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

/* The folder watcher (sl-folder-watch.c). */
#define SL_TYPE_FOLDER_WATCH (sl_folder_watch_get_type ())
G_DECLARE_FINAL_TYPE (SlFolderWatch, sl_folder_watch, SL, FOLDER_WATCH, GObject)

SlFolderWatch *sl_folder_watch_new (SlPipeline  *pipeline,
                                    const char  *dir,
                                    guint        quiet_ms,
                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
