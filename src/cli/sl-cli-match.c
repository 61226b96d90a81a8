/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli match --job FILE [--top N] [--json] [--save [--shortlist]]:
 * ranks the stored candidates against a job (a job JSON file or a
 * description in any format the extractors read) and prints each score
 * with its reasons; --save stores the job, --shortlist puts the candidates
 * printed on its shortlist (stage "new", with score and breakdown).
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "rank/sl-rank.h"
#include "rank/sl-shortlist.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"

static void
print_json (const SlJob *job,
            GPtrArray   *matches)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *job_json = sl_job_to_json (job);
  g_autofree char *out = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "job");
  if (json_parser_load_from_data (parser, job_json, -1, NULL))
    json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (b);
  if (job->id > 0)
    {
      json_builder_set_member_name (b, "job_id");
      json_builder_add_int_value (b, job->id);
    }
  json_builder_set_member_name (b, "matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < matches->len; i++)
    {
      const SlMatch *m = g_ptr_array_index (matches, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rank");
      json_builder_add_int_value (b, i + 1);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, m->score);
      json_builder_set_member_name (b, "profile_id");
      json_builder_add_int_value (b, m->profile_id);
      json_builder_set_member_name (b, "candidate_id");
      json_builder_add_int_value (b, m->candidate_id);
      sl_cli_json_add_str (b, "name", m->name);
      sl_cli_json_add_str (b, "title", m->title);
      sl_cli_json_add_str (b, "summary", m->summary);
      json_builder_set_member_name (b, "parts");
      json_builder_begin_array (b);
      for (guint k = 0; k < SL_SCORE_N_COMPONENTS; k++)
        {
          const SlScorePart *p = &m->parts[k];
          if (!p->applies)
            continue;
          json_builder_begin_object (b);
          sl_cli_json_add_str (b, "component", sl_score_component_to_string (p->component));
          json_builder_set_member_name (b, "value");
          json_builder_add_double_value (b, p->value);
          json_builder_set_member_name (b, "weight");
          json_builder_add_double_value (b, p->weight);
          sl_cli_json_add_str (b, "text", p->text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  out = sl_json_node_to_string (root, TRUE);
  g_print ("%s\n", out);
}

int
sl_cli_match (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autofree char *job_path = NULL;
  g_autofree char *db = NULL;
  gboolean json = FALSE, save = FALSE, shortlist = FALSE;
  int top = 20;
  GOptionEntry entries[] = {
    { "job", 'j', 0, G_OPTION_ARG_FILENAME, &job_path, "the job: JSON, or a description (PDF, DOCX, ODT, text …)", "FILE" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "how many candidates (default 20; 0 = all that score)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the job and the ranking as JSON", NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "the database (same as the global --db)", "PATH" },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, "store the job (see 'jobs')", NULL },
    { "shortlist", 0, 0, G_OPTION_ARG_NONE, &shortlist, "with --save: put the candidates shown on its shortlist", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— rank the stored candidates against a job");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlJob) job = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (job_path == NULL || argc > 1)
    {
      sl_cli_error ("match needs --job FILE and nothing else (see --help)");
      return SL_CLI_USAGE;
    }
  if (shortlist && !save)
    {
      sl_cli_error ("--shortlist needs --save");
      return SL_CLI_USAGE;
    }
  if (top < 0 || top > 100000)
    {
      sl_cli_error ("--top needs a number from 0 to 100000");
      return SL_CLI_USAGE;
    }
  if (db != NULL)
    {
      g_free (ctx->db_path);
      ctx->db_path = g_steal_pointer (&db);
    }

  file = g_file_new_for_commandline_arg (job_path);
  job = sl_job_from_file (file, NULL, &error);
  if (job == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  matches = sl_store_rank (store, job, NULL, (guint) top, NULL, &error);
  if (matches == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }

  if (save && sl_store_save_job (store, job, &error) == 0)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  for (guint i = 0; shortlist && i < matches->len; i++)
    {
      const SlMatch *m = g_ptr_array_index (matches, i);
      if (!sl_store_shortlist_add (store, job->id, m->candidate_id, m->score, m->summary, &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
    }

  if (json)
    {
      print_json (job, matches);
      return SL_CLI_OK;
    }
  g_print ("%u candidate%s for “%s”\n", matches->len, matches->len == 1 ? "" : "s", job->title);
  for (guint i = 0; i < matches->len; i++)
    {
      const SlMatch *m = g_ptr_array_index (matches, i);
      g_print ("%3u  %5.1f  %-28s %s\n", i + 1, m->score, m->name != NULL ? m->name : "(no name)",
               m->summary != NULL ? m->summary : "");
    }
  if (save)
    g_print ("saved as job %" G_GINT64_FORMAT "%s\n", job->id, shortlist ? ", candidates shortlisted" : "");
  return SL_CLI_OK;
}
