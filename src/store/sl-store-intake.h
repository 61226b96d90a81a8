/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-intake.h: the intake repository, one row per file in
 * file_intake_queue.  The pipeline (src/intake) owns the meaning of the
 * statuses; the store keeps them, and appends an entry to the record's
 * processing history on every status change.
 *
 * metadata is a JSON object the store maintains with SQLite's JSON functions
 * (one UPDATE each, no read-modify-write races):
 *   { "processing_history": [ {"status", "at", "detail"?}, ... ],
 *     "parsed_output": <JSON>, "processing_report": <JSON>,
 *     "archive": <JSON> }
 * A processing report with "timings": {"stage": ms, ...} feeds the
 * average-per-stage statistic.
 */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

/* Suggested statuses; any non-empty string is accepted. */
#define SL_INTAKE_STATUS_QUEUED     "queued"
#define SL_INTAKE_STATUS_SCANNING   "scanning"
#define SL_INTAKE_STATUS_EXTRACTING "extracting"
#define SL_INTAKE_STATUS_PARSING    "parsing"
#define SL_INTAKE_STATUS_FINALIZING "finalizing"
#define SL_INTAKE_STATUS_DONE       "done"
#define SL_INTAKE_STATUS_FAILED     "failed"
#define SL_INTAKE_STATUS_DUPLICATE  "duplicate"

typedef struct
{
  gint64  qid;
  char   *uuid;
  char   *path;
  char   *original_name;
  char   *sha256;
  gint64  size;
  char   *mime;
  char   *source;          /* drop, folder, watch, email, cli */
  char   *status;
  char   *error;
  gint64  profile_id;      /* 0 = none yet */
  char   *archive_path;
  char   *archived_at;     /* ISO 8601 UTC, set by update_archive_metadata */
  char   *metadata;        /* the JSON object described above */
  char   *created_at;
  char   *updated_at;
} SlIntakeRecord;

SlIntakeRecord *sl_intake_record_new  (void) G_GNUC_WARN_UNUSED_RESULT;
SlIntakeRecord *sl_intake_record_copy (const SlIntakeRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void            sl_intake_record_free (SlIntakeRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlIntakeRecord, sl_intake_record_free)

typedef struct
{
  char *status;
  char *at;               /* ISO 8601 UTC */
  char *detail;           /* or NULL */
} SlIntakeHistoryEntry;

void sl_intake_history_entry_free (SlIntakeHistoryEntry *entry);

/* Adds a record from @record's path, original_name, sha256, size, mime,
 * source and status (NULL status = "queued"); the other fields are ignored.
 * Returns the new qid, or 0 with @error. */
gint64          sl_store_intake_add                (SlStore              *self,
                                                    const SlIntakeRecord *record,
                                                    GError              **error);
SlIntakeRecord *sl_store_intake_get_record         (SlStore     *self,
                                                    gint64       qid,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The newest record with this content hash, or NULL (no error) if none. */
SlIntakeRecord *sl_store_intake_find_by_sha256     (SlStore     *self,
                                                    const char  *sha256,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Status change + history entry (@detail nullable, no personal data). */
gboolean        sl_store_intake_set_status         (SlStore     *self,
                                                    gint64       qid,
                                                    const char  *status,
                                                    const char  *detail,
                                                    GError     **error);
/* status = "failed", error = @message, history entry. */
gboolean        sl_store_intake_set_error          (SlStore     *self,
                                                    gint64       qid,
                                                    const char  *message,
                                                    GError     **error);
gboolean        sl_store_intake_update_profile_id  (SlStore     *self,
                                                    gint64       qid,
                                                    gint64       profile_id,
                                                    GError     **error);

/* @json: any JSON text (normally sl_profile_to_json). */
gboolean        sl_store_intake_set_parsed_output  (SlStore     *self,
                                                    gint64       qid,
                                                    const char  *json,
                                                    GError     **error);
/* The stored parsed output as JSON text; NULL without error when none. */
char           *sl_store_intake_get_parsed_output  (SlStore     *self,
                                                    gint64       qid,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* (element-type SlIntakeHistoryEntry), oldest first. */
GPtrArray      *sl_store_intake_get_processing_history (SlStore *self,
                                                        gint64   qid,
                                                        GError **error) G_GNUC_WARN_UNUSED_RESULT;
/* @report_json: a JSON object (see above). */
gboolean        sl_store_intake_save_processing_report (SlStore     *self,
                                                        gint64       qid,
                                                        const char  *report_json,
                                                        GError     **error);
char           *sl_store_intake_get_processing_report  (SlStore     *self,
                                                        gint64       qid,
                                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Sets archive_path, archived_at = now and metadata.archive = @archive_json
 * (nullable JSON object with whatever the archiver wants to remember). */
gboolean        sl_store_intake_update_archive_metadata (SlStore    *self,
                                                         gint64      qid,
                                                         const char *archive_path,
                                                         const char *archive_json,
                                                         GError    **error);

/* (element-type SlIntakeRecord), oldest first; @limit 0 = all. */
GPtrArray      *sl_store_intake_get_records_by_status (SlStore     *self,
                                                       const char  *status,
                                                       guint        limit,
                                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Every record whose file became (or updated, or duplicated) a profile of
 * candidate @candidate_id, newest first: the imports that touched this
 * candidate. (element-type SlIntakeRecord) */
GPtrArray      *sl_store_intake_get_records_for_candidate (SlStore  *self,
                                                           gint64    candidate_id,
                                                           GError  **error) G_GNUC_WARN_UNUSED_RESULT;
/* Records archived before @before (ISO 8601 date or time, UTC), for
 * clean-up; oldest first. (element-type SlIntakeRecord) */
GPtrArray      *sl_store_intake_get_old_archives      (SlStore     *self,
                                                       const char  *before,
                                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
