/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests for src/core: the profile model, its JSON form, dates, helpers.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/sl-date.h"
#include "core/sl-document.h"
#include "core/sl-json.h"
#include "core/sl-profile.h"
#include "core/sl-util.h"

static SlProfile *
make_full_profile (void)
{
  SlProfile *p = sl_profile_new ();
  SlWorkEntry *w;
  SlEducationEntry *e;
  SlCertification *c;
  SlProject *pr;
  SlSkill *s;

  p->personal.name = g_strdup ("Jördis Müller-Łukasz");
  p->personal.email = g_strdup ("jordis@example.org");
  p->personal.phone = g_strdup ("+4930123456");
  p->personal.location = g_strdup ("Berlin, Germany");
  p->personal.city = g_strdup ("Berlin");
  p->personal.country = g_strdup ("Germany");
  p->personal.summary = g_strdup ("Line one\nline \"two\"\t✓");
  g_ptr_array_add (p->personal.links, g_strdup ("https://github.com/jm"));

  w = sl_work_entry_new ();
  w->company = g_strdup ("Acme GmbH");
  w->title = g_strdup ("Data Engineer");
  w->start = g_strdup ("2019-03");
  w->current = TRUE;
  g_ptr_array_add (p->work, w);
  w = sl_work_entry_new ();
  w->company = g_strdup ("Initech");
  w->title = g_strdup ("Developer");
  w->start = g_strdup ("2015");
  w->end = g_strdup ("2019-02-28");
  w->description = g_strdup ("Built things");
  g_ptr_array_add (p->work, w);

  e = sl_education_entry_new ();
  e->institution = g_strdup ("TU Berlin");
  e->degree = g_strdup ("M.Sc. Informatik");
  e->level = g_strdup ("master");
  e->field = g_strdup ("Computer Science");
  e->end = g_strdup ("2014");
  e->grade = g_strdup ("1,3");
  g_ptr_array_add (p->education, e);

  s = sl_skill_new ("Postgres", "PostgreSQL");
  s->category = g_strdup ("database");
  g_ptr_array_add (p->skills, s);
  g_ptr_array_add (p->skills, sl_skill_new ("rust", NULL));

  c = sl_certification_new ();
  c->name = g_strdup ("CKA");
  c->issuer = g_strdup ("CNCF");
  c->date = g_strdup ("2021-06");
  g_ptr_array_add (p->certifications, c);
  g_ptr_array_add (p->languages, sl_language_new ("German", "native"));
  g_ptr_array_add (p->languages, sl_language_new ("English", "C1"));

  pr = sl_project_new ();
  pr->name = g_strdup ("sqlite-fts-bench");
  pr->url = g_strdup ("https://example.org/p");
  g_ptr_array_add (pr->keywords, g_strdup ("SQLite"));
  g_ptr_array_add (p->projects, pr);
  g_ptr_array_add (p->achievements, g_strdup ("Speaker at FOSDEM"));
  g_ptr_array_add (p->interests, g_strdup ("Chess"));

  p->meta.extraction_method = g_strdup ("text-layer");
  p->meta.parser = g_strdup ("rules");
  p->meta.model = g_strdup ("m");
  p->meta.prompt_tokens = 120;
  p->meta.completion_tokens = 0;
  p->meta.llm_latency_ms = 301.5;
  p->meta.experience_months = 90;
  sl_profile_set_field_note (p, "personal.email", 0.99, "rules", "line 2");
  sl_profile_add_timing (p, "extract", 12.25);
  sl_profile_add_warning (p, "few words");
  sl_profile_set_extra (p, "email.subject", "Application");
  sl_profile_set_extra (p, "email.from", "a@b.c");
  p->source = g_strdup ("cli");
  return p;
}

static void
test_profile_json_roundtrip (void)
{
  g_autoptr(SlProfile) p = make_full_profile ();
  g_autoptr(SlProfile) back = NULL;
  g_autoptr(SlProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sl_profile_to_json (p, FALSE);
  g_autofree char *json2 = NULL;
  g_autofree char *pretty = sl_profile_to_json (p, TRUE);
  g_autoptr(SlProfile) from_pretty = NULL;

  back = sl_profile_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  json2 = sl_profile_to_json (back, FALSE);
  g_assert_cmpstr (json, ==, json2);
  g_assert_true (sl_profile_equal (p, back));

  from_pretty = sl_profile_from_json (pretty, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_profile_equal (p, from_pretty));

  copy = sl_profile_copy (p);
  g_assert_true (sl_profile_equal (p, copy));
  g_free (copy->personal.name);
  copy->personal.name = g_strdup ("Other");
  g_assert_false (sl_profile_equal (p, copy));

  g_assert_cmpstr (back->personal.summary, ==, "Line one\nline \"two\"\t✓");
  g_assert_cmpint (back->work->len, ==, 2);
  g_assert_true (((SlWorkEntry *) back->work->pdata[0])->current);
  g_assert_false (((SlWorkEntry *) back->work->pdata[1])->current);
  g_assert_cmpint (back->meta.prompt_tokens, ==, 120);
  g_assert_cmpint (back->meta.completion_tokens, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (back->meta.extras, "email.from"), ==, "a@b.c");
}

static void
test_profile_json_empty_and_bad (void)
{
  g_autoptr(SlProfile) empty = sl_profile_new ();
  g_autofree char *json = sl_profile_to_json (empty, FALSE);
  g_autoptr(SlProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  SlProfile *bad;

  back = sl_profile_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_profile_equal (empty, back));
  g_assert_cmpint (back->meta.experience_months, ==, -1);

  bad = sl_profile_from_json ("[1,2", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, SL_CORE_ERROR, SL_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  bad = sl_profile_from_json ("\"just a string\"", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, SL_CORE_ERROR, SL_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Wrong member types are ignored, not fatal. */
  g_clear_pointer (&back, sl_profile_free);
  back = sl_profile_from_json ("{\"personal_info\": {\"name\": 5}, \"skills\": [\"Go\", 3, {\"name\": \"C\"}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_null (back->personal.name);
  g_assert_cmpint (back->skills->len, ==, 2);
}

static void
test_profile_sections (void)
{
  g_autoptr(SlProfile) p = make_full_profile ();
  g_autofree char *work = sl_profile_section_to_json (p, "work_experience");
  g_autofree char *nothing = sl_profile_section_to_json (p, "bogus");

  g_assert_nonnull (work);
  g_assert_true (g_str_has_prefix (work, "[{\"company\":\"Acme GmbH\""));
  g_assert_null (nothing);
}

/* The direct serializer against json-glib's builder + generator: every
 * section and the whole profile must come out byte for byte the same. */
static void
assert_json_like_glib (const SlProfile *p)
{
  g_autoptr(JsonNode) node = sl_profile_to_json_node (p);
  g_autofree char *glib_all = sl_json_node_to_string (node, FALSE);
  g_autofree char *ours_all = sl_profile_to_json (p, FALSE);
  const char * const *names = sl_profile_section_names ();

  g_assert_cmpstr (ours_all, ==, glib_all);
  /* Valid JSON: no raw control byte (json-glib 1.6 writes 0x1f raw). */
  for (const char *c = ours_all; *c != '\0'; c++)
    g_assert_cmpint ((guchar) *c, >=, 0x20);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *ours = sl_profile_section_to_json (p, names[i]);
      g_autofree char *glib = sl_json_node_to_string (json_object_get_member (json_node_get_object (node), names[i]),
                                                      FALSE);
      g_assert_cmpstr (ours, ==, glib);
    }
}

static void
test_profile_json_like_glib (void)
{
  g_autoptr(SlProfile) empty = sl_profile_new ();
  g_autoptr(SlProfile) p = make_full_profile ();
  g_autoptr(SlProfile) q = sl_profile_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  g_autoptr(GString) all_bytes = g_string_new (NULL);
  static const double doubles[] = { 0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 1e20, 1e21, 1e-5, 1e-7,
                                    2.5e-10, 123456789, 1e300, 0.99, 100.25, 12345.678 };
  SlWorkEntry *w;
  SlProject *pr;

  assert_json_like_glib (empty);
  assert_json_like_glib (p);

  /* Every byte but NUL, as a value and as a key. */
  for (int c = 1; c < 256; c++)
    g_string_append_c (all_bytes, (char) c);
  q->personal.name = g_strdup (all_bytes->str);
  q->personal.summary = g_strdup ("quote \" backslash \\ slash / </script> tab\t cr\r nl\n ff\f bs\b \x1f \x7f 😀 ü");
  q->personal.headline = g_strdup ("");
  g_ptr_array_add (q->personal.links, NULL);
  g_ptr_array_add (q->personal.links, g_strdup ("\\\\server\\share"));
  w = sl_work_entry_new ();
  w->current = TRUE;
  g_ptr_array_add (q->work, w);
  g_ptr_array_add (q->work, sl_work_entry_new ());
  g_ptr_array_add (q->skills, sl_skill_new ("C++ \"modern\"", "C++"));
  g_ptr_array_add (q->languages, sl_language_new (NULL, NULL));
  pr = sl_project_new ();
  g_ptr_array_add (pr->keywords, g_strdup ("🦀"));
  g_ptr_array_add (pr->keywords, NULL);
  g_ptr_array_add (q->projects, pr);
  g_ptr_array_add (q->projects, sl_project_new ());
  g_ptr_array_add (q->achievements, g_strdup (""));
  g_ptr_array_add (q->achievements, NULL);
  q->meta.prompt_tokens = G_MAXINT64;
  q->meta.completion_tokens = 0;
  q->meta.llm_latency_ms = 0;
  q->meta.experience_months = 0;
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autofree char *stage = g_strdup_printf ("stage \"%u\"\n", i % 5);
      g_autofree char *field = g_strdup_printf ("f%u", i);
      /* stages repeat: first place, last value */
      sl_profile_add_timing (q, stage, doubles[i]);
      sl_profile_set_field_note (q, field, doubles[i], i % 2 ? NULL : "rules", i % 3 ? NULL : "line\t1");
    }
  sl_profile_add_warning (q, "w\\1");
  sl_profile_set_extra (q, all_bytes->str, "v");
  sl_profile_set_extra (q, "", "\x01");
  q->source = g_strdup ("\"src\"");
  assert_json_like_glib (q);

  /* Each double alone, where nothing clamps or replaces it. */
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(SlProfile) d = sl_profile_new ();

      d->meta.llm_latency_ms = fabs (doubles[i]);
      sl_profile_add_timing (d, "t", doubles[i]);
      sl_profile_add_timing (d, "u", -doubles[i]);
      assert_json_like_glib (d);
    }

  /* Random bytes (not always UTF-8: the generator does not check) and
   * random doubles. */
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(SlProfile) r = sl_profile_new ();
      char buf[24];

      for (guint i = 0; i < sizeof buf - 1; i++)
        buf[i] = (char) g_rand_int_range (rand, 1, 256);
      buf[g_rand_int_range (rand, 0, sizeof buf)] = '\0';
      r->personal.email = g_strdup (buf);
      g_ptr_array_add (r->interests, g_strdup (buf));
      g_ptr_array_add (r->skills, sl_skill_new (buf, round % 2 ? buf : NULL));
      sl_profile_add_timing (r, buf, g_rand_double_range (rand, -1e6, 1e6) * pow (10, g_rand_int_range (rand, -30, 30)));
      r->meta.llm_latency_ms = g_rand_double (rand);
      assert_json_like_glib (r);
    }
}

/* sl_json_put_double () keeps the last texts it made per thread: a value
 * met again, one that took its slot meanwhile, and many threads at once
 * all write what g_ascii_dtostr () (and ".0") gives. */
static gpointer
put_double_thread (gpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  double pool[40];

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    pool[i] = g_rand_double_range (rand, -1e3, 1e3) * pow (10, g_rand_int_range (rand, -12, 12));
  pool[0] = 0;
  pool[1] = -0.0;
  pool[2] = 0.95;
  pool[3] = 1e21;
  pool[4] = 3;
  for (guint round = 0; round < 20000; round++)
    {
      /* mostly the pool (more values than slots: hits and evictions),
       * sometimes a new value */
      double v = g_rand_int_range (rand, 0, 8) > 0
                 ? pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]
                 : g_rand_double (rand) * g_rand_int_range (rand, 1, 100000);
      char want[G_ASCII_DTOSTR_BUF_SIZE + 2];
      g_autoptr(GString) out = g_string_new ("x");

      g_ascii_dtostr (want, G_ASCII_DTOSTR_BUF_SIZE, v);
      if (strchr (want, '.') == NULL)
        strcat (want, ".0");
      sl_json_put_double (out, v);
      g_assert_cmpstr (out->str + 1, ==, want);
      g_assert_cmpuint (out->len, ==, strlen (want) + 1);
    }
  return NULL;
}

/* sl_json_put_string () reads eight bytes at a time between the bytes it
 * escapes: against a byte-at-a-time escaper, on strings of every length
 * up to 40 with the escaped bytes (and bytes next to them in value) at
 * every place. */
static void
test_json_put_string (void)
{
  static const guchar alphabet[] = { 'a', 'Z', ' ', '0', '"', '\\', '/', 0x7f, 0x1f, 0x20, 0x01, '\n', '\t',
                                     '\b', '\f', '\r', 0x21, 0x5b, 0x5d, 0x7e, 0x80, 0xc3, 0xbc, 0xff, '!' };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint round = 0; round < 20000; round++)
    {
      guint len = round % 41;
      char s[48];
      g_autoptr(GString) want = g_string_new ("\"");
      g_autoptr(GString) got = g_string_new (NULL);
      /* mostly plain bytes, so that long runs without a stop occur */
      gboolean plain = g_rand_boolean (rand);

      for (guint i = 0; i < len; i++)
        {
          guchar c = plain && g_rand_int_range (rand, 0, 10) > 0
                     ? (guchar) g_rand_int_range (rand, 0x23, 0x5b)
                     : alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];
          s[i] = (char) c;
          switch (c)
            {
            case '"': g_string_append (want, "\\\""); break;
            case '\\': g_string_append (want, "\\\\"); break;
            case '\b': g_string_append (want, "\\b"); break;
            case '\f': g_string_append (want, "\\f"); break;
            case '\n': g_string_append (want, "\\n"); break;
            case '\r': g_string_append (want, "\\r"); break;
            case '\t': g_string_append (want, "\\t"); break;
            default:
              if (c < 0x20 || c == 0x7f)
                g_string_append_printf (want, "\\u00%02x", c);
              else
                g_string_append_c (want, (char) c);
            }
        }
      s[len] = '\0';
      g_string_append_c (want, '"');
      sl_json_put_string (got, s);
      g_assert_cmpstr (got->str, ==, want->str);
    }
}

static void
test_json_put_double (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("put-double", put_double_thread, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_experience_months (void)
{
  g_autoptr(SlProfile) p = sl_profile_new ();
  SlWorkEntry *w;

  g_assert_cmpint (sl_profile_compute_experience_months (p, "2024-12"), ==, -1);

  /* 2015-01..2016-12 (24) overlapping 2016-06..2017-05 → 2015-01..2017-05 = 29 */
  w = sl_work_entry_new ();
  w->start = g_strdup ("2015");
  w->end = g_strdup ("2016");
  g_ptr_array_add (p->work, w);
  w = sl_work_entry_new ();
  w->start = g_strdup ("2016-06");
  w->end = g_strdup ("2017-05");
  g_ptr_array_add (p->work, w);
  g_assert_cmpint (sl_profile_compute_experience_months (p, "2024-12"), ==, 29);

  /* A separate current job from 2024-01 up to 2024-12: +12 */
  w = sl_work_entry_new ();
  w->start = g_strdup ("2024-01");
  w->current = TRUE;
  g_ptr_array_add (p->work, w);
  g_assert_cmpint (sl_profile_compute_experience_months (p, "2024-12"), ==, 41);

  /* Reversed interval is ignored. */
  w = sl_work_entry_new ();
  w->start = g_strdup ("2020-05");
  w->end = g_strdup ("2019-01");
  g_ptr_array_add (p->work, w);
  g_assert_cmpint (sl_profile_compute_experience_months (p, "2024-12"), ==, 41);

  g_assert_true (sl_profile_current_work (p) == w || ((SlWorkEntry *) sl_profile_current_work (p))->current);
}

static void
test_dates (void)
{
  g_autofree char *a = sl_date_format (2019, 3, 0);
  g_autofree char *b = sl_date_format (2019, 0, 0);
  g_autofree char *c = sl_date_format (1800, 1, 1);

  g_assert_cmpstr (a, ==, "2019-03");
  g_assert_cmpstr (b, ==, "2019");
  g_assert_null (c);
  g_assert_true (sl_date_is_valid ("2019-03-31"));
  g_assert_false (sl_date_is_valid ("2019-13"));
  g_assert_false (sl_date_is_valid ("19-03"));
  g_assert_false (sl_date_is_valid ("2019/03"));
  g_assert_false (sl_date_is_valid (NULL));
  g_assert_cmpint (sl_date_to_month_index ("2019", FALSE), ==, 2019 * 12);
  g_assert_cmpint (sl_date_to_month_index ("2019", TRUE), ==, 2019 * 12 + 11);
  g_assert_cmpint (sl_date_to_month_index ("bogus", TRUE), ==, -1);
  g_assert_cmpint (sl_date_compare ("2019", "2019-03"), <, 0);
  g_assert_cmpint (sl_date_compare (NULL, "2019"), <, 0);
}

static void
test_normalize (void)
{
  struct { const char *in, *out; } emails[] = {
    { "  Jane.Doe@Example.COM ", "jane.doe@example.com" },
    { "mailto:x@y.org", "x@y.org" },
    { "no-at-sign.example.com", NULL },
    { "a@b", NULL },
    { "a b@c.de", NULL },
    { "a@@c.de", NULL },
  };
  struct { const char *in, *out; } phones[] = {
    { "+49 (30) 123-4567", "+49301234567" },
    { "0049 30 1234567", "+49301234567" },
    { "(555) 123-4567", "5551234567" },
    { "12-34", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autofree char *n = sl_normalize_email (emails[i].in);
      g_assert_cmpstr (n, ==, emails[i].out);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *n = sl_normalize_phone_key (phones[i].in);
      g_assert_cmpstr (n, ==, phones[i].out);
    }
  {
    g_autofree char *clean = sl_strdup_clean ("  a \n\t b\xc2\xa0" "c  ");
    g_autofree char *empty = sl_strdup_clean (" \n ");
    g_assert_cmpstr (clean, ==, "a b c");
    g_assert_null (empty);
  }
}

static void
test_document (void)
{
  g_autoptr(SlDocument) d = sl_document_new ();
  g_autoptr(SlDocument) c = NULL;
  SlLine *l = sl_line_new ("JANE DOE");

  l->bold = TRUE;
  l->font_size = 18;
  g_ptr_array_add (d->lines, l);
  sl_document_set_text (d, "Jane Doe — Data-Engineer, 10 years\fPage two");
  g_assert_cmpint (d->word_count, ==, 8);
  sl_document_add_warning (d, "w");
  sl_document_add_warning (d, "w");
  g_assert_cmpint (d->warnings->len, ==, 1);
  c = sl_document_copy (d);
  g_assert_cmpstr (c->text, ==, d->text);
  g_assert_true (((SlLine *) c->lines->pdata[0])->bold);
  g_assert_cmpint (sl_count_words ("  "), ==, 0);
  g_assert_cmpint (sl_count_words ("été 2019"), ==, 2);
}

/* The typed member accessors every JSON reader shares: a member of the
 * wrong type is as good as missing. */
static void
test_json_members (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"s\": \"text\", \"n\": 3, \"o\": {\"a\": 1},"
                                               " \"a\": [1, 2], \"null\": null}", NULL);
  JsonObject *o = json_node_get_object (node);

  g_assert_cmpstr (sl_json_member_string (o, "s"), ==, "text");
  g_assert_null (sl_json_member_string (o, "n"));
  g_assert_null (sl_json_member_string (o, "o"));
  g_assert_null (sl_json_member_string (o, "null"));
  g_assert_null (sl_json_member_string (o, "missing"));
  g_assert_null (sl_json_member_string (NULL, "s"));
  g_assert_nonnull (sl_json_member_object (o, "o"));
  g_assert_null (sl_json_member_object (o, "a"));
  g_assert_cmpuint (json_array_get_length (sl_json_member_array (o, "a")), ==, 2);
  g_assert_null (sl_json_member_array (o, "o"));
  g_assert_null (sl_json_member_array (NULL, "a"));
}

/* The hash names archived files and finds duplicates: it must be SHA-256
 * exactly, for every length around the 64-byte block size and beyond. */
static void
test_sha256 (void)
{
  static const struct { const char *text; const char *hex; } known[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
  };
  g_autofree guint8 *buf = g_malloc (70000);

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *hex = sl_sha256_hex ((const guint8 *) known[i].text, strlen (known[i].text));
      g_assert_cmpstr (hex, ==, known[i].hex);
    }
  for (gsize i = 0; i < 70000; i++)
    buf[i] = (guint8) (i * 131 + (i >> 7));
  for (gsize len = 0; len < 70000; len = len < 200 ? len + 1 : len * 3 + 17)
    {
      g_autofree char *ours = sl_sha256_hex (buf, len);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, buf, len);
      g_assert_cmpstr (ours, ==, glib);
    }
}

/* sl_iso8601_from_unix_usec writes what GLib's formatter writes, on the
 * days around leap days, years and centuries and on random times. */
static void
test_iso8601 (void)
{
  static const char * const days[] = {
    "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-28T23:59:59Z", "2000-02-29T12:00:00Z",
    "2000-03-01T00:00:00Z", "2100-02-28T00:00:00Z", "2100-03-01T00:00:00Z", "2024-12-31T23:59:59Z",
    "1900-03-01T00:00:00Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-29T07:05:55Z",
  };
  GRand *r = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (days) + 20000; i++)
    {
      g_autoptr(GDateTime) t = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      gint64 usec;

      if (i < G_N_ELEMENTS (days))
        {
          g_autoptr(GDateTime) d = g_date_time_new_from_iso8601 (days[i], NULL);
          g_assert_nonnull (d);
          usec = g_date_time_to_unix (d) * G_USEC_PER_SEC + (i % 3) * 999999 / 2;
        }
      else
        usec = (gint64) (g_rand_double_range (r, -30610224000.0, 253402300799.0) * G_USEC_PER_SEC);
      {
        gint64 secs = usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
        g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (secs);
        g_assert_nonnull (whole);
        t = g_date_time_add (whole, usec - secs * G_USEC_PER_SEC);
      }
      expected = g_date_time_format (t, "%Y-%m-%dT%H:%M:%S.%fZ");
      got = sl_iso8601_from_unix_usec (usec);
      g_assert_cmpstr (got, ==, expected);
    }
  g_rand_free (r);
  {
    g_autofree char *now = sl_now_iso8601 ();
    g_autoptr(GDateTime) back = g_date_time_new_from_iso8601 (now, NULL);
    g_assert_nonnull (back);
    g_assert_cmpint (ABS (g_date_time_to_unix (back) - g_get_real_time () / G_USEC_PER_SEC), <=, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/sha256", test_sha256);
  g_test_add_func ("/core/iso8601", test_iso8601);
  g_test_add_func ("/core/profile/json-roundtrip", test_profile_json_roundtrip);
  g_test_add_func ("/core/profile/json-empty-and-bad", test_profile_json_empty_and_bad);
  g_test_add_func ("/core/profile/sections", test_profile_sections);
  g_test_add_func ("/core/profile/json-like-glib", test_profile_json_like_glib);
  g_test_add_func ("/core/profile/experience-months", test_experience_months);
  g_test_add_func ("/core/json-members", test_json_members);
  g_test_add_func ("/core/json-put-double", test_json_put_double);
  g_test_add_func ("/core/json-put-string", test_json_put_string);
  g_test_add_func ("/core/date", test_dates);
  g_test_add_func ("/core/normalize", test_normalize);
  g_test_add_func ("/core/document", test_document);
  return g_test_run ();
}
