/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks flatpak/io.github.shortlist.Shortlist.json: it parses, names the
 * app and its command, uses the GNOME 43 runtime, gives no home or host
 * filesystem access, and builds the modules the runtime lacks.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak",
                                                 "io.github.shortlist.Shortlist.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_identity (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *m = load_manifest (parser);

  /* "id" (flatpak-builder ≥ 1.0), or the older spelling "app-id". */
  g_assert_cmpstr (json_object_get_string_member_with_default (m, "id",
                     json_object_get_string_member_with_default (m, "app-id", NULL)),
                   ==, "io.github.shortlist.Shortlist");
  g_assert_cmpstr (json_object_get_string_member (m, "command"), ==, "shortlist");
  g_assert_cmpstr (json_object_get_string_member (m, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (m, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (m, "runtime-version"), ==, "43");
}

static void
test_finish_args (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *m = load_manifest (parser);
  JsonArray *args = json_object_get_array_member (m, "finish-args");
  gboolean wayland = FALSE, ipc = FALSE;

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *a = json_array_get_string_element (args, i);
      g_assert_nonnull (a);
      g_test_message ("finish-arg %s", a);
      /* Files come through the portals: no broad filesystem access. */
      g_assert_false (g_str_has_prefix (a, "--filesystem=home"));
      g_assert_false (g_str_has_prefix (a, "--filesystem=host"));
      g_assert_false (g_str_equal (a, "--filesystem=~"));
      g_assert_false (g_str_has_prefix (a, "--filesystem=/"));
      g_assert_false (g_str_equal (a, "--device=all"));
      g_assert_false (g_str_equal (a, "--socket=session-bus"));
      wayland = wayland || g_str_equal (a, "--socket=wayland");
      ipc = ipc || g_str_equal (a, "--share=ipc");
    }
  g_assert_true (wayland);
  g_assert_true (ipc);
}

static JsonObject *
find_module (JsonArray  *modules,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *n = json_array_get_element (modules, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      if (o != NULL && g_strcmp0 (json_object_get_string_member_with_default (o, "name", NULL), name) == 0)
        return o;
    }
  return NULL;
}

static void
test_modules (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *m = load_manifest (parser);
  JsonArray *modules = json_object_get_array_member (m, "modules");
  const char *needed[] = { "leptonica", "tesseract", "tessdata-eng", "libpq", "gmime", "poppler",
                           "libclamav", "shortlist" };
  JsonObject *last;

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      JsonObject *mod = find_module (modules, needed[i]);
      JsonArray *sources;
      if (mod == NULL)
        g_error ("module %s missing", needed[i]);
      sources = json_object_get_array_member (mod, "sources");
      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      /* Every source is pinned: a git tag, a local dir, or a checksummed file. */
      for (guint k = 0; k < json_array_get_length (sources); k++)
        {
          JsonObject *s = json_array_get_object_element (sources, k);
          const char *type = json_object_get_string_member (s, "type");
          if (g_str_equal (type, "git"))
            g_assert_true (json_object_has_member (s, "tag") || json_object_has_member (s, "commit"));
          else if (g_str_equal (type, "file") || g_str_equal (type, "archive"))
            g_assert_cmpuint (strlen (json_object_get_string_member_with_default (s, "sha256", "")), ==, 64);
          else
            g_assert_cmpstr (type, ==, "dir");
        }
    }

  /* The app is built last, with meson; OCR data lands where TESSDATA_PREFIX points. */
  last = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "name"), ==, "shortlist");
  g_assert_cmpstr (json_object_get_string_member (last, "buildsystem"), ==, "meson");
  {
    JsonObject *data = find_module (modules, "tessdata-eng");
    JsonArray *cmds = json_object_get_array_member (data, "build-commands");
    g_assert_nonnull (strstr (json_array_get_string_element (cmds, 0), "/app/share/tessdata/eng.traineddata"));
  }
  g_assert_true (json_object_has_member (m, "x-notes"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/modules", test_modules);
  return g_test_run ();
}
