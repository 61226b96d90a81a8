/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-job.h: a job opening that candidates are ranked against.
 *
 * A job is plain data like SlProfile: every string UTF-8 and owned by the
 * struct, NULL for "not given".  Skills are the gazetteer's canonical names
 * (sl-skills.h) where it knows them, otherwise as the user typed them.
 */
#pragma once

#include <gio/gio.h>

#include "core/sl-profile.h"

G_BEGIN_DECLS

#define SL_JOB_ERROR (sl_job_error_quark ())

typedef enum
{
  SL_JOB_ERROR_INVALID,   /* malformed job JSON, or no title and no text */
  SL_JOB_ERROR_READ,      /* the job file could not be read or extracted */
} SlJobError;

GQuark sl_job_error_quark (void);

typedef enum
{
  SL_REMOTE_ANY = 0,      /* not stated: location does not count */
  SL_REMOTE_ONSITE,
  SL_REMOTE_HYBRID,
  SL_REMOTE_FULL,
} SlRemotePolicy;

typedef struct
{
  gint64          id;               /* 0 until stored */
  char           *uuid;             /* set when stored */
  char           *title;
  char           *description;      /* the pasted or extracted text */
  GPtrArray      *required_skills;  /* (element-type utf8) */
  GPtrArray      *nice_skills;      /* (element-type utf8) nice to have */
  int             min_years;        /* 0 = no minimum */
  char           *location;         /* "Berlin, Germany" */
  SlRemotePolicy  remote;
  GPtrArray      *languages;        /* (element-type SlLanguage): language and
                                     * minimum level (CEFR or "native"), level
                                     * NULL = any */
  char           *created_at;       /* ISO 8601, set by the store */
  char           *updated_at;
} SlJob;

SlJob      *sl_job_new   (void) G_GNUC_WARN_UNUSED_RESULT;
SlJob      *sl_job_copy  (const SlJob *job) G_GNUC_WARN_UNUSED_RESULT;
void        sl_job_free  (SlJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlJob, sl_job_free)

const char *sl_remote_policy_to_string   (SlRemotePolicy policy);  /* "any", "onsite", "hybrid", "remote" */
gboolean    sl_remote_policy_from_string (const char     *str,
                                          SlRemotePolicy *out_policy);

/* Builds a job from a pasted description: the title is @title or else the
 * first non-empty line; required and nice-to-have skills are found with the
 * gazetteer (lines under "nice to have" / "a plus" / "bonus" headings or with
 * those words go to nice_skills, the rest to required_skills); "5+ years"
 * gives min_years; "remote" / "hybrid" / "on-site" the policy; languages with
 * CEFR levels ("German C1", "fluent English") the languages. */
SlJob      *sl_job_from_text (const char  *title,
                              const char  *text,
                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads a job file: JSON (the format of sl_job_to_json) or any document the
 * extractors read (PDF, DOCX, ODT, RTF, text, HTML), then sl_job_from_text. */
SlJob      *sl_job_from_file (GFile        *file,
                              GCancellable *cancellable,
                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* Cleans a job edited by hand: trims the title and location, replaces
 * skills by their canonical names (sl_skills_canonicalize), drops blank and
 * duplicate skills (a skill that is both required and nice to have stays
 * required), drops languages without a name, clamps min_years to 0..60.
 * sl_job_from_text/from_json and sl_store_save_job call it. */
void        sl_job_normalize (SlJob *job);

/* JSON: {"title", "description", "required_skills": [], "nice_skills": [],
 * "min_years", "location", "remote", "languages": [{"language","level"}]}. */
char       *sl_job_to_json   (const SlJob *job) G_GNUC_WARN_UNUSED_RESULT;
SlJob      *sl_job_from_json (const char  *json,
                              gssize       length,
                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
