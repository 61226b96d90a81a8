/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli sync --pg URI [--install-schema]: one team sync with the
 * central PostgreSQL (push the outbox, pull changes), or installing /
 * upgrading the central schema as its owner.
 */
#include "config.h"

#include "sync/sl-sync.h"
#include "sl-cli-commands.h"

int
sl_cli_sync (SlCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autofree char *pg = NULL;
  gboolean install = FALSE;
  int batch = 0;
  GOptionEntry entries[] = {
    { "pg", 0, 0, G_OPTION_ARG_STRING, &pg,
      "the server: a libpq URI or keyword string (password from it, PGPASSWORD or ~/.pgpass)", "URI" },
    { "install-schema", 0, 0, G_OPTION_ARG_NONE, &install,
      "create or upgrade the central schema (needs the owner role), then stop", NULL },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &batch, "rows per push batch (default 1000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— sync with the team's PostgreSQL");
  g_autoptr(SlSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncStats stats = { 0 };
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
                                    "Exit status: 0 synced, 1 the sync failed (everything not sent "
                                    "stays queued), 2 usage.");
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (pg == NULL || argc > 1)
    {
      sl_cli_error ("sync needs --pg URI and no other arguments (see --help)");
      return SL_CLI_USAGE;
    }
  if (batch < 0)
    {
      sl_cli_error ("--batch-size must be positive");
      return SL_CLI_USAGE;
    }

  sync = sl_sync_new (ctx->db_path, pg);
  if (batch > 0)
    sl_sync_set_batch_size (sync, batch);

  if (install)
    {
      if (!sl_sync_install_schema (sync, NULL, &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
      g_print ("schema: installed (version %d)\n", SL_SYNC_SCHEMA_VERSION);
      return SL_CLI_OK;
    }

  if (!sl_sync_run (sync, NULL, &stats, &error))
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("sync: pushed %u, pulled %u, conflicts %u, erased %u, intake %u (%.2f s)\n",
           stats.pushed, stats.pulled, stats.conflicts, stats.erased, stats.intake, stats.seconds);
  return SL_CLI_OK;
}
