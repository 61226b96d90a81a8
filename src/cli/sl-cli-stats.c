/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli stats [--json]: what the database holds.
 */
#include "config.h"

#include "sl-cli-commands.h"
#include "sl-cli-store.h"
#include "store/sl-store-stats.h"

static void
print_counts (const char *title,
              GPtrArray  *list)
{
  if (list->len == 0)
    return;
  g_print ("%s:\n", title);
  for (guint i = 0; i < list->len; i++)
    {
      const SlStatCount *c = g_ptr_array_index (list, i);
      g_print ("  %-24s %" G_GINT64_FORMAT "\n", c->key, c->count);
    }
}

int
sl_cli_stats (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  gboolean json = FALSE;
  int top = 10;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the statistics as JSON", NULL },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, "how many top skills (default 10)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— totals, sources, intake status, top skills");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlStoreStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc > 1 || top < 1 || top > 1000)
    {
      sl_cli_error (argc > 1 ? "stats takes no arguments (see --help)"
                             : "--top needs a number from 1 to 1000");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  stats = sl_store_get_profile_statistics (store, top, 14, &error);
  if (stats == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }

  if (json)
    {
      g_autofree char *text = sl_store_stats_to_json (stats, TRUE);
      g_print ("%s\n", text);
      return SL_CLI_OK;
    }

  g_print ("%" G_GINT64_FORMAT " profiles, %" G_GINT64_FORMAT " candidates, %" G_GINT64_FORMAT
           " earlier versions\n", stats->profiles, stats->candidates, stats->profile_versions);
  g_print ("%" G_GINT64_FORMAT " files in the intake queue, %" G_GINT64_FORMAT " failed (%.1f%%)\n",
           stats->intake_total, stats->intake_failed, stats->error_rate * 100.0);
  print_counts ("By source", stats->by_source);
  print_counts ("Intake by status", stats->by_status);
  print_counts ("Top skills", stats->top_skills);
  print_counts ("Profiles per day", stats->per_day);
  if (stats->stage_times->len > 0)
    {
      g_print ("Average time per stage:\n");
      for (guint i = 0; i < stats->stage_times->len; i++)
        {
          const SlStageTime *t = g_ptr_array_index (stats->stage_times, i);
          g_print ("  %-24s %.1f ms (%" G_GINT64_FORMAT " files)\n", t->stage, t->avg_ms, t->samples);
        }
    }
  return SL_CLI_OK;
}
