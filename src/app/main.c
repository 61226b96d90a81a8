/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-application.h"
#include "sl-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlApplication) app = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *page = NULL;
  gboolean open_first = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to open (default: the one in your data folder)"), N_("PATH") },
    { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &page, NULL, NULL },
    { "open-first", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &open_first, NULL, NULL },
    { NULL }
  };

  sl_renderer_choose ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --db is ours; GApplication and GTK handle the rest of the command line. */
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("shortlist: %s\n", error->message);
      return 2;
    }
  if (db == NULL && g_getenv ("SHORTLIST_DB") != NULL)
    db = g_strdup (g_getenv ("SHORTLIST_DB"));

  /* A different database is a different instance: don't hand the request to
   * an already running Shortlist that has another database open. */
  app = sl_application_new (db, db != NULL ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS);
  if (page != NULL || open_first)
    sl_application_set_start_page (app, page, open_first);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
