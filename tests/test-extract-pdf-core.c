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

/* A PDF written by hand: every page has its own resource dictionary, all
 * naming the one font object, as most generators write them.  Pages are
 * { font name, media box width, content }. */
typedef struct
{
  const char *font;
  int         width;
  const char *content;
} RawPage;

static GBytes *
make_raw_pdf (const RawPage *pages, int n)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize off;
  int n_objects = 3 + 2 * n;

#define OBJ_START() (off = pdf->len, g_array_append_val (offsets, off))
  OBJ_START ();
  g_string_append (pdf, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
  OBJ_START ();
  g_string_append (pdf, "2 0 obj << /Type /Pages /Kids [");
  for (int i = 0; i < n; i++)
    g_string_append_printf (pdf, " %d 0 R", 4 + 2 * i);
  g_string_append_printf (pdf, " ] /Count %d >> endobj\n", n);
  OBJ_START ();
  g_string_append (pdf, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
                        " /Encoding /WinAnsiEncoding >> endobj\n");
  for (int i = 0; i < n; i++)
    {
      OBJ_START ();
      g_string_append_printf (pdf, "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 792]"
                                   " /Resources << /Font << /%s 3 0 R >> >> /Contents %d 0 R >> endobj\n",
                              4 + 2 * i, pages[i].width, pages[i].font, 5 + 2 * i);
      OBJ_START ();
      g_string_append_printf (pdf, "%d 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n",
                              5 + 2 * i, strlen (pages[i].content) + 1, pages[i].content);
    }
#undef OBJ_START
  off = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %d\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          n_objects + 1, off);
  return g_string_free_to_bytes (pdf);
}

/* Pages that share their fonts are laid out with one Gfx; after a page
 * that leaves marked content open, and for another box or another font
 * name, a page starts afresh.  Every page's text and boxes are
 * poppler-glib's either way. */
static void
test_shared_fonts (void)
{
  static const RawPage pages[] = {
    { "F1", 612, "q BT /F1 12 Tf 72 700 Td (First page leaves a q open) Tj ET" },
    { "F1", 612, "BT /F1 12 Tf 72 700 Td (Second page) Tj ET" },
    { "F1", 612, "BT /F1 12 Tf 72 700 Td (Third page shares the font) Tj ET" },
    { "F1", 612, "/Span << /ActualText (Replaced) >> BDC BT /F1 12 Tf 72 700 Td (Fourth) Tj ET EMC"
                 " /P BMC BT /F1 12 Tf 72 680 Td (page leaves marked content open) Tj ET" },
    { "F1", 612, "/Span << /ActualText (Never shown) >> BDC BT /F1 12 Tf 72 700 Td (Fifth) Tj ET" },
    { "F1", 612, "BT /F1 12 Tf 72 700 Td (Sixth page after an open span) Tj ET" },
    { "F1", 595, "BT /F1 12 Tf 72 700 Td (Seventh page is narrower) Tj ET" },
    { "F2", 595, "BT /F2 12 Tf 72 700 Td (Eighth page names the font F2) Tj ET" },
    { "F2", 595, "BT /F2 12 Tf 72 680 Td (Ninth page too) Tj 0 -20 Td (two lines) Tj ET" },
  };
  g_autoptr(GBytes) bytes = make_raw_pdf (pages, G_N_ELEMENTS (pages));
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdoc = poppler_document_new_from_bytes (bytes, NULL, &error);
  SlPdfCoreStatus status = SL_PDF_CORE_DAMAGED;
  SlPdfCore *core = sl_pdf_core_open (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &status);
  SlPdfPageText pt = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (core);
  g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, G_N_ELEMENTS (pages));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      PopplerPage *page = poppler_document_get_page (pdoc, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      gboolean layout;

      g_assert_true (sl_pdf_core_read_page (core, p, &pt));
      g_assert_cmpstr (pt.text, ==, text);
      layout = poppler_page_get_text_layout (page, &rects, &n_rects);
      g_assert_cmpint (pt.has_layout, ==, layout);
      g_assert_cmpuint (pt.n_glyphs, ==, n_rects);
      for (guint i = 0; i < n_rects; i++)
        {
          g_assert_cmpfloat (pt.glyphs[i].x1, ==, rects[i].x1);
          g_assert_cmpfloat (pt.glyphs[i].y2, ==, rects[i].y2);
        }
      /* a span that never ends takes its page's text with it, in poppler too */
      if (p == 4)
        g_assert_cmpstr (text, ==, "");
      else
        g_assert_cmpuint (strlen (text), >, 5);
      g_object_unref (page);
    }
  /* pages 2-4 share the first page's Gfx (poppler closes a page's open
   * q itself), the ninth the eighth's; the open marked content of pages 4
   * and 5, the narrower box and the other font name start afresh */
  g_assert_cmpuint (sl_pdf_core_n_shared_layouts (core), ==, 4);

  /* out of order, and again: the same texts */
  for (int p = G_N_ELEMENTS (pages) - 1; p >= 0; p -= 3)
    {
      PopplerPage *page = poppler_document_get_page (pdoc, p);
      g_autofree char *text = poppler_page_get_text (page);

      g_assert_true (sl_pdf_core_read_page (core, p, &pt));
      g_assert_cmpstr (pt.text, ==, text);
      g_object_unref (page);
    }
  sl_pdf_page_text_clear (&pt);
  sl_pdf_core_close (core);
  g_object_unref (pdoc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/pdf-core/same-as-poppler-glib", test_same_as_poppler_glib);
  g_test_add_func ("/extract/pdf-core/open-errors", test_open_errors);
  g_test_add_func ("/extract/pdf-core/shared-fonts", test_shared_fonts);
  return g_test_run ();
}
