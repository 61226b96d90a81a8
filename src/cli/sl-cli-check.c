/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli check: schema version, SQLite integrity, the full-text
 * index in step with the profiles (the original design's verify_schema).
 */
#include "config.h"

#include "sl-cli-commands.h"
#include "sl-cli-store.h"

int
sl_cli_check (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— verify the database");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean ok;
  int stop;

  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc > 1)
    {
      sl_cli_error ("check takes no arguments (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  ok = sl_store_check (store, report, &error);
  g_print ("%s", report->str);
  if (!ok)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("ok\n");
  return SL_CLI_OK;
}
