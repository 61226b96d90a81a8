/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The privacy commands (src/privacy):
 *   shortlist-cli erase [--yes] [--archive-dir DIR] ID|UUID|EMAIL...
 *   shortlist-cli export-subject --output DIR [--archive-dir DIR] ID|UUID|EMAIL
 *   shortlist-cli consent ID|UUID|EMAIL [--set BASIS [--note TEXT]]
 *   shortlist-cli consent --default [BASIS]
 *   shortlist-cli retention --months N [--json] [--erase --yes]
 *   shortlist-cli audit [--json] [--after ID] [--limit N]
 * ID is a profile id as `search`/`show` print it.  Erasing never happens
 * without --yes.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "intake/sl-pipeline.h"
#include "privacy/sl-privacy.h"
#include "sl-cli-commands.h"
#include "sl-cli-store.h"

static void
print_erase_report (const SlEraseReport *r,
                    guint                n_candidates)
{
  g_print ("erased %u candidate%s: %u profile%s, %u intake row%s, %u archived original%s deleted",
           n_candidates, n_candidates == 1 ? "" : "s",
           r->profiles, r->profiles == 1 ? "" : "s",
           r->intake_rows, r->intake_rows == 1 ? "" : "s",
           r->files_removed, r->files_removed == 1 ? "" : "s");
  if (r->files_kept > 0)
    g_print (" (%u kept: used by another candidate)", r->files_kept);
  g_print ("\n");
  if (!r->wal_truncated)
    sl_cli_error ("warning: another program has the database open; its write-ahead log still "
                  "holds old pages until that program closes it");
}

int
sl_cli_erase (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  gboolean yes = FALSE;
  g_autofree char *archive_dir = NULL;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, "really erase (required)", NULL },
    { "archive-dir", 0, 0, G_OPTION_ARG_FILENAME, &archive_dir, "the archive of originals (default: beside the database)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|UUID|EMAIL… — erase candidates and everything about them");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlEraseReport report = { 0 };
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("erase needs at least one ID, UUID or e-mail (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  for (int i = 1; i < argc; i++)
    {
      gint64 id = sl_privacy_resolve (store, argv[i], &error);
      if (id == 0)
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
      g_array_append_val (ids, id);
    }
  if (!yes)
    {
      g_print ("%u candidate%s would be erased with all their profiles, history, notes, "
               "imports and archived originals.  Run again with --yes to erase.\n",
               ids->len, ids->len == 1 ? "" : "s");
      return SL_CLI_SOME_FAILED;
    }
  if (archive_dir == NULL)
    archive_dir = sl_intake_default_archive_dir (ctx->db_path);
  if (!sl_privacy_erase_candidates (store, ids, archive_dir, &report, &error))
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  print_erase_report (&report, ids->len);
  return SL_CLI_OK;
}

int
sl_cli_export_subject (SlCliContext *ctx,
                       int           argc,
                       char        **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *archive_dir = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "folder to write subject.json and originals/ into", "DIR" },
    { "archive-dir", 0, 0, G_OPTION_ARG_FILENAME, &archive_dir, "the archive of originals (default: beside the database)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|UUID|EMAIL — everything held about one candidate (subject access request)");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint files = 0;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc != 2 || output == NULL)
    {
      sl_cli_error ("export-subject needs --output DIR and one ID, UUID or e-mail (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  if ((id = sl_privacy_resolve (store, argv[1], &error)) == 0)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  if (archive_dir == NULL)
    archive_dir = sl_intake_default_archive_dir (ctx->db_path);
  if (!sl_privacy_export_subject (store, id, archive_dir, output, &files, &error))
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("wrote %s/subject.json and %u original%s\n", output, files, files == 1 ? "" : "s");
  return SL_CLI_OK;
}

int
sl_cli_consent (SlCliContext *ctx,
                int           argc,
                char        **argv)
{
  g_autofree char *set = NULL;
  g_autofree char *note = NULL;
  gboolean def = FALSE;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, "record this legal basis now", "BASIS" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "a note with --set (e.g. where consent was given)", "TEXT" },
    { "default", 0, 0, G_OPTION_ARG_NONE, &def, "show or set (with an argument) the basis new candidates get", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID|UUID|EMAIL | --default [BASIS] — the legal basis for holding a candidate's data");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlConsent) consent = NULL;
  gint64 id;
  int stop;

  g_option_context_set_summary (context, "Bases: legitimate-interest, consent, contract, legal-obligation.");
  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if ((def && argc > 2) || (!def && argc != 2))
    {
      sl_cli_error ("consent needs one ID, UUID or e-mail, or --default [BASIS] (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  if (def)
    {
      g_autofree char *basis = NULL;

      if (argc == 2 && !sl_privacy_set_default_basis (store, argv[1], &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_USAGE;
        }
      basis = sl_privacy_get_default_basis (store);
      g_print ("default legal basis: %s\n", basis);
      return SL_CLI_OK;
    }
  if ((id = sl_privacy_resolve (store, argv[1], &error)) == 0)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  if (set != NULL && !sl_privacy_set_consent (store, id, set, note, &error))
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if ((consent = sl_privacy_get_consent (store, id, &error)) == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  g_print ("legal basis: %s\nrecorded:    %s\n", consent->legal_basis, consent->recorded_at);
  if (consent->note != NULL)
    g_print ("note:        %s\n", consent->note);
  {
    /* The records another basis replaced, newest first. */
    g_autoptr(GPtrArray) history = sl_privacy_get_consent_history (store, id, NULL);

    for (guint i = history != NULL ? history->len : 0; i-- > 0;)
      {
        SlConsent *old = g_ptr_array_index (history, i);
        g_print ("earlier:     %s recorded %s, replaced %s\n", old->legal_basis, old->recorded_at,
                 old->superseded_at);
      }
  }
  return SL_CLI_OK;
}

int
sl_cli_retention (SlCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  int months = -1;
  gboolean json = FALSE, erase = FALSE, yes = FALSE;
  g_autofree char *archive_dir = NULL;
  GOptionEntry entries[] = {
    { "months", 0, 0, G_OPTION_ARG_INT, &months, "list candidates not updated for N months", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print JSON", NULL },
    { "erase", 0, 0, G_OPTION_ARG_NONE, &erase, "erase the listed candidates (needs --yes)", NULL },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, "confirm --erase", NULL },
    { "archive-dir", 0, 0, G_OPTION_ARG_FILENAME, &archive_dir, "the archive of originals (default: beside the database)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— candidates due for a retention review");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (months <= 0 || argc > 1)
    {
      sl_cli_error ("retention needs --months N (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  if ((due = sl_privacy_retention_due (store, (guint) months, NULL, &error)) == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_USAGE;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < due->len; i++)
        {
          SlRetentionItem *it = g_ptr_array_index (due, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "candidate_id");
          json_builder_add_int_value (b, it->candidate_id);
          json_builder_set_member_name (b, "uuid");
          json_builder_add_string_value (b, it->uuid);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, it->name);
          json_builder_set_member_name (b, "email");
          json_builder_add_string_value (b, it->email);
          json_builder_set_member_name (b, "last_update");
          json_builder_add_string_value (b, it->last_update);
          json_builder_set_member_name (b, "legal_basis");
          json_builder_add_string_value (b, it->legal_basis);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      out = sl_json_node_to_string (root, TRUE);
      g_print ("%s\n", out);
    }
  else
    {
      for (guint i = 0; i < due->len; i++)
        {
          SlRetentionItem *it = g_ptr_array_index (due, i);
          g_print ("%s  %-10.10s  %-30s  %s\n", it->uuid, it->last_update,
                   it->name != NULL ? it->name : "-", it->email != NULL ? it->email : "-");
        }
      g_print ("%u candidate%s not updated for %d month%s\n", due->len, due->len == 1 ? "" : "s",
               months, months == 1 ? "" : "s");
    }
  if (erase && due->len > 0)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      SlEraseReport report = { 0 };

      if (!yes)
        {
          sl_cli_error ("nothing erased: add --yes to erase the %u candidate%s listed",
                        due->len, due->len == 1 ? "" : "s");
          return SL_CLI_SOME_FAILED;
        }
      for (guint i = 0; i < due->len; i++)
        g_array_append_val (ids, ((SlRetentionItem *) g_ptr_array_index (due, i))->candidate_id);
      if (archive_dir == NULL)
        archive_dir = sl_intake_default_archive_dir (ctx->db_path);
      if (!sl_privacy_erase_candidates (store, ids, archive_dir, &report, &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
      if (!json)
        print_erase_report (&report, ids->len);
    }
  return SL_CLI_OK;
}

int
sl_cli_audit (SlCliContext *ctx,
              int           argc,
              char        **argv)
{
  gboolean json = FALSE;
  gint64 after = 0;
  int limit = 0;
  g_autofree char *output = NULL;
  g_autofree char *action = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print JSON (for export)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "write the JSON to FILE (mode 0600)", "FILE" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, "only entries of this action (create, update, export, erase, sync, ...)", "ACTION" },
    { "after", 0, 0, G_OPTION_ARG_INT64, &after, "only entries with a larger id", "ID" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "at most N entries", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the audit log (what changed, never the data itself)");
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_out = NULL;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc > 1 || limit < 0)
    {
      sl_cli_error ("audit takes no arguments (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;
  /* --limit counts the entries shown, after --action filtered them. */
  if ((entries_out = sl_privacy_audit_list (store, after, action != NULL ? 0 : (guint) limit, &error)) == NULL)
    {
      sl_cli_error ("%s", error->message);
      return SL_CLI_SOME_FAILED;
    }
  if (action != NULL)
    for (guint i = entries_out->len; i-- > 0;)
      if (g_strcmp0 (((SlAuditEntry *) g_ptr_array_index (entries_out, i))->action, action) != 0)
        g_ptr_array_remove_index (entries_out, i);
  if (limit > 0 && entries_out->len > (guint) limit)
    g_ptr_array_set_size (entries_out, limit);
  if (json || output != NULL)
    {
      g_autoptr(JsonNode) root = sl_privacy_audit_json (entries_out);
      g_autofree char *out = sl_json_node_to_string (root, TRUE);

      if (output == NULL)
        {
          g_print ("%s\n", out);
          return SL_CLI_OK;
        }
      if (!g_file_set_contents_full (output, out, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          sl_cli_error ("%s", error->message);
          return SL_CLI_SOME_FAILED;
        }
      g_printerr ("wrote %u audit entr%s to %s\n", entries_out->len, entries_out->len == 1 ? "y" : "ies", output);
      return SL_CLI_OK;
    }
  for (guint i = 0; i < entries_out->len; i++)
    {
      SlAuditEntry *e = g_ptr_array_index (entries_out, i);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", e->id, e->at, e->action, e->entity,
               e->entity_uuid != NULL ? e->entity_uuid : "-", e->details != NULL ? e->details : "");
    }
  return SL_CLI_OK;
}
