/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * shortlist-cli import [--json] PATH...: stores profile JSON files, CSV and
 * JSON Resume files (src/export) and, once the intake pipeline lands, resumes.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "export/sl-import.h"
#include "sl-cli-commands.h"
#include "sl-cli-import.h"
#include "sl-cli-store.h"

SlImportItem *
sl_import_item_new (const char *path)
{
  SlImportItem *item = g_new0 (SlImportItem, 1);
  item->path = g_strdup (path);
  item->outcome = SL_WRITE_FAILED;
  return item;
}

void
sl_import_item_free (SlImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->path);
  g_clear_error (&item->error);
  g_free (item);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
walk (const char *dir_path,
      GPtrArray  *files,
      GPtrArray  *failed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      SlImportItem *item = sl_import_item_new (dir_path);
      item->error = g_steal_pointer (&error);
      g_ptr_array_add (failed, item);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;     /* no loops, no surprises */
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        walk (child, files, failed);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (child));
    }
}

GPtrArray *
sl_cli_import_collect (char      **paths,
                       GPtrArray  *failed)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        walk (paths[i], files, failed);
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        {
          SlImportItem *item = sl_import_item_new (paths[i]);
          g_set_error (&item->error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No such file or folder");
          g_ptr_array_add (failed, item);
        }
    }
  return files;
}

static void
store_batch (SlStore   *store,
             GPtrArray *items,     /* SlImportItem, parallel to profiles */
             GPtrArray *profiles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  if (profiles->len == 0)
    return;
  results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                           NULL, profiles->len, &error);
  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      if (results == NULL)
        {
          item->error = g_error_copy (error);
          continue;
        }
      else
        {
          SlWriteResult *r = g_ptr_array_index (results, i);
          item->outcome = r->outcome;
          item->profile_id = r->profile_id;
          if (r->error != NULL)
            item->error = g_error_copy (r->error);
        }
    }
}

void
sl_cli_import_profile_json (SlStore   *store,
                            GPtrArray *items,
                            guint      batch)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_return_if_fail (SL_IS_STORE (store));
  if (batch == 0)
    batch = 500;

  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      g_autofree char *data = NULL;
      gsize len;
      SlProfile *profile;

      if (!g_file_get_contents (item->path, &data, &len, &item->error))
        continue;
      profile = sl_profile_from_json (data, len, &item->error);
      if (profile == NULL)
        continue;
      if (profile->source == NULL)
        profile->source = g_strdup ("import");
      g_ptr_array_add (profiles, profile);
      g_ptr_array_add (pending, item);
      if (profiles->len >= batch)
        {
          store_batch (store, pending, profiles);
          g_ptr_array_set_size (profiles, 0);
          g_ptr_array_set_size (pending, 0);
        }
    }
  store_batch (store, pending, profiles);
}

int
sl_cli_import (SlCliContext *ctx,
               int           argc,
               char        **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the summary and every file's result as JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH... — store profile JSON files (folders recursively)");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_import_item_free);
  g_autoptr(GPtrArray) profile_json = g_ptr_array_new ();
  g_autoptr(GPtrArray) exchange = g_ptr_array_new ();   /* CSV and JSON Resume */
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(SlStore) store = NULL;
  guint created = 0, updated = 0, failed = 0;
  int stop;

  g_option_context_add_main_entries (context, entries, NULL);
  if ((stop = sl_cli_parse_options (context, &argc, &argv)) >= 0)
    return stop;
  if (argc < 2)
    {
      sl_cli_error ("import needs at least one PATH (see --help)");
      return SL_CLI_USAGE;
    }
  if ((store = sl_cli_open_store (ctx)) == NULL)
    return SL_CLI_USAGE;

  files = sl_cli_import_collect (argv + 1, items);

  /* One branch per kind of input. */
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      SlImportItem *item;

      /* The database itself (and its -wal/-shm) may sit in the folder. */
      if (g_str_has_prefix (path, ctx->db_path))
        continue;
      item = sl_import_item_new (path);

      g_ptr_array_add (items, item);
      if (sl_import_path_is_exchange (path))
        g_ptr_array_add (exchange, item);
      else if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
        g_ptr_array_add (profile_json, item);
      else
        g_set_error (&item->error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID,
                     "not a profile .json file (resume import arrives with the intake pipeline)");
    }
  {
    /* sl_cli_import_profile_json fills in the items in place. */
    g_autoptr(GPtrArray) view = g_ptr_array_new ();
    for (guint i = 0; i < profile_json->len; i++)
      g_ptr_array_add (view, g_ptr_array_index (profile_json, i));
    sl_cli_import_profile_json (store, view, 500);
  }
  for (guint i = 0; i < exchange->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (exchange, i);
      guint c = 0, u = 0;
      if (sl_import_file_summarised (store, item->path, &c, &u, &item->profile_id, &item->error) || c + u > 0)
        item->outcome = u > 0 && c == 0 ? SL_WRITE_UPDATED : SL_WRITE_CREATED;
    }

  for (guint i = 0; i < items->len; i++)
    {
      SlImportItem *item = g_ptr_array_index (items, i);
      if (item->error != NULL)
        {
          failed++;
          if (!json)
            sl_cli_error ("%s: %s", item->path, item->error->message);
        }
      else if (item->outcome == SL_WRITE_UPDATED)
        updated++;
      else
        created++;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "created");
      json_builder_add_int_value (b, created);
      json_builder_set_member_name (b, "updated");
      json_builder_add_int_value (b, updated);
      json_builder_set_member_name (b, "failed");
      json_builder_add_int_value (b, failed);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < items->len; i++)
        {
          SlImportItem *item = g_ptr_array_index (items, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, item->path);
          json_builder_set_member_name (b, "result");
          json_builder_add_string_value (b, item->error != NULL ? "failed"
                                         : item->outcome == SL_WRITE_UPDATED ? "updated" : "created");
          if (item->error != NULL)
            {
              json_builder_set_member_name (b, "error");
              json_builder_add_string_value (b, item->error->message);
            }
          else
            {
              json_builder_set_member_name (b, "profile_id");
              json_builder_add_int_value (b, item->profile_id);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      out = sl_json_node_to_string (root, TRUE);
      g_print ("%s\n", out);
    }
  else
    g_print ("%u file%s: %u created, %u updated, %u failed\n", items->len,
             items->len == 1 ? "" : "s", created, updated, failed);

  return failed > 0 ? SL_CLI_SOME_FAILED : SL_CLI_OK;
}
