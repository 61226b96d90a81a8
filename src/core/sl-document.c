/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-document.h"

SlLine *
sl_line_new (const char *text)
{
  SlLine *l = g_new0 (SlLine, 1);
  l->text = g_strdup (text ? text : "");
  l->page = -1;
  return l;
}

SlLine *
sl_line_copy (const SlLine *line)
{
  SlLine *c;

  g_return_val_if_fail (line != NULL, NULL);
  c = g_memdup2 (line, sizeof *line);
  c->text = g_strdup (line->text);
  return c;
}

void
sl_line_free (SlLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

SlDocument *
sl_document_new (void)
{
  SlDocument *d = g_new0 (SlDocument, 1);
  d->text = g_strdup ("");
  d->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_line_free);
  d->warnings = g_ptr_array_new_with_free_func (g_free);
  d->source_details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return d;
}

SlDocument *
sl_document_copy (const SlDocument *doc)
{
  SlDocument *c;
  GHashTableIter iter;
  gpointer k, v;

  g_return_val_if_fail (doc != NULL, NULL);
  c = sl_document_new ();
  g_free (c->text);
  c->text = g_strdup (doc->text);
  for (guint i = 0; i < doc->lines->len; i++)
    g_ptr_array_add (c->lines, sl_line_copy (g_ptr_array_index (doc->lines, i)));
  c->mime_type = g_strdup (doc->mime_type);
  c->method = g_strdup (doc->method);
  c->n_pages = doc->n_pages;
  c->word_count = doc->word_count;
  c->sha256 = g_strdup (doc->sha256);
  c->filename = g_strdup (doc->filename);
  for (guint i = 0; i < doc->warnings->len; i++)
    g_ptr_array_add (c->warnings, g_strdup (g_ptr_array_index (doc->warnings, i)));
  g_hash_table_iter_init (&iter, doc->source_details);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (c->source_details, g_strdup (k), g_strdup (v));
  return c;
}

void
sl_document_free (SlDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->text);
  g_clear_pointer (&doc->lines, g_ptr_array_unref);
  g_free (doc->mime_type);
  g_free (doc->method);
  g_free (doc->sha256);
  g_free (doc->filename);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_clear_pointer (&doc->source_details, g_hash_table_unref);
  g_free (doc);
}

int
sl_count_words (const char *text)
{
  int n = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean w = g_unichar_isalnum (c);
      if (w && !in_word)
        n++;
      in_word = w;
    }
  return n;
}

void
sl_document_set_text (SlDocument *doc,
                      const char *text)
{
  g_return_if_fail (doc != NULL);
  g_free (doc->text);
  doc->text = g_strdup (text ? text : "");
  doc->word_count = sl_count_words (doc->text);
}

void
sl_document_add_warning (SlDocument *doc,
                         const char *warning)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (warning != NULL);
  for (guint i = 0; i < doc->warnings->len; i++)
    if (g_str_equal (g_ptr_array_index (doc->warnings, i), warning))
      return;
  g_ptr_array_add (doc->warnings, g_strdup (warning));
}
