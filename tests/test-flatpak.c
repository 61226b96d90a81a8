/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks flatpak/io.github.shortlist.Shortlist.json: it parses, names the
 * app and its command, uses the GNOME 43 runtime, gives no home or host
 * filesystem access, and builds the modules the runtime lacks.  Offline,
 * that is as far as it goes: flatpak-builder (Debian's) parses it with its
 * own parser, and the one file checksum is compared with Debian's copy of
 * that file.  Nothing is downloaded or built (see flatpak/README.md).
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "export/sl-json-resume.h"
#include "sl-test-util.h"

#define MANIFEST "io.github.shortlist.Shortlist.json"

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", MANIFEST, NULL);
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

/* flatpak-builder's own parser reads every property (it warns about and
 * drops unknown ones) and gives back the same manifest. */
static void
test_builder_parses (void)
{
  g_autofree char *builder = g_find_program_in_path ("flatpak-builder");
  g_autofree char *tmp = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", MANIFEST, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) ours = json_parser_new ();
  g_autoptr(JsonParser) theirs = json_parser_new ();
  int status = 0;

  if (builder == NULL)
    {
      g_test_skip ("flatpak-builder is not installed (Debian package flatpak-builder)");
      return;
    }
  /* It leaves a .flatpak-builder state folder in its working directory. */
  tmp = g_dir_make_tmp ("shortlist-flatpak-XXXXXX", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { builder, "--show-manifest", path, NULL };
    g_spawn_sync (tmp, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  sl_test_rm_rf (tmp);
  g_assert_no_error (error);
  g_test_message ("flatpak-builder stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (err, "Unknown property"));
  g_assert_null (strstr (err, "WARNING"));
  json_parser_load_from_data (theirs, out, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (ours, path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_json_node_equal_deep (json_parser_get_root (ours), json_parser_get_root (theirs)));
}

/* The sha256 of eng.traineddata is Debian's copy of the same upstream file
 * (tessdata_fast 4.1.0); when that copy is here, the two must agree. */
static void
test_tessdata_checksum (void)
{
  const char *debian = "/usr/share/tesseract-ocr/5/tessdata/eng.traineddata";
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *m = load_manifest (parser);
  JsonObject *module = find_module (json_object_get_array_member (m, "modules"), "tessdata-eng");
  JsonObject *source = json_array_get_object_element (json_object_get_array_member (module, "sources"), 0);
  g_autofree char *data = NULL;
  g_autofree char *sum = NULL;
  gsize length;

  if (!g_file_get_contents (debian, &data, &length, NULL))
    {
      g_test_skip ("Debian's tesseract-ocr-eng is not installed");
      return;
    }
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (source, "url"), "/4.1.0/eng.traineddata"));
  g_assert_cmpstr (json_object_get_string_member (source, "sha256"), ==, sum);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/modules", test_modules);
  g_test_add_func ("/flatpak/builder-parses", test_builder_parses);
  g_test_add_func ("/flatpak/tessdata-checksum", test_tessdata_checksum);
  return g_test_run ();
}
