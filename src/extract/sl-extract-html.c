/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-html.c: HTML via libxml2's forgiving HTML parser.  Script,
 * style and other invisible elements are skipped; block elements end a line;
 * table cells are separated by a tab; headings and <b>/<strong> are bold.
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "sl-extract-private.h"

typedef struct
{
  GString   *line;
  int        bold_chars, chars;
  gboolean   heading;
  SlDocument *doc;
  GString   *text;
  int        nodes;
} Html;

static const char *const skip_tags[] = {
  "script", "style", "head", "title", "noscript", "template", "svg", "object",
  "iframe", "select", "option", "button", "meta", "link",
};
static const char *const block_tags[] = {
  "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section",
  "article", "header", "footer", "aside", "nav", "main", "h1", "h2", "h3", "h4",
  "h5", "h6", "hr", "blockquote", "pre", "address", "form", "fieldset", "figure",
  "figcaption", "tbody", "thead", "tfoot", "caption", "body", "html",
};

static gboolean
in_list (const char *name, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
flush_line (Html *h)
{
  g_autofree char *clean = sl_extract_clean_text (h->line->str, h->line->len);
  GString *folded = g_string_new (NULL);
  gboolean space = FALSE;

  /* HTML white space folding; tabs between cells survive */
  for (const char *p = clean; *p; p++)
    {
      if (*p == '\t')
        {
          while (folded->len > 0 && folded->str[folded->len - 1] == ' ')
            g_string_truncate (folded, folded->len - 1);
          if (folded->len > 0 && folded->str[folded->len - 1] != '\t')
            g_string_append_c (folded, '\t');
          space = FALSE;
        }
      else if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && folded->len > 0 && folded->str[folded->len - 1] != '\t')
            g_string_append_c (folded, ' ');
          space = FALSE;
          g_string_append_c (folded, *p);
        }
    }
  while (folded->len > 0 && folded->str[folded->len - 1] == '\t')
    g_string_truncate (folded, folded->len - 1);
  if (folded->len > 0)
    {
      SlLine *l = sl_line_new (folded->str);
      l->bold = h->heading || (h->chars > 0 && h->bold_chars * 2 >= h->chars);
      g_ptr_array_add (h->doc->lines, l);
      if (h->text->len > 0)
        g_string_append_c (h->text, '\n');
      g_string_append (h->text, folded->str);
    }
  g_string_free (folded, TRUE);
  g_string_truncate (h->line, 0);
  h->bold_chars = h->chars = 0;
  h->heading = FALSE;
}

static void
walk (Html *h, xmlNode *n, gboolean bold, int depth)
{
  if (depth > 200)
    return;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (++h->nodes > 5000000)
        return;
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content)
            {
              glong k = g_utf8_strlen ((const char *) c->content, -1);
              g_string_append (h->line, (const char *) c->content);
              h->chars += k;
              if (bold)
                h->bold_chars += k;
            }
        }
      else if (c->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) c->name;
          gboolean block, b = bold;

          if (in_list (name, skip_tags, G_N_ELEMENTS (skip_tags)))
            continue;
          block = in_list (name, block_tags, G_N_ELEMENTS (block_tags));
          if (g_ascii_strcasecmp (name, "b") == 0 || g_ascii_strcasecmp (name, "strong") == 0 ||
              g_ascii_strcasecmp (name, "th") == 0)
            b = TRUE;
          if (block)
            flush_line (h);
          if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
            h->heading = TRUE;
          if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
            g_string_append_c (h->line, '\t');
          walk (h, c, b, depth + 1);
          if (block)
            flush_line (h);
        }
    }
}

SlDocument *
sl_extract_html (SlExtractContext *ctx,
                 GBytes           *bytes,
                 GError          **error)
{
  g_autoptr(SlDocument) doc = sl_document_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *encoding = NULL;
  htmlDocPtr x;
  Html h = { 0 };

  /* Without a declared charset libxml2 assumes Latin-1; most pages today
   * are UTF-8. */
  if (g_utf8_validate_len (data, MIN (len, (gsize) G_MAXINT), NULL))
    encoding = "UTF-8";
  x = htmlReadMemory (data, (int) MIN (len, (gsize) G_MAXINT), NULL, encoding,
                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (x == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This web page could not be read.");
      return NULL;
    }
  h.line = g_string_new (NULL);
  h.text = g_string_new (NULL);
  h.doc = doc;
  walk (&h, (xmlNode *) x, FALSE, 0);
  flush_line (&h);
  sl_document_set_text (doc, h.text->str);
  doc->method = g_strdup ("html");
  g_string_free (h.line, TRUE);
  g_string_free (h.text, TRUE);
  xmlFreeDoc (x);
  return g_steal_pointer (&doc);
}
