/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sl-lexicon.h"
#include "sl-sections.h"
#include "sl-text.h"

static const char *const section_names[SL_SECTION_N] = {
  "none", "summary", "experience", "education", "skills", "languages", "certifications",
  "projects", "achievements", "interests", "references", "personal", "other",
};

const char *
sl_section_to_string (SlSection section)
{
  g_return_val_if_fail (section < SL_SECTION_N, "none");
  return section_names[section];
}

/* Counts upper- and lower-case letters of @s[0..len). */
static void
count_case (const char *s, gsize len, int *upper, int *lower)
{
  *upper = *lower = 0;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isupper (c))
        (*upper)++;
      else if (g_unichar_islower (c))
        (*lower)++;
    }
}

static gboolean
is_bullet (gunichar c)
{
  return c == '*' || c == '-' || c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25A0
         || c == 0x27A2 || c == 0x2756 || c == 0x00B7 || c == 0x25BA || c == 0x2023
         || c == 0x2043 || c == 0x25E6 || c == 0xF0B7 || c == 0xF0A7 || c == '>' || c == '#'
         || c == '=' || c == '_' || c == 0x2013 || c == 0x2014 || c == 0x2713 || c == 0x2714;
}

/* Bytes a heading never has: digits, '@', ',', ';', '('. */
static const gboolean no_heading_byte[256] = {
  ['0' ... '9'] = TRUE, ['@'] = TRUE, [','] = TRUE, [';'] = TRUE, ['('] = TRUE,
};

SlSection
sl_section_from_heading (const char       *line,
                         const SlLineCues *cues,
                         const char      **rest)
{
  const char *start, *end, *colon;
  gsize len;
  g_autoptr(GString) fold = NULL;
  char buf[64];
  int upper, lower;
  int n_words = 0, n_unknown = 0, best_weight = 0, best_section = 0;
  gboolean has_colon = FALSE, has_rest = FALSE;
  gboolean styled;
  const char *p;
  const char *last_bad = NULL;   /* the last no_heading_byte before the colon */

  g_return_val_if_fail (line != NULL, SL_SECTION_NONE);
  if (rest)
    *rest = NULL;
  /* quick rejections: long lines without a colon early on */
  colon = strchr (line, ':');
  {
    gsize n = colon ? (gsize) (colon - line) : strlen (line);
    int spaces = 0;
    guchar all = 0;   /* the bytes OR-ed: bit 7 clear for an ASCII line */
    if (n > 70)
      return SL_SECTION_NONE;
    for (gsize k = 0; k < n; k++)
      {
        all |= (guchar) line[k];
        if (line[k] == ' ' && line[k + 1] != ' ')
          spaces++;
        else if (no_heading_byte[(guchar) line[k]])
          last_bad = line + k;
      }
    if (spaces > 7)
      return SL_SECTION_NONE;
    /* A line without ':' was read to its end above: when all of it is
     * ASCII it has no full-width colon either. */
    if (colon == NULL && (all & 0x80) == 0)
      end = line + n;
    else
      end = NULL;
  }

  /* skip leading bullets, numbering and spaces (a line that starts with an
   * ASCII letter, most of them, has none of those) */
  start = line;
  while (*start && !g_ascii_isalpha (*start))
    {
      gunichar c = g_utf8_get_char (start);
      if (g_unichar_isspace (c) || is_bullet (c) || g_ascii_isdigit (*start)
          || (*start == '.' && start != line) || *start == ')')
        start = g_utf8_next_char (start);
      else
        break;
    }
  /* (the skipped bytes hold no ':', so the colon found above is the first
   * after @start too) */
  if (end == NULL)
    {
      end = start + strlen (start);
      if (colon == NULL)
        colon = strstr (start, "\xef\xbc\x9a"); /* full-width colon */
    }
  if (colon != NULL)
    {
      const char *r = colon + (*colon == ':' ? 1 : 3);
      while (*r == ' ' || *r == '\t')
        r++;
      has_colon = TRUE;
      if (*r != '\0')
        {
          has_rest = TRUE;
          if (rest)
            *rest = r;
        }
      end = colon;
    }
  /* trailing spaces and punctuation */
  while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '-' || end[-1] == '.'
                         || end[-1] == '|' || end[-1] == '='))
    end--;
  len = end - start;
  if (len < 2 || len > 60)
    goto no;
  if (!has_colon && end[0] == '.')
    goto no;

  /* the first letter must be upper case (or the whole heading lower case
   * only when it ends with a colon) */
  if ((guchar) *start < 0x80)
    {
      /* (ASCII: the same answers as the Unicode tests below) */
      if (!g_ascii_isupper (*start) && !(has_colon && g_ascii_isalpha (*start)))
        goto no;
    }
  else
    {
      gunichar c = g_utf8_get_char (start);
      if (!g_unichar_isupper (c) && !(has_colon && g_unichar_isalpha (c)))
        goto no;
    }
  /* No digit, '@', ',', ';' or '(' in the heading.  The first scan saw
   * the last such byte before the colon: none there, or only in the
   * skipped numbering, answers at once; one past the heading's end (after
   * a full-width colon) needs the scan. */
  if (last_bad != NULL && last_bad >= start)
    {
      if (last_bad < end)
        goto no;
      for (p = start; p < end; p++)
        if (no_heading_byte[(guchar) *p])
          goto no;
    }

  /* ASCII (len <= 60 here) folds to its lower case on the stack */
  {
    gsize k = sl_text_ascii_prefix (start, len);
    sl_text_ascii_lower (buf, start, k);
    buf[k] = '\0';
    p = buf;
    if (k < len)
      {
        fold = g_string_sized_new (len + 1);
        sl_text_fold_append (fold, start, len);
        p = fold->str;
      }
  }

  /* words: runs of letters; '&' '/' and '-' separate */
  while (*p)
    {
      const char *w;
      gsize wl;
      guint32 h;
      int v;

      while (*p && !(g_ascii_isalnum (*p) || (guchar) *p >= 0x80 || *p == '&'))
        p++;
      if (!*p)
        break;
      w = p;
      if (*p == '&')
        p++;
      else
        while (*p && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80 || *p == '\''))
          p++;
      wl = p - w;
      /* French/Italian elision: "d'intérêt", "l'esperienza" */
      if (wl > 2 && w[1] == '\'')
        {
          w += 2;
          wl -= 2;
        }
      n_words++;
      h = sl_text_hash_append (SL_TEXT_HASH_INIT, w, wl);   /* (for both lists) */
      v = sl_lex_lookup_len_hashed (SL_LEX_HEADING, w, wl, h);
      if (v > 0)
        {
          int weight = v % 10;
          if (weight > best_weight)
            {
              best_weight = weight;
              best_section = v / 10;
            }
        }
      else if (sl_lex_lookup_len_hashed (SL_LEX_HEADING_FILLER, w, wl, h) == 0)
        n_unknown++;
    }
  if (best_section == 0 || n_words == 0 || n_words > 6)
    goto no;

  /* Counted only now: most lines have no heading word at all. */
  count_case (start, len, &upper, &lower);
  styled = has_colon || (upper > 0 && lower == 0)
           || (cues && (cues->bold || (cues->font_size > 0 && cues->body_font_size > 0
                                       && cues->font_size > cues->body_font_size + 0.5)));
  if (has_rest)
    {
      /* "Skills: Java, C" — a strong keyword and little else before the colon */
      if (best_weight < 2 || n_unknown > 1 || n_words > 4)
        goto no;
    }
  else
    {
      if (best_weight < 2 && (n_unknown > 0 || (!styled && n_words > 3)))
        goto no;
      if (n_unknown > 2 || (n_unknown > 0 && n_words > 4 && !styled))
        goto no;
      /* a sentence-like line in lower case words is not a heading */
      if (n_words >= 4 && !styled)
        {
          int caps = 0;
          const char *q = start;
          gboolean at_word = TRUE;
          for (; q < end; q = g_utf8_next_char (q))
            {
              gunichar c = g_utf8_get_char (q);
              if (g_unichar_isalpha (c))
                {
                  if (at_word && g_unichar_isupper (c))
                    caps++;
                  at_word = FALSE;
                }
              else
                at_word = TRUE;
            }
          if (caps < 2)
            goto no;
        }
    }
  return (SlSection) best_section;

no:
  if (rest)
    *rest = NULL;
  return SL_SECTION_NONE;
}
