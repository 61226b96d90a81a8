/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests for src/export: CSV writing (quoting, BOM, formula neutralisation,
 * column choice), streaming export from a real store in a temporary folder,
 * JSON Resume both ways with a round trip of a rich hand-made document,
 * CSV import (mapping guess, preview, per-row errors) and the CLI.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "export/sl-csv.h"
#include "export/sl-export.h"
#include "export/sl-import.h"
#include "export/sl-json-resume.h"
#include "store/sl-store.h"
#include "sl-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SlStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("shortlist-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shortlist.db", NULL);
  f->store = sl_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  sl_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static SlProfile *
make_profile (const char *name,
              const char *email,
              const char *skills,
              const char *title,
              const char *company,
              const char *start)
{
  SlProfile *p = sl_profile_new ();

  p->personal.name = g_strdup (name);
  p->personal.email = g_strdup (email);
  if (skills != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (skills, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (p->skills, sl_skill_new (parts[i], NULL));
    }
  if (title != NULL || company != NULL)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      w->title = g_strdup (title);
      w->company = g_strdup (company);
      w->start = g_strdup (start);
      w->end = g_strdup ("2024-06");
      g_ptr_array_add (p->work, w);
    }
  p->source = g_strdup ("cli");
  return p;
}

static void
store_profile (Fixture   *f,
               SlProfile *p)
{
  g_autoptr(GError) error = NULL;
  SlWriteOutcome outcome;
  gint64 id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, &outcome, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  sl_profile_free (p);
}

/* Exports into memory and returns the bytes as a string. */
static char *
export_to_string (Fixture               *f,
                  const SlExportOptions *o,
                  guint64               *n)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sl_export_to_stream (f->store, o, out, n, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);   /* NUL */
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* CSV writing ---------------------------------------------------------------- */

static void
test_csv_quoting (void)
{
  const char *values[] = {
    "plain", "with, comma", "say \"hi\"", "two\nlines", "crlf\r\nend",
    "Zoë Šimková — 東京", "", "semi;colon", "trailing space ",
  };
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(SlCsvTable) t = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sl_csv_append_cell (line, values[i], ',', i == 0, TRUE);
  sl_csv_end_row (line);

  /* RFC 4180 spelling of the tricky cells. */
  g_assert_nonnull (strstr (line->str, ",\"with, comma\","));
  g_assert_nonnull (strstr (line->str, ",\"say \"\"hi\"\"\","));
  g_assert_nonnull (strstr (line->str, ",\"two\nlines\","));
  g_assert_nonnull (strstr (line->str, ",Zoë Šimková — 東京,"));
  g_assert_nonnull (strstr (line->str, ",semi;colon,"));
  g_assert_true (g_str_has_prefix (line->str, "plain,"));
  g_assert_true (g_str_has_suffix (line->str, "trailing space \r\n"));

  /* And the reader gets every value back. */
  t = sl_csv_table_parse (line->str, line->len, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 1);
  row = g_ptr_array_index (t->rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpstr (row[i], ==, values[i]);
}

static void
test_csv_formula (void)
{
  const char *dangerous[] = { "=SUM(A1:A9)", "+49 30 1234567", "-2+3", "@cmd", "\tx", "\rx",
                              "=HYPERLINK(\"http://evil\",\"x\")" };
  const char *harmless[] = { "a=b", "Ada", "42", "'quoted", " =spaced" };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(SlCsvTable) t = NULL;
      g_autofree char *expected = g_strconcat ("'", dangerous[i], NULL);

      g_assert_true (sl_csv_needs_neutralising (dangerous[i]));
      sl_csv_append_cell (line, dangerous[i], ',', TRUE, TRUE);
      sl_csv_end_row (line);
      g_assert_true (g_str_has_prefix (line->str, "\"'"));
      t = sl_csv_table_parse (line->str, line->len, ',', NULL);
      g_assert_cmpstr (((char **) g_ptr_array_index (t->rows, 0))[0], ==, expected);

      /* Off means off: the raw value is written. */
      g_string_truncate (line, 0);
      sl_csv_append_cell (line, dangerous[i], ',', TRUE, FALSE);
      g_assert_false (g_str_has_prefix (line->str, "'") || g_str_has_prefix (line->str, "\"'"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_assert_false (sl_csv_needs_neutralising (harmless[i]));
      sl_csv_append_cell (line, harmless[i], ',', TRUE, TRUE);
      g_assert_cmpstr (line->str, ==, harmless[i]);
    }
}

static void
test_csv_parse_detect (void)
{
  const char *semi = SL_CSV_BOM "Name;E-Mail;Notes\r\n\"Doe, Jane\";jane@example.org;\"line 1\nline 2; with \"\"quotes\"\"\"\r\n\r\nBob;bob@example.org;x";
  const char *tabs = "a\tb\tc\n1\t2\t3\n";
  g_autoptr(SlCsvTable) t = NULL;
  g_autoptr(SlCsvTable) t2 = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  t = sl_csv_table_parse (semi, strlen (semi), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->delimiter, ==, ';');
  g_assert_cmpuint (t->rows->len, ==, 3);     /* the blank line is no record */
  row = g_ptr_array_index (t->rows, 0);
  g_assert_cmpstr (row[0], ==, "Name");       /* BOM gone */
  row = g_ptr_array_index (t->rows, 1);
  g_assert_cmpstr (row[0], ==, "Doe, Jane");
  g_assert_cmpstr (row[2], ==, "line 1\nline 2; with \"quotes\"");
  g_assert_cmpuint (g_array_index (t->line_numbers, guint, 2), ==, 5);
  row = g_ptr_array_index (t->rows, 2);
  g_assert_cmpstr (row[2], ==, "x");

  t2 = sl_csv_table_parse (tabs, strlen (tabs), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t2->delimiter, ==, '\t');
  g_assert_cmpstr (((char **) g_ptr_array_index (t2->rows, 1))[2], ==, "3");

  g_assert_null (sl_csv_table_parse ("a,\"open\n", 8, 0, &error));
  g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* Windows-1252 (Excel's "CSV") is read as such. */
  {
    const char latin[] = "Name\nJos\xe9\n";
    g_autoptr(SlCsvTable) t3 = sl_csv_table_parse (latin, sizeof latin - 1, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((char **) g_ptr_array_index (t3->rows, 1))[0], ==, "José");
  }
}

/* CSV export from a store ------------------------------------------------------ */

static void
fill_store (Fixture *f)
{
  SlProfile *p;

  p = make_profile ("Ada Lovelace", "ada@example.org", "Python,Rust,SQL", "Data Engineer",
                    "Analytical Engines, Ltd.", "2018-06");
  p->personal.phone = g_strdup ("+44 20 7946 0958");
  p->personal.location = g_strdup ("London, UK");
  g_ptr_array_add (p->languages, sl_language_new ("English", "native"));
  g_ptr_array_add (p->languages, sl_language_new ("French", "B2"));
  store_profile (f, p);

  p = make_profile ("=HYPERLINK(\"http://evil.example\",\"click\")", "mallory@example.org",
                    "@risk", NULL, NULL, NULL);
  store_profile (f, p);

  p = make_profile ("Zoë \"ZZ\" Šimková", "zoe@example.org", "Go", "Backend\nDeveloper",
                    "Acme", "2020-01");
  store_profile (f, p);
}

static void
test_csv_export_store (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
  g_autoptr(SlCsvTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 n = 0;
  char **header, **row;
  gboolean saw_ada = FALSE, saw_evil = FALSE, saw_zoe = FALSE;

  fill_store (f);
  o->columns = sl_export_parse_columns ("name, email,phone,skills,years,title,company,languages,uuid", &error);
  g_assert_no_error (error);
  text = export_to_string (f, o, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (g_str_has_prefix (text, SL_CSV_BOM));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  t = sl_csv_table_parse (text, strlen (text), ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 4);
  header = g_ptr_array_index (t->rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 9);
  g_assert_cmpstr (header[0], ==, "Name");
  g_assert_cmpstr (header[3], ==, "Skills");
  g_assert_cmpstr (header[8], ==, "Profile ID");

  for (guint i = 1; i < t->rows->len; i++)
    {
      row = g_ptr_array_index (t->rows, i);
      g_assert_cmpuint (g_strv_length (row), ==, 9);
      g_assert_cmpuint (strlen (row[8]), ==, 36);
      if (g_str_equal (row[1], "ada@example.org"))
        {
          saw_ada = TRUE;
          g_assert_cmpstr (row[0], ==, "Ada Lovelace");
          g_assert_cmpstr (row[2], ==, "'+44 20 7946 0958");   /* neutralised */
          g_assert_cmpstr (row[3], ==, "Python; Rust; SQL");
          g_assert_cmpstr (row[4], ==, "6.1");                  /* 2018-06 .. 2024-06: 73 months */
          g_assert_cmpstr (row[5], ==, "Data Engineer");
          g_assert_cmpstr (row[6], ==, "Analytical Engines, Ltd.");
          g_assert_cmpstr (row[7], ==, "English (native); French (B2)");
        }
      else if (g_str_equal (row[1], "mallory@example.org"))
        {
          saw_evil = TRUE;
          g_assert_cmpstr (row[0], ==, "'=HYPERLINK(\"http://evil.example\",\"click\")");
          g_assert_cmpstr (row[3], ==, "'@risk");
          g_assert_cmpstr (row[4], ==, "");
        }
      else if (g_str_equal (row[1], "zoe@example.org"))
        {
          saw_zoe = TRUE;
          g_assert_cmpstr (row[0], ==, "Zoë \"ZZ\" Šimková");
          g_assert_cmpstr (row[5], ==, "Backend\nDeveloper");
          g_assert_cmpstr (row[4], ==, "4.5");                  /* 54 months, both ends counted */
        }
    }
  g_assert_true (saw_ada && saw_evil && saw_zoe);
}

static void
test_csv_export_bom_columns (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) lines = NULL;
  GStrv bad;
  guint64 n;

  fill_store (f);
  o->bom = TRUE;
  o->columns = g_strsplit ("email,name", ",", -1);
  text = export_to_string (f, o, &n);
  g_assert_true (g_str_has_prefix (text, SL_CSV_BOM "E-mail,Name\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==, "ada@example.org,Ada Lovelace");

  /* The defaults, and neutralisation off on request. */
  g_clear_pointer (&o->columns, g_strfreev);
  o->bom = FALSE;
  o->neutralise = FALSE;
  plain = export_to_string (f, o, &n);
  g_assert_true (g_str_has_prefix (plain, "Name,E-mail,Phone,Location,Current title,Current company,"
                                          "Years of experience,Skills\r\n"));
  g_assert_nonnull (strstr (plain, "\r\n\"=HYPERLINK("));

  bad = sl_export_parse_columns ("name,salary", &error);
  g_assert_null (bad);
  g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN);
  g_assert_nonnull (strstr (error->message, "salary"));
}

static void
test_csv_export_selection (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
  g_autoptr(SlStoredProfile) sp = NULL;
  g_autofree char *text = NULL;
  guint64 n;
  gint64 ids[2];

  fill_store (f);
  sp = sl_store_get_profile_by_email (f->store, "zoe@example.org", NULL);
  g_assert_nonnull (sp);
  ids[0] = sp->id;
  ids[1] = 99999;   /* gone: skipped */
  o->profile_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (o->profile_ids, ids, 2);
  o->columns = g_strsplit ("email", ",", -1);
  text = export_to_string (f, o, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (text, ==, "E-mail\r\nzoe@example.org\r\n");
}

static void
test_csv_export_query (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SlCsvTable) t = NULL;
  g_autofree char *text = NULL;
  guint64 n = 0;

  /* 700 candidates, every third knows Rust: the search spans pages. */
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      g_ptr_array_add (profiles, make_profile (name, email, i % 3 == 0 ? "Rust,C" : "Java",
                                               NULL, NULL, NULL));
    }
  written = sl_store_bulk_create_profiles (f->store, (const SlProfile * const *) profiles->pdata,
                                           NULL, profiles->len, &error);
  g_assert_no_error (error);

  o->query = g_strdup ("skill:rust");
  o->columns = g_strsplit ("email,skills", ",", -1);
  text = export_to_string (f, o, &n);
  g_assert_cmpuint (n, ==, 234);
  t = sl_csv_table_parse (text, strlen (text), ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 235);
  for (guint i = 1; i < t->rows->len; i++)
    {
      char **row = g_ptr_array_index (t->rows, i);
      g_assert_cmpstr (row[1], ==, "Rust; C");
      g_assert_true (g_hash_table_add (seen, g_strdup (row[0])));   /* no row twice */
    }

  /* A malformed query is the store's query error, not an empty file. */
  g_free (o->query);
  o->query = g_strdup ("years:>=");
  g_assert_false (sl_export_to_stream (f->store, o, out, &n, NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static void
test_export_file_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_JSON_RESUME);
  g_autofree char *path = g_build_filename (f->dir, "out", "all.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = g_path_get_dirname (path);
  JsonArray *a;
  guint64 n = 0;

  fill_store (f);
  g_mkdir_with_parents (dir, 0700);
  sl_export_to_file_async (f->store, o, file, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sl_export_to_file_finish (result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  a = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (a), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (a, 0), "basics"), "name"), ==, "Ada Lovelace");

  /* A failing export (bad column) leaves the previous file alone. */
  {
    g_autoptr(SlExportOptions) bad = sl_export_options_new (SL_EXPORT_FORMAT_CSV);
    g_autoptr(GAsyncResult) r2 = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    bad->columns = g_strsplit ("nope", ",", -1);
    g_file_get_contents (path, &before, NULL, NULL);
    sl_export_to_file_async (f->store, bad, file, NULL, on_exported, &r2);
    while (r2 == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (sl_export_to_file_finish (r2, NULL, &error));
    g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN);
    g_file_get_contents (path, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_async_import_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "async.csv", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "cancelled.csv", NULL);
  g_autoptr(GFile) in = g_file_new_for_path (csv);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_CSV);

  /* Import on a worker thread with its own connection. */
  g_assert_true (g_file_set_contents (csv, "Name,Email\nAda,ada@example.org\nBob,bob@\n", -1, NULL));
  sl_import_file_async (f->store, in, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  rows = sl_import_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_no_error (((SlImportResult *) g_ptr_array_index (rows, 0))->error);
  g_assert_nonnull (((SlImportResult *) g_ptr_array_index (rows, 1))->error);
  g_assert_cmpint (sl_store_count_live_profiles (f->store), ==, 1);

  /* A cancelled export leaves no file behind. */
  g_cancellable_cancel (cancel);
  sl_export_to_file_async (f->store, o, out, cancel, on_exported, &result2);
  while (result2 == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sl_export_to_file_finish (result2, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

static void
test_json_resume_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlExportOptions) o = sl_export_options_new (SL_EXPORT_FORMAT_JSON_RESUME);
  g_autofree char *path = g_build_filename (f->dir, "each", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint count = 0;
  gboolean saw_ada = FALSE;
  guint64 n;

  fill_store (f);
  g_assert_true (sl_export_json_resume_files (f->store, o, dir, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  d = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(SlProfile) p = NULL;

      count++;
      g_assert_true (g_str_has_suffix (name, ".json"));
      g_assert_null (strchr (name, '"'));
      g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
      p = sl_json_resume_parse (text, -1, SL_JSON_RESUME_NONE, &error);
      g_assert_no_error (error);
      if (g_str_has_prefix (name, "ada-lovelace-"))
        {
          saw_ada = TRUE;
          g_assert_cmpstr (p->personal.email, ==, "ada@example.org");
        }
    }
  g_assert_cmpuint (count, ==, 3);
  g_assert_true (saw_ada);
}

/* JSON Resume ---------------------------------------------------------------- */

/* Every member of the v1.0.0 schema, with values that exercise the mapping:
 * highlights, a current job, a 0.x-free document, keywords groups, a skill
 * with a level, awards with details, and the sections Shortlist has no
 * field for (volunteer, publications, references, meta). */
static const char rich_resume[] =
  "{"
  " \"basics\": {"
  "  \"name\": \"Grace B. Hopper\", \"label\": \"Staff Compiler Engineer\","
  "  \"image\": \"https://img.example.org/grace.png\","
  "  \"email\": \"grace@example.org\", \"phone\": \"+1 (555) 010-2030\","
  "  \"url\": \"https://grace.example.org\","
  "  \"summary\": \"Builds compilers.\\nLikes COBOL.\","
  "  \"location\": { \"address\": \"1 Navy Yard Rd\", \"postalCode\": \"20374\","
  "                 \"city\": \"Washington\", \"countryCode\": \"US\", \"region\": \"DC\" },"
  "  \"profiles\": [ { \"network\": \"GitHub\", \"username\": \"ghopper\", \"url\": \"https://github.com/ghopper\" },"
  "                { \"network\": \"Mastodon\", \"username\": \"grace\", \"url\": \"https://hachyderm.io/@grace\" } ]"
  " },"
  " \"work\": ["
  "  { \"name\": \"Remington Rand\", \"location\": \"Philadelphia\", \"description\": \"Typewriters, then computers\","
  "    \"position\": \"Senior Mathematician\", \"url\": \"https://remington.example\","
  "    \"startDate\": \"1949-06\", \"endDate\": \"1967-08-01\","
  "    \"summary\": \"Led the A-0 work.\","
  "    \"highlights\": [ \"Wrote the first compiler\", \"Coined 'bug' (allegedly)\" ] },"
  "  { \"name\": \"US Navy\", \"position\": \"Rear Admiral\", \"startDate\": \"1967\","
  "    \"highlights\": [ \"COBOL standardisation\" ] }"
  " ],"
  " \"volunteer\": [ { \"organization\": \"ACM\", \"position\": \"Speaker\", \"url\": \"https://acm.example\","
  "    \"startDate\": \"1970-01-01\", \"endDate\": \"1980-01-01\", \"summary\": \"Talks\", \"highlights\": [ \"Nanoseconds\" ] } ],"
  " \"education\": [ { \"institution\": \"Yale University\", \"url\": \"https://yale.example\","
  "    \"area\": \"Mathematics\", \"studyType\": \"PhD\", \"startDate\": \"1930\", \"endDate\": \"1934\","
  "    \"score\": \"summa\", \"courses\": [ \"MA101 - Algebra\", \"MA202 - Analysis\" ] } ],"
  " \"awards\": [ { \"title\": \"National Medal of Technology\", \"date\": \"1991-09-16\","
  "    \"awarder\": \"US President\", \"summary\": \"For COBOL\" } ],"
  " \"certificates\": [ { \"name\": \"Naval Reserve Commission\", \"date\": \"1943-12\","
  "    \"issuer\": \"US Navy\", \"url\": \"https://navy.example/cert\" } ],"
  " \"publications\": [ { \"name\": \"The Education of a Computer\", \"publisher\": \"ACM\","
  "    \"releaseDate\": \"1952-05-02\", \"url\": \"https://doi.example/1\", \"summary\": \"Compilers\" } ],"
  " \"skills\": [ { \"name\": \"Languages\", \"level\": \"Master\", \"keywords\": [ \"COBOL\", \"FLOW-MATIC\" ] },"
  "              { \"name\": \"Debugging\", \"level\": \"Expert\" } ],"
  " \"languages\": [ { \"language\": \"English\", \"fluency\": \"Native speaker\" },"
  "                 { \"language\": \"German\", \"fluency\": \"B1\" } ],"
  " \"interests\": [ { \"name\": \"Clocks\", \"keywords\": [ \"repair\", \"history\" ] } ],"
  " \"references\": [ { \"name\": \"Howard Aiken\", \"reference\": \"Relentless.\" } ],"
  " \"projects\": [ { \"name\": \"A-0 System\", \"description\": \"First compiler\","
  "    \"highlights\": [ \"Linker too\" ], \"keywords\": [ \"compiler\", \"UNIVAC\" ],"
  "    \"startDate\": \"1951\", \"endDate\": \"1952\", \"url\": \"https://a0.example\","
  "    \"roles\": [ \"Lead\" ], \"entity\": \"Remington Rand\", \"type\": \"application\" } ],"
  " \"meta\": { \"canonical\": \"https://grace.example.org/resume.json\", \"version\": \"v1.0.0\","
  "            \"lastModified\": \"2026-11-01T12:00:00\" }"
  "}";

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_json_resume_mapping (void)
{
  g_autoptr(JsonNode) doc = parse_json (rich_resume);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = sl_json_resume_to_profile (doc, SL_JSON_RESUME_KEEP_RESIDUAL, &error);
  const SlWorkEntry *w;
  const SlSkill *s;

  g_assert_no_error (error);
  g_assert_true (sl_json_resume_detect (doc));
  g_assert_cmpstr (p->personal.name, ==, "Grace B. Hopper");
  g_assert_cmpstr (p->personal.headline, ==, "Staff Compiler Engineer");
  g_assert_cmpstr (p->personal.email, ==, "grace@example.org");
  g_assert_cmpstr (p->personal.location, ==, "1 Navy Yard Rd");
  g_assert_cmpstr (p->personal.city, ==, "Washington");
  g_assert_cmpstr (p->personal.country, ==, "US");
  g_assert_cmpuint (p->personal.links->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (p->personal.links, 0), ==, "https://grace.example.org");

  g_assert_cmpuint (p->work->len, ==, 2);
  w = g_ptr_array_index (p->work, 0);
  g_assert_cmpstr (w->company, ==, "Remington Rand");
  g_assert_cmpstr (w->title, ==, "Senior Mathematician");
  g_assert_cmpstr (w->end, ==, "1967-08-01");
  g_assert_false (w->current);
  g_assert_cmpstr (w->description, ==,
                   "Led the A-0 work.\n• Wrote the first compiler\n• Coined 'bug' (allegedly)");
  w = g_ptr_array_index (p->work, 1);
  g_assert_true (w->current);
  g_assert_cmpstr (w->description, ==, "• COBOL standardisation");

  g_assert_cmpuint (p->skills->len, ==, 3);
  s = g_ptr_array_index (p->skills, 1);
  g_assert_cmpstr (s->name, ==, "FLOW-MATIC");
  g_assert_cmpstr (s->category, ==, "Languages");
  s = g_ptr_array_index (p->skills, 2);
  g_assert_cmpstr (s->name, ==, "Debugging");
  g_assert_null (s->category);

  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (p->education, 0))->degree, ==, "PhD");
  g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (p->education, 0))->grade, ==, "summa");
  g_assert_cmpuint (p->languages->len, ==, 2);
  g_assert_cmpuint (p->certifications->len, ==, 1);
  g_assert_cmpstr (((SlCertification *) g_ptr_array_index (p->certifications, 0))->date, ==, "1943-12");
  g_assert_cmpuint (p->projects->len, ==, 1);
  g_assert_cmpuint (((SlProject *) g_ptr_array_index (p->projects, 0))->keywords->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (p->achievements, 0), ==, "National Medal of Technology");
  g_assert_cmpstr (g_ptr_array_index (p->interests, 0), ==, "Clocks");

  /* The residual holds what has no field, and none of what was mapped. */
  {
    const char *res = g_hash_table_lookup (p->meta.extras, SL_JSON_RESUME_RESIDUAL_KEY);
    g_assert_nonnull (res);
    g_assert_nonnull (strstr (res, "\"volunteer\""));
    g_assert_nonnull (strstr (res, "\"postalCode\""));
    g_assert_null (strstr (res, "Senior Mathematician"));
    g_assert_null (strstr (res, "Wrote the first compiler"));
  }
}

static void
test_json_resume_round_trip (void)
{
  g_autoptr(JsonNode) doc = parse_json (rich_resume);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = sl_json_resume_to_profile (doc, SL_JSON_RESUME_KEEP_RESIDUAL, &error);
  g_autoptr(SlProfile) stored = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *profile_json = NULL;

  g_assert_no_error (error);
  /* Through Shortlist's own JSON (what the store keeps) and back. */
  profile_json = sl_profile_to_json (p, FALSE);
  stored = sl_profile_from_json (profile_json, -1, &error);
  g_assert_no_error (error);
  back = sl_json_resume_from_profile (stored);
  if (!sl_json_node_equal_deep (doc, back))
    {
      g_autofree char *a = json_to_string (doc, TRUE);
      g_autofree char *b = json_to_string (back, TRUE);
      g_test_message ("original:\n%s\nexported:\n%s", a, b);
    }
  g_assert_true (sl_json_node_equal_deep (doc, back));

  /* Without the residual only the mapped fields come back. */
  {
    g_autoptr(SlProfile) bare = sl_json_resume_to_profile (doc, SL_JSON_RESUME_NONE, &error);
    g_autoptr(JsonNode) partial = sl_json_resume_from_profile (bare);
    JsonObject *o = json_node_get_object (partial);
    g_assert_false (sl_json_node_equal_deep (doc, partial));
    g_assert_false (json_object_has_member (o, "volunteer"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "basics"), "name"),
                     ==, "Grace B. Hopper");
  }
}

static void
test_json_resume_edited (void)
{
  g_autoptr(JsonNode) doc = parse_json (rich_resume);
  g_autoptr(SlProfile) p = sl_json_resume_to_profile (doc, SL_JSON_RESUME_KEEP_RESIDUAL, NULL);
  g_autoptr(JsonNode) back = NULL;
  JsonObject *o, *basics;
  JsonArray *work, *profiles;

  /* The user fixes the name, drops the first job and the GitHub link. */
  g_free (p->personal.name);
  p->personal.name = g_strdup ("Grace Hopper");
  g_ptr_array_remove_index (p->work, 0);
  g_ptr_array_remove_index (p->personal.links, 1);

  back = sl_json_resume_from_profile (p);
  o = json_node_get_object (back);
  basics = json_object_get_object_member (o, "basics");
  g_assert_cmpstr (json_object_get_string_member (basics, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (basics, "image"), ==, "https://img.example.org/grace.png");
  profiles = json_object_get_array_member (basics, "profiles");
  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (profiles, 0), "username"),
                   ==, "grace");
  work = json_object_get_array_member (o, "work");
  g_assert_cmpuint (json_array_get_length (work), ==, 1);
  /* The Remington entry's url must not end up on the Navy entry. */
  g_assert_false (json_object_has_member (json_array_get_object_element (work, 0), "url"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (work, 0), "name"),
                   ==, "US Navy");
  g_assert_true (json_object_has_member (o, "volunteer"));
  g_assert_true (json_object_has_member (o, "references"));
}

static void
test_json_resume_native (void)
{
  g_autoptr(SlProfile) p = make_profile ("Linus T", "linus@example.org", NULL, "Maintainer", "Kernel Org", "2005-04");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SlProfile) again = NULL;
  SlWorkEntry *w = g_ptr_array_index (p->work, 0);
  SlSkill *s;
  JsonObject *o, *basics, *job;
  JsonArray *profiles, *skills;

  w->current = TRUE;
  g_clear_pointer (&w->end, g_free);
  w->description = g_strdup ("Merges patches.\n• Wrote git\n• Ships releases");
  g_ptr_array_add (p->personal.links, g_strdup ("https://www.linkedin.com/in/linus-t/"));
  g_ptr_array_add (p->personal.links, g_strdup ("https://linus.example.net"));
  g_ptr_array_add (p->personal.links, g_strdup ("github.com/torvalds"));
  s = sl_skill_new ("C", "C");
  s->category = g_strdup ("programming");
  g_ptr_array_add (p->skills, s);
  s = sl_skill_new ("Git", NULL);
  g_ptr_array_add (p->skills, s);
  s = sl_skill_new ("Perl", NULL);
  s->category = g_strdup ("programming");
  g_ptr_array_add (p->skills, s);
  p->personal.city = g_strdup ("Portland");
  p->personal.location = g_strdup ("Portland");

  node = sl_json_resume_from_profile (p);
  o = json_node_get_object (node);
  basics = json_object_get_object_member (o, "basics");
  g_assert_cmpstr (json_object_get_string_member (basics, "url"), ==, "https://linus.example.net");
  g_assert_false (json_object_has_member (json_object_get_object_member (basics, "location"), "address"));
  profiles = json_object_get_array_member (basics, "profiles");
  g_assert_cmpuint (json_array_get_length (profiles), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (profiles, 0), "network"), ==, "LinkedIn");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (profiles, 0), "username"), ==, "linus-t");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (profiles, 1), "username"), ==, "torvalds");

  job = json_array_get_object_element (json_object_get_array_member (o, "work"), 0);
  g_assert_false (json_object_has_member (job, "endDate"));
  g_assert_cmpstr (json_object_get_string_member (job, "summary"), ==, "Merges patches.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "highlights")), ==, 2);

  skills = json_object_get_array_member (o, "skills");
  g_assert_cmpuint (json_array_get_length (skills), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (skills, 0), "keywords")), ==, 2);

  /* Back into a profile: the fields JSON Resume has survive. */
  again = sl_json_resume_to_profile (node, SL_JSON_RESUME_NONE, NULL);
  g_assert_cmpstr (again->personal.name, ==, "Linus T");
  g_assert_cmpuint (again->personal.links->len, ==, 3);
  g_assert_cmpstr (((SlWorkEntry *) g_ptr_array_index (again->work, 0))->description, ==, w->description);
  g_assert_true (((SlWorkEntry *) g_ptr_array_index (again->work, 0))->current);
  g_assert_cmpuint (again->skills->len, ==, 3);

  /* Tolerance: 0.x spellings, wrong types, not an object. */
  {
    g_autoptr(JsonNode) old = parse_json ("{\"basics\":{\"name\":\"Old\",\"website\":\"http://old.example\"},"
                                          "\"work\":[{\"company\":\"Initech\",\"endDate\":\"present\",\"startDate\":\"2001\"},\"junk\"],"
                                          "\"education\":[{\"institution\":\"MIT\",\"gpa\":\"3.9\",\"startDate\":12}]}");
    g_autoptr(SlProfile) op = sl_json_resume_to_profile (old, SL_JSON_RESUME_KEEP_RESIDUAL, NULL);
    g_autoptr(JsonNode) arr = parse_json ("[1,2]");
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (g_ptr_array_index (op->personal.links, 0), ==, "http://old.example");
    g_assert_cmpuint (op->work->len, ==, 0);       /* an array with junk is kept whole */
    g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (op->education, 0))->grade, ==, "3.9");
    g_assert_nonnull (strstr (g_hash_table_lookup (op->meta.extras, SL_JSON_RESUME_RESIDUAL_KEY), "Initech"));
    g_assert_null (sl_json_resume_to_profile (arr, SL_JSON_RESUME_NONE, &error));
    g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID);
    g_clear_error (&error);
    /* Empty or blank text parses to no root at all: an error, not a critical. */
    g_assert_null (sl_json_resume_parse ("", 0, SL_JSON_RESUME_NONE, &error));
    g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (sl_json_resume_parse ("  \n", -1, SL_JSON_RESUME_NONE, &error));
    g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID);
  }
}

/* Import --------------------------------------------------------------------- */

static void
test_guess_mapping (void)
{
  const char *csv = "Full Name;E-Mail-Adresse;Telefon;Kenntnisse;Berufserfahrung;Firma;Position;Wohnort;Sprachen;LinkedIn;GitHub;Notiz\n"
                    "x;y;z;a;b;c;d;e;f;g;h;i\n";
  g_autoptr(SlCsvTable) t = sl_csv_table_parse (csv, strlen (csv), 0, NULL);
  g_autoptr(GArray) m = sl_csv_import_guess_mapping (t);
  const SlImportField expected[] = {
    SL_IMPORT_FIELD_NAME, SL_IMPORT_FIELD_EMAIL, SL_IMPORT_FIELD_PHONE, SL_IMPORT_FIELD_SKILLS,
    SL_IMPORT_FIELD_YEARS, SL_IMPORT_FIELD_COMPANY, SL_IMPORT_FIELD_TITLE, SL_IMPORT_FIELD_LOCATION,
    SL_IMPORT_FIELD_LANGUAGES, SL_IMPORT_FIELD_LINKS, SL_IMPORT_FIELD_LINKS, SL_IMPORT_FIELD_IGNORE,
  };

  g_assert_cmpuint (m->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < m->len; i++)
    g_assert_cmpint (g_array_index (m, int, i), ==, expected[i]);

  g_assert_cmpint (sl_import_guess_field ("name"), ==, SL_IMPORT_FIELD_NAME);
  g_assert_cmpint (sl_import_guess_field ("Candidate e-mail address"), ==, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (sl_import_guess_field ("mail"), ==, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (sl_import_guess_field ("Tel."), ==, SL_IMPORT_FIELD_PHONE);
  g_assert_cmpint (sl_import_guess_field ("Mobile phone"), ==, SL_IMPORT_FIELD_PHONE);
  g_assert_cmpint (sl_import_guess_field ("Prénom"), ==, SL_IMPORT_FIELD_FIRST_NAME);
  g_assert_cmpint (sl_import_guess_field ("Last name"), ==, SL_IMPORT_FIELD_LAST_NAME);
  g_assert_cmpint (sl_import_guess_field ("Correo electrónico"), ==, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (sl_import_guess_field ("Company name"), ==, SL_IMPORT_FIELD_COMPANY);
  g_assert_cmpint (sl_import_guess_field ("Favourite colour"), ==, SL_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (sl_import_field_from_id ("email"), ==, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpstr (sl_import_field_label (SL_IMPORT_FIELD_EMAIL), ==, "E-mail");

  /* Two e-mail columns: the second is not guessed. */
  {
    const char *two = "Email,Mail,Name\n";
    g_autoptr(SlCsvTable) t2 = sl_csv_table_parse (two, strlen (two), 0, NULL);
    g_autoptr(GArray) m2 = sl_csv_import_guess_mapping (t2);
    g_assert_cmpint (g_array_index (m2, int, 0), ==, SL_IMPORT_FIELD_EMAIL);
    g_assert_cmpint (g_array_index (m2, int, 1), ==, SL_IMPORT_FIELD_IGNORE);
  }
}

static const char import_csv[] =
  SL_CSV_BOM
  "First name,Last name,Email,Phone,Skills,Years,Title,Company,Languages,Notes\r\n"
  "Ada,Lovelace,ada@example.org,+44 20 7946 0958,\"Python; Rust, async; SQL\",6.5,Data Engineer,\"Engines, Ltd.\",\"English (native); French: B2\",ok\r\n"
  "Bad,Mail,not-an-email,,,,,,,\r\n"
  ",,,,Go,,,,,no name or mail\r\n"
  "Carl,Years,carl@example.org,,,lots,,,,\r\n"
  "Dora,\"Multi\nLine\",dora@example.org,,\"C, C++, Go\",2,,,,\"quoted, \"\"with\"\" newline\nhere\"\r\n"
  "Eve,Short,eve@example.org\r\n";

static void
test_csv_preview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlCsvTable) t = sl_csv_table_parse (import_csv, strlen (import_csv), 0, &error);
  g_autoptr(GArray) m = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  SlImportResult *r;
  const SlWorkEntry *w;

  g_assert_no_error (error);
  m = sl_csv_import_guess_mapping (t);
  preview = sl_csv_import_preview (t, m, 3);
  g_assert_cmpuint (preview->len, ==, 3);

  r = g_ptr_array_index (preview, 0);
  g_assert_no_error (r->error);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstr (r->profile->personal.name, ==, "Ada Lovelace");
  g_assert_cmpuint (r->profile->skills->len, ==, 3);                 /* ';' wins over ',' */
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (r->profile->skills, 1))->name, ==, "Rust, async");
  g_assert_cmpint (r->profile->meta.experience_months, ==, 78);
  w = g_ptr_array_index (r->profile->work, 0);
  g_assert_cmpstr (w->company, ==, "Engines, Ltd.");
  g_assert_true (w->current);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (r->profile->languages, 1))->level, ==, "B2");

  r = g_ptr_array_index (preview, 1);
  g_assert_null (r->profile);
  g_assert_error (r->error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW);
  g_assert_true (g_str_has_prefix (r->error->message, "Line 3:"));
  g_assert_nonnull (strstr (r->error->message, "not-an-email"));

  r = g_ptr_array_index (preview, 2);
  g_assert_error (r->error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW);

  /* An adjusted mapping: ignore the e-mail column, and row 2 is fine. */
  g_array_index (m, int, 2) = SL_IMPORT_FIELD_IGNORE;
  g_clear_pointer (&preview, g_ptr_array_unref);
  preview = sl_csv_import_preview (t, m, 2);
  r = g_ptr_array_index (preview, 1);
  g_assert_no_error (r->error);
  g_assert_null (r->profile->personal.email);
}

static void
test_csv_import_store (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) dora = NULL;
  SlImportKind kind;
  guint ok = 0, failed = 0;

  g_assert_true (g_file_set_contents (path, import_csv, -1, NULL));
  results = sl_import_file (f->store, path, &kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SL_IMPORT_KIND_CSV);
  g_assert_cmpuint (results->len, ==, 6);
  for (guint i = 0; i < results->len; i++)
    {
      SlImportResult *r = g_ptr_array_index (results, i);
      if (r->error == NULL)
        {
          ok++;
          g_assert_cmpint (r->profile_id, >, 0);
          g_assert_cmpint (r->outcome, ==, SL_WRITE_CREATED);
        }
      else
        {
          failed++;
          g_assert_cmpint (r->outcome, ==, SL_WRITE_FAILED);
        }
    }
  g_assert_cmpuint (ok, ==, 3);
  g_assert_cmpuint (failed, ==, 3);
  g_assert_cmpuint (((SlImportResult *) g_ptr_array_index (results, 3))->line, ==, 5);
  g_assert_nonnull (strstr (((SlImportResult *) g_ptr_array_index (results, 3))->error->message, "lots"));
  g_assert_cmpint (sl_store_count_live_profiles (f->store), ==, 3);

  dora = sl_store_get_profile_by_email (f->store, "dora@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dora->profile->personal.name, ==, "Dora Multi Line");
  g_assert_cmpuint (dora->profile->skills->len, ==, 3);
  g_assert_cmpstr (dora->source, ==, "import");

  /* The same file again updates instead of duplicating. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = sl_import_file (f->store, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SlImportResult *) g_ptr_array_index (results, 0))->outcome, ==, SL_WRITE_UPDATED);
  g_assert_cmpint (sl_store_count_live_profiles (f->store), ==, 3);
}

static void
test_json_import_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *jr = g_build_filename (f->dir, "grace.json", NULL);
  g_autofree char *many = g_build_filename (f->dir, "many.json", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) native = make_profile ("Native Person", "native@example.org", "Go", NULL, NULL, NULL);
  g_autofree char *native_json = sl_profile_to_json (native, FALSE);
  g_autofree char *array = g_strdup_printf ("[%s, {\"basics\": {\"name\": \"Second JR\"}}, 42]", native_json);
  g_autoptr(SlStoredProfile) sp = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(JsonNode) doc = parse_json (rich_resume);
  SlImportKind kind;

  g_assert_true (g_file_set_contents (jr, rich_resume, -1, NULL));
  results = sl_import_file (f->store, jr, &kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SL_IMPORT_KIND_JSON_RESUME);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_no_error (((SlImportResult *) g_ptr_array_index (results, 0))->error);

  /* Stored and exported again: the same document. */
  sp = sl_store_get_profile_by_email (f->store, "grace@example.org", &error);
  g_assert_no_error (error);
  exported = sl_export_json_resume_one (f->store, sp->id, &error);
  g_assert_no_error (error);
  back = parse_json (exported);
  g_assert_true (sl_json_node_equal_deep (doc, back));

  /* An array mixing profile JSON and JSON Resume; a bad item alone fails. */
  g_assert_cmpint (sl_import_detect ("x.json", native_json, strlen (native_json)), ==, SL_IMPORT_KIND_PROFILE_JSON);
  g_assert_true (g_file_set_contents (many, array, -1, NULL));
  g_clear_pointer (&results, g_ptr_array_unref);
  results = sl_import_file (f->store, many, &kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_no_error (((SlImportResult *) g_ptr_array_index (results, 0))->error);
  g_assert_no_error (((SlImportResult *) g_ptr_array_index (results, 1))->error);
  g_assert_error (((SlImportResult *) g_ptr_array_index (results, 2))->error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW);
  g_assert_cmpint (sl_store_count_live_profiles (f->store), ==, 3);
}

/* CLI ------------------------------------------------------------------------ */

static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *outfile = g_build_filename (f->dir, "cli.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "in.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI not set");
      return;
    }
  fill_store (f);

  {
    const char *argv[] = { cli, "--db", f->path, "export", "--format", "csv", "--columns", "email,skills", "--bom", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, SL_CSV_BOM "E-mail,Skills\r\nada@example.org,Python; Rust; SQL\r\n"));
  }
  {
    const char *argv[] = { cli, "--db", f->path, "export", "--format", "json-resume", "--output", outfile, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    json_parser_load_from_file (parser, outfile, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 3);
  }
  {
    /* import: a CSV with bad rows (exit 1, each named) and a JSON Resume. */
    g_autofree char *jr = g_build_filename (f->dir, "grace.json", NULL);
    const char *argv[] = { cli, "--db", f->path, "import", csv, jr, NULL };
    const char *argv2[] = { cli, "--db", f->path, "export", "--query", "skill:go OR skill:cobol",
                            "--columns", "email", NULL };
    g_assert_true (g_file_set_contents (csv, import_csv, -1, NULL));
    g_assert_true (g_file_set_contents (jr, rich_resume, -1, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "3 of 6 rows not imported"));
    g_assert_nonnull (strstr (err, "Line 3:"));
    g_assert_null (strstr (err, "grace.json"));
    /* 3 stored before; the CSV updates Ada and adds Dora and Eve; Grace. */
    g_assert_cmpint (sl_store_count_live_profiles (f->store), ==, 3 + 2 + 1);

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv2, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    /* Zoë and Dora know Go, Grace knows COBOL; in import order. */
    g_assert_cmpstr (out, ==, "E-mail\r\nzoe@example.org\r\ndora@example.org\r\ngrace@example.org\r\n");
  }
  {
    /* parse --format json-resume goes through the same mapping. */
    g_autofree char *txt = g_build_filename (f->dir, "resume.txt", NULL);
    const char *argv[] = { cli, "parse", "--format", "json-resume", txt, NULL };
    g_autoptr(JsonNode) node = NULL;
    JsonObject *basics;

    g_assert_true (g_file_set_contents (txt, "Marta Kowalczyk\nmarta.k@example.org\n\nEXPERIENCE\n"
                                             "Software Engineer, Initech, 2019 - 2023\n", -1, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    node = parse_json (out);
    g_assert_true (sl_json_resume_detect (node));
    basics = json_object_get_object_member (json_node_get_object (node), "basics");
    g_assert_cmpstr (json_object_get_string_member (basics, "email"), ==, "marta.k@example.org");
  }
  {
    const char *argv[] = { cli, "--db", f->path, "export", "--format", "xml", NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "xml"));
  }
}

/* The German translation really reaches the export room's labels: a
 * de_DE.UTF-8 locale is compiled into a temporary folder (the build machine
 * has only C.UTF-8), and the catalogue is the one built in build/po. */
static void
test_german_labels (void)
{
  g_autofree char *locdir = g_dir_make_tmp ("shortlist-locale-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (locdir, "de_DE.UTF-8", NULL);
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "de", "LC_MESSAGES", "shortlist.mo", NULL);
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", target, NULL };
  int status = 1;

  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/de_DE", G_FILE_TEST_EXISTS) ||
      !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no localedef, no de_DE locale source, or no built catalogue");
      sl_test_rm_rf (locdir);
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  if (!g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("localedef could not build de_DE.UTF-8");
      sl_test_rm_rf (locdir);
      return;
    }

  g_setenv ("LOCPATH", locdir, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_assert_cmpstr (sl_export_column_label ("email"), ==, "E-Mail");
  g_assert_cmpstr (sl_export_column_label ("years"), ==, "Jahre Berufserfahrung");
  g_assert_cmpstr (sl_import_field_label (SL_IMPORT_FIELD_FIRST_NAME), ==, "Vorname");

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LOCPATH");
  g_assert_cmpstr (sl_export_column_label ("email"), ==, "E-mail");
  sl_test_rm_rf (locdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/formula", test_csv_formula);
  g_test_add_func ("/export/csv/parse-detect", test_csv_parse_detect);
  ADD ("/export/csv/store", test_csv_export_store);
  ADD ("/export/csv/bom-columns", test_csv_export_bom_columns);
  ADD ("/export/csv/selection", test_csv_export_selection);
  ADD ("/export/csv/query", test_csv_export_query);
  ADD ("/export/file-async", test_export_file_async);
  ADD ("/export/async-import-cancel", test_async_import_cancel);
  ADD ("/export/json-resume/files", test_json_resume_files);
  g_test_add_func ("/export/json-resume/mapping", test_json_resume_mapping);
  g_test_add_func ("/export/json-resume/round-trip", test_json_resume_round_trip);
  g_test_add_func ("/export/json-resume/edited", test_json_resume_edited);
  g_test_add_func ("/export/json-resume/native", test_json_resume_native);
  g_test_add_func ("/export/import/guess-mapping", test_guess_mapping);
  g_test_add_func ("/export/import/preview", test_csv_preview);
  ADD ("/export/import/csv-store", test_csv_import_store);
  ADD ("/export/import/json-store", test_json_import_store);
  ADD ("/export/cli", test_cli_export);
  g_test_add_func ("/export/i18n/german-labels", test_german_labels);
#undef ADD

  return g_test_run ();
}
