/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli extract [--json] FILE...: the text of each file, as the
 * parser will see it.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "extract/sl-extract.h"
#include "sl-cli-commands.h"

static void
add_lines_json (JsonBuilder *b, SlDocument *doc)
{
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->lines->len; i++)
    {
      SlLine *l = g_ptr_array_index (doc->lines, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, l->text);
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, l->page);
      json_builder_set_member_name (b, "x");
      json_builder_add_double_value (b, l->x);
      json_builder_set_member_name (b, "y");
      json_builder_add_double_value (b, l->y);
      json_builder_set_member_name (b, "font_size");
      json_builder_add_double_value (b, l->font_size);
      json_builder_set_member_name (b, "bold");
      json_builder_add_boolean_value (b, l->bold);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_document_json (JsonBuilder *b, const char *path, SlDocument *doc, gboolean lines)
{
  GHashTableIter iter;
  gpointer k, v;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "filename");
  json_builder_add_string_value (b, doc->filename);
  json_builder_set_member_name (b, "mime_type");
  json_builder_add_string_value (b, doc->mime_type);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, doc->method);
  json_builder_set_member_name (b, "pages");
  json_builder_add_int_value (b, doc->n_pages);
  json_builder_set_member_name (b, "word_count");
  json_builder_add_int_value (b, doc->word_count);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, doc->sha256);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (doc->warnings, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "source_details");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, doc->source_details);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      json_builder_set_member_name (b, k);
      json_builder_add_string_value (b, v);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, doc->text);
  if (lines)
    add_lines_json (b, doc);
  json_builder_end_object (b);
}

int
sl_cli_extract (SlCliContext *ctx,
                int           argc,
                char        **argv)
{
  gboolean json = FALSE, ocr_off = FALSE, clamav = FALSE, lines = FALSE;
  g_autofree char *langs = NULL;
  g_autofree char *clamav_dir = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print a JSON array of documents", NULL },
    { "lines", 0, 0, G_OPTION_ARG_NONE, &lines, "print the layout cues of each line (page, x, y, size, bold)", NULL },
    { "no-ocr", 0, 0, G_OPTION_ARG_NONE, &ocr_off, "do not OCR images and scanned pages", NULL },
    { "ocr-languages", 0, 0, G_OPTION_ARG_STRING, &langs, "tesseract languages (default eng)", "LANGS" },
    { "clamav", 0, 0, G_OPTION_ARG_NONE, &clamav, "scan each file with ClamAV first", NULL },
    { "clamav-dir", 0, 0, G_OPTION_ARG_FILENAME, &clamav_dir, "ClamAV signature folder", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE... — print the text of each file");
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  int status = SL_CLI_OK;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("extract needs at least one FILE (see --help)");
      return SL_CLI_USAGE;
    }
  opts->ocr = !ocr_off;
  opts->clamav = clamav || clamav_dir != NULL;
  if (langs)
    {
      g_free (opts->ocr_languages);
      opts->ocr_languages = g_strdup (langs);
    }
  if (clamav_dir)
    {
      g_free (opts->clamav_dir);
      opts->clamav_dir = g_strdup (clamav_dir);
    }

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = sl_extract_file (argv[i], opts, NULL, &error);

      if (docs == NULL)
        {
          sl_cli_error ("%s: %s", argv[i], error->message);
          /* a configuration problem (no signatures, no OCR data) is the
           * user's to fix once, not this file's: exit 2 like usage errors */
          if (g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG))
            status = SL_CLI_USAGE;
          else if (status == SL_CLI_OK)
            status = SL_CLI_SOME_FAILED;
          continue;
        }
      for (guint d = 0; d < docs->len; d++)
        {
          SlDocument *doc = g_ptr_array_index (docs, d);
          if (json)
            add_document_json (builder, argv[i], doc, lines);
          else
            {
              if (argc > 2 || docs->len > 1)
                g_print ("==> %s%s%s <==\n", argv[i], docs->len > 1 ? ": " : "",
                         docs->len > 1 && doc->filename ? doc->filename : "");
              if (lines)
                for (guint l = 0; l < doc->lines->len; l++)
                  {
                    SlLine *line = g_ptr_array_index (doc->lines, l);
                    g_print ("p%d x%6.1f y%6.1f %5.1fpt %s %s\n", line->page, line->x, line->y,
                             line->font_size, line->bold ? "B" : "-", line->text);
                  }
              else
                g_print ("%s\n", doc->text);
              for (guint w = 0; w < doc->warnings->len; w++)
                g_printerr ("shortlist-cli: %s: warning: %s\n", argv[i],
                            (char *) g_ptr_array_index (doc->warnings, w));
            }
        }
    }
  if (json)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      out = sl_json_node_to_string (root, TRUE);
      g_print ("%s\n", out);
    }
  return status;
}
