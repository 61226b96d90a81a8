/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sl-phone.h"

typedef struct
{
  const char *region;
  int         code;
  const char *trunk;      /* national trunk prefix to drop, "" = none */
  int         min_len;    /* national significant number lengths */
  int         max_len;
} Region;

static const Region regions[] = {
  { "US", 1, "1", 10, 10 }, { "CA", 1, "1", 10, 10 },
  { "GB", 44, "0", 9, 10 }, { "IE", 353, "0", 7, 9 },
  { "DE", 49, "0", 6, 11 }, { "AT", 43, "0", 4, 13 }, { "CH", 41, "0", 9, 9 },
  { "FR", 33, "0", 9, 9 }, { "BE", 32, "0", 8, 9 }, { "LU", 352, "", 4, 11 },
  { "ES", 34, "", 9, 9 }, { "PT", 351, "", 9, 9 }, { "IT", 39, "", 6, 11 },
  { "NL", 31, "0", 9, 9 }, { "BR", 55, "0", 10, 11 }, { "MX", 52, "", 10, 10 },
  { "AR", 54, "0", 10, 10 }, { "CO", 57, "", 8, 10 }, { "CL", 56, "", 9, 9 },
  { "IN", 91, "0", 10, 10 }, { "AU", 61, "0", 9, 9 }, { "NZ", 64, "0", 8, 10 },
  { "PL", 48, "", 9, 9 }, { "SE", 46, "0", 7, 9 }, { "NO", 47, "", 8, 8 },
  { "DK", 45, "", 8, 8 }, { "FI", 358, "0", 5, 10 }, { "ZA", 27, "0", 9, 9 },
  { "SG", 65, "", 8, 8 }, { "AE", 971, "0", 8, 9 }, { "PK", 92, "0", 9, 10 },
  { "NG", 234, "0", 8, 10 }, { "KE", 254, "0", 9, 9 }, { "PH", 63, "0", 8, 10 },
};

/* Country calling codes, for numbers written with "+": one, two and three
 * digit codes.  Zone 1 and 7 are one digit; the rest are listed. */
static const int codes2[] = {
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
  55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
};

static int
country_code_length (const char *digits)
{
  int two, n = (int) strlen (digits);

  if (n < 2)
    return 0;
  if (digits[0] == '1' || digits[0] == '7')
    return 1;
  two = (digits[0] - '0') * 10 + (digits[1] - '0');
  for (gsize i = 0; i < G_N_ELEMENTS (codes2); i++)
    if (codes2[i] == two)
      return 2;
  return n >= 3 ? 3 : 0;
}

static const Region *
find_region (const char *region)
{
  if (region == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_ascii_strcasecmp (regions[i].region, region) == 0)
      return &regions[i];
  return NULL;
}

int
sl_phone_region_code (const char *region)
{
  const Region *r = find_region (region);
  return r ? r->code : 0;
}

char *
sl_phone_to_e164 (const char *raw,
                  const char *default_region)
{
  GString *digits;
  const char *p;
  gboolean international = FALSE;
  const Region *r;
  g_autofree char *d = NULL;
  int n;

  g_return_val_if_fail (raw != NULL, NULL);

  p = raw;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }
  else if (p[0] == '0' && p[1] == '0')
    {
      international = TRUE;
      p += 2;
    }
  digits = g_string_new (NULL);
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '(' && p[1] == '0' && p[2] == ')' && international)
        p += 2; /* "+33 (0)6 …": the trunk 0 is not dialled from abroad */
      else if (strchr (" -./()\t\u00a0", *p) == NULL && (guchar) *p < 0x80)
        break;
    }
  d = g_string_free (digits, FALSE);
  n = (int) strlen (d);

  if (international)
    {
      int cc = country_code_length (d);
      if (n < 8 || n > 15 || cc == 0 || n - cc < 4)
        return NULL;
      return g_strconcat ("+", d, NULL);
    }

  r = find_region (default_region);
  if (r == NULL)
    return NULL;
  {
    const char *nat = d;
    int nlen = n;
    char ccbuf[8];

    /* Written with the country code but no "+" ("91 98765 43210") */
    g_snprintf (ccbuf, sizeof ccbuf, "%d", r->code);
    if (nlen > r->max_len && g_str_has_prefix (nat, ccbuf)
        && nlen - (int) strlen (ccbuf) >= r->min_len && nlen - (int) strlen (ccbuf) <= r->max_len)
      {
        nat += strlen (ccbuf);
        nlen -= (int) strlen (ccbuf);
      }
    else if (r->trunk[0] != '\0' && g_str_has_prefix (nat, r->trunk)
             && nlen - (int) strlen (r->trunk) >= r->min_len)
      {
        nat += strlen (r->trunk);
        nlen -= (int) strlen (r->trunk);
      }
    if (nlen < r->min_len || nlen > r->max_len)
      return NULL;
    return g_strdup_printf ("+%d%s", r->code, nat);
  }
}

static gboolean
is_phone_char (char c)
{
  return g_ascii_isdigit (c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'
         || c == '/' || c == '+';
}

/* TRUE when the span looks like a date or a range of years rather than a
 * phone number: "2015-2019", "12.03.2019", "2003 2006". */
static gboolean
looks_like_dates (const char *s,
                  gsize       len)
{
  int groups[8];
  int n_groups = 0, cur = 0, cur_len = 0, years = 0;

  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && g_ascii_isdigit (s[i]))
        {
          /* Long digit runs must not overflow (found by fuzz-rules). */
          if (cur_len < 9)
            cur = cur * 10 + (s[i] - '0');
          cur_len++;
          continue;
        }
      if (cur_len > 0)
        {
          if (n_groups < 8)
            groups[n_groups] = cur_len;
          n_groups++;
          if (cur_len == 4 && cur >= 1950 && cur <= 2049)
            years++;
        }
      cur = cur_len = 0;
    }
  if (years >= 2 && years * 4 >= (int) len / 2)
    return TRUE;
  /* dd.mm.yyyy / dd/mm/yyyy */
  if (n_groups == 3 && groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4)
    return TRUE;
  if (n_groups == 2 && groups[0] <= 2 && groups[1] == 4)
    return TRUE;
  return FALSE;
}

gboolean
sl_phone_find (const char *text,
               gsize       from,
               gsize      *out_offset,
               gsize      *out_length)
{
  gsize len;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  len = strlen (text);
  if (from >= len)
    return FALSE;
  /* a number has digits: most lines have none (one vectorised scan
   * instead of the loop below) */
  i = from + strcspn (text + from, "0123456789");
  if (i >= len)
    return FALSE;
  /* the loop below steps over bytes that start no number one at a time:
   * begin it at the first one that can ('+', '(' or a digit) */
  i = from + strcspn (text + from, "+(0123456789");
  while (i < len)
    {
      gsize start, end, last_digit_end = 0;
      int digits = 0, spaces = 0;

      if (!(g_ascii_isdigit (text[i]) || text[i] == '+' || text[i] == '('))
        {
          i++;
          continue;
        }
      /* must not continue a word or a longer number ("ID12345", "v2.0") */
      if (i > 0 && (g_ascii_isalnum (text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '/'))
        {
          i++;
          while (i < len && (g_ascii_isalnum (text[i]) || text[i] == '.' || text[i] == '/'))
            i++;
          continue;
        }
      start = i;
      end = i;
      while (end < len && is_phone_char (text[end]))
        {
          if (g_ascii_isdigit (text[end]))
            {
              digits++;
              last_digit_end = end + 1;
              spaces = 0;
            }
          else if (text[end] == ' ')
            {
              if (++spaces > 2)
                break;
            }
          else if (text[end] == '+' && end != start)
            break;
          end++;
        }
      if (last_digit_end > 0 && (last_digit_end >= len || !g_ascii_isalpha (text[last_digit_end]))
          && digits >= 7 && digits <= 15
          && !looks_like_dates (text + start, last_digit_end - start))
        {
          if (text[start] == '(' && !g_ascii_isdigit (text[start + 1]))
            start++;
          *out_offset = start;
          *out_length = last_digit_end - start;
          return TRUE;
        }
      i = end > i ? end : i + 1;
    }
  return FALSE;
}

char *
sl_phone_region_from_locale (void)
{
  const char *vars[] = { "LC_ALL", "LC_ADDRESS", "LC_TELEPHONE", "LANG" };

  for (gsize i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);
      const char *us;

      if (v == NULL || v[0] == '\0')
        continue;
      us = strchr (v, '_');
      if (us && g_ascii_isalpha (us[1]) && g_ascii_isalpha (us[2])
          && (us[3] == '\0' || us[3] == '.' || us[3] == '@'))
        {
          char r[3] = { g_ascii_toupper (us[1]), g_ascii_toupper (us[2]), 0 };
          return g_strdup (r);
        }
      return NULL;
    }
  return NULL;
}
