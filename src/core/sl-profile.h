/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-profile.h: the candidate profile, as plain data.
 *
 * A profile is what one parse of one resume produced (or what a user edited).
 * Every string is UTF-8 and owned by its struct; NULL means "not known" and
 * is never serialised.  Dates are partial ISO strings: "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD" (see sl-date.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char      *name;
  char      *email;
  char      *phone;     /* E.164 where the parser could normalise it */
  char      *location;  /* free text as written, e.g. "Berlin, Germany" */
  char      *city;
  char      *region;
  char      *country;
  char      *headline;  /* a current title line under the name, if any */
  char      *summary;
  GPtrArray *links;     /* (element-type utf8): URLs, LinkedIn/GitHub/portfolio */
} SlPersonalInfo;

typedef struct
{
  char     *company;
  char     *title;
  char     *location;
  char     *start;     /* partial ISO date or NULL */
  char     *end;       /* partial ISO date or NULL; NULL with current = TRUE */
  gboolean  current;
  char     *description;
} SlWorkEntry;

typedef struct
{
  char *institution;
  char *degree;        /* as written: "B.Sc. Computer Science" */
  char *level;         /* normalised: see sl_degree_level_* in parse; free text */
  char *field;
  char *start;
  char *end;
  char *grade;
} SlEducationEntry;

typedef struct
{
  char *name;          /* as written in the resume */
  char *canonical;     /* gazetteer's canonical name, or NULL if unknown */
  char *category;      /* optional gazetteer category */
} SlSkill;

typedef struct
{
  char *name;
  char *issuer;
  char *date;
} SlCertification;

typedef struct
{
  char *language;
  char *level;         /* CEFR (A1..C2) or "native" / "fluent" / as written */
} SlLanguage;

typedef struct
{
  char      *name;
  char      *description;
  char      *url;
  char      *start;
  char      *end;
  GPtrArray *keywords; /* (element-type utf8) */
} SlProject;

/* Confidence and provenance of one field, e.g. field = "personal.email" or
 * "work[2].company"; source = "rules" / "llm" / "user"; provenance = free
 * text such as "line 3" or "section experience, line 41". */
typedef struct
{
  char   *field;
  double  confidence;  /* 0.0 .. 1.0 */
  char   *source;
  char   *provenance;
} SlFieldNote;

typedef struct
{
  char   *stage;       /* "scan", "extract", "parse", "llm", "finalize" ... */
  double  ms;
} SlTiming;

typedef struct
{
  char      *extraction_method;   /* "text-layer", "ocr", "docx", "plain", ... */
  char      *parser;              /* "rules", "llm", "rules+llm", "user", "import" */
  char      *parser_version;
  char      *model;
  char      *prompt_version;
  gint64     prompt_tokens;       /* -1 when unknown */
  gint64     completion_tokens;   /* -1 when unknown */
  double     llm_latency_ms;      /* < 0 when unknown */
  int        experience_months;   /* merged work intervals; -1 when unknown */
  GPtrArray *fields;              /* (element-type SlFieldNote) */
  GPtrArray *timings;             /* (element-type SlTiming) */
  GPtrArray *warnings;            /* (element-type utf8) */
  GHashTable *extras;             /* (utf8 -> utf8): e.g. e-mail sender/subject */
} SlMetadata;

typedef struct
{
  SlPersonalInfo personal;
  GPtrArray     *work;            /* (element-type SlWorkEntry) */
  GPtrArray     *education;       /* (element-type SlEducationEntry) */
  GPtrArray     *skills;          /* (element-type SlSkill) */
  GPtrArray     *certifications;  /* (element-type SlCertification) */
  GPtrArray     *languages;       /* (element-type SlLanguage) */
  GPtrArray     *projects;        /* (element-type SlProject) */
  GPtrArray     *achievements;    /* (element-type utf8) */
  GPtrArray     *interests;       /* (element-type utf8) */
  SlMetadata     meta;
  char          *source;          /* "drop", "folder", "watch", "email", "cli", "import", ... */
} SlProfile;

SlWorkEntry      *sl_work_entry_new        (void) G_GNUC_WARN_UNUSED_RESULT;
SlWorkEntry      *sl_work_entry_copy       (const SlWorkEntry *entry) G_GNUC_WARN_UNUSED_RESULT;
void              sl_work_entry_free       (SlWorkEntry *entry);

SlEducationEntry *sl_education_entry_new   (void) G_GNUC_WARN_UNUSED_RESULT;
SlEducationEntry *sl_education_entry_copy  (const SlEducationEntry *entry) G_GNUC_WARN_UNUSED_RESULT;
void              sl_education_entry_free  (SlEducationEntry *entry);

SlSkill          *sl_skill_new             (const char *name,
                                            const char *canonical) G_GNUC_WARN_UNUSED_RESULT;
SlSkill          *sl_skill_copy            (const SlSkill *skill) G_GNUC_WARN_UNUSED_RESULT;
void              sl_skill_free            (SlSkill *skill);

SlCertification  *sl_certification_new     (void) G_GNUC_WARN_UNUSED_RESULT;
SlCertification  *sl_certification_copy    (const SlCertification *cert) G_GNUC_WARN_UNUSED_RESULT;
void              sl_certification_free    (SlCertification *cert);

SlLanguage       *sl_language_new          (const char *language,
                                            const char *level) G_GNUC_WARN_UNUSED_RESULT;
SlLanguage       *sl_language_copy         (const SlLanguage *lang) G_GNUC_WARN_UNUSED_RESULT;
void              sl_language_free         (SlLanguage *lang);

SlProject        *sl_project_new           (void) G_GNUC_WARN_UNUSED_RESULT;
SlProject        *sl_project_copy          (const SlProject *project) G_GNUC_WARN_UNUSED_RESULT;
void              sl_project_free          (SlProject *project);

SlFieldNote      *sl_field_note_new        (const char *field,
                                            double      confidence,
                                            const char *source,
                                            const char *provenance) G_GNUC_WARN_UNUSED_RESULT;
SlFieldNote      *sl_field_note_copy       (const SlFieldNote *note) G_GNUC_WARN_UNUSED_RESULT;
void              sl_field_note_free       (SlFieldNote *note);

SlTiming         *sl_timing_new            (const char *stage,
                                            double      ms) G_GNUC_WARN_UNUSED_RESULT;
SlTiming         *sl_timing_copy           (const SlTiming *timing) G_GNUC_WARN_UNUSED_RESULT;
void              sl_timing_free           (SlTiming *timing);

SlProfile        *sl_profile_new           (void) G_GNUC_WARN_UNUSED_RESULT;
SlProfile        *sl_profile_copy          (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;
void              sl_profile_free          (SlProfile *profile);

/* Convenience: record metadata. */
void              sl_profile_add_warning   (SlProfile  *profile,
                                            const char *warning);
void              sl_profile_add_timing    (SlProfile  *profile,
                                            const char *stage,
                                            double      ms);
/* Replaces an existing note for the same field. */
void              sl_profile_set_field_note (SlProfile  *profile,
                                             const char *field,
                                             double      confidence,
                                             const char *source,
                                             const char *provenance);
const SlFieldNote *sl_profile_get_field_note (const SlProfile *profile,
                                              const char      *field);
void              sl_profile_set_extra     (SlProfile  *profile,
                                            const char *key,
                                            const char *value);

/* Total months of work experience: the union of all work intervals (overlaps
 * counted once); an entry marked current ends at @today (a partial ISO date,
 * NULL = the current month).  Entries without a start are ignored.
 * Returns -1 when no entry has a usable interval. */
int               sl_profile_compute_experience_months (const SlProfile *profile,
                                                        const char      *today);

/* The most recent work entry (current first, then latest end/start), or NULL. */
const SlWorkEntry *sl_profile_current_work (const SlProfile *profile);
/* "now" when a work entry is current, else the greatest end (or start when
 * it has none) in byte order, as SQL's max () over the stored work JSON; NULL
 * when no entry has a date.  Points into @profile or is static. */
const char       *sl_profile_last_active  (const SlProfile *profile);
/* The languages that have a name as "language:level|..." (level "" when
 * unknown), in order; NULL when there are none.  Ranking reads this form. */
char             *sl_profile_language_list (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;

/* Canonical skill names (canonical if set, else name), de-duplicated
 * case-insensitively, in profile order. (transfer container) */
GPtrArray        *sl_profile_skill_names   (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;

/* Deep equality of everything serialised. */
gboolean          sl_profile_equal         (const SlProfile *a,
                                            const SlProfile *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlWorkEntry, sl_work_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlEducationEntry, sl_education_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSkill, sl_skill_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCertification, sl_certification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlLanguage, sl_language_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlProject, sl_project_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlFieldNote, sl_field_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlTiming, sl_timing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlProfile, sl_profile_free)

G_END_DECLS
