/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-text.h: small text helpers shared inside the parse room (internal).
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Appends @len bytes of @s to @out lower-cased with Latin diacritics removed
 * ("Über" → "uber", "Ç" → "c", "ß" → "ss").  Other characters are lower-cased
 * as Unicode.  Invalid bytes are skipped. */
void      sl_text_fold_append (GString    *out,
                               const char *s,
                               gssize      len);

/* A new folded copy of @s. */
char     *sl_text_fold        (const char *s) G_GNUC_WARN_UNUSED_RESULT;

/* sl_text_fold() of @s into @buf (@size bytes) when @s is ASCII and fits
 * (its lower case: no allocation); else a new fold, also stored in @heap
 * for the caller to free.  Returns the folded text. */
char     *sl_text_fold_buf    (const char *s,
                               char       *buf,
                               gsize       size,
                               char      **heap);

/* The folded character of @c (diacritics removed, lower-case) as ASCII when
 * one exists, else 0. */
char      sl_text_fold_ascii  (gunichar c);

/* TRUE for a letter or digit (Unicode); inline, as the parser asks it for
 * nearly every character it reads. */
static inline gboolean
sl_text_is_alnum (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c);
  return g_unichar_isalnum (c);
}

/* TRUE for dash-like characters: - – — − ‒ and the mojibake "â" of a
 * UTF-8 en dash read as Latin-1. */
gboolean  sl_text_is_dash     (gunichar c);

/* The length of the ASCII prefix of @s[0..len), read eight bytes at a
 * time (most resume text is ASCII). */
static inline gsize
sl_text_ascii_prefix (const char *s,
                      gsize       len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, s + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  while (i < len && (guchar) s[i] < 0x80)
    i++;
  return i;
}

/* TRUE when @s (@len bytes) ends with the string literal @lit: what
 * g_str_has_suffix() answers, without measuring either string again. */
#define SL_TEXT_ENDS_WITH(s, len, lit) \
  ((len) >= sizeof (lit) - 1 && memcmp ((s) + (len) - (sizeof (lit) - 1), (lit), sizeof (lit) - 1) == 0)

/* Writes the lower case of the @n ASCII bytes at @src to @dst (@src must
 * be ASCII: sl_text_ascii_prefix() of it is @n), eight bytes at a time. */
static inline void
sl_text_ascii_lower (char       *dst,
                     const char *src,
                     gsize       n)
{
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
      guint64 w, upper;

      memcpy (&w, src + i, 8);
      /* bit 7 of a byte set when it is 'A'..'Z' (no byte has bit 7, so no
       * carry crosses bytes), moved to bit 5: the lower-case bit */
      upper = (w + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f)) & ~(w + G_GUINT64_CONSTANT (0x2525252525252525)) & high;
      w |= upper >> 2;
      memcpy (dst + i, &w, 8);
    }
  for (; i < n; i++)
    dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ? (char) (src[i] + 32) : src[i];
}

/* FNV-1a over @len bytes of @s, continued from @h (SL_TEXT_HASH_INIT to
 * start): the hash of "a b" is the hash of "a" continued with " b". */
#define SL_TEXT_HASH_INIT 2166136261u

static inline guint32
sl_text_hash_append (guint32     h,
                     const char *s,
                     gsize       len)
{
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* A set of word hashes as bits: "maybe" for every word added, "no" for
 * most others, so that looking up a word the set does not hold (most
 * words of a resume) costs one bit test instead of a hash table probe. */
typedef struct
{
  guint64 *bits;
  guint32  mask;
} SlTextFilter;

/* 2^@log2_bits bits, all clear. */
void      sl_text_filter_init (SlTextFilter *f,
                               guint         log2_bits);

static inline guint32
sl_text_filter_bit (const SlTextFilter *f,
                    guint32             h)
{
  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  return h & f->mask;
}

static inline void
sl_text_filter_add (SlTextFilter *f,
                    guint32       h)
{
  guint32 b = sl_text_filter_bit (f, h);

  f->bits[b >> 6] |= G_GUINT64_CONSTANT (1) << (b & 63);
}

static inline gboolean
sl_text_filter_maybe (const SlTextFilter *f,
                      guint32             h)
{
  guint32 b = sl_text_filter_bit (f, h);

  return (f->bits[b >> 6] >> (b & 63)) & 1;
}

/* A fixed list of strings looked for in texts all at once: one pass over
 * a text tests each pair of bytes against a bit set of one pair from each
 * string (its "anchor": the pair of its least common letters, so that few
 * places of a text match one), and compares a string in full only where
 * its anchor is (instead of one strstr() per string, a dozen passes over
 * the text).  Declare one static per list with SL_TEXT_NEEDLES(); it is
 * built on first use (g_once: callers on several threads share it). */
#define SL_TEXT_NEEDLES_MAX 32

typedef struct
{
  const char *const *needles;    /* each at least two bytes long */
  guint              n;          /* at most SL_TEXT_NEEDLES_MAX */
  gsize              once;
  guint8             first[256];    /* an anchor starts with this byte */
  guint64            pairs[1024];   /* bit (a << 8 | b): a string's anchor is "ab" */
  guint8             anchor[SL_TEXT_NEEDLES_MAX];   /* where the anchor is in each string */
} SlTextNeedles;

#define SL_TEXT_NEEDLES(list) { (list), G_N_ELEMENTS (list), 0, { 0 }, { 0 }, { 0 } }

/* TRUE when one of the strings of @set occurs in @hay: the same answer as
 * strstr (hay, s) != NULL for one of them. */
gboolean  sl_text_needles_any (SlTextNeedles *set,
                               const char    *hay);

G_END_DECLS
