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
} SlPdfPageText;

SlPdfCore *sl_pdf_core_open          (const void      *data,
                                      gsize            len,
                                      SlPdfCoreStatus *status);
int        sl_pdf_core_n_pages       (SlPdfCore       *core);
gboolean   sl_pdf_core_read_page     (SlPdfCore       *core,
                                      int              index,
                                      SlPdfPageText   *page);
void       sl_pdf_core_close         (SlPdfCore       *core);
void       sl_pdf_page_text_clear    (SlPdfPageText   *page);

G_END_DECLS
