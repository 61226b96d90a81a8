/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-pipeline.h: the intake pipeline.  Every input file becomes a row in
 * file_intake_queue (status "queued") before any work starts; a bounded pool
 * of worker threads then runs scan → extract → parse, and one writer thread
 * finalizes the results in short, batched write transactions.  Events come
 * back as signals on the main context of the thread that created the
 * pipeline.
 *
 * Threads:
 *   - the creating thread: calls the API, receives the signals;
 *   - the writer thread: the only one that writes (rows, statuses, profiles);
 *     commits every 64 results (a batch's first 8 at once) or ~100 ms,
 *     whichever comes first;
 *   - N worker threads (GThreadPool, default = number of cores): read the
 *     file, scan, archive, extract, parse.  At most 16×N (min 128) rows are
 *     claimed at a time, so a 10,000-file folder never sits in memory.
 *
 * Statuses (row.status and the item-changed signal):
 *   queued → scanning → extracting → parsing → finalizing →
 *     done | duplicate | failed | infected | cancelled
 * Every change is appended with a timestamp to the row's processing history.
 * After a crash, rows in a working status go back to queued when the next
 * pipeline is created on the database, and finish; a row's profile is
 * written in the same transaction that marks it done, so nothing is imported
 * twice.
 *
 * Signals (all on the creator's main context, in the order they happened):
 *   item-changed      (gint64 qid, const char *status)
 *   profile-created   (gint64 profile_id, gint64 qid)
 *   profile-updated   (gint64 profile_id, gint64 qid)
 *   batch-progress    (guint done, guint total)
 *   batch-finished    (guint created, guint updated, guint duplicates,
 *                      guint failed, guint cancelled)
 * A batch is everything queued (enqueued, retried, resumed) since the
 * pipeline was last idle; batch-finished fires when nothing is queued or in
 * flight.  "failed" counts failed and infected rows.
 */
#pragma once

#include <gio/gio.h>

#include "extract/sl-extract.h"
#include "llm/sl-llm-client.h"
#include "store/sl-store-queue.h"

G_BEGIN_DECLS

#define SL_INTAKE_ERROR (sl_intake_error_quark ())

typedef enum
{
  SL_INTAKE_ERROR_NOT_FOUND,    /* a path given to enqueue does not exist */
  SL_INTAKE_ERROR_UNREADABLE,   /* cannot read a file or folder */
  SL_INTAKE_ERROR_STOPPED,      /* the pipeline is shutting down */
  SL_INTAKE_ERROR_NO_PARSER,    /* built without the rule parser */
  SL_INTAKE_ERROR_FAILED,       /* anything else (the message says what) */
} SlIntakeError;

GQuark sl_intake_error_quark (void);

/* Sources of an input (row.source, profile.source). */
#define SL_INTAKE_SOURCE_DROP   "drop"
#define SL_INTAKE_SOURCE_FOLDER "folder"
#define SL_INTAKE_SOURCE_WATCH  "watch"
#define SL_INTAKE_SOURCE_EMAIL  "email"
#define SL_INTAKE_SOURCE_CLI    "cli"

/* TRUE for done, duplicate, failed, infected and cancelled. */
gboolean   sl_intake_status_is_final    (const char *status);
/* TRUE for scanning, extracting, parsing and finalizing. */
gboolean   sl_intake_status_is_working  (const char *status);

/* TRUE when a folder walk picks up a file with this name (by extension:
 * pdf docx doc odt rtf html htm txt md png jpg jpeg tif tiff eml mbox). */
gboolean   sl_intake_is_supported_name  (const char *name);

/* FALSE when this build has no rule parser (every parse then fails with
 * SL_INTAKE_ERROR_NO_PARSER). */
gboolean   sl_intake_has_rule_parser    (void);

/* DATA/archive beside the database at @db_path. */
char      *sl_intake_default_archive_dir (const char *db_path) G_GNUC_WARN_UNUSED_RESULT;

#define SL_TYPE_PIPELINE (sl_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (SlPipeline, sl_pipeline, SL, PIPELINE, GObject)

/* Opens (creating and migrating) the database at @db_path, puts rows left
 * in a working status back to queued, and starts the writer and the worker
 * pool; rows already queued start at once.  Not started again by another
 * pipeline that runs on the same database at the same time (a lock file
 * beside the database decides who recovers). */
SlPipeline *sl_pipeline_new               (const char   *db_path,
                                           GError      **error) G_GNUC_WARN_UNUSED_RESULT;

const char *sl_pipeline_get_db_path       (SlPipeline   *self);

/* Worker threads; 0 = number of cores.  Changes apply at once. */
void        sl_pipeline_set_n_workers     (SlPipeline   *self,
                                           guint         n_workers);
guint       sl_pipeline_get_n_workers     (SlPipeline   *self);

/* Pause: no new row is started; rows already running finish, rows claimed
 * but not started go back to queued.  Resume starts them again. */
void        sl_pipeline_set_paused        (SlPipeline   *self,
                                           gboolean      paused);
gboolean    sl_pipeline_get_paused        (SlPipeline   *self);

/* Extraction options (copied); NULL = defaults.  The ClamAV scan is the
 * pipeline's own scan stage: see set_clamav_dir. */
void        sl_pipeline_set_extract_options (SlPipeline             *self,
                                             const SlExtractOptions *opts);

/* A ClamAV signature folder: when set, every file is scanned before it is
 * extracted and a detection ends the row as "infected".  NULL = no scan. */
void        sl_pipeline_set_clamav_dir    (SlPipeline   *self,
                                           const char   *dir);

/* An LLM to parse with (rules first, the LLM merged on top, the rule result
 * when the LLM fails); NULL = rules only. */
void        sl_pipeline_set_llm_client    (SlPipeline   *self,
                                           SlLlmClient  *client);

/* Where originals are archived (content-addressed, 0600 files in 0700
 * folders); default sl_intake_default_archive_dir().  NULL = do not archive. */
void        sl_pipeline_set_archive_dir   (SlPipeline   *self,
                                           const char   *dir);
const char *sl_pipeline_get_archive_dir   (SlPipeline   *self);

/* Retention setting: archive copies older than @days days are deleted now
 * (on the writer thread) and each time this is called again, e.g. at start
 * with the user's setting; 0 = keep them forever (nothing is deleted).
 * See sl_intake_cleanup_archives(). */
void        sl_pipeline_set_archive_retention_days (SlPipeline *self,
                                                    guint       days);

/* Files, folders (recursive, supported types only, hidden entries
 * skipped), .eml and .mbox files: each becomes a queued row (path, name,
 * sha256, size, sniffed type, @source; an e-mail's source becomes "email")
 * in short transactions of up to 256 rows, and work starts at once.  Blocks
 * while it reads and hashes; from the UI use the async form.  Returns the new
 * qids in order (element-type gint64); NULL with @error only when nothing
 * could be queued (a missing path among others is skipped and reported in
 * @skipped, nullable, as "path: reason" strings). */
GArray     *sl_pipeline_enqueue           (SlPipeline          *self,
                                           const char * const  *paths,
                                           const char          *source,
                                           GPtrArray           *skipped,
                                           GCancellable        *cancellable,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void        sl_pipeline_enqueue_async     (SlPipeline          *self,
                                           const char * const  *paths,
                                           const char          *source,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GArray     *sl_pipeline_enqueue_finish    (SlPipeline          *self,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Cancels one row (queued or running; it ends "cancelled"), or with
 * @qid 0 every queued and running row. */
void        sl_pipeline_cancel            (SlPipeline   *self,
                                           gint64        qid);
void        sl_pipeline_cancel_all        (SlPipeline   *self);

/* Puts a failed, infected-free or cancelled row back to queued (error
 * cleared, history kept); @qid 0 = every failed row. */
void        sl_pipeline_retry             (SlPipeline   *self,
                                           gint64        qid);

/* TRUE when nothing is queued or running (as the writer last saw it). */
gboolean    sl_pipeline_is_idle           (SlPipeline   *self);

/* Blocks until everything sent to the writer so far is committed. */
void        sl_pipeline_flush             (SlPipeline   *self);

/* Watches @dir and every folder below it (hidden ones and symbolic links
 * excepted; folders created later are watched too) for supported files:
 * each is enqueued with source "watch" once its size and modification time
 * have not changed for @quiet_ms (0 = 1500 ms).  Files already there when
 * watching starts are enqueued the same way, once, unless the queue
 * already has a row for them (same path and size, or same content). */
gboolean    sl_pipeline_watch_folder      (SlPipeline   *self,
                                           const char   *dir,
                                           guint         quiet_ms,
                                           GError      **error);
void        sl_pipeline_unwatch_folder    (SlPipeline   *self,
                                           const char   *dir);

/* Retention: forgets and deletes archive copies made more than @days days
 * ago (a copy still used by a newer row stays).  Only files inside
 * @archive_dir are ever deleted.  Returns FALSE with @error on a database
 * failure; @n_removed (nullable) gets the number of files deleted. */
gboolean    sl_intake_cleanup_archives    (SlStore      *store,
                                           const char   *archive_dir,
                                           guint         days,
                                           guint        *n_removed,
                                           GError      **error);

G_END_DECLS
