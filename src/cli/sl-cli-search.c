/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli search [--json] [--limit N] [--offset N] [--sort KEY] QUERY:
 * the query language of docs/ARCHITECTURE.md.  Several arguments are
 * joined with spaces, so quoting the whole query is optional.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"
#include "store/sl-store-search.h"

static gboolean
parse_sort (const char *s,
            SlSortKey  *out)
{
  static const struct { const char *name; SlSortKey key; } keys[] = {
    { "relevance", SL_SORT_RELEVANCE }, { "name", SL_SORT_NAME },
    { "imported", SL_SORT_IMPORTED }, { "years", SL_SORT_YEARS },
    { "title", SL_SORT_TITLE }, { "company", SL_SORT_COMPANY }, { "location", SL_SORT_LOCATION },
  };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (s, keys[i].name))
      {
        *out = keys[i].key;
        return TRUE;
      }
  return FALSE;
}

int
sl_cli_search (SlCliContext *ctx,
               int           argc,
               char        **argv)
{
  gboolean json = FALSE, reverse = FALSE;
  int limit = 20, offset = 0;
  g_autofree char *sort_name = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the total and the hits as JSON", NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "how many hits (default 20)", "N" },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, "skip the first N hits", "N" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_name, "relevance (default), name, imported, years, title, company or location", "KEY" },
    { "reverse", 0, 0, G_OPTION_ARG_NONE, &reverse, "descending (all but relevance)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("QUERY — search profiles");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SlSortKey sort = SL_SORT_RELEVANCE;
  gboolean ranked = FALSE;
  gint64 total;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Examples:\n"
    "  python AND (django OR flask) -java \"machine learning\" pyth*\n"
    "  skill:rust location:berlin title:\"data engineer\" company:acme school:mit\n"
    "  years:>=5 source:email imported:>2026-01-01\n");
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("search needs a QUERY (see --help)");
      return SL_CLI_USAGE;
    }
  if (limit < 1 || limit > 100000 || offset < 0)
    {
      sl_cli_error ("--limit needs a number from 1 to 100000 and --offset one from 0");
      return SL_CLI_USAGE;
    }
  if (sort_name != NULL && !parse_sort (sort_name, &sort))
    {
      sl_cli_error ("unknown --sort '%s': use relevance, name, imported, years, title, company or location", sort_name);
      return SL_CLI_USAGE;
    }

  text = g_strjoinv (" ", argv + 1);
  query = sl_query_parse (text, &error);
  if (query == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  total = sl_store_search_count (store, query, &error);
  if (total >= 0)
    hits = sl_store_search_page (store, query, sort, reverse, offset, limit, &ranked, &error);
  if (hits == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "query");
      json_builder_add_string_value (b, text);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, total);
      json_builder_set_member_name (b, "ranked");
      json_builder_add_boolean_value (b, ranked);
      json_builder_set_member_name (b, "hits");
      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          const SlSearchHit *h = g_ptr_array_index (hits, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, h->profile_id);
          sl_cli_json_add_str (b, "uuid", h->uuid);
          sl_cli_json_add_str (b, "name", h->name);
          sl_cli_json_add_str (b, "email", h->email);
          sl_cli_json_add_str (b, "title", h->current_title);
          sl_cli_json_add_str (b, "company", h->current_company);
          sl_cli_json_add_str (b, "location", h->location);
          json_builder_set_member_name (b, "experience_months");
          if (h->experience_months >= 0)
            json_builder_add_int_value (b, h->experience_months);
          else
            json_builder_add_null_value (b);
          sl_cli_json_add_str (b, "source", h->source);
          sl_cli_json_add_str (b, "imported", h->created_at);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      out = sl_json_node_to_string (root, TRUE);
      g_print ("%s\n", out);
      return SL_CLI_OK;
    }

  g_print ("%" G_GINT64_FORMAT " match%s%s\n", total, total == 1 ? "" : "es",
           sort == SL_SORT_RELEVANCE && !ranked && total > 0 ? " (many: newest first, not ranked)" : "");
  for (guint i = 0; i < hits->len; i++)
    {
      const SlSearchHit *h = g_ptr_array_index (hits, i);
      g_autofree char *years = h->experience_months >= 0
                               ? g_strdup_printf ("%.1f y", h->experience_months / 12.0)
                               : g_strdup ("");
      g_print ("%6" G_GINT64_FORMAT "  %-28s %-30s %s%s%s  %s  %s\n",
               h->profile_id,
               h->name != NULL ? h->name : "(no name)",
               h->email != NULL ? h->email : "",
               h->current_title != NULL ? h->current_title : "",
               h->current_company != NULL ? " @ " : "",
               h->current_company != NULL ? h->current_company : "",
               h->location != NULL ? h->location : "",
               years);
    }
  return SL_CLI_OK;
}
