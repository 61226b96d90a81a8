/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cli.h: shortlist-cli commands.  Each command lives in its own
 * sl-cli-NAME.c and is listed in the table in main.c.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit codes of the CLI contract (docs/ARCHITECTURE.md). */
enum
{
  SL_CLI_OK = 0,
  SL_CLI_SOME_FAILED = 1,
  SL_CLI_USAGE = 2,
};

typedef struct
{
  char *db_path;      /* resolved --db or the default location */
} SlCliContext;

typedef int (*SlCliCommandFunc) (SlCliContext *ctx,
                                 int           argc,
                                 char        **argv);

typedef struct
{
  const char       *name;
  const char       *summary;
  SlCliCommandFunc  run;
} SlCliCommand;

/* Parses a command's options; prints the error or --help and returns the exit
 * code to use (SL_CLI_USAGE / SL_CLI_OK) when the caller must stop, or -1 to
 * go on. */
int   sl_cli_parse_options (GOptionContext *context,
                            int            *argc,
                            char         ***argv);

/* Prints "shortlist-cli: MESSAGE" on stderr, one line. */
void  sl_cli_error         (const char *format,
                            ...) G_GNUC_PRINTF (1, 2);

/* Adds member @name with @value, or null when @value is NULL. */
void  sl_cli_json_add_str  (JsonBuilder *b,
                            const char  *name,
                            const char  *value);

/* The default database path: $XDG_DATA_HOME/shortlist/shortlist.db */
char *sl_cli_default_db_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
