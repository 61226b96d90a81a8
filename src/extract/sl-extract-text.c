/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-text.c: plain text with encoding detection.
 *
 * Order of guesses: a BOM (UTF-8, UTF-16LE/BE), then UTF-16 without a BOM
 * (every other byte NUL), then valid UTF-8, else Windows-1252 (a superset of
 * Latin-1 for the printable range, and what unlabelled Western text almost
 * always is).
 */
#include "config.h"

#include <string.h>

#include "sl-extract-private.h"

/* Windows-1252 0x80..0x9F; 0 where the code page has a hole. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guint8 *data, gsize len)
{
  GString *s = g_string_sized_new (len + len / 8);

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];
      if (c < 0x80)
        g_string_append_c (s, c);
      else if (c < 0xA0)
        {
          if (cp1252_high[c - 0x80])
            g_string_append_unichar (s, cp1252_high[c - 0x80]);
        }
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
decode_utf16 (const guint8 *data, gsize len, gboolean big_endian)
{
  GString *s = g_string_sized_new (len);

  for (gsize i = 0; i + 1 < len; i += 2)
    {
      gunichar u = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      if (u >= 0xD800 && u < 0xDC00 && i + 3 < len)
        {
          gunichar lo = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);
          if (lo >= 0xDC00 && lo < 0xE000)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
              i += 2;
            }
          else
            continue;
        }
      else if (u >= 0xD800 && u < 0xE000)
        continue;
      if (u == 0)
        continue;
      g_string_append_unichar (s, u);
    }
  return g_string_free (s, FALSE);
}

char *
sl_extract_decode_text (const guint8 *data,
                        gsize         len)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return g_utf8_make_valid ((const char *) data + 3, len - 3);
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return decode_utf16 (data + 2, len - 2, FALSE);
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return decode_utf16 (data + 2, len - 2, TRUE);

  /* UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
  if (len >= 4)
    {
      gsize even0 = 0, odd0 = 0, n = MIN (len, 4096) & ~(gsize) 1;
      for (gsize i = 0; i < n; i += 2)
        {
          even0 += data[i] == 0;
          odd0 += data[i + 1] == 0;
        }
      if (odd0 * 10 >= n / 2 * 7 && even0 * 10 < n / 2)
        return decode_utf16 (data, len, FALSE);
      if (even0 * 10 >= n / 2 * 7 && odd0 * 10 < n / 2)
        return decode_utf16 (data, len, TRUE);
    }

  if (g_utf8_validate_len ((const char *) data, len, NULL))
    return g_strndup ((const char *) data, len);
  return decode_cp1252 (data, len);
}

SlDocument *
sl_extract_plain (SlExtractContext *ctx,
                  GBytes           *bytes,
                  GError          **error)
{
  g_autoptr(SlDocument) doc = sl_document_new ();
  g_autofree char *decoded = NULL;
  g_autofree char *clean = NULL;
  g_auto(GStrv) lines = NULL;
  GString *text;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  decoded = sl_extract_decode_text (data, len);
  clean = sl_extract_clean_text (decoded, -1);

  /* Trailing spaces off every line; at most one blank line in a row. */
  lines = g_strsplit (clean, "\n", -1);
  text = g_string_sized_new (strlen (clean));
  for (int i = 0, blank = 0; lines[i]; i++)
    {
      char *l = g_strchomp (lines[i]);

      if (*l == '\0')
        {
          if (blank++ == 0 && text->len > 0)
            g_string_append_c (text, '\n');
          continue;
        }
      blank = 0;
      g_string_append (text, l);
      g_string_append_c (text, '\n');
      {
        SlLine *line = sl_line_new (g_strstrip (l));
        g_ptr_array_add (doc->lines, line);
      }
    }
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  sl_document_set_text (doc, text->str);
  g_string_free (text, TRUE);
  doc->method = g_strdup ("plain");
  return g_steal_pointer (&doc);
}
