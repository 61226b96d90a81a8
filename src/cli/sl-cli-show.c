/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli show [--json] ID|UUID|EMAIL...: one stored profile.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"

static void
print_json (const SlStoredProfile *sp,
            gboolean               with_text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, sp->id);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, sp->uuid);
  json_builder_set_member_name (b, "candidate_id");
  json_builder_add_int_value (b, sp->candidate_id);
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, sp->revision);
  json_builder_set_member_name (b, "created_at");
  json_builder_add_string_value (b, sp->created_at);
  json_builder_set_member_name (b, "updated_at");
  json_builder_add_string_value (b, sp->updated_at);
  if (with_text && sp->raw_text != NULL)
    {
      json_builder_set_member_name (b, "raw_text");
      json_builder_add_string_value (b, sp->raw_text);
    }
  json_builder_set_member_name (b, "profile");
  json_builder_add_value (b, sl_profile_to_json_node (sp->profile));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  out = sl_json_node_to_string (root, TRUE);
  g_print ("%s\n", out);
}

static void
line (const char *label,
      const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%-12s %s\n", label, value);
}

static void
print_text (const SlStoredProfile *sp,
            gboolean               with_text)
{
  const SlProfile *p = sp->profile;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT " (revision %d)", sp->id, sp->revision);

  line ("Name", p->personal.name);
  line ("Profile", id);
  line ("E-mail", p->personal.email);
  line ("Phone", p->personal.phone);
  line ("Location", p->personal.location);
  line ("Headline", p->personal.headline);
  line ("Source", sp->source);
  line ("Imported", sp->created_at);
  if (p->work->len > 0)
    {
      g_print ("Experience\n");
      for (guint i = 0; i < p->work->len; i++)
        {
          const SlWorkEntry *w = g_ptr_array_index (p->work, i);
          g_print ("  %s%s%s  %s – %s\n",
                   w->title != NULL ? w->title : "",
                   w->company != NULL ? " @ " : "",
                   w->company != NULL ? w->company : "",
                   w->start != NULL ? w->start : "?",
                   w->current ? "now" : w->end != NULL ? w->end : "?");
        }
    }
  if (p->education->len > 0)
    {
      g_print ("Education\n");
      for (guint i = 0; i < p->education->len; i++)
        {
          const SlEducationEntry *e = g_ptr_array_index (p->education, i);
          g_print ("  %s%s%s %s\n",
                   e->degree != NULL ? e->degree : "",
                   e->degree != NULL && e->institution != NULL ? ", " : "",
                   e->institution != NULL ? e->institution : "",
                   e->end != NULL ? e->end : "");
        }
    }
  if (p->skills->len > 0)
    {
      g_autoptr(GPtrArray) names = sl_profile_skill_names (p);
      g_autofree char *joined = NULL;
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      line ("Skills", joined);
    }
  if (p->languages->len > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      for (guint i = 0; i < p->languages->len; i++)
        {
          const SlLanguage *l = g_ptr_array_index (p->languages, i);
          g_string_append_printf (s, "%s%s%s%s%s", i > 0 ? ", " : "", l->language,
                                  l->level != NULL ? " (" : "", l->level != NULL ? l->level : "",
                                  l->level != NULL ? ")" : "");
        }
      line ("Languages", s->str);
    }
  if (with_text && sp->raw_text != NULL)
    g_print ("\n%s\n", sp->raw_text);
}

int
sl_cli_show (SlCliContext *ctx,
             int           argc,
             char        **argv)
{
  gboolean json = FALSE, text = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the stored profile as JSON", NULL },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, "include the extracted resume text", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|UUID|EMAIL... — show stored profiles");
  g_autoptr(SlStore) store = NULL;
  int status = SL_CLI_OK;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("show needs a profile ID, UUID or EMAIL (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlStoredProfile) sp = sl_cli_find_profile (store, argv[i], &error);

      if (sp == NULL)
        {
          sl_cli_error ("%s: %s", argv[i], error->message);
          status = SL_CLI_SOME_FAILED;
          continue;
        }
      if (json)
        print_json (sp, text);
      else
        {
          if (i > 1)
            g_print ("\n");
          print_text (sp, text);
        }
    }
  return status;
}
