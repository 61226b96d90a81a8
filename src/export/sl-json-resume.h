/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-json-resume.h: JSON Resume (jsonresume.org, schema v1.0.0) both ways.
 *
 * This is meant to be the one mapping between JSON Resume and SlProfile in
 * the project.  What maps naturally goes into the profile's fields:
 *
 *   basics.name/label/email/phone/summary  personal name/headline/email/phone/summary
 *   basics.location.address/city/region/countryCode
 *                                          personal location/city/region/country
 *   basics.url, basics.profiles[].url      personal links (url first)
 *   work[] name/position/location/dates    work company/title/location/start/end
 *   work[] summary + highlights            work description; each highlight
 *                                          is a final line starting "• "
 *   education[] institution/studyType/area/dates/score
 *                                          institution/degree/field/start/end/grade
 *   skills[] name + keywords               one skill per keyword, category = name
 *                                          (an entry without keywords is one skill)
 *   languages[] language/fluency           languages language/level
 *   certificates[] name/issuer/date        certifications
 *   projects[] name/url/dates/keywords/description+highlights
 *                                          projects
 *   awards[].title                         achievements
 *   interests[].name                       interests
 *
 * Everything else the document holds (basics.image, profiles' network and
 * username, work url, volunteer, publications, references, courses, skill
 * levels, award details, meta, unknown members, values that are not valid
 * dates, …) is kept verbatim as the "residual" in the profile's metadata
 * extras under SL_JSON_RESUME_RESIDUAL_KEY, and merged back on export, so a
 * JSON Resume → profile → JSON Resume round trip keeps every field.  Items
 * are matched by position; when an array's length has changed since the
 * import (the user deleted a work entry), that array's residual is dropped
 * rather than attached to the wrong item.
 *
 * Import is tolerant: JSON Resume 0.x spellings (work.company, basics.website,
 * work.website, education.gpa) are read, values of the wrong type are kept
 * in the residual instead of failing, and an end date is required for an
 * entry to count as finished (no endDate with a startDate = current).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/sl-profile.h"

G_BEGIN_DECLS

#define SL_JSON_RESUME_RESIDUAL_KEY "json_resume.residual"

#define SL_EXPORT_ERROR (sl_export_error_quark ())

typedef enum
{
  SL_EXPORT_ERROR_INVALID,     /* not a JSON Resume / not a CSV we can read */
  SL_EXPORT_ERROR_COLUMN,      /* unknown column name */
  SL_EXPORT_ERROR_ROW,         /* one CSV row could not become a profile */
  SL_EXPORT_ERROR_IO,          /* writing the output failed */
  SL_EXPORT_ERROR_FAILED,
} SlExportError;

GQuark      sl_export_error_quark        (void);

typedef enum
{
  SL_JSON_RESUME_NONE          = 0,
  /* Keep what does not map in the metadata extras (see above). */
  SL_JSON_RESUME_KEEP_RESIDUAL = 1 << 0,
} SlJsonResumeFlags;

/* TRUE when @node is an object with a "basics" object member — how the
 * importer tells a JSON Resume from Shortlist's own profile JSON. */
gboolean    sl_json_resume_detect        (JsonNode          *node);

/* JSON Resume object → profile.  @node is not modified.  Fails only when
 * @node is not an object (SL_EXPORT_ERROR_INVALID).  The profile's parser
 * and source are left NULL for the caller to set. */
SlProfile  *sl_json_resume_to_profile    (JsonNode          *node,
                                          SlJsonResumeFlags  flags,
                                          GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Profile → JSON Resume object (v1.0.0 member names), with the residual
 * merged back when the profile has one. */
JsonNode   *sl_json_resume_from_profile  (const SlProfile   *profile) G_GNUC_WARN_UNUSED_RESULT;

/* Parses text and maps it; SL_EXPORT_ERROR_INVALID for bad JSON. */
SlProfile  *sl_json_resume_parse         (const char        *text,
                                          gssize             length,
                                          SlJsonResumeFlags  flags,
                                          GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Two JSON trees equal member by member (object member order ignored). */
gboolean    sl_json_node_equal_deep      (JsonNode          *a,
                                          JsonNode          *b);

G_END_DECLS
