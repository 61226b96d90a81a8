/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-lexicon.h: the word lists behind the rule parser, in English, German,
 * French, Spanish, Portuguese, Italian and Dutch (internal to the parse
 * room).  Words are looked up folded: lower case, no accents.
 */
#pragma once

#include <glib.h>

#include "sl-sections.h"

G_BEGIN_DECLS

typedef enum
{
  SL_LEX_HEADING,        /* value: section * 10 + weight (1 weak, 2 strong) */
  SL_LEX_HEADING_FILLER, /* "and", "of", "professional", "key" … */
  SL_LEX_TITLE,          /* job-title head words: engineer, leiter, directeur … */
  SL_LEX_SENIORITY,      /* senior, junior, lead, chief … */
  SL_LEX_COMPANY,        /* inc, gmbh, sarl, bank, technologies … */
  SL_LEX_INSTITUTION,    /* university, hochschule, école … */
  SL_LEX_DEGREE,         /* value: SlDegreeLevel; flag 100 = must be upper case */
  SL_LEX_REGION,         /* US states, provinces, regions (abbreviations too) */
  SL_LEX_COUNTRY,
  SL_LEX_CITY,
  SL_LEX_STREET,         /* street, road, straße, rue, calle, via … */
  SL_LEX_NOT_NAME,       /* words that never appear in a person's name line */
  SL_LEX_LANGUAGE,       /* value: index into sl_lex_language_name () */
  SL_LEX_LEVEL,          /* language level words; value: SlLangLevel */
  SL_LEX_NAME_PARTICLE,  /* von, van, de, da, del, di, le, bin … */
  SL_LEX_N_KINDS
} SlLexKind;

typedef enum
{
  SL_DEGREE_NONE = 0,
  SL_DEGREE_SECONDARY,
  SL_DEGREE_CERTIFICATE,
  SL_DEGREE_DIPLOMA,
  SL_DEGREE_ASSOCIATE,
  SL_DEGREE_BACHELOR,
  SL_DEGREE_MASTER,
  SL_DEGREE_DOCTORATE,
} SlDegreeLevel;

typedef enum
{
  SL_LANG_LEVEL_NONE = 0,
  SL_LANG_LEVEL_NATIVE,
  SL_LANG_LEVEL_FLUENT,
  SL_LANG_LEVEL_ADVANCED,
  SL_LANG_LEVEL_INTERMEDIATE,
  SL_LANG_LEVEL_BASIC,
} SlLangLevel;

/* The value stored for @word (folded, NUL-terminated) in the list @kind, or
 * 0 when absent. */
int          sl_lex_lookup        (SlLexKind   kind,
                                   const char *word);
/* Same for a word given as a byte span (need not be NUL-terminated). */
int          sl_lex_lookup_len    (SlLexKind   kind,
                                   const char *word,
                                   gsize       len);

/* sl_lex_lookup() of @word whose hash is @hash (sl_text_hash_append() of
 * its bytes from SL_TEXT_HASH_INIT): for a word asked about in several
 * lists, hashed once. */
int          sl_lex_lookup_hashed (SlLexKind   kind,
                                   const char *word,
                                   guint32     hash);

/* sl_lex_lookup_len() of a span whose hash is @hash. */
int          sl_lex_lookup_len_hashed (SlLexKind   kind,
                                       const char *word,
                                       gsize       len,
                                       guint32     hash);

/* German compounds: TRUE when a folded word ends with a title head word
 * ("softwareentwickler", "projektleiter", "vertriebsingenieur"). */
gboolean     sl_lex_is_title_compound (const char *word,
                                       gsize       len);

const char  *sl_lex_language_name (int index);
const char  *sl_lex_degree_level_name (SlDegreeLevel level);
const char  *sl_lex_lang_level_name (SlLangLevel level);

G_END_DECLS
