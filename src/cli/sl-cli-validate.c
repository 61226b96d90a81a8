/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli validate FILE...: checks profile JSON files before import.
 */
#include "config.h"

#include "core/sl-json.h"
#include "sl-cli-commands.h"

int
sl_cli_validate (SlCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE... — check profile JSON files");
  int status = SL_CLI_OK;
  int stop;

  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("validate needs at least one FILE (see --help)");
      return SL_CLI_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlProfile) profile = NULL;
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (argv[i], &data, &len, &error) ||
          (profile = sl_profile_from_json (data, len, &error)) == NULL)
        {
          sl_cli_error ("%s: %s", argv[i], error->message);
          status = SL_CLI_SOME_FAILED;
          continue;
        }
      g_print ("%s: ok (%s, %u work entries, %u skills)\n", argv[i],
               profile->personal.name ? profile->personal.name : "no name",
               profile->work->len, profile->skills->len);
    }
  return status;
}
