/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli: everything the app does, without a display.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sl-cli.h"
#include "sl-cli-commands.h"

static const SlCliCommand commands[] = {
#include "sl-cli-table.h"
};

void
sl_cli_error (const char *format,
              ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("shortlist-cli: %s\n", msg);
}

int
sl_cli_parse_options (GOptionContext *context,
                      int            *argc,
                      char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      sl_cli_error ("%s (see --help)", error->message);
      return SL_CLI_USAGE;
    }
  return -1;
}

void
sl_cli_json_add_str (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

char *
sl_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "shortlist", "shortlist.db", NULL);
}

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: shortlist-cli [--db PATH] COMMAND [ARGS]\n\n"
           "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\nGlobal options:\n"
           "  --db PATH    the database (default: $XDG_DATA_HOME/shortlist/shortlist.db)\n"
           "  --version    print the version\n\n"
           "Run 'shortlist-cli COMMAND --help' for a command's options.\n");
}

int
main (int    argc,
      char **argv)
{
  SlCliContext ctx = { 0 };
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  /* stdout carries results (JSON, text): log messages, debug included, go
   * to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  /* Global options come before the command, so that each command owns its
   * own option parsing. */
  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[i] + 5);
          i++;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return SL_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("shortlist-cli %s\n", PACKAGE_VERSION);
          return SL_CLI_OK;
        }
      else
        {
          sl_cli_error ("unknown option '%s' (see --help)", argv[i]);
          return SL_CLI_USAGE;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return SL_CLI_USAGE;
    }

  if (ctx.db_path == NULL)
    ctx.db_path = sl_cli_default_db_path ();

  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        /* The command sees itself as argv[0]. */
        g_autofree char *prgname = g_strdup_printf ("shortlist-cli %s", commands[c].name);
        g_set_prgname (prgname);
        status = commands[c].run (&ctx, argc - i, argv + i);
        g_free (ctx.db_path);
        return status;
      }

  sl_cli_error ("unknown command '%s' (see --help)", argv[i]);
  g_free (ctx.db_path);
  return SL_CLI_USAGE;
}
