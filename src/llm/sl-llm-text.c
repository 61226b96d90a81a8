/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/sl-date.h"
#include "core/sl-util.h"
#include "sl-llm-error.h"
#include "sl-llm-text.h"

static GRegex *
compile_once (gsize      *once,
              const char *pattern,
              GRegexCompileFlags flags)
{
  if (g_once_init_enter (once))
    {
      g_autoptr(GError) error = NULL;
      GRegex *re = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (once, (gsize) re);
    }
  return (GRegex *) *once;
}

GRegex *
sl_llm_email_regex (void)
{
  static gsize once = 0;
  return compile_once (&once,
                       "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}",
                       0);
}

GRegex *
sl_llm_phone_regex (void)
{
  static gsize once = 0;
  /* A digit run with the separators people put in phone numbers; the
   * caller filters dates out with sl_llm_looks_like_phone(). */
  return compile_once (&once,
                       "(?<![\\w+@.\\-/])(?:\\+[ \\t]?|00)?\\(?\\d"
                       "(?:[ \\t]{0,2}[().\\-/]?[ \\t]{0,2}\\(?\\d){6,16}(?![\\w@])",
                       0);
}

GRegex *
sl_llm_address_regex (void)
{
  static gsize once = 0;
  return compile_once (&once,
                       /* 221B Baker Street, Apt 4 */
                       "\\b\\d{1,5}[A-Za-z]?,?[ \\t]+(?:[A-Z][A-Za-z'.\\-]*[ \\t]+){1,4}"
                       "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|"
                       "Way|Place|Pl|Terrace|Square|Sq|Crescent|Close|Parkway|Pkwy|Highway|Hwy)\\b\\.?"
                       "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat)\\.?[ \\t]*#?[A-Za-z0-9]+)?"
                       "|"
                       /* Hauptstraße 5a, Lindenweg 12 */
                       "\\b[A-ZÄÖÜ][A-Za-zÄÖÜäöüß\\-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|damm)"
                       "[ \\t]+\\d{1,4}[ \\t]?[a-z]?\\b"
                       "|"
                       /* 12 rue de la Paix, 3 via Roma */
                       "\\b\\d{1,4},?[ \\t]+(?i:rue|avenue|boulevard|chemin|impasse|allée|via|calle|carrer)"
                       "[ \\t]+[^\\n,;|]{2,40}",
                       0);
}

static int
count_digits (const char *s)
{
  int n = 0;

  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      n++;
  return n;
}

gboolean
sl_llm_looks_like_phone (const char *match)
{
  static gsize date_once = 0;
  GRegex *date_re;
  const char *p = match;
  int digits;

  g_return_val_if_fail (match != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;
  digits = count_digits (p);
  if (digits < 7 || digits > 15)
    return FALSE;
  if (*p == '+')
    return digits >= 8;
  if (digits < 9)
    return FALSE;
  /* "01/2015 - 03/2019", "2019-03 – 2021-05", "2015 2016 2017" are dates. */
  date_re = compile_once (&date_once,
                          "(?:^|\\D)(?:0?[1-9]|1[0-2])[ \\t]?[/.][ \\t]?(?:19|20)\\d\\d(?:\\D|$)"
                          "|(?:^|\\D)(?:19|20)\\d\\d[ \\t]?[/.\\-][ \\t]?(?:0?[1-9]|1[0-2])(?:\\D|$)"
                          "|^(?:(?:19|20)\\d\\d\\D*)+$",
                          0);
  return !g_regex_match (date_re, p, 0, NULL);
}

char *
sl_llm_cut_text (const char *text,
                 gsize       budget,
                 gboolean   *cut)
{
  const char *end;
  const char *half;
  const char *best = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (cut)
    *cut = FALSE;
  if (budget == 0 || (gsize) g_utf8_strlen (text, -1) <= budget)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, budget);
  half = g_utf8_offset_to_pointer (text, budget / 2);
  /* Prefer a section/paragraph boundary, then a line break. */
  for (const char *p = end - 1; p >= half && best == NULL; p--)
    if (*p == '\f' || (*p == '\n' && p > text && p[-1] == '\n'))
      best = p;
  for (const char *p = end - 1; p >= half && best == NULL; p--)
    if (*p == '\n')
      best = p;
  if (best == NULL)
    best = end;
  if (cut)
    *cut = TRUE;
  return g_strndup (text, best - text);
}

/* The end of the balanced {...} starting at @start, or NULL. */
static const char *
match_brace (const char *start)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = start; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{')
        depth++;
      else if (*p == '}' && --depth == 0)
        return p;
    }
  return NULL;
}

JsonNode *
sl_llm_extract_json (const char  *answer,
                     GError     **error)
{
  g_autofree char *first_error = NULL;
  const char *p;
  int attempts = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (answer == NULL || answer[0] == '\0')
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The model gave an empty answer");
      return NULL;
    }

  /* Try each '{' in turn: this skips prose and ```json fences before the
   * object and ignores whatever follows it. */
  for (p = strchr (answer, '{'); p != NULL && attempts < 20; p = strchr (p + 1, '{'), attempts++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local = NULL;
      const char *end = match_brace (p);
      gssize len = end ? end - p + 1 : (gssize) strlen (p);

      if (json_parser_load_from_data (parser, p, len, &local))
        {
          JsonNode *root = json_parser_get_root (parser);
          if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
            return json_node_copy (root);
        }
      else if (first_error == NULL)
        first_error = g_strdup (local->message);
      if (end == NULL)
        break;
    }

  if (first_error != NULL)
    g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                 "The model's answer is not valid JSON (%s)", first_error);
  else
    g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                 "The model's answer contains no JSON object");
  return NULL;
}

static int
month_from_name (const char *s)
{
  static const char *names[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec" };

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (s, names[i], 3) == 0)
      return i + 1;
  /* German/French spellings that differ in the first three letters. */
  if (g_ascii_strncasecmp (s, "mär", 4) == 0 || g_ascii_strncasecmp (s, "mrz", 3) == 0)
    return 3;
  if (g_ascii_strncasecmp (s, "mai", 3) == 0)
    return 5;
  if (g_ascii_strncasecmp (s, "okt", 3) == 0)
    return 10;
  if (g_ascii_strncasecmp (s, "dez", 3) == 0)
    return 12;
  return 0;
}

char *
sl_llm_normalize_date (const char *s,
                       gboolean   *present)
{
  static gsize once = 0;
  static const char *present_words[] = {
    "present", "current", "now", "today", "ongoing", "to date", "till date",
    "heute", "aktuell", "actuel", "presente", "atual", NULL
  };
  g_autofree char *t = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  GRegex *re;
  int y = 0, m = 0, d = 0;

  if (present)
    *present = FALSE;
  if (s == NULL)
    return NULL;
  t = g_strstrip (g_ascii_strdown (s, -1));
  if (t[0] == '\0')
    return NULL;
  for (int i = 0; present_words[i]; i++)
    if (strstr (t, present_words[i]) != NULL && count_digits (t) == 0)
      {
        if (present)
          *present = TRUE;
        return NULL;
      }

  re = compile_once (&once,
                     "^(?<y1>\\d{4})(?:[-/.](?<m1>\\d{1,2})(?:[-/.](?<d1>\\d{1,2}))?)?(?:t.*)?$"
                     "|^(?<m2>\\d{1,2})[-/.](?<y2>\\d{4})$"
                     "|^(?<a3>\\d{1,2})(?<s3>[/.])(?<b3>\\d{1,2})[/.](?<y3>\\d{4})$"
                     "|^(?:(?<d4>\\d{1,2})\\.?\\s+)?(?<n4>[a-zäé]{3,})\\.?,?\\s*(?:(?<d5>\\d{1,2}),?\\s+)?(?<y4>\\d{4})$"
                     "|^(?<y6>\\d{4})\\s+(?<n6>[a-zäé]{3,})$",
                     G_REGEX_DUPNAMES);
  if (g_regex_match (re, t, 0, &info))
    {
      g_autofree char *y1 = g_match_info_fetch_named (info, "y1");
      g_autofree char *y2 = g_match_info_fetch_named (info, "y2");
      g_autofree char *y3 = g_match_info_fetch_named (info, "y3");
      g_autofree char *y4 = g_match_info_fetch_named (info, "y4");
      g_autofree char *y6 = g_match_info_fetch_named (info, "y6");

      if (y1 && *y1)
        {
          g_autofree char *m1 = g_match_info_fetch_named (info, "m1");
          g_autofree char *d1 = g_match_info_fetch_named (info, "d1");
          y = atoi (y1);
          m = m1 && *m1 ? atoi (m1) : 0;
          d = d1 && *d1 ? atoi (d1) : 0;
        }
      else if (y2 && *y2)
        {
          g_autofree char *m2 = g_match_info_fetch_named (info, "m2");
          y = atoi (y2);
          m = atoi (m2);
        }
      else if (y3 && *y3)
        {
          g_autofree char *a = g_match_info_fetch_named (info, "a3");
          g_autofree char *b = g_match_info_fetch_named (info, "b3");
          g_autofree char *sep = g_match_info_fetch_named (info, "s3");
          int ia = atoi (a), ib = atoi (b);

          y = atoi (y3);
          /* "." is day-first (Europe); "/" is month-first unless that
           * cannot be. */
          if (g_str_equal (sep, ".") || ia > 12)
            d = ia, m = ib;
          else
            m = ia, d = ib;
        }
      else if (y4 && *y4)
        {
          g_autofree char *n = g_match_info_fetch_named (info, "n4");
          g_autofree char *d4 = g_match_info_fetch_named (info, "d4");
          g_autofree char *d5 = g_match_info_fetch_named (info, "d5");
          y = atoi (y4);
          m = month_from_name (n);
          if (m > 0)
            d = d4 && *d4 ? atoi (d4) : (d5 && *d5 ? atoi (d5) : 0);
        }
      else if (y6 && *y6)
        {
          g_autofree char *n = g_match_info_fetch_named (info, "n6");
          y = atoi (y6);
          m = month_from_name (n);
        }
    }

  if (y == 0)
    {
      /* Last resort: the first plausible year anywhere ("Summer 2019"). */
      for (const char *p = t; *p; p++)
        if ((p == t || !g_ascii_isdigit (p[-1])) &&
            g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
            g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
          {
            int cand = atoi (p);
            if (cand >= 1900 && cand <= 2100)
              {
                y = cand;
                break;
              }
          }
    }
  if (y == 0)
    return NULL;
  if (m < 1 || m > 12)
    m = d = 0;
  if (d != 0 && (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)))
    d = 0;
  {
    char *out = sl_date_format (y, m, d);
    if (out == NULL && d != 0)
      out = sl_date_format (y, m, 0);
    if (out == NULL)
      out = sl_date_format (y, 0, 0);
    return out;
  }
}

char *
sl_llm_fold_text (const char *s)
{
  g_autofree char *clean = NULL;

  if (s == NULL)
    return NULL;
  clean = sl_strdup_clean (s);
  return clean ? g_utf8_casefold (clean, -1) : g_strdup ("");
}

gboolean
sl_llm_text_has_email (const char *folded_source,
                       const char *email)
{
  g_autofree char *norm = sl_normalize_email (email);

  if (folded_source == NULL || norm == NULL)
    return FALSE;
  return strstr (folded_source, norm) != NULL;
}

static char *
digits_without_leading_zeros (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    if (g_ascii_isdigit (*s) && !(out->len == 0 && *s == '0'))
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static gboolean
digits_match (const char *a,
              const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  const char *longer = la >= lb ? a : b;
  const char *shorter = la >= lb ? b : a;
  gsize ls = MIN (la, lb), ll = MAX (la, lb);

  /* Equal, or equal up to a country code in front ("+49 30 …" vs "030 …"). */
  return ls >= 7 && memcmp (longer + (ll - ls), shorter, ls) == 0;
}

gboolean
sl_llm_text_has_phone (const char *source,
                       const char *phone)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *want = NULL;

  if (source == NULL || phone == NULL)
    return FALSE;
  want = digits_without_leading_zeros (phone);
  if (strlen (want) < 7)
    return FALSE;
  g_regex_match (sl_llm_phone_regex (), source, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *m = g_match_info_fetch (info, 0);
      g_autofree char *have = digits_without_leading_zeros (m);

      if (digits_match (want, have))
        return TRUE;
      g_match_info_next (info, NULL);
    }
  return FALSE;
}

static char *
fold_url (const char *url)
{
  g_autofree char *folded = sl_llm_fold_text (url);
  const char *p = folded;
  char *out;

  if (g_str_has_prefix (p, "https://"))
    p += 8;
  else if (g_str_has_prefix (p, "http://"))
    p += 7;
  if (g_str_has_prefix (p, "www."))
    p += 4;
  out = g_strdup (p);
  while (g_str_has_suffix (out, "/"))
    out[strlen (out) - 1] = '\0';
  return out;
}

gboolean
sl_llm_text_has_url (const char *folded_source,
                     const char *url)
{
  g_autofree char *want = NULL;

  if (folded_source == NULL || url == NULL)
    return FALSE;
  want = fold_url (url);
  return want[0] != '\0' && strstr (folded_source, want) != NULL;
}

gboolean
sl_llm_text_has_phrase (const char *folded_source,
                        const char *phrase)
{
  g_autofree char *want = NULL;
  g_auto(GStrv) words = NULL;
  guint total = 0, found = 0;

  if (folded_source == NULL || phrase == NULL)
    return FALSE;
  want = sl_llm_fold_text (phrase);
  if (want[0] == '\0')
    return FALSE;
  if (strstr (folded_source, want) != NULL)
    return TRUE;
  /* "Acme, Inc." written as "ACME Inc": count the words that occur. */
  words = g_regex_split_simple ("[^[:alnum:]]+", want, 0, 0);
  for (guint i = 0; words[i]; i++)
    {
      if (strlen (words[i]) < 2)
        continue;
      total++;
      if (strstr (folded_source, words[i]) != NULL)
        found++;
    }
  return total > 0 && found * 10 >= total * 6;
}

char *
sl_llm_scrub_secret (const char *s,
                     const char *secret)
{
  static gsize once = 0;
  g_autofree char *tmp = NULL;
  GRegex *keyish;
  GString *out;

  if (s == NULL)
    return NULL;
  out = g_string_new (s);
  if (secret != NULL && secret[0] != '\0')
    g_string_replace (out, secret, "***", 0);
  tmp = g_string_free (out, FALSE);
  /* Providers echo masked keys ("sk-abc1***wxyz"); drop those too. */
  keyish = compile_once (&once, "\\b(?:sk-|gsk_|AIza)[-_A-Za-z0-9*.]{6,}", 0);
  return g_regex_replace_literal (keyish, tmp, -1, 0, "***", 0, NULL);
}
