/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-rules.h: the offline rule parser: a resume's text (and its layout cues)
 * → a candidate profile.  Deterministic, no network, no model; headings,
 * dates, degrees and levels in English, German, French, Spanish,
 * Portuguese, Italian and Dutch.
 */
#pragma once

#include <glib.h>

#include "core/sl-document.h"
#include "core/sl-profile.h"

G_BEGIN_DECLS

#define SL_RULES_PARSER_NAME    "rules"
#define SL_RULES_PARSER_VERSION "1.0"

#define SL_PARSE_ERROR (sl_parse_error_quark ())

typedef enum
{
  SL_PARSE_ERROR_NO_TEXT,     /* the document has no text to parse */
  SL_PARSE_ERROR_INVALID,     /* the text is not UTF-8 */
} SlParseError;

GQuark sl_parse_error_quark (void);

typedef struct
{
  const char *default_region; /* ISO 3166 alpha-2 for phones without a country code; NULL = none */
  const char *today;          /* partial ISO date that "Present" means; NULL = this month */
} SlRulesOptions;

/* Parses @doc into a new profile: personal info, work, education, skills,
 * languages, certifications, projects, achievements, interests; metadata
 * carries parser "rules", the version, experience_months and a note per
 * field (confidence and the line it came from).  @opts may be NULL.
 * Fails only when there is no text. */
SlProfile  *sl_rules_parse        (const SlDocument     *doc,
                                   const SlRulesOptions *opts,
                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same for plain text ('\f' between pages allowed). */
SlProfile  *sl_rules_parse_text   (const char           *text,
                                   const SlRulesOptions *opts,
                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* The flat evaluation shape that shared/eval/score.py reads: name, email,
 * phone, location, skills[], companies[], titles[], colleges[], degrees[],
 * grad_years[]. */
char       *sl_rules_profile_to_eval_json (const SlProfile *profile,
                                           gboolean         pretty) G_GNUC_WARN_UNUSED_RESULT;

/* The normalised level of a degree as written ("M.Sc. Informatik" →
 * "master", "Licenciatura en Derecho" → "bachelor", "Abitur" →
 * "secondary"), or NULL. */
const char *sl_rules_degree_level (const char *degree);

/* Parses one line of a languages section ("Deutsch – Muttersprache",
 * "English (C1)", "Français : courant") into a new SlLanguage, or NULL. */
SlLanguage *sl_rules_parse_language (const char *line) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
