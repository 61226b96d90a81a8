/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli parse FILE...: parse resumes without storing them.
 *
 * Every format goes through the extraction room (sl_extract_file); an
 * e-mail can hold several resumes, each parsed on its own.  --parser llm
 * asks the configured provider and merges with the rule parser's result,
 * falling back to it when the LLM fails.
 */
#include "config.h"

#include <string.h>

#include "core/sl-date.h"
#include "core/sl-json.h"
#include "core/sl-util.h"
#include "export/sl-json-resume.h"
#include "extract/sl-extract.h"
#include "parse/sl-phone.h"
#include "parse/sl-rules.h"
#include "sl-cli-commands.h"
#include "sl-cli-llm.h"

static char *
out_name (const char *dir, const char *path, guint index)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (index == 0)
    name = g_strconcat (base, ".json", NULL);
  else
    name = g_strdup_printf ("%s-%u.json", base, index + 1);
  return g_build_filename (dir, name, NULL);
}

int
sl_cli_parse (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autofree char *parser = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *region = NULL;
  g_autofree char *today = NULL;
  gboolean pretty = FALSE;
  GOptionEntry entries[] = {
    { "parser", 0, 0, G_OPTION_ARG_STRING, &parser, "rules (default) or llm", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "profile (default), eval or json-resume", "FORMAT" },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "write DIR/<name>.json per file", "DIR" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, "default phone region, e.g. DE (default: from the locale)", "CC" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, "what \"present\" means, YYYY-MM (default: this month)", "DATE" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "indent the JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE... — parse resumes into profiles without storing them");
  SlRulesOptions opts = { NULL, NULL };
  SlCliLlmOptions llm_opts = { 0 };
  g_autoptr(SlLlmClient) client = NULL;
  int status = SL_CLI_OK;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sl_cli_llm_option_group (&llm_opts));
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    {
      sl_cli_llm_options_clear (&llm_opts);
      return stop;
    }
  if (argc < 2)
    {
      sl_cli_error ("parse needs at least one FILE (see --help)");
      return SL_CLI_USAGE;
    }
  if (!sl_cli_llm_for_parser (parser, &llm_opts, &client))
    return SL_CLI_USAGE;
  if (format == NULL)
    format = g_strdup ("profile");
  if (!g_str_equal (format, "profile") && !g_str_equal (format, "eval") &&
      !g_str_equal (format, "json-resume"))
    {
      sl_cli_error ("format '%s' is not available; use profile, eval or json-resume", format);
      return SL_CLI_USAGE;
    }
  if (today != NULL && !sl_date_is_valid (today))
    {
      sl_cli_error ("--today wants a date like 2026-11, not '%s'", today);
      return SL_CLI_USAGE;
    }
  if (region != NULL && sl_phone_region_code (region) == 0)
    {
      sl_cli_error ("unknown phone region '%s' (use a two-letter country code such as DE)", region);
      return SL_CLI_USAGE;
    }
  if (region == NULL)
    region = sl_phone_region_from_locale ();
  opts.default_region = region;
  opts.today = today;
  if (out_dir != NULL && g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      sl_cli_error ("cannot create %s", out_dir);
      return SL_CLI_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = sl_extract_file (argv[i], NULL, NULL, &error);

      if (docs == NULL)
        {
          sl_cli_error ("%s: %s", argv[i], error->message);
          status = SL_CLI_SOME_FAILED;
          continue;
        }
      for (guint d = 0; d < docs->len; d++)
        {
          SlDocument *doc = g_ptr_array_index (docs, d);
          g_autoptr(SlProfile) profile = NULL;
          g_autofree char *json = NULL;

          profile = sl_rules_parse (doc, &opts, &error);
          if (profile == NULL)
            {
              sl_cli_error ("%s: %s", argv[i], error->message);
              g_clear_error (&error);
              status = SL_CLI_SOME_FAILED;
              continue;
            }
          if (client != NULL)
            {
              g_autoptr(GError) llm_error = NULL;
              SlProfile *merged = sl_llm_parse_with_fallback (client, doc->text, profile, NULL, &llm_error);
              if (llm_error != NULL)
                sl_cli_error ("%s: %s (used the rule parser's result)", argv[i], llm_error->message);
              sl_profile_free (profile);
              profile = merged;
            }
          g_free (profile->source);
          profile->source = g_strdup ("cli");
          if (g_str_equal (format, "eval"))
            json = sl_rules_profile_to_eval_json (profile, pretty);
          else if (g_str_equal (format, "json-resume"))
            {
              g_autoptr(JsonNode) resume = sl_json_resume_from_profile (profile);
              json = sl_json_node_to_string (resume, pretty);
            }
          else
            json = sl_profile_to_json (profile, pretty);
          if (out_dir != NULL)
            {
              g_autofree char *path = out_name (out_dir, argv[i], d);
              g_autofree char *data = g_strconcat (json, "\n", NULL);
              if (!g_file_set_contents (path, data, -1, &error))
                {
                  sl_cli_error ("%s: %s", path, error->message);
                  g_clear_error (&error);
                  status = SL_CLI_SOME_FAILED;
                }
            }
          else
            g_print ("%s\n", json);
        }
    }
  (void) ctx;
  return status;
}
