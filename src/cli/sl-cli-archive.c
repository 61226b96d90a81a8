/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli archive --cleanup --older-than DAYS [--archive-dir DIR]:
 * retention for the archive of imported originals.  Copies made more than
 * DAYS days ago are deleted (a copy a newer import still uses stays); the
 * profiles themselves are kept.
 */
#include "config.h"

#include "intake/sl-pipeline.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"

int
sl_cli_archive (SlCliContext *ctx,
                int           argc,
                char        **argv)
{
  gboolean cleanup = FALSE;
  int days = -1;
  g_autofree char *archive_dir = NULL;
  GOptionEntry entries[] = {
    { "cleanup", 0, 0, G_OPTION_ARG_NONE, &cleanup, "delete old archive copies", NULL },
    { "older-than", 0, 0, G_OPTION_ARG_INT, &days, "age in days of the copies to delete", "DAYS" },
    { "archive-dir", 0, 0, G_OPTION_ARG_FILENAME, &archive_dir, "the archive (default: beside the database)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— retention of the archived originals");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = 0;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (!cleanup || days < 0 || argc > 1)
    {
      sl_cli_error ("archive needs --cleanup --older-than DAYS (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  if (archive_dir == NULL)
    archive_dir = sl_intake_default_archive_dir (ctx->db_path);
  if (!sl_intake_cleanup_archives (store, archive_dir, (guint) days, &removed, &error))
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("%u archive cop%s deleted\n", removed, removed == 1 ? "y" : "ies");
  return SL_CLI_OK;
}
