/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli export --format csv|json-resume [--query Q] [--columns a,b]
 *                      [--bom] [--no-neutralise] [--output FILE | --split-dir DIR]
 *
 * Writes to stdout unless --output is given (the file is replaced
 * atomically).  --split-dir writes one JSON Resume file per candidate.
 */
#include "config.h"

#include <gio/gunixoutputstream.h>

#include "core/sl-util.h"
#include "export/sl-export.h"
#include "privacy/sl-privacy.h"
#include "sl-cli-commands.h"

int
sl_cli_export (SlCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— export candidates as CSV or JSON Resume");
  g_autofree char *format = NULL;
  g_autofree char *query = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *output = NULL;
  g_autofree char *split_dir = NULL;
  gboolean bom = FALSE, raw = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv or json-resume (default csv)", "FORMAT" },
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query, "only the candidates this search finds", "QUERY" },
    { "columns", 'c', 0, G_OPTION_ARG_STRING, &columns, "CSV columns, comma separated", "A,B,C" },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, "start the CSV with a byte-order mark (for Excel)", NULL },
    { "no-neutralise", 0, 0, G_OPTION_ARG_NONE, &raw, "do not guard cells against formula injection", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "write to FILE instead of stdout", "FILE" },
    { "split-dir", 0, 0, G_OPTION_ARG_FILENAME, &split_dir, "JSON Resume: one file per candidate in DIR", "DIR" },
    { NULL },
  };
  g_autoptr(SlExportOptions) options = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;
  gboolean ok;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  {
    g_autoptr(GString) help = g_string_new ("CSV columns:");
    guint n_columns;
    const SlExportColumn *cols = sl_export_columns (&n_columns);
    for (guint i = 0; i < n_columns; i++)
      g_string_append_printf (help, " %s", cols[i].id);
    g_option_context_set_description (context, help->str);
  }
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc > 1)
    {
      sl_cli_error ("export takes no FILE arguments (use --output)");
      return SL_CLI_USAGE;
    }

  if (format == NULL || g_str_equal (format, "csv"))
    options = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
  else if (g_str_equal (format, "json-resume") || g_str_equal (format, "jsonresume"))
    options = sl_export_options_new (SL_EXPORT_FORMAT_JSON_RESUME);
  else
    {
      sl_cli_error ("unknown --format “%s” (use csv or json-resume)", format);
      return SL_CLI_USAGE;
    }
  if (columns != NULL && (options->columns = sl_export_parse_columns (columns, &error)) == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if (split_dir != NULL && (options->format != SL_EXPORT_FORMAT_JSON_RESUME || output != NULL))
    {
      sl_cli_error ("--split-dir goes with --format json-resume and without --output");
      return SL_CLI_USAGE;
    }
  options->query = g_steal_pointer (&query);
  options->bom = bom;
  options->neutralise = !raw;

  if (!g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      sl_cli_error ("no database at %s (import something first, or pass --db)", ctx->db_path);
      return SL_CLI_USAGE;
    }
  store = sl_store_open (ctx->db_path, &error);
  if (store == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }

  if (split_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (split_dir);
      ok = sl_export_json_resume_files (store, options, dir, &n, NULL, &error);
    }
  else if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE,
                                                         G_FILE_CREATE_REPLACE_DESTINATION,
                                                         NULL, &error);
      ok = out != NULL &&
           sl_export_to_stream (store, options, G_OUTPUT_STREAM (out), &n, NULL, &error) &&
           g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
      if (!ok && out != NULL)
        {
          g_autoptr(GCancellable) abort = g_cancellable_new ();
          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
        }
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
      ok = sl_export_to_stream (store, options, out, &n, NULL, &error);
    }

  if (!ok)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  /* Audit log (privacy room): what and how many, never who. */
  {
    g_autoptr(GError) audit_error = NULL;
    const char * const *cols = options->format == SL_EXPORT_FORMAT_CSV
                               ? (options->columns != NULL ? (const char * const *) options->columns
                                                           : sl_export_default_columns ())
                               : NULL;
    if (!sl_privacy_audit_export (store, options->format == SL_EXPORT_FORMAT_CSV ? "csv" : "json-resume",
                                  NULL, n, !sl_str_empty (options->query), cols, "cli", &audit_error))
      sl_cli_error ("warning: the export was not written to the audit log: %s", audit_error->message);
  }
  if (output != NULL || split_dir != NULL)
    g_printerr ("exported %" G_GUINT64_FORMAT " candidates\n", n);
  return SL_CLI_OK;
}
