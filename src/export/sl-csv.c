/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-csv.c: RFC 4180 writing and tolerant reading.
 */
#include "config.h"

#include <string.h>

#include "sl-csv.h"
#include "sl-json-resume.h"

gboolean
sl_csv_needs_neutralising (const char *value)
{
  if (value == NULL)
    return FALSE;
  switch (value[0])
    {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

void
sl_csv_append_cell (GString    *line,
                    const char *value,
                    char        delimiter,
                    gboolean    first,
                    gboolean    neutralise)
{
  gboolean quote = FALSE;

  g_return_if_fail (line != NULL);

  if (!first)
    g_string_append_c (line, delimiter);
  if (value == NULL || value[0] == '\0')
    return;

  for (const char *c = value; *c != '\0'; c++)
    if (*c == delimiter || *c == '"' || *c == '\r' || *c == '\n')
      {
        quote = TRUE;
        break;
      }
  /* A cell starting with the quote we add must be quoted too, or a reader
   * that strips it would see the formula again. Quoting costs nothing. */
  if (neutralise && sl_csv_needs_neutralising (value))
    quote = TRUE;

  if (quote)
    g_string_append_c (line, '"');
  if (neutralise && sl_csv_needs_neutralising (value))
    g_string_append_c (line, '\'');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  if (quote)
    g_string_append_c (line, '"');
}

void
sl_csv_end_row (GString *line)
{
  g_string_append (line, "\r\n");
}

char
sl_csv_detect_delimiter (const char *data,
                         gsize       length)
{
  gsize comma = 0, semicolon = 0, tab = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        comma++;
      else if (!quoted && c == ';')
        semicolon++;
      else if (!quoted && c == '\t')
        tab++;
    }
  if (semicolon > comma && semicolon >= tab)
    return ';';
  if (tab > comma && tab > semicolon)
    return '\t';
  return ',';
}

void
sl_csv_table_free (SlCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->line_numbers);
  g_free (table);
}

static void
finish_row (SlCsvTable *t,
            GPtrArray  *cells,
            guint       line)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (t->rows, g_ptr_array_free (cells, FALSE));
  g_array_append_val (t->line_numbers, line);
}

SlCsvTable *
sl_csv_table_parse (const char  *data,
                    gsize        length,
                    char         delimiter,
                    GError     **error)
{
  g_autoptr(SlCsvTable) t = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *cells = NULL;
  const char *p, *end;
  guint line = 1, row_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE, row_open = FALSE;
  guint quote_line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, SL_CSV_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      gsize written = 0;
      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                       "The file is neither UTF-8 nor Windows-1252 text");
          return NULL;
        }
      data = converted;
      length = written;
    }
  if (length == 0)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID, "The file is empty");
      return NULL;
    }

  t = g_new0 (SlCsvTable, 1);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  t->delimiter = delimiter != 0 ? delimiter : sl_csv_detect_delimiter (data, length);

  p = data;
  end = data + length;
  while (p < end)
    {
      char c = *p;

      if (!row_open)
        {
          cells = g_ptr_array_new ();
          row_open = TRUE;
          row_line = line;
        }

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (cell, c);
            }
          p++;
          continue;
        }

      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
          p++;
        }
      else if (c == t->delimiter)
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          p++;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          /* A blank line is no record. */
          if (cells->len == 1 && ((char *) g_ptr_array_index (cells, 0))[0] == '\0')
            {
              g_ptr_array_set_free_func (cells, g_free);
              g_ptr_array_free (cells, TRUE);
            }
          else
            finish_row (t, cells, row_line);
          cells = NULL;
          row_open = FALSE;
        }
      else
        {
          g_string_append_c (cell, c);
          p++;
        }
    }

  if (quoted)
    {
      if (cells != NULL)
        {
          g_ptr_array_set_free_func (cells, g_free);
          g_ptr_array_free (cells, TRUE);
        }
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                   "A quote opened on line %u is never closed", quote_line);
      return NULL;
    }
  if (row_open)
    {
      g_ptr_array_add (cells, g_strdup (cell->str));
      if (cells->len == 1 && ((char *) g_ptr_array_index (cells, 0))[0] == '\0')
        {
          g_ptr_array_set_free_func (cells, g_free);
          g_ptr_array_free (cells, TRUE);
        }
      else
        finish_row (t, cells, row_line);
    }
  if (t->rows->len == 0)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID, "The file has no rows");
      return NULL;
    }
  return g_steal_pointer (&t);
}
