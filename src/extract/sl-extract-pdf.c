/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-pdf.c: PDF text in reading order, with OCR for pages that have
 * no text layer.
 *
 * poppler gives the page text and one glyph box per character.  We rebuild
 * words from them, group words into visual rows and rows into segments (runs
 * of words without a wide gap), then order the segments ourselves:
 *
 *   - rows are grouped while they share a vertical gutter (an x range free of
 *     text in every row of the group); a group whose gutter has text on both
 *     sides is a set of columns, read left column first, each recursively;
 *   - but a "column" that is only dates or short labels beside the rows of
 *     the other side (title ... 2019 – 2021) is a table, read row by row;
 *   - rows near the top or bottom of the page that repeat on other pages
 *     (digits ignored), and bare page numbers, are headers/footers and are
 *     kept out of the body (the first page keeps its top rows: that is where
 *     the name is);
 *   - end-of-line hyphenation is joined, ligatures are expanded.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "sl-extract-pdf-core.h"
#include "sl-extract-private.h"

/* poppler-glib 22.12 has no autoptr declarations. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  double      x0, y0, x1, y1;
  double      size;
  int         bold_chars, chars;
  const char *text;      /* NUL-terminated, in the page's segment buffer */
  int         len;
  int         n_words;
} Seg;

typedef SlPdfWord Word;

typedef struct
{
  char    *text;
  double   x0, y0, x1, y1;
  double   size;
  gboolean bold;
  gboolean new_flow;     /* first row of a column / region */
} Row;

static void
row_clear (gpointer r)
{
  g_free (((Row *) r)->text);
}

static double
seg_h (const Seg *s)
{
  return MAX (s->y1 - s->y0, 1.0);
}

static double
seg_yc (const Seg *s)
{
  return (s->y0 + s->y1) / 2;
}

/* ---- words, rows and segments ------------------------------------------- */

static int
cmp_word_yc (gconstpointer a, gconstpointer b)
{
  const Word *x = a, *y = b;
  double d = (x->y0 + x->y1) - (y->y0 + y->y1);
  return d < 0 ? -1 : d > 0 ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}

static int
cmp_word_x (gconstpointer a, gconstpointer b, gpointer unused)
{
  const Word *const *x = a, *const *y = b;
  return (*x)->x0 < (*y)->x0 ? -1 : (*x)->x0 > (*y)->x0;
}

/* The sorts here are GLib's stable merge sort, so input already in order
 * (poppler mostly reads top to bottom, left to right; most bands hold one
 * segment) would come out as it went in: check before sorting. */
static void
sort_segs (Seg **v, guint n, GCompareDataFunc cmp)
{
  for (guint i = 1; i < n; i++)
    if (cmp (&v[i - 1], &v[i], NULL) > 0)
      {
        /* what g_ptr_array_sort() does */
        g_qsort_with_data (v, n, sizeof (Seg *), cmp, NULL);
        return;
      }
}

static void
sort_ptrs (GPtrArray *a, GCompareDataFunc cmp)
{
  sort_segs ((Seg **) a->pdata, a->len, cmp);
}

/* Segment texts go into one buffer per page: every word is copied once,
 * followed by a space or the terminating NUL. */
static char *
seg_add_word (Seg *s, const Word *w, const char *text, char *out)
{
  int n = w->end - w->start;

  if (s->n_words == 0)
    {
      s->x0 = w->x0; s->y0 = w->y0; s->x1 = w->x1; s->y1 = w->y1;
      s->text = out;
    }
  else
    {
      *out++ = ' ';
      s->x0 = MIN (s->x0, w->x0);
      s->y0 = MIN (s->y0, w->y0);
      s->x1 = MAX (s->x1, w->x1);
      s->y1 = MAX (s->y1, w->y1);
    }
  memcpy (out, text + w->start, n);
  out += n;
  s->len = out - s->text;
  s->size = MAX (s->size, w->size);
  s->bold_chars += w->bold_chars;
  s->chars += w->chars;
  s->n_words++;
  return out;
}

/* Words → rows (by vertical overlap) → segments (split at wide gaps).  The
 * segments live in @store (one per word at most) and their texts in @buf;
 * both belong to the page. */
static void
words_to_segments (GArray     *words,
                   const char *text,
                   GPtrArray  *segs,
                   Seg       **store,
                   char      **buf)
{
  g_autofree Word **row = g_new (Word *, MAX (words->len, 1));
  gsize bytes = 1;
  guint i = 0, n_segs = 0;
  char *out;

  for (guint k = 0; k < words->len; k++)
    bytes += g_array_index (words, Word, k).end - g_array_index (words, Word, k).start + 1;
  *store = g_new (Seg, MAX (words->len, 1));
  *buf = out = g_malloc (bytes);

  for (guint k = 1; k < words->len; k++)
    if (cmp_word_yc (&g_array_index (words, Word, k - 1), &g_array_index (words, Word, k)) > 0)
      {
        g_array_sort (words, cmp_word_yc);
        break;
      }
  while (i < words->len)
    {
      Word *first = &g_array_index (words, Word, i);
      double fh = MAX (first->y1 - first->y0, 1.0);
      guint row_len = 0;
      Seg *s = NULL;

      for (; i < words->len; i++)
        {
          Word *w = &g_array_index (words, Word, i);
          double wh = MAX (w->y1 - w->y0, 1.0);
          double overlap = MIN (w->y1, first->y1) - MAX (w->y0, first->y0);
          if (row_len > 0 && overlap < 0.5 * MIN (wh, fh))
            break;
          row[row_len++] = w;
        }
      for (guint j = 1; j < row_len; j++)
        if (cmp_word_x (&row[j - 1], &row[j], NULL) > 0)
          {
            g_qsort_with_data (row, row_len, sizeof (Word *), cmp_word_x, NULL);
            break;
          }
      for (guint j = 0; j < row_len; j++)
        {
          Word *w = row[j];
          double h = MAX (w->y1 - w->y0, 1.0);

          if (s != NULL && (w->x0 - s->x1 > 1.3 * MAX (h, seg_h (s)) || w->x0 < s->x1 - h))
            {
              *out++ = '\0';
              s = NULL;
            }
          if (s == NULL)
            {
              s = &(*store)[n_segs++];
              memset (s, 0, sizeof *s);
              g_ptr_array_add (segs, s);
            }
          out = seg_add_word (s, w, text, out);
        }
      if (s != NULL)
        *out++ = '\0';
    }
}

/* ---- reading order ------------------------------------------------------- */

typedef struct
{
  double a, b;
} Interval;

static int
cmp_seg_y0 (gconstpointer a, gconstpointer b, gpointer unused)
{
  const Seg *const *x = a, *const *y = b;
  double d = seg_yc (*x) - seg_yc (*y);
  return d < 0 ? -1 : d > 0 ? 1 : ((*x)->x0 < (*y)->x0 ? -1 : (*x)->x0 > (*y)->x0);
}

static int
cmp_seg_x0 (gconstpointer a, gconstpointer b, gpointer unused)
{
  const Seg *const *x = a, *const *y = b;
  return (*x)->x0 < (*y)->x0 ? -1 : (*x)->x0 > (*y)->x0;
}

/* A band: segments that share a visual row, a range of a region's
 * segments sorted by y (no array of its own). */
typedef struct
{
  Seg  **segs;
  guint *start;    /* band b is segs[start[b] .. start[b + 1]) */
} Bands;

#define BAND(bs, b) ((bs)->segs + (bs)->start[b])
#define BAND_LEN(bs, b) ((bs)->start[(b) + 1] - (bs)->start[b])

/* Free x intervals of a band inside [rx0, rx1], into @free_iv; @scratch
 * holds an x-sorted copy when the band is not in x order. */
static void
band_free (Seg **band, guint n, double rx0, double rx1, GArray *free_iv, GPtrArray *scratch)
{
  Seg **sorted = band;
  double cursor = rx0;
  Interval *iv;
  guint n_iv = 0;

  /* n segments leave at most n + 1 gaps: room made once, then written */
  g_array_set_size (free_iv, n + 1);
  iv = (Interval *) (gpointer) free_iv->data;
  for (guint i = 1; i < n; i++)
    if (cmp_seg_x0 (&band[i - 1], &band[i], NULL) > 0)
      {
        g_ptr_array_set_size (scratch, n);
        memcpy (scratch->pdata, band, n * sizeof (Seg *));
        sorted = (Seg **) scratch->pdata;
        sort_segs (sorted, n, cmp_seg_x0);
        break;
      }
  for (guint i = 0; i < n; i++)
    {
      Seg *s = sorted[i];
      if (s->x0 > cursor)
        {
          iv[n_iv].a = cursor;
          iv[n_iv++].b = s->x0;
        }
      cursor = MAX (cursor, s->x1);
    }
  if (cursor < rx1)
    {
      iv[n_iv].a = cursor;
      iv[n_iv++].b = rx1;
    }
  g_array_set_size (free_iv, n_iv);
}

static void
intervals_intersect (GArray *a, GArray *b, double min_width, GArray *out)
{
  g_array_set_size (out, 0);
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        Interval *x = &g_array_index (a, Interval, i), *y = &g_array_index (b, Interval, j);
        Interval iv = { MAX (x->a, y->a), MIN (x->b, y->b) };
        if (iv.b - iv.a >= min_width)
          g_array_append_val (out, iv);
      }
}

/* Sorts the band (in place: it is not looked at again) by x.  Rows are
 * kept by value in @rows. */
static void
emit_row (Seg **band, guint n, GArray *rows, gboolean new_flow)
{
  Row row = { 0 }, *r = &row;
  int bold = 0, chars = 0;
  gsize len = 0;
  char *out;

  sort_segs (band, n, cmp_seg_x0);
  for (guint i = 0; i < n; i++)
    len += band[i]->len + 1;
  r->text = out = g_malloc (MAX (len, 1));
  for (guint i = 0; i < n; i++)
    {
      Seg *g = band[i];
      if (i == 0)
        {
          r->x0 = g->x0; r->y0 = g->y0; r->x1 = g->x1; r->y1 = g->y1;
        }
      else
        *out++ = '\t';
      memcpy (out, g->text, g->len);
      out += g->len;
      r->x0 = MIN (r->x0, g->x0);
      r->y0 = MIN (r->y0, g->y0);
      r->x1 = MAX (r->x1, g->x1);
      r->y1 = MAX (r->y1, g->y1);
      r->size = MAX (r->size, g->size);
      bold += g->bold_chars;
      chars += g->chars;
    }
  *out = '\0';
  r->bold = chars > 0 && bold * 2 >= chars;
  r->new_flow = new_flow;
  g_array_append_val (rows, row);
}

static gboolean
has_digit (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      return TRUE;
  return FALSE;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *v)
{
  if (v->len == 0)
    return 0;
  g_array_sort (v, cmp_double);
  return g_array_index (v, double, v->len / 2);
}

/* Fraction (0..1) of @side's segments that sit on a row of @other. */
static double
paired_fraction (GPtrArray *side, GPtrArray *other)
{
  guint paired = 0;

  for (guint i = 0; i < side->len; i++)
    {
      Seg *s = g_ptr_array_index (side, i);
      for (guint j = 0; j < other->len; j++)
        {
          Seg *o = g_ptr_array_index (other, j);
          if (fabs (seg_yc (o) - seg_yc (s)) < 0.35 * MIN (seg_h (s), seg_h (o)))
            {
              paired++;
              break;
            }
        }
    }
  return side->len ? paired / (double) side->len : 0;
}

/* Is @side labels of @other's rows rather than a column of its own?  Labels
 * are short and sit on the rows of the other side: bullets and icons; or
 * sparse ones (a date or a heading per entry, several lines apart); or
 * right-aligned ones (dates against the margin); or a value per row of a
 * table whose other side is as short.  A sidebar is dense (its lines follow
 * each other), so it stays a column. */
static gboolean
side_is_labels (GPtrArray *side, GPtrArray *other)
{
  guint digits = 0, short_ = 0, ralign = 0, lalign = 0, tiny = 0;
  double maxx1 = -G_MAXDOUBLE, minx0 = G_MAXDOUBLE;
  double paired, other_paired, pitch, height;
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) sorted = NULL;

  if (side->len == 0)
    return TRUE;
  paired = paired_fraction (side, other);
  if (paired < 0.8)
    return FALSE;
  sorted = g_ptr_array_copy (side, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  sort_ptrs (sorted, cmp_seg_y0);
  for (guint i = 0; i < sorted->len; i++)
    {
      Seg *s = g_ptr_array_index (sorted, i);
      double h = seg_h (s);
      maxx1 = MAX (maxx1, s->x1);
      minx0 = MIN (minx0, s->x0);
      g_array_append_val (heights, h);
      if (i > 0)
        {
          double d = seg_yc (s) - seg_yc (g_ptr_array_index (sorted, i - 1));
          g_array_append_val (pitches, d);
        }
    }
  for (guint i = 0; i < side->len; i++)
    {
      Seg *s = g_ptr_array_index (side, i);
      digits += has_digit (s->text);
      tiny += s->chars <= 3;
      short_ += s->n_words <= 6;
      ralign += s->x1 > maxx1 - 2;
      lalign += s->x0 < minx0 + 2;
    }
  if (tiny * 10 >= side->len * 8)
    return TRUE;
  if (short_ * 10 < side->len * 8)
    return FALSE;
  pitch = median (pitches);
  height = median (heights);
  if (side->len <= 2 || pitch >= 2.2 * height)
    return TRUE;
  if (ralign * 10 >= side->len * 8 && lalign * 2 < side->len)
    return TRUE;
  other_paired = paired_fraction (other, side);
  return digits * 2 >= side->len && other_paired >= 0.9;
}

static void order_region (GPtrArray *segs, GArray *rows, int depth, gboolean new_flow);

static int
cmp_interval (gconstpointer a, gconstpointer b)
{
  const Interval *x = a, *y = b;
  return x->a < y->a ? -1 : x->a > y->a;
}

/* A group of bands that share one or more gutters: cut it into strips at
 * the gutters, glue each strip to its neighbour when one labels the other
 * (bullets, dates, margin headings), and read the remaining columns left to
 * right, each in its own order.  One column left: plain rows. */
static void
emit_group (const Bands *bands, guint from, guint to, GArray *gutter,
            GArray *rows, int depth, gboolean *new_flow)
{
  /* made only for a group with text on both sides of a gutter */
  g_autoptr(GArray) cuts = NULL;
  g_autoptr(GPtrArray) cols = NULL;
  guint n_segs = bands->start[to] - bands->start[from];

  /* The label tests compare every pair of rows; a page with thousands of
   * fragments (a dense table, a form) is read row by row instead. */
  if (gutter != NULL && depth < 6 && n_segs <= 2000)
    for (guint k = 0; k < gutter->len; k++)
      {
        Interval *iv = &g_array_index (gutter, Interval, k);
        guint nl = 0, nr = 0;
        for (guint i = bands->start[from]; i < bands->start[to]; i++)
          {
            Seg *s = bands->segs[i];
            if (s->x1 <= iv->a + 0.5)
              nl++;
            else if (s->x0 >= iv->b - 0.5)
              nr++;
          }
        if (nl > 0 && nr > 0)
          {
            if (cuts == NULL)
              cuts = g_array_new (FALSE, FALSE, sizeof (Interval));
            g_array_append_val (cuts, *iv);
          }
      }

  if (cuts != NULL)
    {
      g_autoptr(GPtrArray) strips = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

      cols = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

      g_array_sort (cuts, cmp_interval);
      for (guint k = 0; k <= cuts->len; k++)
        g_ptr_array_add (strips, g_ptr_array_new ());
      for (guint i = bands->start[from]; i < bands->start[to]; i++)
        {
          Seg *s = bands->segs[i];
          guint k = 0;
          while (k < cuts->len && s->x0 >= g_array_index (cuts, Interval, k).b - 0.5)
            k++;
          g_ptr_array_add (g_ptr_array_index (strips, k), s);
        }
      /* Drop empty strips, then decide for each whether it labels its
       * right neighbour (bullets, margin headings: read before it) or its
       * left one (dates against the margin); right first, because labels
       * precede what they label. */
      for (guint k = strips->len; k-- > 0;)
        if (((GPtrArray *) g_ptr_array_index (strips, k))->len == 0)
          g_ptr_array_remove_index (strips, k);
      {
        guint n = strips->len;
        g_autofree gboolean *glue_right = g_new0 (gboolean, n + 1);  /* strip k joins k+1 */

        for (guint k = 0; k < n; k++)
          {
            GPtrArray *strip = g_ptr_array_index (strips, k);
            GPtrArray *right = k + 1 < n ? g_ptr_array_index (strips, k + 1) : NULL;
            GPtrArray *left = k > 0 ? g_ptr_array_index (strips, k - 1) : NULL;

            if (right != NULL && (strip->len < 2 || side_is_labels (strip, right)))
              glue_right[k] = TRUE;
            else if (left != NULL && (strip->len < 2 || side_is_labels (strip, left)))
              glue_right[k - 1] = TRUE;
          }
        for (guint k = 0; k < n; k++)
          {
            GPtrArray *strip = g_ptr_array_index (strips, k);
            if (k == 0 || !glue_right[k - 1])
              g_ptr_array_add (cols, g_ptr_array_new ());
            g_ptr_array_extend (g_ptr_array_index (cols, cols->len - 1), strip, NULL, NULL);
          }
      }
    }

  if (cols != NULL && cols->len >= 2)
    {
      for (guint c = 0; c < cols->len; c++)
        order_region (g_ptr_array_index (cols, c), rows, depth + 1, TRUE);
      *new_flow = TRUE;
      return;
    }
  for (guint b = from; b < to; b++)
    {
      emit_row (BAND (bands, b), BAND_LEN (bands, b), rows, *new_flow);
      *new_flow = FALSE;
    }
}

static void
order_region (GPtrArray *segs,
              GArray    *rows,
              int        depth,
              gboolean   new_flow)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (segs, NULL, NULL);
  g_autofree guint *starts = g_new (guint, segs->len + 1);
  g_autoptr(GPtrArray) scratch = g_ptr_array_new ();
  g_autoptr(GArray) gutter = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GArray) fr = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (Interval));
  double rx0 = G_MAXDOUBLE, rx1 = -G_MAXDOUBLE, hsum = 0;
  double min_gutter;
  guint start = 0, n_bands = 0;
  Bands bands;

  g_ptr_array_set_free_func (sorted, NULL);
  if (segs->len == 0)
    return;
  sort_ptrs (sorted, cmp_seg_y0);
  for (guint i = 0; i < sorted->len; i++)
    {
      Seg *s = g_ptr_array_index (sorted, i);
      rx0 = MIN (rx0, s->x0);
      rx1 = MAX (rx1, s->x1);
      hsum += seg_h (s);
    }
  min_gutter = MAX (6.0, 0.9 * hsum / sorted->len);

  /* Bands: segments that share a visual row. */
  for (guint i = 0; i < sorted->len;)
    {
      Seg *first = g_ptr_array_index (sorted, i);

      starts[n_bands++] = i;
      for (i++; i < sorted->len; i++)
        {
          Seg *s = g_ptr_array_index (sorted, i);
          double overlap = MIN (s->y1, first->y1) - MAX (s->y0, first->y0);
          if (overlap < 0.5 * MIN (seg_h (s), seg_h (first)))
            break;
        }
    }
  starts[n_bands] = sorted->len;
  bands.segs = (Seg **) sorted->pdata;
  bands.start = starts;

  /* Groups of consecutive bands that share a gutter.  Three interval
   * arrays take turns: the group's gutter, the band's free space, and
   * their intersection. */
  for (guint b = 0; b < n_bands; b++)
    {
      guint fr_wide = 0;
      GArray *tmp;

      band_free (BAND (&bands, b), BAND_LEN (&bands, b), rx0, rx1, fr, scratch);
      if (b == 0)
        {
          tmp = gutter; gutter = fr; fr = tmp;
          start = b;
          continue;
        }
      intervals_intersect (gutter, fr, min_gutter, next);
      for (guint k = 0; k < fr->len; k++)
        fr_wide += g_array_index (fr, Interval, k).b - g_array_index (fr, Interval, k).a >= min_gutter;
      /* A lone first row (a wide name or title) that would hide one of the
       * gutters of the rows below stays a row of its own. */
      if (next->len == 0 || (b - start == 1 && next->len < fr_wide))
        {
          emit_group (&bands, start, b, gutter, rows, depth, &new_flow);
          tmp = gutter; gutter = fr; fr = tmp;
          start = b;
        }
      else
        {
          tmp = gutter; gutter = next; next = tmp;
        }
    }
  emit_group (&bands, start, n_bands, gutter, rows, depth, &new_flow);
}

/* ---- headers and footers -------------------------------------------------- */

static char *
hf_key (const char *text)
{
  GString *k = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b < 0x80)
        {
          /* ASCII: the same tests without the Unicode tables */
          if (g_ascii_isdigit (b))
            {
              if (k->len == 0 || k->str[k->len - 1] != '#')
                g_string_append_c (k, '#');
            }
          else if (g_ascii_isalpha (b))
            g_string_append_c (k, g_ascii_tolower (b));
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_isdigit (c))
        {
          if (k->len == 0 || k->str[k->len - 1] != '#')
            g_string_append_c (k, '#');
        }
      else if (g_unichar_isalpha (c))
        g_string_append_unichar (k, g_unichar_tolower (c));
    }
  return g_string_free (k, FALSE);
}

static gboolean
is_page_number (const char *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^\\s*[-–—(\\[]?\\s*(page|seite|página|pagina|p\\.)?\\s*"
                                                 "\\d{1,3}\\s*((/|of|von|de|sur)\\s*\\d{1,3})?\\s*[-–—)\\]]?\\s*$",
                                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (re, text, 0, NULL);
}

typedef struct
{
  GPtrArray *segs;      /* Seg, in seg_store */
  Seg       *seg_store;
  char      *seg_text;
  double     height;
  gboolean   ocr;
  char      *ocr_text;
  char      *fallback_text;
} PageData;

static void
remove_headers_footers (PageData *pages, int n)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int p = 0; p < n; p++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *segs = pages[p].segs;
      if (segs == NULL)
        continue;
      for (guint i = 0; i < segs->len; i++)
        {
          Seg *s = g_ptr_array_index (segs, i);
          double h = pages[p].height;
          char *key;
          if (s->y1 > 0.1 * h && s->y0 < 0.9 * h)
            continue;
          key = hf_key (s->text);
          if (*key == '\0' || g_hash_table_contains (seen, key))
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (seen, key);
          g_hash_table_insert (counts, g_strdup (key),
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
        }
    }

  for (int p = 0; p < n; p++)
    {
      GPtrArray *segs = pages[p].segs;
      if (segs == NULL)
        continue;
      for (guint i = segs->len; i-- > 0;)
        {
          Seg *s = g_ptr_array_index (segs, i);
          double h = pages[p].height;
          gboolean top = s->y1 <= 0.1 * h, bottom = s->y0 >= 0.9 * h;
          g_autofree char *key = NULL;
          int count;

          if (!top && !bottom)
            continue;
          /* a page number is a few short words: no regex for long text */
          if (s->len <= 64 && is_page_number (s->text))
            {
              g_ptr_array_remove_index (segs, i);
              continue;
            }
          key = hf_key (s->text);
          count = GPOINTER_TO_INT (g_hash_table_lookup (counts, key));
          if (n >= 2 && count >= 2 && (bottom || p > 0))
            g_ptr_array_remove_index (segs, i);
        }
    }
}

/* ---- assembling the text --------------------------------------------------- */

static gboolean
ends_with_hyphenation (const char *t)
{
  gsize n = strlen (t);
  const char *prev;

  if (n < 3 || t[n - 1] != '-')
    return FALSE;
  prev = g_utf8_prev_char (t + n - 1);
  return g_unichar_islower (g_utf8_get_char (prev));
}

static void
join_hyphenation (GArray *rows)
{
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      Row *a = &g_array_index (rows, Row, i), *b = &g_array_index (rows, Row, i + 1);
      const char *sp;
      g_autofree char *word = NULL;
      char *joined;
      gsize alen;

      if (b->new_flow || !ends_with_hyphenation (a->text) ||
          !g_unichar_islower (g_utf8_get_char (b->text)) ||
          strchr (a->text, '\t') || strchr (b->text, '\t'))
        continue;
      sp = strchr (b->text, ' ');
      word = sp ? g_strndup (b->text, sp - b->text) : g_strdup (b->text);
      alen = strlen (a->text);
      /* "client-" + "relationship-based": a compound keeps its hyphen. */
      if (strchr (word, '-') == NULL)
        alen--;
      joined = g_strdup_printf ("%.*s%s", (int) alen, a->text, word);
      g_free (a->text);
      a->text = joined;
      if (sp)
        {
          char *rest = g_strdup (sp + 1);
          g_free (b->text);
          b->text = rest;
        }
      else
        {
          g_array_remove_index (rows, i + 1);
          i--;
        }
    }
}

/* Words of @s as sl_count_words() counts them (runs of letters or digits),
 * or -1 when @s is not plain printable ASCII (tabs allowed): such a line
 * is exactly what sl_extract_clean_text() would make of it. */
static int
plain_ascii_words (const char *s)
{
  int n = 0;
  gboolean in_word = FALSE;

  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      guint16 t = g_ascii_table[*p];   /* 0 for bytes >= 0x80 */
      gboolean w;
      if (!(t & G_ASCII_PRINT) && *p != '\t')
        return -1;
      w = (t & G_ASCII_ALNUM) != 0;
      n += w && !in_word;
      in_word = w;
    }
  return n;
}

static void
append_line (SlDocument *doc, GString *text, char *clean, int page)
{
  SlLine *line = sl_line_new (NULL);

  g_string_append (text, clean);
  g_free (line->text);
  line->text = clean;
  line->page = page;
  g_ptr_array_add (doc->lines, line);
}

static int
append_rows (SlDocument *doc, GString *text, GArray *rows, int page)
{
  Row *prev = NULL;
  int n_words = 0;

  join_hyphenation (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);
      SlLine *line;
      int w = plain_ascii_words (r->text);
      char *clean;

      if (w >= 0)
        clean = g_steal_pointer (&r->text);
      else
        {
          clean = sl_extract_clean_text (r->text, -1);
          w = sl_count_words (clean);
        }
      n_words += w;
      if (prev != NULL)
        {
          double gap = r->y0 - prev->y1;
          g_string_append_c (text, '\n');
          if (r->new_flow || gap > 0.7 * MAX (prev->y1 - prev->y0, 1.0) || gap < -2 * (prev->y1 - prev->y0))
            g_string_append_c (text, '\n');
        }
      append_line (doc, text, clean, page);
      line = g_ptr_array_index (doc->lines, doc->lines->len - 1);
      line->x = r->x0;
      line->y = r->y0;
      line->width = r->x1 - r->x0;
      line->height = r->y1 - r->y0;
      line->font_size = r->size;
      line->bold = r->bold;
      prev = r;
    }
  return n_words;
}

static int
append_plain_page (SlDocument *doc, GString *text, const char *page_text, int page)
{
  g_autofree char *clean = sl_extract_clean_text (page_text, -1);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;
  int n_words = 0;

  for (int i = 0; lines[i]; i++)
    {
      char *l = g_strstrip (lines[i]);
      if (*l == '\0')
        continue;
      if (!first)
        g_string_append_c (text, '\n');
      first = FALSE;
      n_words += sl_count_words (l);
      append_line (doc, text, g_strdup (l), page);
    }
  return n_words;
}

/* ---- OCR of a page ------------------------------------------------------- */

static char *
ocr_page (SlExtractContext *ctx, PopplerPage *page, GError **error)
{
  const double dpi = 300.0, scale = dpi / 72.0;
  double w, h;
  int pw, ph;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *text;

  poppler_page_get_size (page, &w, &h);
  pw = (int) ceil (w * scale);
  ph = (int) ceil (h * scale);
  if (pw <= 0 || ph <= 0 || (gint64) pw * ph > 200LL * 1000 * 1000 / 4)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                           "A page of this PDF is too large to read as an image.");
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                           "There is not enough memory to read this scanned page.");
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  text = sl_extract_ocr_argb (ctx, cairo_image_surface_get_data (surface), pw, ph,
                              cairo_image_surface_get_stride (surface), (int) dpi, error);
  cairo_surface_destroy (surface);
  return text;
}

/* ---- the extractor ------------------------------------------------------- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPdfCore, sl_pdf_core_close)

/* poppler-glib only for pages that need OCR (rendered with cairo): the
 * document is opened the first time one does. */
static PopplerPage *
page_for_ocr (PopplerDocument **pdoc, GBytes *bytes, int index)
{
  if (*pdoc == NULL)
    *pdoc = poppler_document_new_from_bytes (bytes, NULL, NULL);
  return *pdoc != NULL ? poppler_document_get_page (*pdoc, index) : NULL;
}

SlDocument *
sl_extract_pdf (SlExtractContext *ctx,
                GBytes           *bytes,
                GError          **error)
{
  g_autoptr(SlPdfCore) core = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  SlPdfCoreStatus status;
  SlPdfPageText pt = { 0 };
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) words = NULL;
  PageData *pages;
  int n_pages, n_read, n_ocr = 0, n_text = 0, ocr_skipped = 0;
  gboolean ok = TRUE;

  core = sl_pdf_core_open (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &status);
  if (core == NULL)
    {
      if (status == SL_PDF_CORE_ENCRYPTED)
        g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_ENCRYPTED,
                             "This PDF is password-protected; remove the password "
                             "and import it again.");
      else
        g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                             "This PDF is damaged or incomplete and cannot be read; "
                             "ask for a new copy.");
      return NULL;
    }

  n_pages = sl_pdf_core_n_pages (core);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This PDF has no pages; it is damaged or incomplete.");
      return NULL;
    }
  doc = sl_document_new ();
  n_read = MIN (n_pages, MAX (ctx->opts->max_pages, 1));
  if (n_read < n_pages)
    {
      g_autofree char *w = g_strdup_printf ("only the first %d of %d pages were read", n_read, n_pages);
      sl_document_add_warning (doc, w);
    }

  pages = g_new0 (PageData, n_read);
  /* one word array for all pages: it grows to the largest page once */
  words = g_array_sized_new (FALSE, FALSE, sizeof (Word), 512);
  pt.words = words;
  pt.word_room = 512;
  for (int p = 0; p < n_read && ok; p++)
    {
      g_autoptr(PopplerPage) page = NULL;

      if (sl_extract_check_stop (ctx, error))
        {
          ok = FALSE;
          break;
        }
      if (!sl_pdf_core_read_page (core, p, &pt))
        continue;
      pages[p].height = pt.height;
      if (!sl_pdf_page_words (&pt))
        {
          pages[p].fallback_text = g_strdup (pt.text);
          n_text++;
          continue;
        }
      if (words->len > 0)
        {
          pages[p].segs = g_ptr_array_new ();
          words_to_segments (words, pt.text, pages[p].segs, &pages[p].seg_store, &pages[p].seg_text);
          n_text++;
          continue;
        }

      /* No text layer: a scanned page. */
      if (!ctx->opts->ocr)
        continue;
      if (n_ocr >= ctx->opts->max_ocr_pages)
        {
          ocr_skipped++;
          continue;
        }
      {
        g_autoptr(GError) oerr = NULL;
        char *otext = NULL;

        page = page_for_ocr (&pdoc, bytes, p);
        if (page != NULL)
          otext = ocr_page (ctx, page, &oerr);
        else
          g_set_error_literal (&oerr, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                               "The page could not be rendered.");
        if (otext == NULL)
          {
            if (g_error_matches (oerr, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED) ||
                g_error_matches (oerr, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG) ||
                sl_extract_check_stop (ctx, NULL))
              {
                g_propagate_error (error, g_steal_pointer (&oerr));
                ok = FALSE;
                break;
              }
            sl_document_add_warning (doc, "a scanned page could not be read");
            continue;
          }
        pages[p].ocr = TRUE;
        pages[p].ocr_text = otext;
        n_ocr++;
      }
    }

  if (ok)
    {
      int n_words = 0;

      remove_headers_footers (pages, n_read);
      text = g_string_new (NULL);
      for (int p = 0; p < n_read; p++)
        {
          if (p > 0)
            g_string_append_c (text, '\f');
          if (pages[p].segs != NULL)
            {
              /* a row holds one segment or more: room made once */
              g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (Row),
                                                          pages[p].segs->len);

              g_array_set_clear_func (rows, row_clear);
              order_region (pages[p].segs, rows, 0, FALSE);
              n_words += append_rows (doc, text, rows, p);
            }
          else if (pages[p].fallback_text != NULL)
            n_words += append_plain_page (doc, text, pages[p].fallback_text, p);
          else if (pages[p].ocr_text != NULL)
            n_words += append_plain_page (doc, text, pages[p].ocr_text, p);
        }
      if (ocr_skipped > 0)
        {
          g_autofree char *w = g_strdup_printf ("%d scanned pages were not read (OCR limit %d)",
                                                ocr_skipped, ctx->opts->max_ocr_pages);
          sl_document_add_warning (doc, w);
        }
      if (n_text == 0 && n_ocr == 0 && !ctx->opts->ocr)
        sl_document_add_warning (doc, "the PDF has no text layer and OCR is turned off");
      /* the text is the lines' texts and separators: its words are theirs */
      g_free (doc->text);
      doc->text = g_string_free (g_steal_pointer (&text), FALSE);
      doc->word_count = n_words;
      doc->n_pages = n_pages;
      doc->method = g_strdup (n_ocr == 0 ? "text-layer" : n_text == 0 ? "ocr" : "text-layer+ocr");
    }

  for (int p = 0; p < n_read; p++)
    {
      g_clear_pointer (&pages[p].segs, g_ptr_array_unref);
      g_free (pages[p].seg_store);
      g_free (pages[p].seg_text);
      g_free (pages[p].ocr_text);
      g_free (pages[p].fallback_text);
    }
  g_free (pages);
  sl_pdf_page_text_clear (&pt);
  return ok ? g_steal_pointer (&doc) : NULL;
}
