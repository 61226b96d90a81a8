/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli jobs [--json]: the stored jobs.
 * shortlist-cli shortlist JOB_ID [--csv [--blind]]: a job's shortlist, by
 * stage, or as CSV on stdout.
 */
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "rank/sl-shortlist.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"

int
sl_cli_jobs (SlCliContext *ctx,
             int           argc,
             char        **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the jobs as JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— list the stored jobs");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc > 1)
    {
      sl_cli_error ("jobs takes no arguments (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  jobs = sl_store_list_jobs (store, &error);
  if (jobs == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  if (json)
    {
      g_autoptr(GString) out = g_string_new ("[");
      for (guint i = 0; i < jobs->len; i++)
        {
          const SlJob *job = g_ptr_array_index (jobs, i);
          g_autofree char *one = sl_job_to_json (job);
          g_string_append_printf (out, "%s{\"id\": %" G_GINT64_FORMAT ", \"job\": %s}", i > 0 ? ",\n" : "",
                                  job->id, one);
        }
      g_string_append (out, "]\n");
      g_print ("%s", out->str);
      return SL_CLI_OK;
    }
  for (guint i = 0; i < jobs->len; i++)
    {
      const SlJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GPtrArray) list = sl_store_shortlist_list (store, job->id, NULL);
      g_print ("%6" G_GINT64_FORMAT "  %-40s %3u shortlisted  %s\n", job->id, job->title,
               list != NULL ? list->len : 0, job->created_at != NULL ? job->created_at : "");
    }
  return SL_CLI_OK;
}

int
sl_cli_shortlist (SlCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  gboolean csv = FALSE, blind = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "write the shortlist as CSV to stdout", NULL },
    { "blind", 0, 0, G_OPTION_ARG_NONE, &blind, "with --csv: leave out name, e-mail and phone", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("JOB_ID — a job's shortlist");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlJob) job = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job_id;
  char *end = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc != 2 || (job_id = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    {
      sl_cli_error ("shortlist needs one JOB_ID (see 'jobs')");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  job = sl_store_get_job (store, job_id, &error);
  if (job == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if (csv)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
      if (!sl_shortlist_export_csv (store, job_id, blind, out, NULL, &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
      return SL_CLI_OK;
    }
  list = sl_store_shortlist_list (store, job_id, &error);
  if (list == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("%s: %u shortlisted\n", job->title, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      const SlShortlistEntry *e = g_ptr_array_index (list, i);
      g_autofree char *score = e->score >= 0 ? g_strdup_printf ("%5.1f", e->score) : g_strdup ("    -");
      g_print ("%-10s %s  %-28s %s%s%s\n", sl_stage_to_string (e->stage), score,
               e->name != NULL ? e->name : "(no name)", e->title != NULL ? e->title : "",
               e->note != NULL ? "  — " : "", e->note != NULL ? e->note : "");
    }
  return SL_CLI_OK;
}
