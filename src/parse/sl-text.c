/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sl-text.h"

/* Latin-1 supplement and Latin Extended-A, folded to ASCII (lower case).
 * Index = code point - 0xC0. "" = no single ASCII letter. */
static const char *const latin_fold[] = {
  /* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  /* D0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
  /* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  /* F0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
  /* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
  /* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
  /* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
  /* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
  /* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
  /* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
  /* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
  /* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

void
sl_text_fold_append (GString    *out,
                     const char *s,
                     gssize      len)
{
  const char *p = s;
  const char *end = len < 0 ? s + strlen (s) : s + len;

  while (p < end)
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b < 0x80)
        {
          /* a run of ASCII, lower-cased straight into the buffer; the
           * buffer is grown for the rest of the input at once (folding
           * never makes a byte of ASCII longer), without g_string_set_size
           * per run: this is called for every word the parser reads */
          char *dst;
          if (out->allocated_len <= out->len + (gsize) (end - p))
            {
              gsize at = out->len;
              g_string_set_size (out, at + (end - p));
              out->len = at;
            }
          dst = out->str + out->len;
          {
            gsize run = sl_text_ascii_prefix (p, end - p);
            sl_text_ascii_lower (dst, p, run);
            p += run;
            dst += run;
          }
          out->len = dst - out->str;
          *dst = '\0';
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c >= 0xC0 && c <= 0x17F && latin_fold[c - 0xC0][0] != '\0')
        g_string_append (out, latin_fold[c - 0xC0]);
      else
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

char *
sl_text_fold (const char *s)
{
  GString *out;
  gsize n;

  if (s == NULL)
    return NULL;
  n = strlen (s);
  /* ASCII (most of what the parser folds): its lower case, in one
   * allocation instead of a GString */
  if (sl_text_ascii_prefix (s, n) == n)
    {
      char *r = g_malloc (n + 1);
      sl_text_ascii_lower (r, s, n);
      r[n] = '\0';
      return r;
    }
  out = g_string_sized_new (n);
  sl_text_fold_append (out, s, -1);
  return g_string_free (out, FALSE);
}

char *
sl_text_fold_buf (const char *s,
                  char       *buf,
                  gsize       size,
                  char      **heap)
{
  gsize n = strlen (s);

  *heap = NULL;
  /* (ASCII that fits with its NUL: its lower case, eight bytes at a time) */
  if (n < size && sl_text_ascii_prefix (s, n) == n)
    {
      sl_text_ascii_lower (buf, s, n);
      buf[n] = '\0';
      return buf;
    }
  return *heap = sl_text_fold (s);
}

char
sl_text_fold_ascii (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  if (c >= 0xC0 && c <= 0x17F && latin_fold[c - 0xC0][0] != '\0'
      && latin_fold[c - 0xC0][1] == '\0')
    return latin_fold[c - 0xC0][0];
  return 0;
}

void
sl_text_filter_init (SlTextFilter *f,
                     guint         log2_bits)
{
  g_return_if_fail (log2_bits >= 6 && log2_bits <= 30);
  f->mask = (1u << log2_bits) - 1;
  f->bits = g_new0 (guint64, (gsize) 1 << (log2_bits - 6));
}

gboolean
sl_text_is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013
         || c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0xE2 || c == '~';
}

/* How common a byte is in resume text, roughly (English letter
 * frequencies in tenths of a percent; space and vowels high): only used to
 * pick each needle's anchor, any choice gives the same answers. */
static guint8
byte_weight (guchar b)
{
  static const guint8 letters[26] = {
    82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
  };

  if (b >= 'a' && b <= 'z')
    return letters[b - 'a'];
  if (b >= 'A' && b <= 'Z')
    return letters[b - 'A'];
  if (b == ' ')
    return 150;
  return 10;
}

gboolean
sl_text_needles_any (SlTextNeedles *set,
                     const char    *hay)
{
  const guchar *p = (const guchar *) hay;

  if (g_once_init_enter (&set->once))
    {
      g_assert (set->n <= SL_TEXT_NEEDLES_MAX);
      for (guint k = 0; k < set->n; k++)
        {
          const guchar *w = (const guchar *) set->needles[k];
          gsize len = strlen (set->needles[k]);
          guint best = 0;
          guint pair;

          g_assert (len >= 2 && len <= 255);
          for (guint i = 1; i + 1 < len; i++)
            if (byte_weight (w[i]) + byte_weight (w[i + 1]) < byte_weight (w[best]) + byte_weight (w[best + 1]))
              best = i;
          set->anchor[k] = (guint8) best;
          set->first[w[best]] = TRUE;
          pair = (guint) w[best] << 8 | w[best + 1];
          set->pairs[pair >> 6] |= G_GUINT64_CONSTANT (1) << (pair & 63);
        }
      g_once_init_leave (&set->once, 1);
    }
  /* A string that occurs has its anchor pair at some byte p: every such p
   * is tested, and the string compared in full from its start there.  (The
   * pair at the last byte is that byte and the NUL, which is no anchor.) */
  for (; p[0] != '\0'; p++)
    {
      guint pair;

      /* (most bytes start no anchor: one look-up) */
      if (G_LIKELY (!set->first[p[0]]))
        continue;
      pair = (guint) p[0] << 8 | p[1];
      if (!((set->pairs[pair >> 6] >> (pair & 63)) & 1))
        continue;
      for (guint k = 0; k < set->n; k++)
        {
          const char *w = set->needles[k];
          guint at = set->anchor[k];

          if ((gsize) (p - (const guchar *) hay) >= at && (guchar) w[at] == p[0] && (guchar) w[at + 1] == p[1]
              && strncmp ((const char *) p - at, w, strlen (w)) == 0)
            return TRUE;
        }
    }
  return FALSE;
}
