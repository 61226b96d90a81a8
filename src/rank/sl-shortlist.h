/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-shortlist.h: jobs and their shortlists in the store.
 *
 * Tables (owned by the rank room): jobs; shortlist_entries (job, candidate,
 * stage, note, score at the time it was added); shortlist_history (every
 * stage change with its time).  Erasing a candidate removes their entries;
 * deleting a job removes its shortlist.
 */
#pragma once

#include "rank/sl-job.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

typedef enum
{
  SL_STAGE_NEW = 0,
  SL_STAGE_CONTACTED,
  SL_STAGE_INTERVIEW,
  SL_STAGE_OFFER,
  SL_STAGE_HIRED,
  SL_STAGE_REJECTED,
  SL_STAGE_N_STAGES
} SlStage;

const char *sl_stage_to_string   (SlStage     stage);   /* "new", "contacted", … */
gboolean    sl_stage_from_string (const char *str,
                                  SlStage    *out_stage);
const char *sl_stage_label       (SlStage     stage);   /* translated: "New", "Contacted", … */

/* Jobs.  save inserts when job->id == 0 (and sets id, uuid, timestamps),
 * updates otherwise; returns the id or 0 with @error. */
gint64      sl_store_save_job    (SlStore  *store,
                                  SlJob    *job,
                                  GError  **error);
SlJob      *sl_store_get_job     (SlStore  *store,
                                  gint64    job_id,
                                  GError  **error) G_GNUC_WARN_UNUSED_RESULT;
/* (element-type SlJob), newest first. */
GPtrArray  *sl_store_list_jobs   (SlStore  *store,
                                  GError  **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sl_store_delete_job  (SlStore  *store,
                                  gint64    job_id,
                                  GError  **error);

typedef struct
{
  gint64   job_id;
  gint64   candidate_id;
  gint64   profile_id;     /* the candidate's live profile */
  char    *name;
  char    *title;
  char    *email;
  SlStage  stage;
  char    *note;           /* the note for this candidate on this job */
  double   score;          /* score when added; < 0 when added from search */
  char    *summary;        /* the breakdown text when added from a ranking */
  char    *added_at;
  char    *updated_at;
} SlShortlistEntry;

void        sl_shortlist_entry_free (SlShortlistEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlShortlistEntry, sl_shortlist_entry_free)

typedef struct
{
  SlStage  from;           /* == to for the first entry (added) */
  SlStage  to;
  char    *at;
} SlStageChange;

void        sl_stage_change_free (SlStageChange *change);

/* Adds a candidate in stage NEW (adding twice is not an error and keeps the
 * stage).  @score < 0 and @summary NULL when added from search. */
gboolean    sl_store_shortlist_add       (SlStore     *store,
                                          gint64       job_id,
                                          gint64       candidate_id,
                                          double       score,
                                          const char  *summary,
                                          GError     **error);
gboolean    sl_store_shortlist_remove    (SlStore     *store,
                                          gint64       job_id,
                                          gint64       candidate_id,
                                          GError     **error);
/* Records the change in the history (no-op when the stage is the same). */
gboolean    sl_store_shortlist_set_stage (SlStore     *store,
                                          gint64       job_id,
                                          gint64       candidate_id,
                                          SlStage      stage,
                                          GError     **error);
gboolean    sl_store_shortlist_set_note  (SlStore     *store,
                                          gint64       job_id,
                                          gint64       candidate_id,
                                          const char  *note,
                                          GError     **error);
/* (element-type SlShortlistEntry): by stage, then score, then name. */
GPtrArray  *sl_store_shortlist_list      (SlStore     *store,
                                          gint64       job_id,
                                          GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* (element-type SlStageChange), oldest first. */
GPtrArray  *sl_store_shortlist_history   (SlStore     *store,
                                          gint64       job_id,
                                          gint64       candidate_id,
                                          GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* CSV (RFC 4180, UTF-8, formula-safe like sl-csv.h) of a shortlist: name,
 * e-mail, phone, title, stage, score, breakdown, note, added.  @blind leaves
 * out name, e-mail and phone. */
gboolean    sl_shortlist_export_csv      (SlStore       *store,
                                          gint64         job_id,
                                          gboolean       blind,
                                          GOutputStream *out,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
