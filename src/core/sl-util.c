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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
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
