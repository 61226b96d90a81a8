/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-rtf.c: a small, defensive RTF-to-text reader.
 *
 * It understands groups, control words and symbols, \uN Unicode with its
 * \ucN fallback skipping, \'hh bytes in the document's code page (\ansicpgN),
 * \binN, and skips destinations that are not text (font and colour tables,
 * stylesheets, pictures, objects, field instructions, anything starred).
 * Paragraph marks end lines; table cells are separated by tabs; \b and \fs
 * give the bold and size cues.  It never recurses, so deep nesting is safe.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-extract-private.h"

typedef struct
{
  gboolean skip;
  gboolean hidden;   /* \v: hidden text */
  gboolean bold;
  int      fs;       /* half-points */
  int      uc;       /* bytes to skip after \uN */
} State;

typedef struct
{
  SlDocument *doc;
  GString    *text;
  GString    *line;
  GByteArray *bytes;     /* pending \'hh bytes */
  char       *codepage;
  int         bold_chars, chars;
  double      size;
} Rtf;

static const char *const skip_dests[] = {
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata",
  "datafield", "themedata", "colorschememapping", "latentstyles", "rsidtbl",
  "generator", "listtable", "listoverridetable", "revtbl", "xmlnstbl", "fldinst",
  "filetbl", "pgdsctbl", "listtext", "pntext", "pntxta", "pntxtb", "mmathPr",
  "datastore", "shppict", "nonshppict", "blipuid", "userprops", "docvar",
  "xmlopen", "bkmkstart", "bkmkend", "template", "operator", "author", "title",
  "subject", "keywords", "comment", "doccomm", "company", "falt", "panose",
};

static void
flush_bytes (Rtf *r, const State *st)
{
  g_autofree char *utf8 = NULL;

  if (r->bytes->len == 0)
    return;
  if (!st->skip && !st->hidden)
    {
      utf8 = g_convert ((const char *) r->bytes->data, r->bytes->len, "UTF-8",
                        r->codepage, NULL, NULL, NULL);
      if (utf8 == NULL)
        utf8 = sl_extract_decode_text (r->bytes->data, r->bytes->len);
      {
        glong n = g_utf8_strlen (utf8, -1);
        g_string_append (r->line, utf8);
        r->chars += n;
        if (st->bold)
          r->bold_chars += n;
        r->size = MAX (r->size, st->fs / 2.0);
      }
    }
  g_byte_array_set_size (r->bytes, 0);
}

static void
put_text (Rtf *r, const State *st, const char *s)
{
  glong n;

  flush_bytes (r, st);
  if (st->skip || st->hidden)
    return;
  n = g_utf8_strlen (s, -1);
  g_string_append (r->line, s);
  r->chars += n;
  if (st->bold)
    r->bold_chars += n;
  r->size = MAX (r->size, st->fs / 2.0);
}

static void
end_line (Rtf *r, const State *st)
{
  g_autofree char *clean = NULL;

  flush_bytes (r, st);
  clean = sl_extract_clean_text (r->line->str, r->line->len);
  g_strstrip (clean);
  if (*clean)
    {
      SlLine *l = sl_line_new (clean);
      l->bold = r->chars > 0 && r->bold_chars * 2 >= r->chars;
      l->font_size = r->size;
      g_ptr_array_add (r->doc->lines, l);
      if (r->text->len > 0)
        g_string_append_c (r->text, '\n');
      g_string_append (r->text, clean);
    }
  g_string_truncate (r->line, 0);
  r->bold_chars = r->chars = 0;
  r->size = 0;
}

SlDocument *
sl_extract_rtf (SlExtractContext *ctx,
                GBytes           *bytes,
                GError          **error)
{
  g_autoptr(SlDocument) doc = sl_document_new ();
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (State));
  gsize len, i = 0;
  const guint8 *d = g_bytes_get_data (bytes, &len);
  State st = { FALSE, FALSE, FALSE, 24, 1 };
  Rtf r = { 0 };
  int skip_fallback = 0;
  gboolean star = FALSE, stopped = FALSE;

  r.doc = doc;
  r.text = g_string_new (NULL);
  r.line = g_string_new (NULL);
  r.bytes = g_byte_array_new ();
  r.codepage = g_strdup ("WINDOWS-1252");

  while (i < len)
    {
      guint8 c = d[i];

      if ((i & 0xffff) == 0 && sl_extract_check_stop (ctx, error))
        {
          stopped = TRUE;
          break;
        }
      if (c == '{')
        {
          flush_bytes (&r, &st);
          if (stack->len < 4096)
            g_array_append_val (stack, st);
          else
            st.skip = TRUE;   /* absurd nesting: drop the content */
          star = FALSE;
          skip_fallback = 0;
          i++;
        }
      else if (c == '}')
        {
          flush_bytes (&r, &st);
          if (stack->len > 0)
            {
              st = g_array_index (stack, State, stack->len - 1);
              g_array_set_size (stack, stack->len - 1);
            }
          skip_fallback = 0;
          i++;
        }
      else if (c == '\\' && i + 1 < len)
        {
          guint8 n = d[i + 1];

          if (g_ascii_isalpha (n))
            {
              char word[33];
              gsize w = 0, j = i + 1;
              long param = 0;
              gboolean has_param = FALSE, neg = FALSE;

              while (j < len && g_ascii_isalpha (d[j]))
                {
                  if (w < sizeof word - 1)
                    word[w++] = d[j];
                  j++;
                }
              word[w] = '\0';
              if (j < len && d[j] == '-')
                {
                  neg = TRUE;
                  j++;
                }
              while (j < len && g_ascii_isdigit (d[j]))
                {
                  if (param < 100000000)
                    param = param * 10 + (d[j] - '0');
                  has_param = TRUE;
                  j++;
                }
              if (neg)
                param = -param;
              if (j < len && d[j] == ' ')
                j++;
              i = j;

              if (g_str_equal (word, "bin"))
                {
                  i += has_param && param > 0 ? MIN ((gsize) param, len - i) : 0;
                  continue;
                }
              if (skip_fallback > 0)
                {
                  skip_fallback--;
                  continue;
                }
              if (g_str_equal (word, "u") && has_param)
                {
                  gunichar u = (gunichar) (param < 0 ? param + 65536 : param);
                  char buf[8] = { 0 };
                  if (u >= 0xD800 && u < 0xE000)
                    u = 0xFFFD;
                  g_unichar_to_utf8 (u, buf);
                  put_text (&r, &st, buf);
                  skip_fallback = st.uc;
                  continue;
                }
              flush_bytes (&r, &st);
              if (star)
                {
                  st.skip = TRUE;
                  star = FALSE;
                }
              for (gsize k = 0; k < G_N_ELEMENTS (skip_dests); k++)
                if (g_str_equal (word, skip_dests[k]))
                  st.skip = TRUE;
              if (g_str_equal (word, "par") || g_str_equal (word, "line") || g_str_equal (word, "row") ||
                  g_str_equal (word, "page") || g_str_equal (word, "sect"))
                end_line (&r, &st);
              else if (g_str_equal (word, "tab") || g_str_equal (word, "cell"))
                put_text (&r, &st, "\t");
              else if (g_str_equal (word, "b"))
                st.bold = !has_param || param != 0;
              else if (g_str_equal (word, "v"))
                st.hidden = !has_param || param != 0;
              else if (g_str_equal (word, "fs") && has_param)
                st.fs = CLAMP (param, 2, 400);
              else if (g_str_equal (word, "plain"))
                {
                  st.bold = FALSE;
                  st.hidden = FALSE;
                  st.fs = 24;
                }
              else if (g_str_equal (word, "uc") && has_param)
                st.uc = CLAMP (param, 0, 10);
              else if (g_str_equal (word, "ansicpg") && has_param && param > 0 && param < 100000)
                {
                  g_free (r.codepage);
                  r.codepage = g_strdup_printf ("CP%ld", param);
                }
              else if (g_str_equal (word, "emdash"))
                put_text (&r, &st, "—");
              else if (g_str_equal (word, "endash"))
                put_text (&r, &st, "–");
              else if (g_str_equal (word, "bullet"))
                put_text (&r, &st, "•");
              else if (g_str_equal (word, "lquote"))
                put_text (&r, &st, "‘");
              else if (g_str_equal (word, "rquote"))
                put_text (&r, &st, "’");
              else if (g_str_equal (word, "ldblquote"))
                put_text (&r, &st, "“");
              else if (g_str_equal (word, "rdblquote"))
                put_text (&r, &st, "”");
              else if (g_str_equal (word, "emspace") || g_str_equal (word, "enspace"))
                put_text (&r, &st, " ");
            }
          else if (n == '\'')
            {
              int hi = i + 2 < len ? g_ascii_xdigit_value (d[i + 2]) : -1;
              int lo = i + 3 < len ? g_ascii_xdigit_value (d[i + 3]) : -1;
              i += 2;
              if (hi >= 0 && lo >= 0)
                {
                  i += 2;
                  if (skip_fallback > 0)
                    skip_fallback--;
                  else
                    {
                      guint8 b = hi << 4 | lo;
                      g_byte_array_append (r.bytes, &b, 1);
                    }
                }
            }
          else
            {
              i += 2;
              if (skip_fallback > 0)
                {
                  skip_fallback--;
                  continue;
                }
              switch (n)
                {
                case '*': star = TRUE; break;
                case '~': put_text (&r, &st, " "); break;
                case '_': put_text (&r, &st, "-"); break;
                case '-': break;
                case '\\': put_text (&r, &st, "\\"); break;
                case '{': put_text (&r, &st, "{"); break;
                case '}': put_text (&r, &st, "}"); break;
                case '\n':
                case '\r': end_line (&r, &st); break;
                default: break;
                }
            }
        }
      else if (c == '\r' || c == '\n' || c == '\\')
        i++;                              /* a line break, or a lone backslash at the very end */
      else
        {
          gsize j = i;
          if (skip_fallback > 0)
            {
              skip_fallback--;
              i++;
              continue;
            }
          flush_bytes (&r, &st);
          while (j < len && d[j] != '\\' && d[j] != '{' && d[j] != '}' && d[j] != '\r' && d[j] != '\n')
            j++;
          if (!st.skip && !st.hidden)
            {
              g_autofree char *chunk = sl_extract_decode_text (d + i, j - i);
              put_text (&r, &st, chunk);
            }
          i = j;
        }
    }
  end_line (&r, &st);

  sl_document_set_text (doc, r.text->str);
  doc->method = g_strdup ("rtf");
  g_string_free (r.text, TRUE);
  g_string_free (r.line, TRUE);
  g_byte_array_unref (r.bytes);
  g_free (r.codepage);
  if (stopped)
    return NULL;
  return g_steal_pointer (&doc);
}
