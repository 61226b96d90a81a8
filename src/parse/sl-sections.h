/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sections.h: resume section headings in seven languages.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SL_SECTION_NONE = 0,       /* the top of the document, before any heading */
  SL_SECTION_SUMMARY,
  SL_SECTION_EXPERIENCE,
  SL_SECTION_EDUCATION,
  SL_SECTION_SKILLS,
  SL_SECTION_LANGUAGES,
  SL_SECTION_CERTIFICATIONS,
  SL_SECTION_PROJECTS,
  SL_SECTION_ACHIEVEMENTS,
  SL_SECTION_INTERESTS,
  SL_SECTION_REFERENCES,
  SL_SECTION_PERSONAL,
  SL_SECTION_OTHER,          /* a heading we recognise as one but do not use */
  SL_SECTION_N
} SlSection;

/* Layout cues of a line, when the document has them. */
typedef struct
{
  gboolean bold;
  double   font_size;       /* 0 = unknown */
  double   body_font_size;  /* the document's most common size; 0 = unknown */
} SlLineCues;

/* The section that @line opens when it is a heading ("Berufserfahrung",
 * "FORMATION :", "Experiencia laboral", "Skills: Java, C" …), else
 * SL_SECTION_NONE.  When the heading is followed by content on the same line
 * after a colon, *rest (if given) points at that content inside @line.
 * @cues may be NULL. */
SlSection    sl_section_from_heading (const char       *line,
                                      const SlLineCues *cues,
                                      const char      **rest);

/* "experience", "education" … ("none" for SL_SECTION_NONE). */
const char  *sl_section_to_string    (SlSection section);

G_END_DECLS
