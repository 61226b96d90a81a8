/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <nettle/sha2.h>
#include <string.h>

#include "sl-util.h"

char *
sl_normalize_email (const char *email)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  const char *at;

  if (email == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (email));
  if (g_str_has_prefix (trimmed, "mailto:"))
    memmove (trimmed, trimmed + 7, strlen (trimmed + 7) + 1);
  if (!g_utf8_validate (trimmed, -1, NULL))
    return NULL;
  at = strchr (trimmed, '@');
  if (at == NULL || at == trimmed || strchr (at + 1, '@') != NULL)
    return NULL;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (trimmed, "."))
    return NULL;
  for (const char *p = trimmed; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return NULL;
  folded = g_utf8_casefold (trimmed, -1);
  return g_steal_pointer (&folded);
}

char *
sl_normalize_phone_key (const char *phone)
{
  GString *out;
  guint digits = 0;
  const char *p;

  if (phone == NULL)
    return NULL;
  p = phone;
  while (g_ascii_isspace (*p))
    p++;
  out = g_string_new (NULL);
  if (*p == '+')
    g_string_append_c (out, '+');
  else if (p[0] == '0' && p[1] == '0')
    {
      /* International prefix 00 written instead of + */
      g_string_append_c (out, '+');
      p += 2;
    }
  for (; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        g_string_append_c (out, *p);
        digits++;
      }
  if (digits < 7 || digits > 15)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
sl_strdup_clean (const char *s)
{
  g_autofree char *fixed = NULL;
  const char *src = s;
  char *out, *w;
  gboolean pending_space = FALSE;

  if (s == NULL)
    return NULL;
  if (!g_utf8_validate (s, -1, NULL))
    src = fixed = g_utf8_make_valid (s, -1);
  /* (the rule parser cleans every field it keeps: ASCII is copied a byte
   * at a time, other characters as their bytes; never longer than @src) */
  out = w = g_malloc (strlen (src) + 1);
  for (const char *p = src; *p; )
    {
      gboolean space;
      gsize n = 1;

      if ((guchar) *p < 0x80)
        space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
      else
        {
          gunichar c = g_utf8_get_char (p);
          n = g_utf8_next_char (p) - p;
          space = g_unichar_isspace (c) || c == 0x00A0;
        }
      if (space)
        pending_space = w > out;
      else
        {
          if (pending_space)
            *w++ = ' ';
          pending_space = FALSE;
          memcpy (w, p, n);
          w += n;
        }
      p += n;
    }
  *w = '\0';
  if (w == out)
    {
      g_free (out);
      return NULL;
    }
  return out;
}

char *
sl_now_iso8601 (void)
{
  return sl_iso8601_from_unix_usec (g_get_real_time ());
}

static void
put_digits (char *out,
            gint64 value,
            int    width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = (char) ('0' + value % 10);
}

/* What g_date_time_format (t, "%Y-%m-%dT%H:%M:%S.%fZ") writes for the UTC
 * time @usec, without GLib's formatter: ~6 K instructions a call there, and
 * every intake row is stamped several times.  The civil date from the day
 * number is the usual era arithmetic (proleptic Gregorian). */
char *
sl_iso8601_from_unix_usec (gint64 usec)
{
  gint64 secs = usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  gint64 micro = usec - secs * G_USEC_PER_SEC;
  gint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  gint64 sod = secs - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 day = doy - (153 * mp + 2) / 5 + 1;
  gint64 month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);
  char *out;

  g_return_val_if_fail (year >= 1000 && year <= 9999, NULL);

  out = g_malloc (28);
  put_digits (out, year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = 'T';
  put_digits (out + 11, sod / 3600, 2);
  out[13] = ':';
  put_digits (out + 14, sod / 60 % 60, 2);
  out[16] = ':';
  put_digits (out + 17, sod % 60, 2);
  out[19] = '.';
  put_digits (out + 20, micro, 6);
  out[26] = 'Z';
  out[27] = '\0';
  return out;
}

/* nettle's SHA-256 uses the CPU's SHA instructions where there are any
 * (about 3.4x GLib's GChecksum here); every imported file is hashed once. */
char *
sl_sha256_hex (const guint8 *data,
               gsize         len)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *out = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  sha256_init (&ctx);
  sha256_update (&ctx, len, data);
  sha256_digest (&ctx, sizeof digest, digest);
  for (gsize i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}

double
sl_monotonic_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}
