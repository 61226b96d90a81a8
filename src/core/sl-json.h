/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-json.h: the profile's JSON form.
 *
 * The top-level members are named after the columns of candidate_profiles:
 * personal_info, work_experience, education, skills, certifications,
 * languages, projects, achievements, interests, metadata, source.  Missing
 * values are omitted, so serialise → parse → serialise is byte-identical.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sl-profile.h"

G_BEGIN_DECLS

#define SL_CORE_ERROR (sl_core_error_quark ())

typedef enum
{
  SL_CORE_ERROR_INVALID_DATA,
} SlCoreError;

GQuark      sl_core_error_quark        (void);

JsonNode   *sl_profile_to_json_node    (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;
char       *sl_profile_to_json         (const SlProfile *profile,
                                        gboolean         pretty) G_GNUC_WARN_UNUSED_RESULT;

/* One top-level member (e.g. "work_experience") serialised on its own, or
 * NULL if the section name is unknown. */
char       *sl_profile_section_to_json (const SlProfile *profile,
                                        const char      *section) G_GNUC_WARN_UNUSED_RESULT;

SlProfile  *sl_profile_from_json_node  (JsonNode        *node,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;
SlProfile  *sl_profile_from_json       (const char      *json,
                                        gssize           length,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Compact JSON written straight into @out, byte for byte as json-glib's
 * generator writes the same value: a string (NULL as null), a double. */
void        sl_json_put_string         (GString         *out,
                                        const char      *s);
void        sl_json_put_double         (GString         *out,
                                        double           value);
/* The separator before a member (none while *@first, which it clears),
 * then "@key": — or only the separator for an array element (@key NULL). */
void        sl_json_put_key            (GString         *out,
                                        gboolean        *first,
                                        const char      *key);

/* Serialise a node compactly (or pretty), as json-glib's generator does
 * but with every control byte escaped (1.6 writes 0x1f raw).  Use this,
 * not json_to_string (), for any JSON that leaves the process. */
char       *sl_json_node_to_string     (JsonNode        *node,
                                        gboolean         pretty) G_GNUC_WARN_UNUSED_RESULT;

/* Typed member access for JSON read from outside (resumes, LLM answers,
 * files): NULL when @object is NULL, has no @member, or it holds another
 * type.  (transfer none) */
const char *sl_json_member_string      (JsonObject      *object,
                                        const char      *member);
JsonObject *sl_json_member_object      (JsonObject      *object,
                                        const char      *member);
JsonArray  *sl_json_member_array       (JsonObject      *object,
                                        const char      *member);

/* The names of the sections stored as columns, NULL-terminated. */
const char * const *sl_profile_section_names (void);

G_END_DECLS
