/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests for src/parse: dates, phones, sections, the skills gazetteer and the
 * rule parser, with small hand-written resumes in English, German, French,
 * Spanish, Portuguese, Italian and Dutch.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "core/sl-json.h"
#include "core/sl-profile.h"
#include "parse/sl-dates.h"
#include "parse/sl-lexicon.h"
#include "parse/sl-phone.h"
#include "parse/sl-rules.h"
#include "parse/sl-sections.h"
#include "parse/sl-skills.h"
#include "parse/sl-text.h"

/* ---- dates ---- */

typedef struct
{
  const char *text;
  const char *start;
  const char *end;
  gboolean    current;
} RangeCase;

static void
test_dates_ranges (void)
{
  static const RangeCase cases[] = {
    { "Jan 2019 – Present", "2019-01", NULL, TRUE },
    { "2019-2021", "2019", "2021", FALSE },
    { "03/2018 - 11/2020", "2018-03", "2020-11", FALSE },
    { "since 2020", "2020", NULL, TRUE },
    { "2015 to date", "2015", NULL, TRUE },
    { "September 2016 to June 2018", "2016-09", "2018-06", FALSE },
    { "(2008 - Present)", "2008", NULL, TRUE },
    { "2012-13", "2012", "2013", FALSE },
    { "2019-05 – 2020-02", "2019-05", "2020-02", FALSE },
    /* German */
    { "Mai 2017 – heute", "2017-05", NULL, TRUE },
    { "seit März 2021", "2021-03", NULL, TRUE },
    { "10/2015 bis 12/2018", "2015-10", "2018-12", FALSE },
    { "01.04.2016 - 31.03.2019", "2016-04", "2019-03", FALSE },
    /* French */
    { "depuis 2019", "2019", NULL, TRUE },
    { "janvier 2015 – décembre 2017", "2015-01", "2017-12", FALSE },
    { "févr. 2020 - aujourd'hui", "2020-02", NULL, TRUE },
    /* Spanish */
    { "marzo de 2018 - actualidad", "2018-03", NULL, TRUE },
    { "desde 2017", "2017", NULL, TRUE },
    { "ene 2014 – dic 2016", "2014-01", "2016-12", FALSE },
    /* Portuguese */
    { "setembro de 2019 - atual", "2019-09", NULL, TRUE },
    { "fev 2012 a out 2015", "2012-02", "2015-10", FALSE },
    /* Italian */
    { "dal 2020", "2020", NULL, TRUE },
    { "giugno 2015 - oggi", "2015-06", NULL, TRUE },
    { "gennaio 2010 – luglio 2013", "2010-01", "2013-07", FALSE },
    /* Dutch */
    { "sinds 2016", "2016", NULL, TRUE },
    { "maart 2017 - heden", "2017-03", NULL, TRUE },
    { "mei 2011 t/m okt 2014", "2011-05", "2014-10", FALSE },
    /* "from … to …" with a since-word */
    { "dal 2014 al 2019", "2014", "2019", FALSE },
    { "von 2012 bis 2016", "2012", "2016", FALSE },
    { "desde 2010 hasta 2014", "2010", "2014", FALSE },
    { "jan/2019 - atual", "2019-01", NULL, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlDateRange) r = sl_dates_parse_range (cases[i].text, FALSE);
      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (r);
      g_assert_cmpstr (r->start, ==, cases[i].start);
      g_assert_cmpstr (r->end, ==, cases[i].end);
      g_assert_cmpint (r->current, ==, cases[i].current);
    }
}

static void
test_dates_words (void)
{
  g_assert_cmpint (sl_dates_month_from_name ("März"), ==, 3);
  g_assert_cmpint (sl_dates_month_from_name ("août"), ==, 8);
  g_assert_cmpint (sl_dates_month_from_name ("Sept."), ==, 9);
  g_assert_cmpint (sl_dates_month_from_name ("diciembre"), ==, 12);
  g_assert_cmpint (sl_dates_month_from_name ("outubro"), ==, 10);
  g_assert_cmpint (sl_dates_month_from_name ("maggio"), ==, 5);
  g_assert_cmpint (sl_dates_month_from_name ("mei"), ==, 5);
  g_assert_cmpint (sl_dates_month_from_name ("house"), ==, 0);
  /* (a dot after a word that is no month, and a word listed twice) */
  g_assert_cmpint (sl_dates_month_from_name ("house."), ==, 0);
  g_assert_cmpint (sl_dates_month_from_name ("JANV."), ==, 1);
  g_assert_true (sl_dates_is_present_word ("Actualmente"));
  g_assert_false (sl_dates_is_present_word ("presenter"));
  g_assert_true (sl_dates_is_present_word ("heute"));
  g_assert_true (sl_dates_is_present_word ("Aujourd'hui"));
  g_assert_true (sl_dates_is_present_word ("actualidad"));
  g_assert_true (sl_dates_is_present_word ("atual"));
  g_assert_true (sl_dates_is_present_word ("oggi"));
  g_assert_true (sl_dates_is_present_word ("heden"));
  g_assert_false (sl_dates_is_present_word ("yesterday"));
}

static void
test_dates_not_ranges (void)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SlDateRange) r = NULL;

  /* a month word without a year is no date; "may" is a verb here */
  r = sl_dates_parse_range ("You may contact me", TRUE);
  g_assert_null (r);
  /* a phone number is no date */
  r = sl_dates_parse_range ("Phone: 123-345-7890", TRUE);
  g_assert_null (r);
  /* a lone year is a single date, not a range */
  all = sl_dates_find ("Graduated in 2009 with honours");
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (((SlDateRange *) g_ptr_array_index (all, 0))->single);
  g_assert_cmpstr (((SlDateRange *) g_ptr_array_index (all, 0))->start, ==, "2009");
}

/* ---- phones ---- */

static void
test_phones (void)
{
  static const struct { const char *raw, *region, *e164; } cases[] = {
    { "(123) 345-7890", "US", "+11233457890" },
    { "+1 (415) 555-0100", NULL, "+14155550100" },
    { "030 1234567", "DE", "+49301234567" },
    { "+49 (0)30 1234 5678", NULL, "+493012345678" },
    { "0049 170 1234567", NULL, "+491701234567" },
    { "06 12 34 56 78", "FR", "+33612345678" },
    { "+33 (0)6 58 87 40 75", NULL, "+33658874075" },
    { "612 345 678", "ES", "+34612345678" },
    { "912 345 678", "PT", "+351912345678" },
    { "06 1234 5678", "IT", "+390612345678" },
    { "06-12345678", "NL", "+31612345678" },
    { "020 7946 0958", "GB", "+442079460958" },
    { "98765 43210", "IN", "+919876543210" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *e = sl_phone_to_e164 (cases[i].raw, cases[i].region);
      g_test_message ("%s", cases[i].raw);
      g_assert_cmpstr (e, ==, cases[i].e164);
    }
  /* no region, no country code: cannot be normalised */
  g_assert_null (sl_phone_to_e164 ("030 1234567", NULL));
  /* too short for the region */
  g_assert_null (sl_phone_to_e164 ("12345", "DE"));
  g_assert_cmpint (sl_phone_region_code ("nl"), ==, 31);
}

static void
test_phone_find (void)
{
  gsize off, len;
  const char *t1 = "Worked 2015-2019 at X. Mobile: +49 170 1234567";
  const char *t2 = "Born 12.03.1990, graduated 2010 - 2014";
  g_autofree char *found = NULL;

  g_assert_true (sl_phone_find (t1, 0, &off, &len));
  found = g_strndup (t1 + off, len);
  g_assert_cmpstr (found, ==, "+49 170 1234567");
  g_assert_false (sl_phone_find (t2, 0, &off, &len));
}

/* ---- sections ---- */

static void
test_sections (void)
{
  static const struct { const char *line; SlSection s; } cases[] = {
    { "WORK EXPERIENCE", SL_SECTION_EXPERIENCE },
    { "Professional Experience:", SL_SECTION_EXPERIENCE },
    { "Education", SL_SECTION_EDUCATION },
    { "Technical Skills", SL_SECTION_SKILLS },
    { "Berufserfahrung", SL_SECTION_EXPERIENCE },
    { "AUSBILDUNG", SL_SECTION_EDUCATION },
    { "Sprachkenntnisse", SL_SECTION_LANGUAGES },
    { "Expérience professionnelle", SL_SECTION_EXPERIENCE },
    { "FORMATION :", SL_SECTION_EDUCATION },
    { "Compétences", SL_SECTION_SKILLS },
    { "Centres d'intérêt", SL_SECTION_INTERESTS },
    { "Experiencia laboral", SL_SECTION_EXPERIENCE },
    { "Formación académica", SL_SECTION_EDUCATION },
    { "Idiomas", SL_SECTION_LANGUAGES },
    { "Experiência Profissional", SL_SECTION_EXPERIENCE },
    { "Formação", SL_SECTION_EDUCATION },
    { "Esperienze lavorative", SL_SECTION_EXPERIENCE },
    { "ISTRUZIONE E FORMAZIONE", SL_SECTION_EDUCATION },
    { "Competenze", SL_SECTION_SKILLS },
    { "Werkervaring", SL_SECTION_EXPERIENCE },
    { "Opleidingen", SL_SECTION_EDUCATION },
    { "Vaardigheden", SL_SECTION_SKILLS },
    { "Certifications", SL_SECTION_CERTIFICATIONS },
    { "Projects", SL_SECTION_PROJECTS },
    { "Achievements", SL_SECTION_ACHIEVEMENTS },
    { "Hobbies", SL_SECTION_INTERESTS },
    { "References", SL_SECTION_REFERENCES },
    { "Summary of Qualifications", SL_SECTION_SUMMARY },
    /* not headings */
    { "Four years of experience as help desk technician", SL_SECTION_NONE },
    { "experience with large teams.", SL_SECTION_NONE },
    { "PROJECT MANAGER", SL_SECTION_NONE },
    { "Curriculum Vitae", SL_SECTION_NONE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (sl_section_to_string (sl_section_from_heading (cases[i].line, NULL, NULL)), ==,
                       sl_section_to_string (cases[i].s));
    }
}

static void
test_section_inline (void)
{
  const char *rest = NULL;
  SlSection s = sl_section_from_heading ("Skills: Java, Python, SQL", NULL, &rest);

  g_assert_cmpint (s, ==, SL_SECTION_SKILLS);
  g_assert_cmpstr (rest, ==, "Java, Python, SQL");
  /* layout cues: a bold one-word heading with a weak keyword */
  {
    SlLineCues cues = { TRUE, 14, 10 };
    g_assert_cmpint (sl_section_from_heading ("Tools", &cues, NULL), ==, SL_SECTION_SKILLS);
  }
}

/* ---- skills ---- */

static void
test_skills_canonical (void)
{
  g_assert_true (sl_skills_ensure_loaded (NULL));
  g_assert_cmpuint (sl_skills_count (), >, 3000);
  g_assert_true (sl_skills_is_listed_only ("Budgeting"));
  g_assert_true (sl_skills_is_listed_only ("Teamwork"));
  g_assert_false (sl_skills_is_listed_only ("Python"));
  g_assert_cmpstr (sl_skills_canonicalize ("JS"), ==, "JavaScript");
  g_assert_cmpstr (sl_skills_canonicalize ("postgres"), ==, "PostgreSQL");
  g_assert_cmpstr (sl_skills_canonicalize ("ML"), ==, "Machine Learning");
  g_assert_cmpstr (sl_skills_canonicalize ("k8s"), ==, "Kubernetes");
  g_assert_cmpstr (sl_skills_canonicalize ("Node.js"), ==, "Node.js");
  g_assert_cmpstr (sl_skills_canonicalize ("c++"), ==, "C++");
  g_assert_cmpstr (sl_skills_canonicalize ("Maschinelles Lernen"), ==, "Machine Learning");
  g_assert_null (sl_skills_canonicalize ("Underwater basket weaving"));
  g_assert_cmpstr (sl_skills_category ("PostgreSQL"), ==, "Databases");
  {
    g_autoptr(GPtrArray) rel = sl_skills_related ("PostgreSQL");
    gboolean mysql = FALSE;
    for (guint i = 0; i < rel->len; i++)
      if (g_str_equal (g_ptr_array_index (rel, i), "MySQL"))
        mysql = TRUE;
    g_assert_true (mysql);
  }
}

static void
test_skills_find (void)
{
  const char *text = "Built REST services in Python and Node.js on k8s; "
                     "we go home early. HTML/CSS, Postgres.";
  g_autoptr(GArray) m = sl_skills_find (text, -1);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < m->len; i++)
    g_hash_table_add (found, (gpointer) g_array_index (m, SlSkillMatch, i).canonical);
  g_assert_true (g_hash_table_contains (found, "Python"));
  g_assert_true (g_hash_table_contains (found, "Node.js"));
  g_assert_true (g_hash_table_contains (found, "Kubernetes"));
  g_assert_true (g_hash_table_contains (found, "HTML"));
  g_assert_true (g_hash_table_contains (found, "CSS"));
  g_assert_true (g_hash_table_contains (found, "PostgreSQL"));
  g_assert_true (g_hash_table_contains (found, "REST APIs"));
  /* "go" in lower case is the verb, not the language */
  g_assert_false (g_hash_table_contains (found, "Go"));
}

/* One-letter languages (C, R, D) are not read out of abbreviations,
 * labels in parentheses or middle initials, but still are in a list, at
 * its end or before a slash; names that are
 * matched only as written match in each spelling the gazetteer lists. */
static void
test_skills_as_written (void)
{
  static const struct { const char *text; const char *want; } cases[] = {
    { "Office in Washington, D.C. since 2019", "" },
    { "Led the R&D team; K&R coverage", "" },
    { "Jane Roe, P.H.R., S.H.R.M.", "" },
    { "Grades: maths (C), physics (B); Tel (R): 555 0100", "maths physics" },
    { "edited by Lisa R. Hirschhorn and Clifford C. Clogg", "" },
    { "Gu, L. L., Skierkowski, D., & Shi, C., in F. C. Blumberg (Ed.)", "" },
    { "Python, C. C++ and R.", "Python C C++ R" },
    { "Wrote Python and C. Then R.", "Python C R" },
    { "Languages: C, R and D", "C R D" },
    { "Python, C.", "Python C" },
    { "C/C++ and R (ggplot2)", "C C++ R ggplot2" },
    /* skills with several exact spellings ("=JAVA|=Java", "=Sql|=SQL",
     * "=GIT|=git|=Git"): each one counts, a spelling not listed does not */
    { "Wrote SQL and Sql, JAVA and Java, Git, git and GIT", "SQL Sql JAVA Java Git git GIT" },
    { "a jAVA sQL gIT", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) m = sl_skills_find (cases[i].text, -1);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint k = 0; k < m->len; k++)
        {
          const SlSkillMatch *sm = &g_array_index (m, SlSkillMatch, k);
          g_string_append_printf (got, "%s%.*s", got->len > 0 ? " " : "", (int) sm->length,
                                  cases[i].text + sm->offset);
        }
      g_assert_cmpstr (got->str, ==, cases[i].want);
    }
}

/* The one-pass search for several strings answers what a strstr() per
 * string answers, wherever a string sits (start, end, cut off by the end,
 * overlapping another, next to UTF-8). */
static void
test_text_needles (void)
{
  static const char *const needles[] = { "ab", "abc", "b c", "\xc3\xa9t", "zz", "cab" };
  static SlTextNeedles set = SL_TEXT_NEEDLES (needles);
  static const char *const pieces[] = { "a", "b", "c", " ", "z", "\xc3\xa9", "t", "x" };
  GRand *r = g_rand_new_with_seed (7);
  guint hits = 0;

  g_assert_false (sl_text_needles_any (&set, ""));
  g_assert_true (sl_text_needles_any (&set, "ab"));
  g_assert_true (sl_text_needles_any (&set, "xxzz"));
  g_assert_false (sl_text_needles_any (&set, "xxz"));
  g_assert_true (sl_text_needles_any (&set, "caf\xc3\xa9t"));
  g_assert_false (sl_text_needles_any (&set, "caf\xc3\xa9"));
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) hay = g_string_new (NULL);
      guint n = g_rand_int_range (r, 0, 12);
      gboolean want = FALSE;

      for (guint k = 0; k < n; k++)
        g_string_append (hay, pieces[g_rand_int_range (r, 0, G_N_ELEMENTS (pieces))]);
      for (guint k = 0; k < G_N_ELEMENTS (needles); k++)
        want = want || strstr (hay->str, needles[k]) != NULL;
      g_assert_cmpint (sl_text_needles_any (&set, hay->str), ==, want);
      hits += want;
    }
  /* (both answers came up often) */
  g_assert_cmpuint (hits, >, 2000);
  g_assert_cmpuint (hits, <, 18000);
  g_rand_free (r);
}

/* The eight-bytes-at-a-time lower case agrees with g_ascii_strdown on
 * every ASCII byte, at every length and alignment; folds of mixed text
 * keep their ASCII parts' lower case. */
static void
test_text_ascii_lower (void)
{
  GRand *r = g_rand_new_with_seed (3);
  char src[64], dst[64];
  g_autofree char *mixed = NULL;

  for (guint round = 0; round < 5000; round++)
    {
      gsize off = g_rand_int_range (r, 0, 8);
      gsize n = g_rand_int_range (r, 0, 40);
      g_autofree char *want = NULL;

      for (gsize k = 0; k < n; k++)
        src[off + k] = (char) g_rand_int_range (r, 1, 128);
      src[off + n] = '\0';
      g_assert_cmpuint (sl_text_ascii_prefix (src + off, n), ==, n);
      want = g_ascii_strdown (src + off, -1);
      sl_text_ascii_lower (dst + off, src + off, n);
      dst[off + n] = '\0';
      g_assert_cmpstr (dst + off, ==, want);
    }
  mixed = sl_text_fold ("Zürich AT THE ÉCOLE Polytechnique Fédérale, Lausanne-ZZ");
  g_assert_cmpstr (mixed, ==, "zurich at the ecole polytechnique federale, lausanne-zz");
  g_rand_free (r);
}

/* Degree words are read from a stack buffer while ASCII and short, and
 * from a folded copy otherwise: both give the same levels. */
static void
test_degree_words (void)
{
  g_autoptr(GString) longword = g_string_new (NULL);
  g_autofree char *after_long = NULL;

  g_assert_cmpstr (sl_rules_degree_level ("Master of Science"), ==, "master");
  g_assert_cmpstr (sl_rules_degree_level ("Maîtrise en informatique"), ==, "master");
  g_assert_cmpstr (sl_rules_degree_level ("MAÎTRISE"), ==, "master");
  g_assert_cmpstr (sl_rules_degree_level ("Diplôme d'ingénieur"), ==, "diploma");
  g_assert_cmpstr (sl_rules_degree_level ("B.Sc. Informatik"), ==, "bachelor");
  g_assert_cmpstr (sl_rules_degree_level ("BA"), ==, "bachelor");
  g_assert_null (sl_rules_degree_level ("ba"));
  g_assert_null (sl_rules_degree_level ("Scrum Master"));
  g_assert_cmpstr (sl_rules_degree_level ("Ensino Médio"), ==, "secondary");
  g_assert_cmpstr (sl_rules_degree_level ("Middelbare School"), ==, "secondary");
  g_assert_null (sl_rules_degree_level ("Elementary"));
  /* a word longer than the stack buffer is no degree, and the next one
   * is still read */
  for (guint i = 0; i < 70; i++)
    g_string_append_c (longword, 'a' + i % 26);
  g_assert_null (sl_rules_degree_level (longword->str));
  g_string_append (longword, "master");
  g_assert_null (sl_rules_degree_level (longword->str));
  after_long = g_strconcat (longword->str, " Bachelor", NULL);
  g_assert_cmpstr (sl_rules_degree_level (after_long), ==, "bachelor");
  /* 62 ASCII letters and then an accented one: the word moves to the
   * folded copy mid-way */
  g_string_truncate (longword, 62);
  g_string_append (longword, "é doctorat");
  g_assert_cmpstr (sl_rules_degree_level (longword->str), ==, "doctorate");
}

/* sl_dates_find() rejects texts that cannot hold a date before reading
 * them: on generated lines of date-like pieces it finds exactly what the
 * full reading finds. */
static void
test_dates_quick_reject (void)
{
  static const char *const pieces[] = {
    "1", "2", "0", "9", "19", "2019", "12", "03", "/", "-", ".", " ", " - ", "\xe2\x80\x93", "'",
    "\xe2\x80\x99", "Mar", "June", "Sept.", "present", "to", "since", "of", "bis", "heute", "%", "x",
  };
  GRand *r = g_rand_new_with_seed (11);
  guint found = 0, rejected = 0;

  for (guint i = 0; i < 30000; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GPtrArray) quick = NULL;
      g_autoptr(GPtrArray) full = NULL;
      guint n = g_rand_int_range (r, 1, 9);

      for (guint k = 0; k < n; k++)
        g_string_append (line, pieces[g_rand_int_range (r, 0, G_N_ELEMENTS (pieces))]);
      quick = sl_dates_find (line->str);
      full = sl_dates_find_unfiltered (line->str);
      g_assert_cmpuint (quick->len, ==, full->len);
      for (guint k = 0; k < full->len; k++)
        {
          SlDateRange *a = g_ptr_array_index (quick, k);
          SlDateRange *b = g_ptr_array_index (full, k);
          g_assert_cmpstr (a->start, ==, b->start);
          g_assert_cmpstr (a->end, ==, b->end);
          g_assert_cmpuint (a->offset, ==, b->offset);
          g_assert_cmpuint (a->length, ==, b->length);
          g_assert_cmpint (a->current, ==, b->current);
          g_assert_cmpint (a->single, ==, b->single);
        }
      found += full->len > 0;
      rejected += full->len == 0;
    }
  /* (both kinds of line came up often) */
  g_assert_cmpuint (found, >, 2000);
  g_assert_cmpuint (rejected, >, 3000);
  g_rand_free (r);
}

/* The scan finds names by the hashes the tokenizer keeps while it reads
 * (sl_skills_canonicalize looks names up by their text): both agree on
 * names of every token shape, in any letter case. */
static void
test_skills_scan_hashes (void)
{
  static const char *const names[] = {
    "Python", "PYTHON", "Node.js", "NODE.JS", ".NET", "ASP.NET", "C++", "C#", "CI/CD", "scikit-learn",
    "Machine Learning", "machine learning", "Ruby on Rails", "Power BI", "Microsoft Excel",
    "Objective-C", "Google Cloud Platform", "REST APIs", "T-SQL", "PostgreSQL",
  };
  guint checked = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *canonical = sl_skills_canonicalize (names[i]);
      g_autofree char *in_text = g_strdup_printf ("Used %s daily.", names[i]);
      g_autoptr(GArray) m = sl_skills_find (in_text, -1);

      if (canonical == NULL)
        continue;
      checked++;
      g_assert_cmpuint (m->len, >=, 1);
      g_assert_cmpstr (g_array_index (m, SlSkillMatch, 0).canonical, ==, canonical);
      g_assert_cmpuint (g_array_index (m, SlSkillMatch, 0).offset, ==, 5);
    }
  g_assert_cmpuint (checked, >=, 15);
}

/* ---- whole resumes ---- */

static SlProfile *
parse_ok (const char *text, const char *region)
{
  SlRulesOptions opts = { region, "2024-06" };
  g_autoptr(GError) error = NULL;
  SlProfile *p = sl_rules_parse_text (text, &opts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->meta.parser, ==, "rules");
  g_assert_nonnull (p->meta.parser_version);
  return p;
}

/* A line cut into many parts (more than a first allocation holds) at
 * every kind of separator: each part comes out once, in order (the
 * interests section keeps the parts of its lines as they are). */
static void
test_segments_many (void)
{
  static const char *const words[] = { "chess", "Hiking", "jazz", "piano", "Rock climbing", "Go", "urban", "film" };
  static const char *const seps[] = { " | ", "|", ", ", "; ", "  ", " - ", " \u2022 ", " \u2013 " };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = g_string_new ("Jane Example\njane@example.org\n\nInterests\n");
      g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(SlProfile) p = NULL;
      guint n = (guint) g_rand_int_range (rand, 1, 40);

      for (guint i = 0; i < n; i++)
        {
          GString *part = g_string_new (NULL);
          guint nw = (guint) g_rand_int_range (rand, 1, 4);

          for (guint k = 0; k < nw; k++)
            {
              if (k > 0)
                g_string_append_c (part, ' ');
              g_string_append (part, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
            }
          if (i > 0)
            g_string_append (text, seps[g_rand_int_range (rand, 0, G_N_ELEMENTS (seps))]);
          g_string_append (text, part->str);
          g_ptr_array_add (want, g_string_free (part, FALSE));
        }
      g_string_append_c (text, '\n');
      p = parse_ok (text->str, "US");
      g_assert_cmpuint (p->interests->len, ==, want->len);
      for (guint i = 0; i < want->len; i++)
        g_assert_cmpstr (g_ptr_array_index (p->interests, i), ==, g_ptr_array_index (want, i));
    }
}

static const SlWorkEntry *
work (const SlProfile *p, guint i)
{
  g_assert_cmpuint (p->work->len, >, i);
  return g_ptr_array_index (p->work, i);
}

static const SlEducationEntry *
edu (const SlProfile *p, guint i)
{
  g_assert_cmpuint (p->education->len, >, i);
  return g_ptr_array_index (p->education, i);
}

static gboolean
has_skill (const SlProfile *p, const char *canonical)
{
  for (guint i = 0; i < p->skills->len; i++)
    {
      SlSkill *s = g_ptr_array_index (p->skills, i);
      if (g_strcmp0 (s->canonical, canonical) == 0 || g_strcmp0 (s->name, canonical) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A "Languages" heading over programming languages (under "Technical
 * Proficiencies", say) gives skills; one over spoken languages gives
 * languages and no skills from its lines. */
static void
test_resume_languages_heading (void)
{
  g_autoptr(SlProfile) tech = parse_ok ("Jane Roe\njane@example.org\n"
                                        "Technical Proficiencies\n"
                                        "Languages:\n"
                                        "ActionScript, COBOL, C++, PL/SQL\n", "US");
  g_autoptr(SlProfile) spoken = parse_ok ("Jane Roe\njane@example.org\n"
                                          "Experience\n"
                                          "Developer at Acme, 2019 - 2021\n"
                                          "Languages\n"
                                          "English (native), German (B2), some Java\n", "US");

  g_assert_true (has_skill (tech, "ActionScript"));
  g_assert_true (has_skill (tech, "COBOL"));
  g_assert_true (has_skill (tech, "C++"));
  g_assert_true (has_skill (tech, "PL/SQL"));
  g_assert_cmpuint (tech->languages->len, ==, 0);
  g_assert_cmpuint (spoken->languages->len, ==, 2);
  g_assert_false (has_skill (spoken, "Java"));
}

static void
test_resume_english (void)
{
  const char *text =
    "Curriculum Vitae\n"
    "Jane Q. Doe\n"
    "Senior Software Engineer\n"
    "Austin, TX 78701 | (512) 555-0134 | jane.doe@example.com\n"
    "linkedin.com/in/janedoe\n"
    "\n"
    "Summary\n"
    "Engineer with ten years of backend work.\n"
    "Experience\n"
    "Senior Software Engineer, Initrode Inc., Austin, TX\n"
    "Jan 2019 - Present\n"
    "- Built billing services in Go and PostgreSQL.\n"
    "Software Engineer at Globex Corporation\n"
    "06/2014 - 12/2019\n"
    "- Maintained a Java monolith.\n"
    "Education\n"
    "Bachelor of Science in Computer Science, University of Texas at Austin, 2014\n"
    "Skills\n"
    "Languages: Python, JS, k8s, Docker\n"
    "Languages\n"
    "English (native), Spanish (B2)\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");
  const SlFieldNote *note;

  g_assert_cmpstr (p->personal.name, ==, "Jane Q. Doe");
  g_assert_cmpstr (p->personal.email, ==, "jane.doe@example.com");
  g_assert_cmpstr (p->personal.phone, ==, "+15125550134");
  g_assert_cmpstr (p->personal.location, ==, "Austin, TX");
  g_assert_cmpstr (p->personal.headline, ==, "Senior Software Engineer");
  g_assert_cmpuint (p->personal.links->len, ==, 1);
  note = sl_profile_get_field_note (p, "personal.email");
  g_assert_nonnull (note);
  g_assert_cmpstr (note->provenance, ==, "line 4");

  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Senior Software Engineer");
  g_assert_cmpstr (work (p, 0)->company, ==, "Initrode Inc.");
  g_assert_cmpstr (work (p, 0)->start, ==, "2019-01");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->title, ==, "Software Engineer");
  g_assert_cmpstr (work (p, 1)->company, ==, "Globex Corporation");
  g_assert_cmpstr (work (p, 1)->end, ==, "2019-12");

  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (edu (p, 0)->degree, ==, "Bachelor of Science in Computer Science");
  g_assert_cmpstr (edu (p, 0)->level, ==, "bachelor");
  g_assert_cmpstr (edu (p, 0)->field, ==, "Computer Science");
  g_assert_cmpstr (edu (p, 0)->institution, ==, "University of Texas at Austin");
  g_assert_cmpstr (edu (p, 0)->end, ==, "2014");

  g_assert_true (has_skill (p, "JavaScript"));
  g_assert_true (has_skill (p, "Kubernetes"));
  g_assert_true (has_skill (p, "PostgreSQL"));
  g_assert_cmpuint (p->languages->len, ==, 2);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 0))->level, ==, "native");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "B2");

  /* 2014-06 .. 2024-06 merged: overlap 2019 counted once */
  g_assert_cmpint (p->meta.experience_months, ==, 121);
}

static void
test_resume_german (void)
{
  const char *text =
    "Lebenslauf\n"
    "Max Mustermann\n"
    "Musterstraße 12, 10115 Berlin\n"
    "Telefon: 030 1234567\n"
    "E-Mail: max@example.de\n"
    "BERUFSERFAHRUNG\n"
    "03/2019 – heute\n"
    "Softwareentwickler, Beispiel GmbH, München\n"
    "Entwicklung von Microservices mit Java und Kubernetes.\n"
    "09/2015 – 02/2019\n"
    "Werkstudent bei Muster AG\n"
    "AUSBILDUNG\n"
    "2011 – 2015\n"
    "Bachelor of Science Informatik, Technische Universität Berlin\n"
    "SPRACHKENNTNISSE\n"
    "Deutsch – Muttersprache\n"
    "Englisch – verhandlungssicher (C1)\n";
  g_autoptr(SlProfile) p = parse_ok (text, "DE");

  g_assert_cmpstr (p->personal.name, ==, "Max Mustermann");
  g_assert_cmpstr (p->personal.phone, ==, "+49301234567");
  g_assert_cmpstr (p->personal.location, ==, "Berlin");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Softwareentwickler");
  g_assert_cmpstr (work (p, 0)->company, ==, "Beispiel GmbH");
  g_assert_cmpstr (work (p, 0)->start, ==, "2019-03");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->title, ==, "Werkstudent");
  g_assert_cmpstr (work (p, 1)->company, ==, "Muster AG");
  g_assert_cmpstr (edu (p, 0)->institution, ==, "Technische Universität Berlin");
  g_assert_cmpstr (edu (p, 0)->level, ==, "bachelor");
  g_assert_cmpstr (edu (p, 0)->end, ==, "2015");
  g_assert_cmpuint (p->languages->len, ==, 2);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 0))->language, ==, "German");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 0))->level, ==, "native");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->language, ==, "English");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "C1");
  g_assert_true (has_skill (p, "Kubernetes"));
}

static void
test_resume_french (void)
{
  const char *text =
    "CURRICULUM VITAE\n"
    "Camille Dubois\n"
    "12 rue de la Paix, 75002 Paris\n"
    "Tél. : 06 12 34 56 78 – camille.dubois@example.fr\n"
    "EXPÉRIENCE PROFESSIONNELLE\n"
    "Chef de projet – Société Exemple SA\n"
    "depuis 2019\n"
    "Développeur web chez Exemple SARL\n"
    "janv. 2015 – déc. 2018\n"
    "FORMATION\n"
    "Master Informatique, Université Paris-Saclay, 2014\n"
    "Licence de mathématiques, Université de Lyon, 2012\n"
    "LANGUES\n"
    "Français : langue maternelle\n"
    "Anglais : courant\n";
  g_autoptr(SlProfile) p = parse_ok (text, "FR");

  g_assert_cmpstr (p->personal.name, ==, "Camille Dubois");
  g_assert_cmpstr (p->personal.phone, ==, "+33612345678");
  g_assert_cmpstr (p->personal.location, ==, "Paris");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Chef de projet");
  g_assert_cmpstr (work (p, 0)->company, ==, "Société Exemple SA");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->title, ==, "Développeur web");
  g_assert_cmpstr (work (p, 1)->company, ==, "Exemple SARL");
  g_assert_cmpstr (work (p, 1)->start, ==, "2015-01");
  g_assert_cmpuint (p->education->len, ==, 2);
  g_assert_cmpstr (edu (p, 0)->level, ==, "master");
  g_assert_cmpstr (edu (p, 1)->level, ==, "bachelor");
  g_assert_cmpstr (edu (p, 1)->institution, ==, "Université de Lyon");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 0))->level, ==, "native");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "fluent");
}

static void
test_resume_spanish (void)
{
  const char *text =
    "Lucía Fernández García\n"
    "Madrid, España\n"
    "Teléfono: 612 345 678\n"
    "lucia.fg@example.es\n"
    "EXPERIENCIA LABORAL\n"
    "Ingeniera de datos | Ejemplo S.L. | marzo de 2018 - actualidad\n"
    "Analista de sistemas | Banco Ejemplo | ene 2014 – feb 2018\n"
    "FORMACIÓN ACADÉMICA\n"
    "Máster en Ciencia de Datos, Universidad Politécnica de Madrid (2013)\n"
    "Grado en Ingeniería Informática, Universidad de Sevilla (2012)\n"
    "IDIOMAS\n"
    "Español: nativo; Inglés: C1\n";
  g_autoptr(SlProfile) p = parse_ok (text, "ES");

  g_assert_cmpstr (p->personal.name, ==, "Lucía Fernández García");
  g_assert_cmpstr (p->personal.phone, ==, "+34612345678");
  g_assert_cmpstr (p->personal.location, ==, "Madrid, España");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Ingeniera de datos");
  g_assert_cmpstr (work (p, 0)->company, ==, "Ejemplo S.L.");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->company, ==, "Banco Ejemplo");
  g_assert_cmpstr (work (p, 1)->end, ==, "2018-02");
  g_assert_cmpuint (p->education->len, ==, 2);
  g_assert_cmpstr (edu (p, 0)->level, ==, "master");
  g_assert_cmpstr (edu (p, 0)->institution, ==, "Universidad Politécnica de Madrid");
  g_assert_cmpstr (edu (p, 0)->end, ==, "2013");
  g_assert_cmpstr (edu (p, 1)->level, ==, "bachelor");
  g_assert_cmpuint (p->languages->len, ==, 2);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "C1");
}

static void
test_resume_portuguese (void)
{
  const char *text =
    "João Pedro Almeida\n"
    "Lisboa, Portugal · +351 912 345 678 · joao@example.pt\n"
    "Experiência Profissional\n"
    "Desenvolvedor Sénior\n"
    "Exemplo Lda\n"
    "setembro de 2019 - atual\n"
    "Estagiário\n"
    "Companhia Exemplo SA\n"
    "fev 2018 a ago 2019\n"
    "Formação\n"
    "Licenciatura em Engenharia Informática\n"
    "Universidade de Coimbra\n"
    "2014 - 2018\n"
    "Línguas\n"
    "Português (nativo), Inglês (fluente)\n";
  g_autoptr(SlProfile) p = parse_ok (text, "PT");

  g_assert_cmpstr (p->personal.name, ==, "João Pedro Almeida");
  g_assert_cmpstr (p->personal.phone, ==, "+351912345678");
  g_assert_cmpstr (p->personal.location, ==, "Lisboa, Portugal");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Desenvolvedor Sénior");
  g_assert_cmpstr (work (p, 0)->company, ==, "Exemplo Lda");
  g_assert_cmpstr (work (p, 0)->start, ==, "2019-09");
  g_assert_cmpstr (work (p, 1)->title, ==, "Estagiário");
  g_assert_cmpstr (work (p, 1)->end, ==, "2019-08");
  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (edu (p, 0)->degree, ==, "Licenciatura em Engenharia Informática");
  g_assert_cmpstr (edu (p, 0)->institution, ==, "Universidade de Coimbra");
  g_assert_cmpstr (edu (p, 0)->start, ==, "2014");
  g_assert_cmpstr (edu (p, 0)->end, ==, "2018");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "fluent");
}

static void
test_resume_italian (void)
{
  const char *text =
    "Giulia Rossi\n"
    "Via Roma 10, 20121 Milano\n"
    "Cellulare: +39 333 123 4567\n"
    "giulia.rossi@example.it\n"
    "ESPERIENZE LAVORATIVE\n"
    "Sviluppatrice software presso Esempio S.p.A.\n"
    "dal 2020\n"
    "Consulente, Studio Esempio S.r.l., gennaio 2016 – luglio 2019\n"
    "ISTRUZIONE\n"
    "Laurea Magistrale in Informatica – Politecnico di Milano – 2015\n"
    "LINGUE\n"
    "Italiano: madrelingua\n"
    "Inglese: B2\n";
  g_autoptr(SlProfile) p = parse_ok (text, "IT");

  g_assert_cmpstr (p->personal.name, ==, "Giulia Rossi");
  g_assert_cmpstr (p->personal.phone, ==, "+393331234567");
  g_assert_cmpstr (p->personal.location, ==, "Milano");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Sviluppatrice software");
  g_assert_cmpstr (work (p, 0)->company, ==, "Esempio S.p.A.");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->title, ==, "Consulente");
  g_assert_cmpstr (work (p, 1)->company, ==, "Studio Esempio S.r.l.");
  g_assert_cmpstr (work (p, 1)->start, ==, "2016-01");
  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (edu (p, 0)->institution, ==, "Politecnico di Milano");
  g_assert_cmpstr (edu (p, 0)->end, ==, "2015");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 0))->level, ==, "native");
}

static void
test_resume_dutch (void)
{
  const char *text =
    "Sanne de Vries\n"
    "Amsterdam\n"
    "Tel: 06-12345678\n"
    "sanne@example.nl\n"
    "Werkervaring\n"
    "Projectleider bij Voorbeeld B.V.\n"
    "maart 2017 - heden\n"
    "Medewerker klantenservice, Voorbeeld Groep N.V.\n"
    "mei 2011 t/m okt 2014\n"
    "Opleiding\n"
    "Master Bedrijfskunde, Universiteit van Amsterdam, 2011\n"
    "Talen\n"
    "Nederlands (moedertaal), Engels (vloeiend), Duits (B1)\n";
  g_autoptr(SlProfile) p = parse_ok (text, "NL");

  g_assert_cmpstr (p->personal.name, ==, "Sanne de Vries");
  g_assert_cmpstr (p->personal.phone, ==, "+31612345678");
  g_assert_cmpstr (p->personal.location, ==, "Amsterdam");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Projectleider");
  g_assert_cmpstr (work (p, 0)->company, ==, "Voorbeeld B.V.");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->company, ==, "Voorbeeld Groep N.V.");
  g_assert_cmpstr (work (p, 1)->end, ==, "2014-10");
  g_assert_cmpstr (edu (p, 0)->institution, ==, "Universiteit van Amsterdam");
  g_assert_cmpstr (edu (p, 0)->level, ==, "master");
  g_assert_cmpuint (p->languages->len, ==, 3);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 2))->level, ==, "B1");
}

static void
test_generic_skills (void)
{
  /* "training" in prose is a word; "Training" in a skills list a skill */
  const char *text =
    "Chris Example\n"
    "Summary\n"
    "Delivered training to new staff using Python scripts.\n"
    "Experience\n"
    "Trainer, Example Stores Inc., 2015 - 2019 (4 years)\n"
    "Skills\n"
    "Budgeting, Teamwork\n";
  g_autoptr(SlProfile) p = parse_ok (text, NULL);
  g_autofree char *json = sl_rules_profile_to_eval_json (p, FALSE);

  g_assert_true (has_skill (p, "Python"));
  g_assert_false (has_skill (p, "Training"));
  g_assert_true (has_skill (p, "Budgeting"));
  g_assert_true (has_skill (p, "Teamwork"));
  /* the eval shape leaves soft skills out */
  g_assert_null (strstr (json, "Teamwork"));
  g_assert_nonnull (strstr (json, "Budgeting"));
  /* "4 years" is no company */
  g_assert_cmpstr (work (p, 0)->company, ==, "Example Stores Inc.");
  g_assert_cmpstr (work (p, 0)->title, ==, "Trainer");
}

static void
test_undated_entries (void)
{
  const char *text =
    "Sam Example\n"
    "Experience\n"
    "Volunteer Tutor, Example Literacy Trust\n"
    "- Helped twelve pupils read, twice a week.\n"
    "Education\n"
    "BA in History, University of Example, 2012\n"
    "Graduate students in my class were taught by a university lecturer.\n";
  g_autoptr(SlProfile) p = parse_ok (text, NULL);

  g_assert_cmpuint (p->work->len, ==, 1);
  g_assert_cmpstr (work (p, 0)->title, ==, "Volunteer Tutor");
  g_assert_cmpstr (work (p, 0)->company, ==, "Example Literacy Trust");
  g_assert_null (work (p, 0)->start);
  /* a sentence that mentions a university is no school */
  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (edu (p, 0)->institution, ==, "University of Example");
}

/* Dates broken over two lines, towns the lexicon does not know, sentences
 * wrapped under a header, and headers that follow their dates. */
static void
test_work_headers (void)
{
  const char *text =
    "Robin Example\n"
    "robin@example.org\n"
    "Experience\n"
    "June 2019\n"
    "Present\n"
    "Accounting Assistant\n"
    "Quillfeather Partners\n"
    "Oakhaven Springs, IA\n"
    "Reviewed expense reports.\n"
    "2014\n"
    "Present: Associate Editor, Hobby Press, Boston, MA\n"
    "2010 - 2013\n"
    "Developed accurate, operations-wide measurement standards to increase\n"
    "production and reduce cost for a leading plant.\n"
    "Curriculum Vitae\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");
  const SlWorkEntry *w;

  g_assert_cmpuint (p->work->len, >=, 2);
  w = work (p, 0);
  g_assert_cmpstr (w->title, ==, "Accounting Assistant");
  g_assert_cmpstr (w->company, ==, "Quillfeather Partners");
  /* the part before a state is its town, known or not */
  g_assert_cmpstr (w->location, ==, "Oakhaven Springs, IA");
  /* "June 2019" / "Present": a range, still running */
  g_assert_cmpstr (w->start, ==, "2019-06");
  g_assert_true (w->current);
  g_assert_null (w->end);

  /* "Present:" is the end of "2014", not a label that hides the title */
  w = work (p, 1);
  g_assert_cmpstr (w->title, ==, "Associate Editor");
  g_assert_cmpstr (w->company, ==, "Hobby Press");
  g_assert_cmpstr (w->location, ==, "Boston, MA");
  g_assert_cmpstr (w->start, ==, "2014");
  g_assert_true (w->current);

  /* a sentence wrapped onto the next line is no header; neither is the
   * previous entry's last line, nor the document's own title */
  for (guint i = 0; i < p->work->len; i++)
    {
      w = work (p, i);
      g_assert_true (w->title == NULL || strstr (w->title, "Developed") == NULL);
      g_assert_true (w->company == NULL || strstr (w->company, "Developed") == NULL);
      g_assert_cmpstr (w->company, !=, "Reviewed expense reports.");
      g_assert_cmpstr (w->title, !=, "Curriculum Vitae");
      g_assert_cmpstr (w->title, !=, "Oakhaven Springs");
    }
}

/* A part no word list knows fills a missing title only when it has several
 * capitalised words and no digits: not a town, an acronym or a street. */
static void
test_work_unknown_parts (void)
{
  const char *text =
    "Jo Roe\n"
    "jo@example.org\n"
    "Experience\n"
    "Quillbrook Law Centre - Marlowick\n"
    "June 2010 - May 2012\n"
    "Drafted letters.\n"
    "Hollin & Drew, 8626 North Avenue\n"
    "2008 - 2010\n"
    "Filed papers.\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");

  g_assert_cmpuint (p->work->len, ==, 2);
  for (guint i = 0; i < p->work->len; i++)
    {
      g_assert_cmpstr (work (p, i)->title, !=, "Marlowick");
      g_assert_cmpstr (work (p, i)->title, !=, "8626 North Avenue");
    }
  g_assert_cmpstr (work (p, 0)->company, ==, "Quillbrook Law Centre");
  /* the last line of the entry before ends a sentence: not this header */
  g_assert_cmpstr (work (p, 1)->company, ==, "Hollin & Drew");
}

/* A degree whose date in brackets was broken onto the next line keeps no
 * open bracket. */
static void
test_education_open_bracket (void)
{
  const char *text =
    "Jo Roe\n"
    "jo@example.org\n"
    "Education\n"
    "BE. Computer Engineering (June\n"
    "2008), Example College of Engineering\n"
    "Diploma Computer Engineering (May\n"
    "2005)\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");

  g_assert_cmpuint (p->education->len, >=, 2);
  g_assert_cmpstr (edu (p, 0)->degree, ==, "BE. Computer Engineering");
  g_assert_cmpstr (edu (p, 1)->degree, ==, "Diploma Computer Engineering");
}

/* A description line in a header's place is no employer; an employer whose
 * name starts like a verb still is. */
static void
test_work_verb_lines (void)
{
  const char *text =
    "Robin Example\n"
    "robin@example.org\n"
    "Experience\n"
    "2018 - 2020\n"
    "Legal Assistant\n"
    "Drafted letters to clients regarding fees\n"
    "2015 - 2017\n"
    "Trade Analyst\n"
    "United Nations Conference on Trade and Development\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");

  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Legal Assistant");
  g_assert_null (work (p, 0)->company);
  g_assert_cmpstr (work (p, 1)->title, ==, "Trade Analyst");
  g_assert_cmpstr (work (p, 1)->company, ==, "United Nations Conference on Trade and Development");
}

/* Company above the dates and title below them; a lone date closing a
 * line of parts; the head word tells title from company. */
static void
test_work_layouts (void)
{
  const char *text =
    "Robin Example\n"
    "robin@example.org\n"
    "Work Experience\n"
    "Brightwater Technologies Pvt. Ltd., Pune\n"
    "March 2019 to present\n"
    "Software Engineer\n"
    "- Built the billing service\n"
    "Software Engineering Intern | Crowdtap, New York, NY | Summer 2015\n"
    "- Learned a lot\n"
    "Professor of Information Systems, Example State University, 2010 - 2014\n";
  g_autoptr(SlProfile) p = parse_ok (text, "US");

  g_assert_cmpuint (p->work->len, ==, 3);
  g_assert_cmpstr (work (p, 0)->company, ==, "Brightwater Technologies Pvt. Ltd.");
  g_assert_cmpstr (work (p, 0)->title, ==, "Software Engineer");
  g_assert_true (work (p, 0)->current);
  g_assert_cmpstr (work (p, 1)->title, ==, "Software Engineering Intern");
  g_assert_cmpstr (work (p, 1)->company, ==, "Crowdtap");
  g_assert_cmpstr (work (p, 1)->location, ==, "New York, NY");
  g_assert_cmpstr (work (p, 1)->start, ==, "2015-06");
  g_assert_cmpstr (work (p, 2)->title, ==, "Professor of Information Systems");
  g_assert_cmpstr (work (p, 2)->company, ==, "Example State University");
}

static void
test_resume_forms (void)
{
  /* labelled personal data, "Jefe de proyecto en X (fechas)", accents in labels */
  const char *text =
    "CURRÍCULUM VITAE\n"
    "Datos personales\n"
    "Nombre: Carlos Ruiz Moreno\n"
    "Dirección: Calle Mayor 10, 28013 Madrid\n"
    "Móvil: 654 321 987\n"
    "Experiencia profesional\n"
    "Jefe de proyecto en Telefónica (junio 2016 - actualidad)\n"
    "Desarrollador .NET en Indra Sistemas (sept. 2012 - mayo 2016)\n"
    "Idiomas\n"
    "Inglés: nivel alto (C1). Francés: básico.\n";
  g_autoptr(SlProfile) p = parse_ok (text, "ES");

  g_assert_cmpstr (p->personal.name, ==, "Carlos Ruiz Moreno");
  g_assert_cmpstr (p->personal.location, ==, "Madrid");
  g_assert_cmpstr (p->personal.phone, ==, "+34654321987");
  g_assert_cmpuint (p->work->len, ==, 2);
  g_assert_cmpstr (work (p, 0)->title, ==, "Jefe de proyecto");
  g_assert_cmpstr (work (p, 0)->company, ==, "Telefónica");
  g_assert_cmpstr (work (p, 1)->start, ==, "2012-09");
  g_assert_cmpuint (p->languages->len, ==, 2);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (p->languages, 1))->level, ==, "basic");
}

static void
test_name_not_title (void)
{
  /* neither the document title nor the job title is the name */
  const char *text =
    "RESUME\n"
    "Project Manager\n"
    "Priya Raman\n"
    "Chennai\n"
    "priya@example.in\n";
  g_autoptr(SlProfile) p = parse_ok (text, "IN");

  g_assert_cmpstr (p->personal.name, ==, "Priya Raman");
  g_assert_cmpstr (p->personal.location, ==, "Chennai");
}

/* "RESUME OF …", an address with a room number or a postal code under the
 * town, and the town after a P.O. box. */
static void
test_name_address_lines (void)
{
  struct { const char *text; const char *name; const char *location; } cases[] = {
    { "RESUME OF Darell Quorn\nLOS ANGELES\nd.quorn@example.org\n", "Darell Quorn", "LOS ANGELES" },
    { "CIVIL ENGINEERING RESUME\n419 Rose Street\nSan Francisco AC\n94102\n(555) 010-7788\n"
      "m.ondra@example.org\n\nMarty Ondra\n", "Marty Ondra", NULL },
    { "Career Center\nLucina Hall Room 220\nShawnna Nikola\n\n2000 W. University Avenue\n"
      "s.nikola@example.org\n", "Shawnna Nikola", NULL },
    { "Sadie Goldmark, MBA\nP.O. Box 1673 Callahan, FL 32011\nsadie@example.org\n", "Sadie Goldmark",
      "Callahan, FL" },
    { "Kim Lowe\n1234 K Street NW, Washington, DC 20005\nkim@example.org\n", "Kim Lowe", "Washington, DC" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlProfile) p = parse_ok (cases[i].text, "US");

      g_test_message ("case %zu: %s / %s", i, p->personal.name, p->personal.location);
      g_assert_cmpstr (p->personal.name, ==, cases[i].name);
      if (cases[i].location != NULL)
        g_assert_cmpstr (p->personal.location, ==, cases[i].location);
    }
}

static void
test_name_capitals (void)
{
  /* a name set in capitals is shown in the person's own casing; one with
   * any lower-case letter is left as written */
  struct { const char *line; const char *want; } cases[] = {
    { "AMARA OKAFOR", "Amara Okafor" },
    { "SEAN O'NEIL-BRADY", "Sean O'Neil-Brady" },
    { "JAN VAN DER BERG", "Jan van der Berg" },
    { "ÉLODIE ÇELIK", "Élodie Çelik" },
    { "Tara McKenzie", "Tara McKenzie" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\nBerlin\nperson%zu@example.org\n"
                                               "Experience\nDeveloper, Alpha GmbH, 2019 - 2023\n",
                                               cases[i].line, i);
      g_autoptr(SlProfile) p = parse_ok (text, "DE");
      g_assert_cmpstr (p->personal.name, ==, cases[i].want);
    }
}

static void
test_experience_overlap (void)
{
  const char *text =
    "A. Person\n"
    "Experience\n"
    "Developer, Alpha Ltd, 2010 - 2014\n"
    "Consultant, Beta Corp, 2012 - 2016\n"
    "Trainer, Gamma Inc, 2018 - 2019\n";
  g_autoptr(SlProfile) p = parse_ok (text, NULL);

  g_assert_cmpuint (p->work->len, ==, 3);
  /* 2010-01..2016-12 = 84 months, 2018-01..2019-12 = 24 months */
  g_assert_cmpint (p->meta.experience_months, ==, 108);
}

static void
test_layout_cues (void)
{
  g_autoptr(SlDocument) doc = sl_document_new ();
  const char *lines[] = { "Contact", "Robin Example", "robin@example.org", "Stack", "Rust, Go" };
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      SlLine *l = sl_line_new (lines[i]);
      l->font_size = 10;
      if (i == 1)
        l->font_size = 20;
      g_ptr_array_add (doc->lines, l);
      g_string_append_printf (all, "%s\n", lines[i]);
    }
  sl_document_set_text (doc, all->str);
  p = sl_rules_parse (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->personal.name, ==, "Robin Example");
}

static void
test_empty_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = sl_rules_parse_text (" \n\f ", NULL, &error);

  g_assert_null (p);
  g_assert_error (error, SL_PARSE_ERROR, SL_PARSE_ERROR_NO_TEXT);
}

static void
test_eval_json (void)
{
  g_autoptr(SlProfile) p = parse_ok ("Alex Sampson\nalex@example.com\nExperience\n"
                                     "Analyst, Sample Bank, 2015 - 2018\n"
                                     "Education\nMBA, Sample University, 2014\n", NULL);
  g_autofree char *json = sl_rules_profile_to_eval_json (p, FALSE);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *o = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Alex Sampson");
  g_assert_cmpstr (json_object_get_string_member (o, "email"), ==, "alex@example.com");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "companies"), 0), ==,
                   "Sample Bank");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "titles"), 0), ==,
                   "Analyst");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "colleges"), 0), ==,
                   "Sample University");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "grad_years"), 0), ==,
                   "2014");
  /* the full profile survives the JSON round trip */
  {
    g_autofree char *full = sl_profile_to_json (p, FALSE);
    g_autoptr(SlProfile) back = sl_profile_from_json (full, -1, NULL);
    g_assert_nonnull (back);
    g_assert_true (sl_profile_equal (p, back));
  }
}

static void
test_cli_parse (void)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autofree char *dir = g_dir_make_tmp ("sl-parse-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "cand.one.txt", NULL);
  g_autofree char *outdir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (outdir, "cand.one.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI not set");
      return;
    }
  g_assert_true (g_file_set_contents (in, "Kim Example\nkim@example.org\n+44 20 7946 0958\n", -1, NULL));
  {
    const char *argv[] = { cli, "parse", "--format", "eval", "--out-dir", outdir, in, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (out, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "\"email\":\"kim@example.org\""));
  g_assert_nonnull (strstr (data, "\"phone\":\"+442079460958\""));
  {
    /* an unknown format is a usage error (exit 2) */
    const char *argv[] = { cli, "parse", "--format", "yaml", in, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                                 NULL, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
  g_remove (out);
  g_rmdir (outdir);
  g_remove (in);
  g_rmdir (dir);
}

/* The word filters in front of the lexicon and gazetteer lookups: never a
 * false "no", and most unknown words turned away. */
static void
test_text_filter (void)
{
  SlTextFilter f;
  guint rejected = 0;
  guint32 whole = sl_text_hash_append (SL_TEXT_HASH_INIT, "data engineering", 16);
  guint32 pieces = sl_text_hash_append (SL_TEXT_HASH_INIT, "data", 4);

  pieces = sl_text_hash_append (pieces, " ", 1);
  pieces = sl_text_hash_append (pieces, "engineering", 11);
  g_assert_cmpuint (whole, ==, pieces);
  g_assert_cmpuint (whole, !=, sl_text_hash_append (SL_TEXT_HASH_INIT, "data engineer", 13));

  sl_text_filter_init (&f, 16);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *w = g_strdup_printf ("word%u", i);
      sl_text_filter_add (&f, sl_text_hash_append (SL_TEXT_HASH_INIT, w, strlen (w)));
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *w = g_strdup_printf ("word%u", i);
      g_autofree char *other = g_strdup_printf ("other%u", i);
      g_assert_true (sl_text_filter_maybe (&f, sl_text_hash_append (SL_TEXT_HASH_INIT, w, strlen (w))));
      if (!sl_text_filter_maybe (&f, sl_text_hash_append (SL_TEXT_HASH_INIT, other, strlen (other))))
        rejected++;
    }
  g_assert_cmpuint (rejected, >, 1800);
  g_free (f.bits);

  /* Words of the lists are still found, whole or as a slice of a longer
   * string; others are not. */
  g_assert_cmpint (sl_lex_lookup (SL_LEX_HEADING, "experience"), ==, 22);
  g_assert_cmpint (sl_lex_lookup_len (SL_LEX_HEADING, "experienced", 10), ==, 22);
  g_assert_cmpint (sl_lex_lookup_len (SL_LEX_HEADING, "experienced", 11), ==, 0);
  g_assert_cmpint (sl_lex_lookup (SL_LEX_LEVEL, "fließend"), ==, 2);
  g_assert_cmpint (sl_lex_lookup (SL_LEX_NAME_PARTICLE, "von"), !=, 0);
  g_assert_cmpint (sl_lex_lookup (SL_LEX_NAME_PARTICLE, "vonn"), ==, 0);
  g_assert_cmpint (sl_lex_lookup (SL_LEX_TITLE, "engineer"), !=, 0);
  g_assert_cmpint (sl_lex_lookup (SL_LEX_COUNTRY, "engineer"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parse/dates/ranges", test_dates_ranges);
  g_test_add_func ("/parse/dates/words", test_dates_words);
  g_test_add_func ("/parse/dates/not-ranges", test_dates_not_ranges);
  g_test_add_func ("/parse/dates/quick-reject", test_dates_quick_reject);
  g_test_add_func ("/parse/phone/e164", test_phones);
  g_test_add_func ("/parse/phone/find", test_phone_find);
  g_test_add_func ("/parse/sections/headings", test_sections);
  g_test_add_func ("/parse/sections/inline", test_section_inline);
  g_test_add_func ("/parse/skills/canonical", test_skills_canonical);
  g_test_add_func ("/parse/skills/find", test_skills_find);
  g_test_add_func ("/parse/skills/as-written", test_skills_as_written);
  g_test_add_func ("/parse/resume/languages-heading", test_resume_languages_heading);
  g_test_add_func ("/parse/skills/scan-hashes", test_skills_scan_hashes);
  g_test_add_func ("/parse/text/filter", test_text_filter);
  g_test_add_func ("/parse/text/needles", test_text_needles);
  g_test_add_func ("/parse/text/ascii-lower", test_text_ascii_lower);
  g_test_add_func ("/parse/degree/words", test_degree_words);
  g_test_add_func ("/parse/resume/english", test_resume_english);
  g_test_add_func ("/parse/resume/german", test_resume_german);
  g_test_add_func ("/parse/resume/french", test_resume_french);
  g_test_add_func ("/parse/resume/spanish", test_resume_spanish);
  g_test_add_func ("/parse/resume/portuguese", test_resume_portuguese);
  g_test_add_func ("/parse/resume/italian", test_resume_italian);
  g_test_add_func ("/parse/resume/dutch", test_resume_dutch);
  g_test_add_func ("/parse/name/not-title", test_name_not_title);
  g_test_add_func ("/parse/name/capitals", test_name_capitals);
  g_test_add_func ("/parse/name/address-lines", test_name_address_lines);
  g_test_add_func ("/parse/skills/generic", test_generic_skills);
  g_test_add_func ("/parse/work/undated", test_undated_entries);
  g_test_add_func ("/parse/resume/forms", test_resume_forms);
  g_test_add_func ("/parse/work/headers", test_work_headers);
  g_test_add_func ("/parse/work/verb-lines", test_work_verb_lines);
  g_test_add_func ("/parse/work/layouts", test_work_layouts);
  g_test_add_func ("/parse/education/open-bracket", test_education_open_bracket);
  g_test_add_func ("/parse/work/unknown-parts", test_work_unknown_parts);
  g_test_add_func ("/parse/experience/overlap", test_experience_overlap);
  g_test_add_func ("/parse/layout-cues", test_layout_cues);
  g_test_add_func ("/parse/empty", test_empty_text);
  g_test_add_func ("/parse/segments/many", test_segments_many);
  g_test_add_func ("/parse/eval-json", test_eval_json);
  g_test_add_func ("/parse/cli", test_cli_parse);
  return g_test_run ();
}
