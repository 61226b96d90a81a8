/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-pdf-core.cc: PDF page text through poppler's core C++ API
 * (Debian's libpoppler-private-dev; its ABI follows the poppler release,
 * so this file is built against the exact poppler it runs with).
 *
 * poppler-glib gives the page text, the glyph boxes and the fonts through
 * three calls that each walk the page's TextPage again (getSelectionText,
 * then getSelectionWords twice) and copy the result into GLib arrays,
 * GLists and strdup'd font names.  Here the page is laid out exactly as
 * poppler-glib lays it out for text (same TextOutputDev parameters, the
 * whole page as a glyph selection), getSelectionWords runs once, and one
 * pass over its words writes the text (as TextSelectionDumper::getText
 * writes it), one box per character (as poppler_page_get_text_layout) and
 * each character's font size and boldness (as the attribute runs of
 * poppler_page_get_text_attributes).  Pages whose text poppler would
 * reorder (right-to-left scripts) or map with a non-Unicode encoding take
 * their text from getSelectionText itself.
 */
#include "config.h"

#include <cstring>
#include <new>

#include <glib.h>

#include <Error.h>
#include <GlobalParams.h>
#include <Gfx.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <Dict.h>
#include <UnicodeMap.h>
#include <goo/GooString.h>

#include "sl-extract-pdf-core.h"

struct _SlPdfCore
{
  PDFDoc        *doc;
  /* One text device for the document, and the last page's Gfx with its
   * resources: see page_gfx(). */
  TextOutputDev *dev;
  Gfx           *gfx;
  Page          *gfx_page;
  GfxState      *gfx_base;
  guint          n_shared;   /* pages laid out with an earlier page's Gfx */
};

/* ---- poppler's globals ---------------------------------------------------- */

static void
quiet_errors (ErrorCategory category, Goffset pos, const char *msg)
{
  /* hostile files make poppler complain a lot: never on stderr */
  g_debug ("poppler error %d at %" G_GINT64_FORMAT ": %s", (int) category, (gint64) pos,
           msg != nullptr ? msg : "");
}

/* poppler builds its global tables (unicode maps, font lists) when the
 * first GlobalParamsIniter is made and deletes them when the last one
 * goes; poppler-glib makes one per document.  One made here and never
 * deleted keeps them for the life of the process (both for this file and
 * for poppler-glib's documents, which only count up and down).  Whoever
 * comes first sets the error callback: this one is quiet, and so is
 * poppler-glib's (it logs at info level). */
static void
ensure_globals (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      static GlobalParamsIniter *keeper;
      keeper = new GlobalParamsIniter (quiet_errors);
      (void) keeper;
      g_once_init_leave (&once, 1);
    }
}

/* ---- TextPage's reading direction --------------------------------------- */

/* TextSelectionDumper::getText reorders right-to-left runs with the page's
 * primary direction, which TextPage keeps private.  An explicit template
 * instantiation may name a private member; this one hands out a pointer to
 * it (read only). */
template <typename Tag, typename Tag::type Member>
struct ExposeMember
{
  friend typename Tag::type member_pointer (Tag) { return Member; }
};

struct PrimaryLRTag
{
  using type = bool TextPage::*;
  friend type member_pointer (PrimaryLRTag);
};

template struct ExposeMember<PrimaryLRTag, &TextPage::primaryLR>;

static bool
page_is_left_to_right (const TextPage *text)
{
  return text->*member_pointer (PrimaryLRTag ());
}

/* Gfx's marked-content stack (BDC/EMC), private too: a page that leaves
 * it open would hide or show the next page's text differently. */
struct McStackTag
{
  using type = MarkedContentStack *Gfx::*;
  friend type member_pointer (McStackTag);
};

template struct ExposeMember<McStackTag, &Gfx::mcStack>;

/* The device's own TextPage.  takeText() would hand it over and start a
 * new one, but the device's ActualText keeps adding to the old one, so a
 * device that lays out more than one page is read in place (as pdftotext
 * does: each startPage() clears the page). */
struct DevTextTag
{
  using type = TextPage *TextOutputDev::*;
  friend type member_pointer (DevTextTag);
};

template struct ExposeMember<DevTextTag, &TextOutputDev::text>;

static bool
gfx_has_open_marked_content (Gfx *gfx)
{
  return gfx->*member_pointer (McStackTag ()) != nullptr;
}

/* Characters that poppler's unicodeTypeR() may call right-to-left (a
 * superset: Hebrew, Arabic, Syriac, Thaana, N'Ko and their neighbours up
 * to U+08FF, the presentation forms, and the bidi marks).  poppler's table
 * ends at U+FFFF. */
static inline bool
maybe_right_to_left (Unicode u)
{
  return (u >= 0x0590 && u <= 0x08FF) || (u >= 0xFB1D && u <= 0xFEFF) || u == 0x200F ||
         (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

/* ---- fonts ---------------------------------------------------------------- */

/* The name poppler-glib reports (a subset prefix "ABCDEF+" dropped,
 * "Default" when there is none) says bold, black, heavy or demi. */
static bool
font_name_is_bold (const GooString *font_name)
{
  const char *name;
  gsize n, i;
  char buf[128];
  g_autofree char *heap = nullptr;
  char *low = buf;

  if (font_name == nullptr || font_name->getLength () == 0)
    return false;   /* "Default" */
  name = font_name->c_str ();
  n = (gsize) font_name->getLength ();
  for (i = 0; i < n && name[i] >= 'A' && name[i] <= 'Z'; i++)
    ;
  if (i > 0 && i < n && name[i] == '+')
    {
      name += i + 1;
      n -= i + 1;
    }
  /* c_str() may hold a NUL before its length: strlen, as a strdup would */
  n = strnlen (name, n);
  if (n >= sizeof buf)
    low = heap = (char *) g_malloc (n + 1);
  for (i = 0; i < n; i++)
    low[i] = g_ascii_tolower (name[i]);
  low[n] = '\0';
  return strstr (low, "bold") || strstr (low, "black") || strstr (low, "heavy") ||
         strstr (low, "semibold") || strstr (low, "demi") || strstr (low, ",b");
}

/* ---- buffers ------------------------------------------------------------- */

/* Room for a page, made before the walk (no copy: the buffers hold
 * nothing yet), so the walk writes without checks. */
static void
make_room (SlPdfPageText *page, gsize text_bytes, guint glyphs)
{
  if (text_bytes > page->text_room)
    {
      g_free (page->text);
      page->text_room = MAX (text_bytes, 2 * page->text_room);
      page->text = (char *) g_malloc (page->text_room);
    }
  if (glyphs > page->glyph_room)
    {
      g_free (page->glyphs);
      page->glyph_room = MAX (glyphs, 2 * page->glyph_room);
      page->glyphs = g_new (SlPdfGlyph, page->glyph_room);
    }
}

static inline void
add_glyph (SlPdfPageText *page, double x1, double y1, double x2, double y2, double size, bool bold)
{
  page->glyphs[page->n_glyphs++] = SlPdfGlyph { x1, y1, x2, y2, size, bold };
}

/* ---- one page ------------------------------------------------------------ */

typedef std::vector<TextWordSelection *> LineWords;

enum WalkResult
{
  WALK_DONE,
  WALK_RTL,       /* a right-to-left character: take getSelectionText's text */
  WALK_UNFIT,     /* splitting: a character that is not one UTF-8 character */
};

/* g_unichar_isspace(), and the no-break space, as page_words() tests them */
static inline bool
is_space (Unicode u)
{
  if (u < 0x80)
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f';
  return u == 0xA0 || g_unichar_isspace (u);
}

/* The walk over getSelectionWords' lines: the text, and either one glyph
 * per character (SPLIT false) or the words split from them at once
 * (SPLIT true: only for UTF-8 text, where a character is a Unicode value
 * and page_words() would decode just that).  Without a text encoding
 * (@umap NULL) poppler's text is empty: only glyphs. */
template <bool SPLIT>
static WalkResult
walk_words (SlPdfPageText *page, LineWords **lines, int n_lines, const UnicodeMap *umap, bool utf8)
{
  gsize len = 0, chars = 0, n_all = 0;
  WalkResult result = WALK_DONE;
  const TextFontInfo *last_font = nullptr;
  bool last_bold = false;
  /* the attribute run of the last character: spaces and line ends are in it */
  double run_size = 0;
  bool run_bold = false;
  char space[8], eol[16];
  int space_len = 0, eol_len = 0;
  SlPdfWordSplit split;

  if (umap != nullptr)
    {
      space_len = umap->mapUnicode (0x20, space, sizeof space);
      eol_len = umap->mapUnicode (0x0a, eol, sizeof eol);
    }
  /* at most a space after each word and a line end after each line */
  for (int i = 0; i < n_lines; i++)
    for (const TextWordSelection *sel : *lines[i])
      {
        chars += (gsize) MAX (sel->getEnd () - sel->getBegin (), 0);
        n_all++;
      }
  make_room (page, chars * 8 + n_all * (gsize) space_len + (gsize) n_lines * (gsize) eol_len + 1,
             SPLIT ? 0 : (guint) (chars + n_all + (gsize) n_lines));
  if (SPLIT)
    sl_pdf_split_begin (&split, page->words, page->word_room);

  for (int i = 0; i < n_lines; i++)
    {
      LineWords *words = lines[i];
      gsize n_words = words->size ();
      double bx1 = 0, by1 = 0, bx2 = 0, by2 = 0;

      for (gsize j = 0; j < n_words; j++)
        {
          const TextWordSelection *sel = (*words)[j];
          const TextWord *word = sel->getWord ();
          int begin = sel->getBegin (), end = sel->getEnd ();
          double size = word->getFontSize ();

          for (int k = begin; k < end; k++)
            {
              const TextFontInfo *font = word->getFontInfo (k);
              Unicode u = *word->getChar (k);
              gsize start = len;
              double x1, y1, x2, y2;

              word->getCharBBox (k, &x1, &y1, &x2, &y2);
              if (font != last_font)
                {
                  last_font = font;
                  last_bold = font_name_is_bold (font->getFontName ());
                }
              run_size = size;
              run_bold = last_bold;
              if (u < 0x80 && utf8 && (!SPLIT || u != 0))
                page->text[len++] = (char) u;
              else if (SPLIT && (u == 0 || u > 0x10FFFF || maybe_right_to_left (u)))
                return WALK_UNFIT;
              else if (umap != nullptr)
                {
                  if (maybe_right_to_left (u))
                    result = WALK_RTL;
                  len += (gsize) umap->mapUnicode (u, page->text + len, 8);
                }
              if (!SPLIT)
                add_glyph (page, x1, y1, x2, y2, size, last_bold);
              else if (is_space (u))
                sl_pdf_split_space (&split);
              else
                sl_pdf_split_glyph (&split, x1, y1, x2, y2, size, last_bold, (int) start, (int) len);
            }
          word->getBBox (&bx1, &by1, &bx2, &by2);
          if (word->hasSpaceAfter () && j + 1 < n_words)
            {
              double nx1, ny1, nx2, ny2;
              (*words)[j + 1]->getWord ()->getBBox (&nx1, &ny1, &nx2, &ny2);
              /* from this word to the next, as high as this one */
              if (SPLIT)
                sl_pdf_split_space (&split);
              else
                add_glyph (page, bx2, by1, nx1, by2, run_size, run_bold);
              memcpy (page->text + len, space, (gsize) space_len);
              len += (gsize) space_len;
            }
        }
      if (i + 1 < n_lines)
        {
          if (SPLIT)
            sl_pdf_split_space (&split);
          else if (page->n_glyphs > 0)
            add_glyph (page, bx2, by2, bx2, by2, run_size, run_bold);
          else   /* poppler-glib leaves that box unset */
            add_glyph (page, 0, 0, 0, 0, 0, false);
          memcpy (page->text + len, eol, (gsize) eol_len);
          len += (gsize) eol_len;
        }
    }
  page->text[len] = '\0';
  if (SPLIT)
    {
      page->word_room = sl_pdf_split_end (&split);
      page->words_split = TRUE;
    }
  return result;
}

static void
set_text (SlPdfPageText *page, const char *s)
{
  gsize n = strlen (s);
  make_room (page, n + 1, 0);
  memcpy (page->text, s, n + 1);
}

static void
read_text_page (SlPdfPageText *page, TextPage *text)
{
  PDFRectangle area (0, 0, page->width, page->height);
  int n_lines = 0;
  LineWords **lines = text->getSelectionWords (&area, selectionStyleGlyph, &n_lines);
  const UnicodeMap *umap = globalParams->getTextEncoding ();
  bool need_dump;

  page->has_layout = lines != nullptr;
  /* getSelectionText itself when its text could differ from the walk's */
  need_dump = umap != nullptr && (!umap->isUnicode () || !page_is_left_to_right (text));
  if (lines != nullptr)
    {
      bool utf8 = umap != nullptr && umap->getEncodingName () == "UTF-8";
      WalkResult r = WALK_UNFIT;

      if (page->words != nullptr && utf8 && !need_dump)
        r = walk_words<true> (page, lines, n_lines, umap, utf8);
      if (r == WALK_UNFIT)
        {
          page->words_split = FALSE;
          r = walk_words<false> (page, lines, n_lines, umap, utf8);
        }
      if (r == WALK_RTL && umap != nullptr)
        need_dump = true;
      for (int i = 0; i < n_lines; i++)
        {
          for (TextWordSelection *sel : *lines[i])
            delete sel;
          delete lines[i];
        }
      gfree (lines);
    }
  else
    set_text (page, "");
  if (need_dump)
    {
      GooString *s = text->getSelectionText (&area, selectionStyleGlyph);
      set_text (page, s->c_str ());
      delete s;
    }
}

/* ---- laying pages out ---------------------------------------------------- */

/* Whether @a and @b name the same objects under the same names: every
 * entry of @b a reference equal to @a's entry of that name. */
static bool
dict_refs_within (Dict *a, Dict *b)
{
  for (int i = 0; i < b->getLength (); i++)
    {
      const Object &v = b->getValNF (i);
      if (!v.isRef ())
        return false;
      const Object &w = a->lookupNF (b->getKey (i));
      if (!w.isRef () || w.getRef () != v.getRef ())
        return false;
    }
  return true;
}

/* Whether page @p can be laid out with the Gfx made for @base: the same
 * boxes and rotation, and every font of its resources the same object
 * under the same name as in @base's.  */
static bool
can_share_fonts (Page *base, Page *p)
{
  Dict *base_res = base->getResourceDict ();
  Dict *res = p->getResourceDict ();

  if (base_res == nullptr || res == nullptr || base->getRotate () != p->getRotate ())
    return false;
  if (memcmp (base->getMediaBox (), p->getMediaBox (), sizeof (PDFRectangle)) != 0 ||
      memcmp (base->getCropBox (), p->getCropBox (), sizeof (PDFRectangle)) != 0)
    return false;

  Object fonts = res->lookup ("Font");
  if (fonts.isNull ())
    return true;
  Object base_fonts = base_res->lookup ("Font");
  return fonts.isDict () && base_fonts.isDict () && dict_refs_within (base_fonts.getDict (), fonts.getDict ());
}

/* Lays page @p out into core->dev.  poppler makes a Gfx per page, and the
 * Gfx parses every font of the page's resources again (the font program's
 * encoding, widths, ToUnicode map): 13% of this extraction's instructions
 * on the dev set (docs/BENCHMARKS.md), whose pages, like most generated
 * PDFs', each have their own resource dictionary naming the same font
 * objects.  A page whose fonts are the same objects as the previous Gfx's
 * page keeps that Gfx (and so its parsed fonts), with the page's other
 * resources (images, forms, graphics states) pushed over it; anything
 * else gets a Gfx of its own. */
static void
display_page (SlPdfCore *core,
              Page      *p,
              int        page_num)
{
  if (core->dev == nullptr)
    core->dev = new TextOutputDev (nullptr, true, 0, false, false);
  if (core->gfx != nullptr && can_share_fonts (core->gfx_page, p))
    {
      Dict *res = p->getResourceDict ();
      Dict *rest = new Dict (core->doc->getXRef ());

      for (int i = 0; i < res->getLength (); i++)
        if (strcmp (res->getKey (i), "Font") != 0)
          rest->add (res->getKey (i), res->getValNF (i).copy ());
      core->dev->startPage (page_num, core->gfx->getState (), core->doc->getXRef ());
      core->gfx->pushResources (rest);
      p->display (core->gfx);
      core->gfx->popResources ();
      delete rest;
      core->n_shared++;
    }
  else
    {
      delete core->gfx;
      /* what poppler-glib does for a page's text */
      core->gfx = p->createGfx (core->dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
      core->gfx_page = p;
      core->gfx_base = core->gfx->getState ();
      p->display (core->gfx);
    }
  core->dev->endPage ();
}

/* After the page's text was read: a page that left graphics states or
 * marked content (an ActualText span, say) open hands nothing on, neither
 * its Gfx nor the text device; the next page starts afresh, as it does in
 * poppler-glib. */
static void
forget_layout (SlPdfCore *core)
{
  delete core->gfx;
  core->gfx = nullptr;
  core->gfx_page = nullptr;
  core->gfx_base = nullptr;
  delete core->dev;
  core->dev = nullptr;
}

static void
drop_unbalanced_gfx (SlPdfCore *core)
{
  if (core->gfx != nullptr &&
      (core->gfx->getState () != core->gfx_base || gfx_has_open_marked_content (core->gfx)))
    forget_layout (core);
}

/* ---- the C API ----------------------------------------------------------- */

SlPdfCore *
sl_pdf_core_open (const void      *data,
                  gsize            len,
                  SlPdfCoreStatus *status)
{
  g_return_val_if_fail (data != nullptr || len == 0, nullptr);
  g_return_val_if_fail (status != nullptr, nullptr);

  ensure_globals ();
  try
    {
      /* the stream does not copy: the caller keeps the bytes alive */
      auto *stream = new MemStream (static_cast<const char *> (data), 0, (Goffset) len, Object (objNull));
      auto *doc = new PDFDoc (stream);
      SlPdfCore *core;

      if (!doc->isOk ())
        {
          *status = doc->getErrorCode () == errEncrypted ? SL_PDF_CORE_ENCRYPTED : SL_PDF_CORE_DAMAGED;
          delete doc;
          return nullptr;
        }
      core = g_new0 (SlPdfCore, 1);
      core->doc = doc;
      *status = SL_PDF_CORE_OK;
      return core;
    }
  catch (...)
    {
      *status = SL_PDF_CORE_DAMAGED;
      return nullptr;
    }
}

int
sl_pdf_core_n_pages (SlPdfCore *core)
{
  g_return_val_if_fail (core != nullptr, 0);
  return core->doc->getNumPages ();
}

gboolean
sl_pdf_core_read_page (SlPdfCore     *core,
                       int            index,
                       SlPdfPageText *page)
{
  g_return_val_if_fail (core != nullptr, FALSE);
  g_return_val_if_fail (page != nullptr, FALSE);

  page->n_glyphs = 0;
  page->has_layout = FALSE;
  page->words_split = FALSE;
  try
    {
      Page *p = core->doc->getPage (index + 1);
      int rotate;

      if (p == nullptr)
        return FALSE;
      rotate = p->getRotate ();
      if (rotate == 90 || rotate == 270)
        {
          page->width = p->getCropHeight ();
          page->height = p->getCropWidth ();
        }
      else
        {
          page->width = p->getCropWidth ();
          page->height = p->getCropHeight ();
        }

      display_page (core, p, index + 1);
      read_text_page (page, core->dev->*member_pointer (DevTextTag ()));
      drop_unbalanced_gfx (core);
      return TRUE;
    }
  catch (...)
    {
      /* nothing half-done is handed to the next page */
      forget_layout (core);
      page->n_glyphs = 0;
      page->has_layout = FALSE;
      page->words_split = FALSE;
      return FALSE;
    }
}

guint
sl_pdf_core_n_shared_layouts (SlPdfCore *core)
{
  g_return_val_if_fail (core != nullptr, 0);
  return core->n_shared;
}

void
sl_pdf_core_close (SlPdfCore *core)
{
  if (core == nullptr)
    return;
  forget_layout (core);
  delete core->doc;
  g_free (core);
}

void
sl_pdf_page_text_clear (SlPdfPageText *page)
{
  g_clear_pointer (&page->text, g_free);
  g_clear_pointer (&page->glyphs, g_free);
  page->text_room = 0;
  page->glyph_room = 0;
  page->n_glyphs = 0;
}
