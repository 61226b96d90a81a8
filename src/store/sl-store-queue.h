/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-queue.h: set operations on file_intake_queue that the intake
 * pipeline (src/intake) needs beyond the one-row repository in
 * sl-store-intake.h: claiming queued rows, putting rows back after a crash,
 * retrying and cancelling many rows at once, and archive bookkeeping.
 * Every status change still appends a processing-history entry.
 */
#pragma once

#include "sl-store-intake.h"

G_BEGIN_DECLS

#define SL_INTAKE_STATUS_INFECTED  "infected"
#define SL_INTAKE_STATUS_CANCELLED "cancelled"

/* Moves up to @limit rows in status "queued" (oldest first) to @status and
 * returns them in qid order. (element-type SlIntakeRecord) */
GPtrArray      *sl_store_intake_claim_queued      (SlStore     *self,
                                                   const char  *status,
                                                   guint        limit,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Rows in one of the NULL-terminated @from statuses go to @to, with
 * history @detail; @qid > 0 limits it to that row; error is cleared when
 * @clear_error.  Returns the qids changed (element-type gint64), or NULL
 * with @error. */
GArray         *sl_store_intake_move_status       (SlStore            *self,
                                                   const char * const *from,
                                                   const char         *to,
                                                   gint64              qid,
                                                   const char         *detail,
                                                   gboolean            clear_error,
                                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Ends row @qid in @status ("failed", "infected", "cancelled", ...) with
 * @message (nullable) as its error and as the history entry's detail. */
gboolean        sl_store_intake_finish            (SlStore     *self,
                                                   gint64       qid,
                                                   const char  *status,
                                                   const char  *message,
                                                   GError     **error);

/* One processing-history entry: a status the row passed through, when,
 * and an optional detail. */
typedef struct
{
  const char *status;
  const char *at;       /* ISO 8601 */
  const char *detail;   /* nullable */
} SlIntakeStep;

/* Advances row @qid in one UPDATE, only while its status is one of the
 * NULL-terminated @from: appends the @n_steps history entries (n_steps >=
 * 1) and takes the last one's status; when given, also sets the profile
 * (@profile_id > 0), the archive copy (@archive_path, with @archive_json as
 * metadata.archive) and @report_json as metadata.processing_report (both
 * JSON texts, checked by SQLite).  Returns 1 when the row changed, 0 when
 * it was not in @from (or is gone), -1 with @error. */
int             sl_store_intake_advance           (SlStore            *self,
                                                   gint64              qid,
                                                   const char * const *from,
                                                   const SlIntakeStep *steps,
                                                   guint               n_steps,
                                                   gint64              profile_id,
                                                   const char         *archive_path,
                                                   const char         *archive_json,
                                                   const char         *report_json,
                                                   GError            **error);

/* The newest row other than @exclude_qid that imported this content
 * (status "done" with a profile), or NULL without error when none. */
SlIntakeRecord *sl_store_intake_find_imported     (SlStore     *self,
                                                   const char  *sha256,
                                                   gint64       exclude_qid,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Forgets a row's archive copy (archive_path and archived_at to NULL). */
gboolean        sl_store_intake_clear_archive     (SlStore     *self,
                                                   gint64       qid,
                                                   GError     **error);

/* How many rows still name @archive_path as their archive copy. */
gint64          sl_store_intake_count_archive_refs (SlStore    *self,
                                                    const char *archive_path,
                                                    GError    **error);

/* Every file the queue has a row for, whatever its status, as a set of
 * "SIZE:PATH" strings (a watched folder skips those when it starts). */
GHashTable     *sl_store_intake_known_files       (SlStore     *self,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Number of rows per status: (utf8 -> gint64*). */
GHashTable     *sl_store_intake_count_by_status   (SlStore     *self,
                                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
