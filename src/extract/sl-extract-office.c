/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-office.c: DOCX (WordprocessingML) and ODT (OpenDocument text).
 *
 * Both are a zip of XML.  We walk the body in document order: paragraphs
 * become lines, a table row becomes one line with its cells separated by a
 * tab, text boxes follow the paragraph that anchors them, headers come first
 * and footers last.  Bold and font size are taken from direct run formatting
 * (and, for ODT, the automatic styles) — cheap cues, not a style resolver.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sl-extract-private.h"

typedef struct
{
  GString *text;
  int      bold_chars;
  int      chars;
  double   size;
  gboolean heading;
} Para;

typedef struct
{
  SlExtractContext *ctx;
  GPtrArray        *paras;    /* Para, finished lines */
  GPtrArray        *pending;  /* Para from text boxes, emitted after the paragraph */
  GHashTable       *odt_styles; /* name → packed bold/size */
  GHashTable       *seen;       /* while reading headers/footers: texts already kept */
  int               nodes;
} Walk;

static Para *
para_new (void)
{
  Para *p = g_new0 (Para, 1);
  p->text = g_string_new (NULL);
  return p;
}

static void
para_free (Para *p)
{
  g_string_free (p->text, TRUE);
  g_free (p);
}

static void
para_add (Para *p, const char *s, gboolean bold, double size)
{
  glong n = g_utf8_strlen (s, -1);

  g_string_append (p->text, s);
  p->chars += n;
  if (bold)
    p->bold_chars += n;
  if (size > p->size)
    p->size = size;
}

static gboolean
is (xmlNode *n, const char *ns_prefix_hint, const char *name)
{
  return n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, name);
}

static const char *
attr (xmlNode *n, const char *name)
{
  for (xmlAttr *a = n->properties; a; a = a->next)
    if (g_str_equal ((const char *) a->name, name) && a->children && a->children->content)
      return (const char *) a->children->content;
  return NULL;
}

static xmlNode *
child (xmlNode *n, const char *name)
{
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, name))
      return c;
  return NULL;
}

static xmlDoc *
parse_xml (GBytes *bytes, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *x;

  if (len > G_MAXINT)
    len = G_MAXINT;
  x = xmlReadMemory (data, (int) len, NULL, NULL,
                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
  if (x == NULL || xmlDocGetRootElement (x) == NULL)
    {
      if (x)
        xmlFreeDoc (x);
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This document is damaged (its text part is not valid XML).");
      return NULL;
    }
  return x;
}

static void
finish_para (Walk *w, Para *p)
{
  g_autofree char *clean = sl_extract_clean_text (p->text->str, p->text->len);

  g_strstrip (clean);
  /* first, even and default headers usually say the same thing */
  if (*clean && w->seen != NULL)
    {
      if (g_hash_table_contains (w->seen, clean))
        *clean = '\0';
      else
        g_hash_table_add (w->seen, g_strdup (clean));
    }
  if (*clean)
    {
      g_string_assign (p->text, clean);
      g_ptr_array_add (w->paras, p);
    }
  else
    para_free (p);
  /* text boxes anchored in this paragraph */
  if (w->pending->len > 0)
    {
      g_autoptr(GPtrArray) pend = w->pending;
      w->pending = g_ptr_array_new ();
      for (guint i = 0; i < pend->len; i++)
        g_ptr_array_add (w->paras, g_ptr_array_index (pend, i));
    }
}

static void
build_document (SlDocument *doc, GPtrArray *paras, GPtrArray *pending, const char *method)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < pending->len; i++)
    g_ptr_array_add (paras, g_ptr_array_index (pending, i));
  g_ptr_array_set_size (pending, 0);

  for (guint i = 0; i < paras->len; i++)
    {
      Para *p = g_ptr_array_index (paras, i);
      SlLine *l = sl_line_new (p->text->str);

      l->bold = p->heading || (p->chars > 0 && p->bold_chars * 2 >= p->chars);
      l->font_size = p->size;
      g_ptr_array_add (doc->lines, l);
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, p->text->str);
    }
  sl_document_set_text (doc, s->str);
  g_string_free (s, TRUE);
  doc->method = g_strdup (method);
}

/* ---- DOCX ---------------------------------------------------------------- */

static gboolean
docx_on (xmlNode *prop)
{
  const char *v;

  if (prop == NULL)
    return FALSE;
  v = attr (prop, "val");
  return v == NULL || !(g_str_equal (v, "0") || g_str_equal (v, "false") || g_str_equal (v, "none"));
}

static void docx_block (Walk *w, xmlNode *n, int depth);

/* Text of a run container (paragraph or hyperlink, smartTag, ins, ...). */
static void
docx_runs (Walk *w, xmlNode *n, Para *p, gboolean pbold, int depth)
{
  if (depth > 64)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || ++w->nodes > 5000000)
        continue;
      if (is (c, "w", "r"))
        {
          xmlNode *rpr = child (c, "rPr");
          gboolean bold = pbold || (rpr && docx_on (child (rpr, "b")));
          double size = 0;
          if (rpr && child (rpr, "sz") && attr (child (rpr, "sz"), "val"))
            size = g_ascii_strtod (attr (child (rpr, "sz"), "val"), NULL) / 2;
          for (xmlNode *t = c->children; t; t = t->next)
            {
              if (t->type != XML_ELEMENT_NODE)
                continue;
              if (is (t, "w", "t"))
                {
                  g_autofree char *txt = (char *) xmlNodeGetContent (t);
                  if (txt)
                    para_add (p, txt, bold, size);
                }
              else if (is (t, "w", "tab") || is (t, "w", "ptab"))
                para_add (p, "\t", FALSE, 0);
              else if (is (t, "w", "br") || is (t, "w", "cr"))
                para_add (p, " ", FALSE, 0);
              else if (is (t, "w", "noBreakHyphen"))
                para_add (p, "-", bold, size);
              else
                /* drawings and pictures may hold text boxes */
                docx_runs (w, t, p, bold, depth + 1);
            }
        }
      else if (is (c, "w", "txbxContent"))
        {
          g_autoptr(GPtrArray) saved = w->paras;
          w->paras = g_ptr_array_new ();
          docx_block (w, c, depth + 1);
          for (guint i = 0; i < w->paras->len; i++)
            g_ptr_array_add (w->pending, g_ptr_array_index (w->paras, i));
          g_ptr_array_unref (w->paras);
          w->paras = g_steal_pointer (&saved);
        }
      else if (is (c, "mc", "Fallback") || is (c, "w", "instrText") || is (c, "w", "delText") ||
               is (c, "w", "pPr") || is (c, "w", "rPr") || is (c, "w", "del"))
        continue;
      else
        docx_runs (w, c, p, pbold, depth + 1);
    }
}

static Para *
docx_para (Walk *w, xmlNode *n, int depth)
{
  Para *p = para_new ();
  xmlNode *ppr = child (n, "pPr");
  gboolean pbold = FALSE;

  if (ppr)
    {
      xmlNode *style = child (ppr, "pStyle");
      const char *v = style ? attr (style, "val") : NULL;
      xmlNode *rpr = child (ppr, "rPr");
      if (v && (g_ascii_strncasecmp (v, "heading", 7) == 0 || g_ascii_strcasecmp (v, "title") == 0))
        p->heading = TRUE;
      if (rpr && docx_on (child (rpr, "b")) && FALSE)
        pbold = TRUE;   /* paragraph-mark formatting does not apply to runs */
    }
  docx_runs (w, n, p, pbold, depth);
  return p;
}

/* A table cell's text: its paragraphs joined by spaces (nested tables too). */
static void
docx_cell_text (Walk *w, xmlNode *n, Para *row, int depth)
{
  gboolean first = TRUE;

  if (depth > 32)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "w", "p"))
        {
          Para *p = docx_para (w, c, depth + 1);
          g_strstrip (p->text->str);
          p->text->len = strlen (p->text->str);
          if (p->text->len > 0)
            {
              if (!first)
                g_string_append_c (row->text, ' ');
              first = FALSE;
              g_string_append (row->text, p->text->str);
              row->chars += p->chars;
              row->bold_chars += p->bold_chars;
              row->size = MAX (row->size, p->size);
            }
          para_free (p);
        }
      else if (is (c, "w", "tbl") || is (c, "w", "tr") || is (c, "w", "tc") || is (c, "w", "sdt") ||
               is (c, "w", "sdtContent") || is (c, "w", "customXml"))
        docx_cell_text (w, c, row, depth + 1);
    }
}

/* Appends one table cell's text to its row, tab-separated; consumes @cell.
 * Empty cells add nothing, so a row of empty cells stays empty. */
static void
row_add_cell (Para *row, Para *cell, gboolean *first)
{
  if (cell->text->len > 0)
    {
      if (!*first)
        g_string_append_c (row->text, '\t');
      *first = FALSE;
      g_string_append (row->text, cell->text->str);
      row->chars += cell->chars;
      row->bold_chars += cell->bold_chars;
      row->size = MAX (row->size, cell->size);
    }
  para_free (cell);
}

static void
docx_table (Walk *w, xmlNode *tbl, int depth)
{
  for (xmlNode *tr = tbl->children; tr; tr = tr->next)
    {
      Para *row;
      gboolean first = TRUE;

      if (!is (tr, "w", "tr"))
        {
          if (tr->type == XML_ELEMENT_NODE && (is (tr, "w", "sdt") || is (tr, "w", "sdtContent")))
            docx_table (w, tr, depth + 1);
          continue;
        }
      row = para_new ();
      for (xmlNode *tc = tr->children; tc; tc = tc->next)
        {
          Para *cell;
          if (!is (tc, "w", "tc"))
            continue;
          cell = para_new ();
          docx_cell_text (w, tc, cell, depth + 1);
          row_add_cell (row, cell, &first);
        }
      finish_para (w, row);
    }
}

static void
docx_block (Walk *w, xmlNode *n, int depth)
{
  if (depth > 64)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || ++w->nodes > 5000000)
        continue;
      if (is (c, "w", "p"))
        finish_para (w, docx_para (w, c, depth + 1));
      else if (is (c, "w", "tbl"))
        docx_table (w, c, depth + 1);
      else if (is (c, "mc", "Fallback"))
        continue;
      else
        docx_block (w, c, depth + 1);
    }
}

static gboolean
want_docx (const char *name, gpointer data)
{
  return g_str_equal (name, "word/document.xml") ||
         (g_str_has_prefix (name, "word/header") && g_str_has_suffix (name, ".xml")) ||
         (g_str_has_prefix (name, "word/footer") && g_str_has_suffix (name, ".xml"));
}

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
walk_part (Walk *w, GBytes *part, void (*block) (Walk *, xmlNode *, int), GError **error)
{
  xmlDoc *x = parse_xml (part, error);

  if (x == NULL)
    return FALSE;
  block (w, xmlDocGetRootElement (x), 0);
  xmlFreeDoc (x);
  return TRUE;
}

SlDocument *
sl_extract_docx (SlExtractContext *ctx,
                 GBytes           *bytes,
                 GError          **error)
{
  g_autoptr(GHashTable) parts = sl_extract_zip_read (ctx, bytes, want_docx, NULL, error);
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(GPtrArray) names = NULL;
  Walk w = { ctx, NULL, NULL, NULL, NULL, 0 };
  GBytes *body;
  gboolean ok = TRUE;

  if (parts == NULL)
    return NULL;
  body = g_hash_table_lookup (parts, "word/document.xml");
  if (body == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This Word document is damaged (it has no body).");
      return NULL;
    }
  names = g_ptr_array_new ();
  {
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init (&it, parts);
    while (g_hash_table_iter_next (&it, &k, NULL))
      g_ptr_array_add (names, k);
  }
  g_ptr_array_sort (names, cmp_str);

  w.paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  w.pending = g_ptr_array_new ();
  /* headers, body, footers */
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ok && i < names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (names, i), "word/header"))
      ok = walk_part (&w, g_hash_table_lookup (parts, g_ptr_array_index (names, i)), docx_block, error);
  g_clear_pointer (&w.seen, g_hash_table_unref);
  ok = ok && walk_part (&w, body, docx_block, error);
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ok && i < names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (names, i), "word/footer"))
      ok = walk_part (&w, g_hash_table_lookup (parts, g_ptr_array_index (names, i)), docx_block, error);
  g_clear_pointer (&w.seen, g_hash_table_unref);

  if (ok)
    {
      doc = sl_document_new ();
      build_document (doc, w.paras, w.pending, "docx");
    }
  g_ptr_array_unref (w.paras);
  g_ptr_array_set_free_func (w.pending, (GDestroyNotify) para_free);
  g_ptr_array_unref (w.pending);
  return g_steal_pointer (&doc);
}

/* ---- ODT ----------------------------------------------------------------- */

#define ODT_BOLD 1

static void
odt_styles (Walk *w, xmlNode *n, int depth)
{
  if (depth > 16)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "style", "style") && attr (c, "name"))
        {
          xmlNode *tp = child (c, "text-properties");
          const char *weight = tp ? attr (tp, "font-weight") : NULL;
          const char *size = tp ? attr (tp, "font-size") : NULL;
          int packed = 0;
          if (weight && (g_str_equal (weight, "bold") || atoi (weight) >= 600))
            packed |= ODT_BOLD;
          if (size && g_str_has_suffix (size, "pt"))
            packed |= ((int) (g_ascii_strtod (size, NULL) * 2) & 0xffff) << 1;
          g_hash_table_insert (w->odt_styles, g_strdup (attr (c, "name")), GINT_TO_POINTER (packed));
        }
      else
        odt_styles (w, c, depth + 1);
    }
}

static void
odt_style_of (Walk *w, xmlNode *n, gboolean *bold, double *size)
{
  const char *name = attr (n, "style-name");
  gpointer v;

  if (name && g_hash_table_lookup_extended (w->odt_styles, name, NULL, &v))
    {
      int packed = GPOINTER_TO_INT (v);
      if (packed & ODT_BOLD)
        *bold = TRUE;
      if (packed >> 1)
        *size = (packed >> 1) / 2.0;
    }
}

static void odt_block (Walk *w, xmlNode *n, int depth);

static void
odt_inline (Walk *w, xmlNode *n, Para *p, gboolean bold, double size, int depth)
{
  if (depth > 64)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (++w->nodes > 5000000)
        return;
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content)
            para_add (p, (const char *) c->content, bold, size);
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "text", "s"))
        {
          const char *cnt = attr (c, "c");
          int k = cnt ? CLAMP (atoi (cnt), 1, 100) : 1;
          for (int i = 0; i < k; i++)
            para_add (p, " ", FALSE, 0);
        }
      else if (is (c, "text", "tab"))
        para_add (p, "\t", FALSE, 0);
      else if (is (c, "text", "line-break"))
        para_add (p, " ", FALSE, 0);
      else if (is (c, "text", "note") || is (c, "office", "annotation") ||
               is (c, "text", "tracked-changes"))
        continue;
      else if (is (c, "draw", "text-box"))
        {
          g_autoptr(GPtrArray) saved = w->paras;
          w->paras = g_ptr_array_new ();
          odt_block (w, c, depth + 1);
          for (guint i = 0; i < w->paras->len; i++)
            g_ptr_array_add (w->pending, g_ptr_array_index (w->paras, i));
          g_ptr_array_unref (w->paras);
          w->paras = g_steal_pointer (&saved);
        }
      else
        {
          gboolean b = bold;
          double sz = size;
          odt_style_of (w, c, &b, &sz);
          odt_inline (w, c, p, b, sz, depth + 1);
        }
    }
}

static Para *
odt_para (Walk *w, xmlNode *n, int depth)
{
  Para *p = para_new ();
  gboolean bold = FALSE;
  double size = 0;

  odt_style_of (w, n, &bold, &size);
  p->heading = is (n, "text", "h");
  odt_inline (w, n, p, bold, size, depth);
  return p;
}

static void
odt_cell_text (Walk *w, xmlNode *n, Para *row, int depth)
{
  gboolean first = TRUE;

  if (depth > 32)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "text", "p") || is (c, "text", "h"))
        {
          Para *p = odt_para (w, c, depth + 1);
          g_strstrip (p->text->str);
          p->text->len = strlen (p->text->str);
          if (p->text->len > 0)
            {
              if (!first)
                g_string_append_c (row->text, ' ');
              first = FALSE;
              g_string_append (row->text, p->text->str);
              row->chars += p->chars;
              row->bold_chars += p->bold_chars;
              row->size = MAX (row->size, p->size);
            }
          para_free (p);
        }
      else
        odt_cell_text (w, c, row, depth + 1);
    }
}

static void
odt_table (Walk *w, xmlNode *tbl, int depth)
{
  if (depth > 32)
    return;
  for (xmlNode *tr = tbl->children; tr; tr = tr->next)
    {
      Para *row;
      gboolean first = TRUE;

      if (tr->type != XML_ELEMENT_NODE)
        continue;
      if (!is (tr, "table", "table-row"))
        {
          odt_table (w, tr, depth + 1);   /* header-rows, row-groups */
          continue;
        }
      row = para_new ();
      for (xmlNode *tc = tr->children; tc; tc = tc->next)
        {
          Para *cell;
          if (!is (tc, "table", "table-cell"))
            continue;
          cell = para_new ();
          odt_cell_text (w, tc, cell, depth + 1);
          row_add_cell (row, cell, &first);
        }
      finish_para (w, row);
    }
}

static void
odt_block (Walk *w, xmlNode *n, int depth)
{
  if (depth > 64)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || ++w->nodes > 5000000)
        continue;
      if (is (c, "text", "p") || is (c, "text", "h"))
        finish_para (w, odt_para (w, c, depth + 1));
      else if (is (c, "table", "table"))
        odt_table (w, c, depth + 1);
      else if (is (c, "office", "automatic-styles") || is (c, "office", "font-face-decls") ||
               is (c, "text", "tracked-changes") || is (c, "office", "annotation"))
        continue;
      else
        odt_block (w, c, depth + 1);
    }
}

static gboolean
want_odt (const char *name, gpointer data)
{
  return g_str_equal (name, "content.xml") || g_str_equal (name, "styles.xml");
}

/* styles.xml: headers and footers of the master pages. */
static void
odt_header_footer (Walk *w, xmlNode *n, const char *which, int depth)
{
  if (depth > 16)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "style", which))
        odt_block (w, c, depth + 1);
      else if (!is (c, "style", "header") && !is (c, "style", "footer") &&
               !is (c, "style", "header-left") && !is (c, "style", "footer-left") &&
               !is (c, "style", "header-first") && !is (c, "style", "footer-first"))
        odt_header_footer (w, c, which, depth + 1);
    }
}

SlDocument *
sl_extract_odt (SlExtractContext *ctx,
                GBytes           *bytes,
                GError          **error)
{
  g_autoptr(GHashTable) parts = sl_extract_zip_read (ctx, bytes, want_odt, NULL, error);
  g_autoptr(SlDocument) doc = NULL;
  Walk w = { ctx, NULL, NULL, NULL, NULL, 0 };
  GBytes *content, *styles;
  xmlDoc *cx = NULL, *sx = NULL;

  if (parts == NULL)
    return NULL;
  content = g_hash_table_lookup (parts, "content.xml");
  styles = g_hash_table_lookup (parts, "styles.xml");
  if (content == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This LibreOffice document is damaged (it has no content).");
      return NULL;
    }
  if ((cx = parse_xml (content, error)) == NULL)
    return NULL;
  if (styles)
    sx = xmlReadMemory (g_bytes_get_data (styles, NULL), (int) MIN (g_bytes_get_size (styles), G_MAXINT),
                        NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);

  w.paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  w.pending = g_ptr_array_new ();
  w.odt_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (sx && xmlDocGetRootElement (sx))
    odt_styles (&w, xmlDocGetRootElement (sx), 0);
  odt_styles (&w, xmlDocGetRootElement (cx), 0);
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (sx && xmlDocGetRootElement (sx))
    odt_header_footer (&w, xmlDocGetRootElement (sx), "header", 0);
  g_hash_table_remove_all (w.seen);
  g_clear_pointer (&w.seen, g_hash_table_unref);
  odt_block (&w, xmlDocGetRootElement (cx), 0);
  w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (sx && xmlDocGetRootElement (sx))
    odt_header_footer (&w, xmlDocGetRootElement (sx), "footer", 0);
  g_clear_pointer (&w.seen, g_hash_table_unref);

  doc = sl_document_new ();
  build_document (doc, w.paras, w.pending, "odt");
  g_ptr_array_unref (w.paras);
  g_ptr_array_set_free_func (w.pending, (GDestroyNotify) para_free);
  g_ptr_array_unref (w.pending);
  g_hash_table_unref (w.odt_styles);
  xmlFreeDoc (cx);
  if (sx)
    xmlFreeDoc (sx);
  return g_steal_pointer (&doc);
}
