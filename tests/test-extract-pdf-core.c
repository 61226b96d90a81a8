/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-extract-pdf-core: the one-walk page reader of src/extract
 * (sl-extract-pdf-core.cc, poppler's core API) must give what poppler-glib's
 * poppler_page_get_text(), _get_text_layout() and _get_text_attributes()
 * give, on PDFs made here with pango: Latin with bold and regular fonts
 * (subset font names), ligatures, accents, no-break spaces, right-to-left
 * words in a left-to-right page, a right-to-left page, rotated text, an
 * empty page; and open errors the same way.  Where the walk splits the
 * words itself, they must be those split from its glyphs.
 */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "extract/sl-extract-pdf-core.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show (cairo_t *cr, const char *font, const char *markup, double x, double y, double angle)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_markup (layout, markup, -1);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static GBytes *
make_pdf (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  /* 1: a resume's first page, an RTL word or two in it */
  show (cr, "DejaVu Sans Bold 18", "Jane Q. Doe", 50, 40, 0);
  show (cr, "DejaVu Sans 10", "jane@example.org · +1 555 0100 · Springfield", 50, 70, 0);
  show (cr, "DejaVu Serif 11", "Skills: office software, fluent ﬁnance, café, naïve, résumé, A\u00a0B", 50, 100, 0);
  show (cr, "DejaVu Sans 11", "Languages: English, <b>עברית</b> (Hebrew), العربية (Arabic)", 50, 130, 0);
  show (cr, "DejaVu Sans Mono 9", "2019 – 2021      Senior developer, <i>Acme</i>", 50, 160, 0);
  show (cr, "DejaVu Sans Condensed Bold 12", "EXPERIENCE", 300, 200, 0);
  cairo_show_page (cr);
  /* 2: a right-to-left page */
  show (cr, "DejaVu Sans 14", "שלום עולם זה מסמך בעברית עם הרבה מילים", 50, 50, 0);
  show (cr, "DejaVu Sans 14", "مرحبا بالعالم هذا نص عربي طويل", 50, 90, 0);
  show (cr, "DejaVu Sans 10", "and a little English 123", 50, 130, 0);
  cairo_show_page (cr);
  /* 3: rotated text beside normal text */
  show (cr, "DejaVu Sans 12", "Normal text <b>bold</b> <i>italic</i> x<sup>2</sup>", 50, 50, 0);
  show (cr, "DejaVu Serif 10", "Café, naïve, ﬁle, A\u00a0B – résumé\u2003wide", 50, 80, 0);
  show (cr, "DejaVu Sans 12", "A line turned ninety degrees", 300, 300, G_PI / 2);
  show (cr, "DejaVu Sans Bold 12", "Upside down text", 300, 600, G_PI);
  cairo_show_page (cr);
  /* 4: empty */
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

/* what sl-extract-pdf.c used to make of poppler-glib's attribute runs */
static gboolean
bold_name (const char *name)
{
  g_autofree char *low = g_ascii_strdown (name != NULL ? name : "", -1);
  return strstr (low, "bold") || strstr (low, "black") || strstr (low, "heavy") ||
         strstr (low, "semibold") || strstr (low, "demi") || strstr (low, ",b");
}

static const PopplerTextAttributes *
run_at (GList *attrs, guint i)
{
  for (GList *l = attrs; l != NULL; l = l->next)
    {
      const PopplerTextAttributes *a = l->data;
      if (a->start_index <= (int) i && a->end_index >= (int) i)
        return a;
    }
  return NULL;
}

static void
test_same_as_poppler_glib (void)
{
  g_autoptr(GBytes) bytes = make_pdf ();
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdoc = poppler_document_new_from_bytes (bytes, NULL, &error);
  SlPdfCoreStatus status = SL_PDF_CORE_DAMAGED;
  SlPdfCore *core = sl_pdf_core_open (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &status);
  SlPdfPageText pt = { 0 };
  int n_pages, bold_glyphs = 0, plain_glyphs = 0, non_ascii_pages = 0, split_pages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (core);
  g_assert_cmpint (status, ==, SL_PDF_CORE_OK);
  n_pages = poppler_document_get_n_pages (pdoc);
  g_assert_cmpint (n_pages, ==, 4);
  g_assert_cmpint (sl_pdf_core_n_pages (core), ==, n_pages);
  g_assert_false (sl_pdf_core_read_page (core, n_pages, &pt));

  for (int p = 0; p < n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (pdoc, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      gboolean layout;
      GList *attrs;
      double w, h;

      g_assert_true (sl_pdf_core_read_page (core, p, &pt));
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (pt.width, ==, w);
      g_assert_cmpfloat (pt.height, ==, h);
      g_assert_cmpstr (pt.text, ==, text);
      for (const char *c = text; *c; c++)
        if ((guchar) *c >= 0x80)
          {
            non_ascii_pages++;
            break;
          }

      layout = poppler_page_get_text_layout (page, &rects, &n_rects);
      g_assert_cmpint (pt.has_layout, ==, layout);
      g_assert_cmpuint (pt.n_glyphs, ==, n_rects);
      attrs = poppler_page_get_text_attributes (page);
      for (guint i = 0; i < n_rects; i++)
        {
          const SlPdfGlyph *g = &pt.glyphs[i];
          const PopplerTextAttributes *a = run_at (attrs, i);

          g_assert_cmpfloat (g->x1, ==, rects[i].x1);
          g_assert_cmpfloat (g->y1, ==, rects[i].y1);
          g_assert_cmpfloat (g->x2, ==, rects[i].x2);
          g_assert_cmpfloat (g->y2, ==, rects[i].y2);
          g_assert_nonnull (a);
          g_assert_cmpfloat (g->size, ==, a->font_size);
          g_assert_cmpint (!!g->bold, ==, bold_name (a->font_name));
          if (g->bold)
            bold_glyphs++;
          else
            plain_glyphs++;
        }
      poppler_page_free_text_attributes (attrs);

      /* with a word array, the walk splits plain pages itself: into the
       * words split from its glyphs */
      {
        g_autoptr(GArray) from_glyphs = g_array_new (FALSE, FALSE, sizeof (SlPdfWord));
        g_autoptr(GArray) in_walk = g_array_new (FALSE, FALSE, sizeof (SlPdfWord));
        SlPdfPageText pw = { 0 };
        gboolean fits;

        pt.words = from_glyphs;
        pt.word_room = 0;
        fits = sl_pdf_page_words (&pt);
        pt.words = NULL;
        pw.words = in_walk;
        g_assert_true (sl_pdf_core_read_page (core, p, &pw));
        g_assert_cmpstr (pw.text, ==, text);
        if (pw.words_split)
          {
            split_pages++;
            g_assert_true (fits);
            g_assert_cmpuint (in_walk->len, >, 0);
            g_assert_cmpmem (in_walk->data, in_walk->len * sizeof (SlPdfWord),
                             from_glyphs->data, from_glyphs->len * sizeof (SlPdfWord));
          }
        else
          g_assert_cmpuint (pw.n_glyphs, ==, pt.n_glyphs);
        /* the right-to-left page keeps poppler's own text */
        if (p == 1)
          g_assert_false (pw.words_split);
        sl_pdf_page_text_clear (&pw);
      }
      if (p == n_pages - 1)
        {
          g_assert_cmpstr (pt.text, ==, "");
          g_assert_cmpuint (pt.n_glyphs, ==, 0);
        }
      else
        g_assert_cmpuint (pt.n_glyphs, >, 20);
      g_object_unref (page);
    }
  /* the fixture exercises what it is meant to */
  g_assert_cmpint (bold_glyphs, >, 10);
  g_assert_cmpint (plain_glyphs, >, 100);
  g_assert_cmpint (non_ascii_pages, >=, 3);
  g_assert_cmpint (split_pages, >=, 1);

  sl_pdf_page_text_clear (&pt);
  g_assert_null (pt.text);
  sl_pdf_core_close (core);
  g_object_unref (pdoc);
}

static void
test_open_errors (void)
{
  g_autoptr(GBytes) good = make_pdf ();
  const char *junk = "this is not a PDF at all, just some words";
  SlPdfCoreStatus status = SL_PDF_CORE_OK;
  gsize len;
  const guint8 *data = g_bytes_get_data (good, &len);

  g_assert_null (sl_pdf_core_open (junk, strlen (junk), &status));
  g_assert_cmpint (status, ==, SL_PDF_CORE_DAMAGED);
  status = SL_PDF_CORE_OK;
  g_assert_null (sl_pdf_core_open ("", 0, &status));
  g_assert_cmpint (status, ==, SL_PDF_CORE_DAMAGED);

  /* cut short: whatever poppler-glib makes of it, the same */
  for (gsize cut = 64; cut < len; cut += len / 7)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);
      PopplerDocument *pdoc = poppler_document_new_from_bytes (part, NULL, NULL);
      SlPdfCore *core = sl_pdf_core_open (data, cut, &status);

      g_assert_cmpint (core != NULL, ==, pdoc != NULL);
      if (core != NULL)
        {
          SlPdfPageText pt = { 0 };
          g_assert_cmpint (sl_pdf_core_n_pages (core), ==, poppler_document_get_n_pages (pdoc));
          for (int p = 0; p < sl_pdf_core_n_pages (core); p++)
            {
              PopplerPage *page = poppler_document_get_page (pdoc, p);
              g_assert_cmpint (sl_pdf_core_read_page (core, p, &pt), ==, page != NULL);
              if (page != NULL)
                {
                  g_autofree char *text = poppler_page_get_text (page);
                  g_assert_cmpstr (pt.text, ==, text);
                  g_object_unref (page);
                }
            }
          sl_pdf_page_text_clear (&pt);
          sl_pdf_core_close (core);
          g_object_unref (pdoc);
        }
      else
        g_assert_cmpint (status, ==, SL_PDF_CORE_DAMAGED);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/pdf-core/same-as-poppler-glib", test_same_as_poppler_glib);
  g_test_add_func ("/extract/pdf-core/open-errors", test_open_errors);
  return g_test_run ();
}
