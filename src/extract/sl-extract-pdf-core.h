/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-pdf-core.h: a PDF's page text, glyph boxes and fonts in one
 * walk, through poppler's core (C++) API.  Private to src/extract.
 *
 * What a page gives is what poppler-glib's poppler_page_get_text(),
 * poppler_page_get_text_layout() and poppler_page_get_text_attributes()
 * give together (same TextOutputDev, same selection of the whole page),
 * but poppler walks its words once instead of three times and nothing is
 * copied into GLists or strdup'd on the way.
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlPdfCore SlPdfCore;

typedef enum
{
  SL_PDF_CORE_OK,
  SL_PDF_CORE_ENCRYPTED,
  SL_PDF_CORE_DAMAGED,
} SlPdfCoreStatus;

/* One character (or inter-word space, or line end) of the page text. */
typedef struct
{
  double   x1, y1, x2, y2;   /* as poppler_page_get_text_layout() gives it */
  double   size;             /* font size of the character's attribute run */
  gboolean bold;             /* its font name says bold/black/heavy/demi */
} SlPdfGlyph;

/* A word of the page: the union of its glyph boxes. */
typedef struct
{
  double x0, y0, x1, y1;
  double size;
  int    bold_chars, chars;
  int    start, end;     /* byte offsets in the page text */
} SlPdfWord;

/* A page; the buffers are reused from page to page (free them with
 * sl_pdf_page_text_clear()). */
typedef struct
{
  char       *text;          /* NUL-terminated, as poppler_page_get_text() */
  gsize       text_room;
  SlPdfGlyph *glyphs;        /* one per character of the text */
  guint       n_glyphs;
  guint       glyph_room;
  gboolean    has_layout;    /* FALSE: poppler found no words at all */
  double      width, height; /* as poppler_page_get_size() */
  /* Set by the caller: an array of SlPdfWord and its room (see
   * SlPdfWordSplit), or NULL.  When the page's text is plain (each
   * character one UTF-8 character, left to right), the walk splits the
   * words itself and sets words_split: then there are no glyphs. */
  GArray     *words;
  guint       word_room;
  gboolean    words_split;
} SlPdfPageText;

/* Glyphs → words, one glyph at a time; inline because it runs for every
 * character, from the C++ walk and from sl-extract-pdf.c.  While a page
 * is split, words->len is the room in the array and n the words in it;
 * no call into GLib per word.  The array is kept for all pages of a
 * document, and its room with it. */
typedef struct
{
  GArray   *words;
  guint     n;
  gboolean  in_word;
  SlPdfWord cur;
} SlPdfWordSplit;

static inline void
sl_pdf_split_begin (SlPdfWordSplit *s, GArray *words, guint room)
{
  /* no copy: the array holds at least that much already */
  g_array_set_size (words, room);
  s->words = words;
  s->n = 0;
  s->in_word = FALSE;
}

static inline void
sl_pdf_split_push (SlPdfWordSplit *s)
{
  if (s->n == s->words->len)
    g_array_set_size (s->words, MAX (64, s->words->len * 2));
  g_array_index (s->words, SlPdfWord, s->n++) = s->cur;
}

static inline void
sl_pdf_split_space (SlPdfWordSplit *s)
{
  if (s->in_word)
    sl_pdf_split_push (s);
  s->in_word = FALSE;
}

static inline void
sl_pdf_split_glyph (SlPdfWordSplit *s, double x1, double y1, double x2, double y2,
                    double size, gboolean bold, int start, int end)
{
  SlPdfWord *cur = &s->cur;
  double rx0 = MIN (x1, x2), rx1 = MAX (x1, x2);
  double ry0 = MIN (y1, y2), ry1 = MAX (y1, y2);

  /* A new word when the next glyph jumps back or far ahead (poppler
   * sometimes runs words of two columns together). */
  if (s->in_word)
    {
      double h = MAX (cur->y1 - cur->y0, 1.0);
      if (rx0 < cur->x1 - h || rx0 > cur->x1 + 0.8 * h || ry0 > cur->y1 || ry1 < cur->y0)
        {
          sl_pdf_split_push (s);
          s->in_word = FALSE;
        }
    }
  if (!s->in_word)
    {
      memset (cur, 0, sizeof *cur);
      cur->x0 = rx0; cur->y0 = ry0; cur->x1 = rx1; cur->y1 = ry1;
      cur->start = start;
      s->in_word = TRUE;
    }
  else
    {
      cur->x0 = MIN (cur->x0, rx0);
      cur->y0 = MIN (cur->y0, ry0);
      cur->x1 = MAX (cur->x1, rx1);
      cur->y1 = MAX (cur->y1, ry1);
    }
  cur->end = end;
  cur->chars++;
  cur->size = MAX (cur->size, size);
  if (bold)
    cur->bold_chars++;
}

/* Ends the page: returns the room to keep, leaves the words in the array. */
static inline guint
sl_pdf_split_end (SlPdfWordSplit *s)
{
  guint room;

  if (s->in_word)
    sl_pdf_split_push (s);
  room = s->words->len;
  g_array_set_size (s->words, s->n);
  return room;
}

/* A page whose glyphs do not fit its text: no words. */
static inline void
sl_pdf_split_abandon (SlPdfWordSplit *s)
{
  g_array_set_size (s->words, 0);
}

/* Splits the page into words using the glyph boxes, when the walk did
 * not (see SlPdfPageText).  Returns FALSE when the boxes do not match the
 * text (then the caller falls back to plain text).  ASCII (nearly all of
 * a resume) is decoded and tested for space inline. */
static inline gboolean
sl_pdf_page_words (SlPdfPageText *pt)
{
  const char *text = pt->text;
  guint n_rects = pt->n_glyphs;
  const char *p;
  guint i;
  SlPdfWordSplit split;

  if (pt->words_split)
    return TRUE;
  g_array_set_size (pt->words, 0);
  if (!pt->has_layout)
    return *text == '\0';

  sl_pdf_split_begin (&split, pt->words, pt->word_room);
  for (p = text, i = 0; *p && i < n_rects; i++)
    {
      guchar b = (guchar) *p;
      const char *next;
      const SlPdfGlyph *r = &pt->glyphs[i];
      gboolean space;

      if (b < 0x80)
        {
          /* g_unichar_isspace() on ASCII */
          space = b <= ' ' && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f');
          next = p + 1;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          space = g_unichar_isspace (c) || c == 0xA0;
          next = g_utf8_next_char (p);
        }
      if (space)
        sl_pdf_split_space (&split);
      else
        sl_pdf_split_glyph (&split, r->x1, r->y1, r->x2, r->y2, r->size, r->bold,
                            (int) (p - text), (int) (next - text));
      p = next;
    }
  /* one box per character, or the boxes are not ours to use */
  if (*p != '\0' || i != n_rects)
    {
      sl_pdf_split_abandon (&split);
      return FALSE;
    }
  pt->word_room = sl_pdf_split_end (&split);
  return TRUE;
}

SlPdfCore *sl_pdf_core_open          (const void      *data,
                                      gsize            len,
                                      SlPdfCoreStatus *status);
int        sl_pdf_core_n_pages       (SlPdfCore       *core);
gboolean   sl_pdf_core_read_page     (SlPdfCore       *core,
                                      int              index,
                                      SlPdfPageText   *page);
/* Pages read so far whose layout reused the previous page's Gfx (and so
 * its parsed fonts): for tests and debug logs. */
guint      sl_pdf_core_n_shared_layouts (SlPdfCore    *core);
void       sl_pdf_core_close         (SlPdfCore       *core);
void       sl_pdf_page_text_clear    (SlPdfPageText   *page);

G_END_DECLS
