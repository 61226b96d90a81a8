/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * End-to-end tests of shortlist-cli's store commands: the real binary
 * ($SHORTLIST_CLI) on a real database in a temporary folder; exit codes
 * 0 (all done), 1 (some inputs failed), 2 (usage or configuration).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "core/sl-json.h"
#include "sl-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
  int   status;
} Fixture;

/* Runs the CLI with --db and the given arguments (NULL-terminated). */
static void
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SHORTLIST_CLI");
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  f->status = WEXITSTATUS (wait_status);
}

/* Every error is exactly one line on stderr. */
static void
assert_one_line_errors (Fixture *f)
{
  g_auto(GStrv) lines = g_strsplit (f->err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_assert_true (g_str_has_prefix (lines[i], "shortlist-cli: "));
}

static void
write_profile (Fixture    *f,
               const char *file,
               const char *name,
               const char *email,
               const char *skill,
               const char *company)
{
  g_autoptr(SlProfile) p = sl_profile_new ();
  g_autofree char *path = g_build_filename (f->dir, "in", file, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *json = NULL;
  SlWorkEntry *w = sl_work_entry_new ();

  p->personal.name = g_strdup (name);
  p->personal.email = g_strdup (email);
  g_ptr_array_add (p->skills, sl_skill_new (skill, NULL));
  w->company = g_strdup (company);
  w->title = g_strdup ("Engineer");
  w->start = g_strdup ("2016-01");
  w->end = g_strdup ("2023-12");
  g_ptr_array_add (p->work, w);
  json = sl_profile_to_json (p, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("shortlist-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "db", "shortlist.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sl_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const commands[] = { "import", "search", "show", "stats", "check" };

  run (f, "--help", NULL);
  g_assert_cmpint (f->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_nonnull (strstr (f->out, commands[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run (f, commands[i], "--help", NULL);
      g_assert_cmpint (f->status, ==, 0);
      g_assert_nonnull (strstr (f->out, "Usage:"));
    }
  run (f, "search", "--no-such-option", "x", NULL);
  g_assert_cmpint (f->status, ==, 2);
  assert_one_line_errors (f);
  run (f, "frobnicate", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  run (f, "import", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "search", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "show", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "stats", "extra", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "search", "--sort", "shoe-size", "x", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "search", "python \"machine", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "position 8"));
  assert_one_line_errors (f);
  run (f, "search", "foo:bar", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "Unknown field"));
}

static void
test_import_search_show (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "in", "sub", "broken.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nope.json", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  run (f, "stats", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "0 profiles"));

  write_profile (f, "ada.json", "Ada Lovelace", "ada@example.org", "Python", "Acme");
  write_profile (f, "sub/bob.json", "Bob Builder", "bob@example.org", "Java", "Initech");
  write_profile (f, "sub/ada-again.json", "Ada Lovelace", " ADA@example.org", "Rust", "Acme");
  g_assert_true (g_file_set_contents (bad, "{\"personal_info\": ", -1, NULL));

  run (f, "import", in, missing, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->out, "5 files: 2 created, 1 updated, 2 failed"));
  g_assert_nonnull (strstr (f->err, "broken.json"));
  g_assert_nonnull (strstr (f->err, "nope.json"));
  assert_one_line_errors (f);

  run (f, "import", "--json", in, NULL);
  g_assert_cmpint (f->status, ==, 1);
  node = parse_json (f->out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "updated"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "failed"), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  run (f, "search", "rust", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "1 match"));
  g_assert_nonnull (strstr (f->out, "Ada Lovelace"));
  g_assert_null (strstr (f->out, "Bob"));

  run (f, "search", "--json", "--limit", "5", "company:initech", "OR", "skill:rust", NULL);
  g_assert_cmpint (f->status, ==, 0);
  node = parse_json (f->out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "hits")), ==, 2);
  g_clear_pointer (&node, json_node_unref);

  run (f, "search", "'); DROP TABLE candidates; --", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "0 matches"));

  run (f, "show", "ada@EXAMPLE.org", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Ada Lovelace"));
  g_assert_nonnull (strstr (f->out, "revision 4"));

  run (f, "show", "--json", "1", NULL);
  g_assert_cmpint (f->status, ==, 0);
  node = parse_json (f->out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "revision"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (o, "profile"), "personal_info"), "name"), ==, "Ada Lovelace");
  g_clear_pointer (&node, json_node_unref);

  run (f, "show", "nobody@example.org", "2", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->out, "Bob Builder"));
  g_assert_nonnull (strstr (f->err, "nobody@example.org"));

  run (f, "stats", "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  node = parse_json (f->out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "profiles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "candidates"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "profile_versions"), ==, 4);

  run (f, "check", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "in step"));
}

static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (f->db);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1000", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run (f, "stats", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "newer Shortlist"));
  assert_one_line_errors (f);
}

static void
test_check_finds_drift (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  sqlite3 *db = NULL;

  write_profile (f, "ada.json", "Ada Lovelace", "ada@example.org", "Python", "Acme");
  run (f, "import", in, NULL);
  g_assert_cmpint (f->status, ==, 0);

  /* Change a profile's text behind the index's back. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE store_state SET value = 0 WHERE key = 'fts_auto';"
                                 "UPDATE candidate_profiles SET skills_text = 'Cobol';"
                                 "UPDATE store_state SET value = 1 WHERE key = 'fts_auto';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  run (f, "check", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->out, "NOT in step"));
  assert_one_line_errors (f);
}

/* A spreadsheet whose headers the guess gets wrong: the private address
 * wins "email" by coming first and "Stack" names no field.  --map fixes
 * both; a bad --map fails the file with a message that names the problem. */
static const char map_csv[] =
  "Candidate,Private Mail,Work Mail,Stack\n"
  "Ada Lovelace,ada@home.example,ada@work.example,Python; Rust\n"
  "Bob Builder,bob@home.example,bob@work.example,Java\n";

static void
test_import_csv_map (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "people.csv", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *profile;

  g_assert_true (g_file_set_contents (csv, map_csv, -1, NULL));

  run (f, "import", "--map", "Stack=skills,Nope=email", csv, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "no column “Nope”"));
  run (f, "import", "--map", "Stack=skillz", csv, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "Unknown field “skillz”"));
  assert_one_line_errors (f);
  run (f, "stats", "--json", NULL);
  node = parse_json (f->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "profiles"), ==, 0);
  g_clear_pointer (&node, json_node_unref);

  /* Spaces around the parts and another case in a header are fine. */
  run (f, "import", "--map", " work mail = email , Stack=skills", csv, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "1 file: 1 created"));   /* files, not rows */

  run (f, "show", "--json", "ada@work.example", NULL);
  g_assert_cmpint (f->status, ==, 0);
  node = parse_json (f->out);
  profile = json_object_get_object_member (json_node_get_object (node), "profile");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (profile, "personal_info"), "email"),
                   ==, "ada@work.example");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (profile, "skills")), ==, 2);
  g_clear_pointer (&node, json_node_unref);
  /* The private address went nowhere. */
  run (f, "show", "ada@home.example", NULL);
  g_assert_cmpint (f->status, ==, 1);

  /* Without --map the guess stands: the private address is the e-mail. */
  run (f, "import", csv, NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "show", "bob@home.example", NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
test_match (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *in = g_build_filename (f->dir, "in", NULL);
  g_autofree char *job_json = g_build_filename (f->dir, "job.json", NULL);
  g_autofree char *job_txt = g_build_filename (f->dir, "job.txt", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nope.pdf", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *o;
  JsonArray *matches;

  write_profile (f, "ada.json", "Ada Lovelace", "ada@example.org", "Python", "Initech");
  write_profile (f, "bob.json", "Bob Byte", "bob@example.org", "Go", "Globex");
  write_profile (f, "cleo.json", "Cleo Count", "cleo@example.org", "Excel", "Hooli");
  run (f, "import", in, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_set_contents (job_json,
                                      "{\"title\": \"Python Engineer\", \"required_skills\": [\"python\"],"
                                      " \"nice_skills\": [\"Go\"], \"min_years\": 3}", -1, NULL));
  g_assert_true (g_file_set_contents (job_txt, "Python Engineer\nRequirements:\n- Python, 3+ years\n"
                                      "Nice to have\n- Go\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"title\": 42}", -1, NULL));

  /* plain: a heading, then rank, score, name, breakdown; Cleo shares nothing */
  run (f, "match", "--job", job_json, NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "2 candidates for “Python Engineer”");
  g_assert_true (g_str_has_prefix (lines[1], "  1  "));
  g_assert_nonnull (strstr (lines[1], "Ada Lovelace"));
  g_assert_nonnull (strstr (lines[1], "1 of 1 required skill · 0 of 1 nice-to-have skill · 8 years (≥ 3)"));
  g_assert_nonnull (strstr (lines[2], "Bob Byte"));
  g_assert_nonnull (strstr (lines[2], "0 of 1 required skill (missing: Python) · 1 of 1 nice-to-have skill (Go)"));
  g_assert_null (strstr (f->out, "Cleo"));
  g_clear_pointer (&lines, g_strfreev);

  /* the same job as a description, and --top */
  run (f, "match", "--job", job_txt, "--top", "1", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "1 candidate for “Python Engineer”");
  g_assert_nonnull (strstr (lines[1], "Ada Lovelace"));
  g_assert_cmpstr (lines[2], ==, "");

  /* JSON, with --db after the command */
  {
    g_autofree char *db = g_strdup (f->db);
    g_autofree char *elsewhere = g_build_filename (f->dir, "other.db", NULL);
    g_free (f->db);
    f->db = g_steal_pointer (&elsewhere);
    run (f, "match", "--job", job_json, "--json", "--db", db, NULL);
    g_free (f->db);
    f->db = g_steal_pointer (&db);
  }
  g_assert_cmpint (f->status, ==, 0);
  node = parse_json (f->out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "job"), "title"), ==,
                   "Python Engineer");
  matches = json_object_get_array_member (o, "matches");
  g_assert_cmpuint (json_array_get_length (matches), ==, 2);
  o = json_array_get_object_element (matches, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Ada Lovelace");
  g_assert_cmpint (json_object_get_int_member (o, "rank"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (o, "score"), >,
                     json_object_get_double_member (json_array_get_object_element (matches, 1), "score"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (o, "parts"), 0),
                                                  "component"), ==, "required_skills");

  /* usage errors: exit 2, one line each */
  run (f, "match", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "match", "--job", missing, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "Could not read the job"));
  run (f, "match", "--job", bad, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "must be a string"));
  run (f, "match", "--job", job_json, "--top", "-1", NULL);
  g_assert_cmpint (f->status, ==, 2);
  assert_one_line_errors (f);

  /* --save --shortlist, then jobs and shortlist */
  run (f, "match", "--job", job_json, "--shortlist", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "match", "--job", job_json, "--save", "--shortlist", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "saved as job 1, candidates shortlisted"));
  run (f, "jobs", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Python Engineer"));
  g_assert_nonnull (strstr (f->out, "2 shortlisted"));
  run (f, "shortlist", "1", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Python Engineer: 2 shortlisted");
  g_assert_true (g_str_has_prefix (lines[1], "new "));
  g_assert_nonnull (strstr (lines[1], "Ada Lovelace"));
  run (f, "shortlist", "1", "--csv", "--blind", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Title,Stage,Score,Breakdown,Note,Added\r\n"));
  g_assert_null (strstr (f->out, "Ada"));
  g_assert_nonnull (strstr (f->out, "1 of 1 required skill"));
  run (f, "shortlist", "99", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "shortlist", "x1", NULL);
  g_assert_cmpint (f->status, ==, 2);
  assert_one_line_errors (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/import-search-show", test_import_search_show);
  ADD ("/cli/import-csv-map", test_import_csv_map);
  ADD ("/cli/newer-database", test_newer_database);
  ADD ("/cli/check-finds-drift", test_check_finds_drift);
  ADD ("/cli/match", test_match);
#undef ADD

  return g_test_run ();
}
