/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sl-date.h"

static gboolean
parse_parts (const char *date,
             int        *year,
             int        *month,
             int        *day)
{
  size_t len;

  *year = *month = *day = 0;
  if (date == NULL)
    return FALSE;
  len = strlen (date);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (size_t i = 0; i < len; i++)
    {
      gboolean dash = (i == 4 || i == 7);
      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  *year = (int) g_ascii_strtoll (date, NULL, 10);
  if (len >= 7)
    *month = (int) g_ascii_strtoll (date + 5, NULL, 10);
  if (len == 10)
    *day = (int) g_ascii_strtoll (date + 8, NULL, 10);
  if (*year < 1900 || *year > 2100)
    return FALSE;
  if (len >= 7 && (*month < 1 || *month > 12))
    return FALSE;
  if (len == 10 && (*day < 1 || *day > 31))
    return FALSE;
  return TRUE;
}

gboolean
sl_date_is_valid (const char *date)
{
  int y, m, d;
  return parse_parts (date, &y, &m, &d);
}

int
sl_date_to_month_index (const char *date,
                        gboolean    as_end)
{
  int y, m, d;

  if (!parse_parts (date, &y, &m, &d))
    return -1;
  if (m == 0)
    m = as_end ? 12 : 1;
  return y * 12 + (m - 1);
}

char *
sl_date_format (int year,
                int month,
                int day)
{
  if (year < 1900 || year > 2100 || month < 0 || month > 12 || day < 0 || day > 31)
    return NULL;
  /* written by hand: the rule parser formats a date for every one it
   * reads, and printf was most of that */
  {
    char buf[11] = { (char) ('0' + year / 1000), (char) ('0' + year / 100 % 10),
                     (char) ('0' + year / 10 % 10), (char) ('0' + year % 10),
                     '-', (char) ('0' + month / 10), (char) ('0' + month % 10),
                     '-', (char) ('0' + day / 10), (char) ('0' + day % 10), '\0' };
    return g_strndup (buf, month == 0 ? 4 : day == 0 ? 7 : 10);
  }
}

char *
sl_date_this_month (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m");
}

int
sl_date_compare (const char *a,
                 const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}
