/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-skills.h: the skills gazetteer (data/skills), shared by the rule
 * parser, the LLM parser and job matching.
 *
 * The gazetteer is compiled into the resources and loaded once, on first
 * use, into a hash of normalised token n-grams; every function here is
 * thread-safe.  Matching ignores case and accents except for the few
 * aliases that are ordinary words too ("Go", "R", "Excel"), which must be
 * written as in the gazetteer.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize       offset;     /* byte span in the searched text */
  gsize       length;
  const char *canonical;  /* owned by the gazetteer, valid forever */
  const char *category;   /* owned by the gazetteer, may be "" */
  gboolean    listed_only;/* a generic word ("Training", "Sales") or a soft
                           * skill: a skill when listed as one, not when
                           * prose uses the word */
} SlSkillMatch;

/* Loads the gazetteer now (it loads itself on first use otherwise).
 * FALSE only when the compiled-in data is damaged. */
gboolean     sl_skills_ensure_loaded (GError **error);

/* The canonical name for @name ("JS" → "JavaScript", "postgres" →
 * "PostgreSQL"), or NULL when the gazetteer does not know it.  The result is
 * owned by the gazetteer. */
const char  *sl_skills_canonicalize  (const char *name);

/* TRUE when a canonical skill counts only where a resume lists it as a
 * skill (see SlSkillMatch.listed_only). */
gboolean     sl_skills_is_listed_only (const char *canonical);

/* The category of a canonical skill ("Programming Languages" …), or NULL. */
const char  *sl_skills_category      (const char *canonical);

/* Every known skill in @text (@len bytes, -1 = NUL-terminated), longest match
 * first, left to right, without overlaps.  (element-type SlSkillMatch) */
GArray      *sl_skills_find          (const char *text,
                                      gssize      len) G_GNUC_WARN_UNUSED_RESULT;

/* Close relatives of a canonical skill (PostgreSQL → MySQL, …), for
 * matching candidates to jobs.  (transfer container) (element-type utf8) */
GPtrArray   *sl_skills_related       (const char *canonical) G_GNUC_WARN_UNUSED_RESULT;

/* Number of canonical skills and of aliases (all names) loaded. */
guint        sl_skills_count         (void);
guint        sl_skills_alias_count   (void);

G_END_DECLS
