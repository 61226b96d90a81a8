/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-rank: jobs (model, JSON, reading a description or a file), the
 * shortlist tables on a real SQLite file in a temporary folder (stages,
 * notes, history, CSV export, erase), and ranking on generated candidate
 * sets whose right order is known by construction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/sl-util.h"
#include "export/sl-csv.h"
#include "parse/sl-skills.h"
#include "privacy/sl-privacy.h"
#include "rank/sl-job.h"
#include "rank/sl-rank.h"
#include "rank/sl-shortlist.h"
#include "sl-test-store.h"

typedef SlTestStore Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  sl_test_store_open (f, "rank");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  sl_test_store_close (f);
}

/* A generated candidate.  @skills and @languages are comma separated
 * ("German:C1,English:native"); @years of work in one current role ending
 * now when @current, else ending in @last_end. */
static SlProfile *
make_profile (const char *name,
              const char *title,
              const char *location,
              const char *skills,
              int         years,
              const char *languages,
              const char *last_end)
{
  SlProfile *p = sl_profile_new ();
  g_autofree char *email = NULL;

  p->personal.name = g_strdup (name);
  email = g_ascii_strdown (name, -1);
  g_strdelimit (email, " ", '.');
  p->personal.email = g_strconcat (email, "@example.org", NULL);
  p->personal.location = g_strdup (location);
  if (skills != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (skills, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          const char *canonical = sl_skills_canonicalize (parts[i]);
          g_ptr_array_add (p->skills, sl_skill_new (parts[i], canonical));
        }
    }
  if (languages != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (languages, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) kv = g_strsplit (parts[i], ":", 2);
          g_ptr_array_add (p->languages, sl_language_new (kv[0], kv[1]));
        }
    }
  if (title != NULL)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      int end_year = last_end != NULL ? atoi (last_end) : 2026;

      w->title = g_strdup (title);
      w->company = g_strdup ("Initech");
      w->start = g_strdup_printf ("%d-01", end_year - MAX (years, 0));
      if (last_end != NULL)
        w->end = g_strdup (last_end);
      else
        w->current = TRUE;
      g_ptr_array_add (p->work, w);
    }
  p->meta.experience_months = years >= 0 ? years * 12 : -1;
  return p;
}

static gint64
store_profile (Fixture   *f,
               SlProfile *p,
               gint64    *candidate_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) sp = NULL;
  gint64 id;

  id = sl_store_create_profile_from_parsed_data (f->store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  sp = sl_store_get_profile (f->store, id, &error);
  g_assert_no_error (error);
  if (candidate_id != NULL)
    *candidate_id = sp->candidate_id;
  return id;
}

static gint64
count_sql (Fixture    *f,
           const char *sql)
{
  return sl_test_count (f->path, sql);
}

static gboolean
strv_has (GPtrArray  *arr,
          const char *s)
{
  for (guint i = 0; i < arr->len; i++)
    if (g_str_equal (g_ptr_array_index (arr, i), s))
      return TRUE;
  return FALSE;
}

/* Jobs ---------------------------------------------------------------------- */

static SlJob *
make_job (void)
{
  SlJob *job = sl_job_new ();

  job->title = g_strdup ("Backend Engineer");
  job->description = g_strdup ("We build billing systems.");
  g_ptr_array_add (job->required_skills, g_strdup ("python"));
  g_ptr_array_add (job->required_skills, g_strdup ("postgres"));
  g_ptr_array_add (job->required_skills, g_strdup ("Kubernetes"));
  g_ptr_array_add (job->nice_skills, g_strdup ("Terraform"));
  g_ptr_array_add (job->nice_skills, g_strdup ("Python"));   /* required wins */
  job->min_years = 5;
  job->location = g_strdup ("Berlin, Germany");
  job->remote = SL_REMOTE_HYBRID;
  g_ptr_array_add (job->languages, sl_language_new ("German", "C1"));
  return job;
}

static void
test_job_json (void)
{
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlJob) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  SlRemotePolicy policy = SL_REMOTE_ANY;
  static const char * const bad[] = {
    "not json", "[1, 2]", "{\"title\": 5}", "{\"title\": \"X\", \"required_skills\": \"Python\"}",
    "{\"title\": \"X\", \"remote\": \"sometimes\"}", "{\"title\": \"X\", \"min_years\": \"five\"}",
    "{\"required_skills\": [\"Python\"]}", "{\"title\": \"X\", \"languages\": [3]}",
  };

  sl_job_normalize (job);
  g_assert_cmpuint (job->required_skills->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (job->required_skills, 0), ==, "Python");
  g_assert_cmpstr (g_ptr_array_index (job->required_skills, 1), ==, "PostgreSQL");
  g_assert_cmpuint (job->nice_skills->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (job->nice_skills, 0), ==, "Terraform");

  json = sl_job_to_json (job);
  back = sl_job_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "Backend Engineer");
  g_assert_cmpstr (back->description, ==, job->description);
  g_assert_cmpint (back->min_years, ==, 5);
  g_assert_cmpint (back->remote, ==, SL_REMOTE_HYBRID);
  g_assert_cmpstr (back->location, ==, "Berlin, Germany");
  g_assert_cmpuint (back->languages->len, ==, 1);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (back->languages, 0))->level, ==, "C1");
  json2 = sl_job_to_json (back);
  g_assert_cmpstr (json, ==, json2);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SlJob) j = sl_job_from_json (bad[i], -1, &error);
      g_assert_null (j);
      g_assert_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_true (sl_remote_policy_from_string ("remote", &policy));
  g_assert_cmpint (policy, ==, SL_REMOTE_FULL);
  g_assert_cmpstr (sl_remote_policy_to_string (SL_REMOTE_ONSITE), ==, "onsite");
  g_assert_false (sl_remote_policy_from_string ("maybe", &policy));
}

static const char job_text[] =
  "Senior Backend Engineer (m/w/d)\n"
  "Location: Berlin, Germany\n"
  "Hybrid: two days a week in the office.\n"
  "\n"
  "What you bring:\n"
  "- 5+ years building web services in Python\n"
  "- PostgreSQL and Kubernetes in production\n"
  "- German C1 and fluent English\n"
  "\n"
  "Nice to have\n"
  "- Terraform\n"
  "- Experience with Kafka\n";

static void
test_job_from_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJob) job = sl_job_from_text (NULL, job_text, &error);
  g_autoptr(SlJob) titled = NULL;
  g_autoptr(SlJob) empty = NULL;
  const SlLanguage *l;

  g_assert_no_error (error);
  g_assert_cmpstr (job->title, ==, "Senior Backend Engineer (m/w/d)");
  g_assert_true (strv_has (job->required_skills, "Python"));
  g_assert_true (strv_has (job->required_skills, "PostgreSQL"));
  g_assert_true (strv_has (job->required_skills, "Kubernetes"));
  g_assert_false (strv_has (job->required_skills, "Terraform"));
  g_assert_true (strv_has (job->nice_skills, "Terraform"));
  g_assert_true (strv_has (job->nice_skills, "Apache Kafka"));
  g_assert_cmpint (job->min_years, ==, 5);
  g_assert_cmpint (job->remote, ==, SL_REMOTE_HYBRID);
  g_assert_cmpstr (job->location, ==, "Berlin, Germany");
  g_assert_cmpuint (job->languages->len, ==, 2);
  l = g_ptr_array_index (job->languages, 0);
  g_assert_cmpstr (l->language, ==, "German");
  g_assert_cmpstr (l->level, ==, "C1");
  l = g_ptr_array_index (job->languages, 1);
  g_assert_cmpstr (l->language, ==, "English");
  g_assert_cmpstr (l->level, ==, "fluent");
  g_assert_cmpstr (job->description, ==, job_text);

  titled = sl_job_from_text ("Data Engineer", "Fully remote. 3-5 years with Spark.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (titled->title, ==, "Data Engineer");
  g_assert_cmpint (titled->min_years, ==, 3);
  g_assert_cmpint (titled->remote, ==, SL_REMOTE_FULL);
  g_assert_true (strv_has (titled->required_skills, "Apache Spark"));

  empty = sl_job_from_text (NULL, "  \n\n ", &error);
  g_assert_null (empty);
  g_assert_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID);
}

static void
test_job_from_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *txt = g_build_filename (f->dir, "job.txt", NULL);
  g_autofree char *js = g_build_filename (f->dir, "job.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nope.pdf", NULL);
  g_autoptr(GFile) ftxt = g_file_new_for_path (txt);
  g_autoptr(GFile) fjs = g_file_new_for_path (js);
  g_autoptr(GFile) fmissing = g_file_new_for_path (missing);
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlJob) a = NULL, b = NULL, c = NULL;
  g_autofree char *json = sl_job_to_json (job);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (txt, job_text, -1, NULL));
  g_assert_true (g_file_set_contents (js, json, -1, NULL));

  a = sl_job_from_file (ftxt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Senior Backend Engineer (m/w/d)");
  g_assert_cmpint (a->min_years, ==, 5);
  g_assert_true (strv_has (a->required_skills, "Kubernetes"));

  b = sl_job_from_file (fjs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->title, ==, "Backend Engineer");
  g_assert_true (strv_has (b->required_skills, "PostgreSQL"));

  c = sl_job_from_file (fmissing, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, SL_JOB_ERROR, SL_JOB_ERROR_READ);
}

static void
test_store_jobs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlJob) second = sl_job_new ();
  g_autoptr(SlJob) got = NULL;
  g_autoptr(SlJob) none = NULL;
  g_autoptr(SlJob) untitled = sl_job_new ();
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = sl_store_save_job (f->store, job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (job->id, ==, id);
  g_assert_nonnull (job->uuid);
  g_assert_nonnull (job->created_at);

  got = sl_store_get_job (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->title, ==, "Backend Engineer");
  g_assert_cmpstr (got->uuid, ==, job->uuid);
  g_assert_cmpuint (got->required_skills->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (got->required_skills, 2), ==, "Kubernetes");
  g_assert_cmpint (got->remote, ==, SL_REMOTE_HYBRID);
  g_assert_cmpuint (got->languages->len, ==, 1);

  /* update */
  g_free (got->title);
  got->title = g_strdup ("  Staff Backend Engineer ");
  got->min_years = 8;
  g_assert_cmpint (sl_store_save_job (f->store, got, &error), ==, id);
  g_assert_no_error (error);
  g_clear_pointer (&got, sl_job_free);
  got = sl_store_get_job (f->store, id, &error);
  g_assert_cmpstr (got->title, ==, "Staff Backend Engineer");
  g_assert_cmpint (got->min_years, ==, 8);

  second->title = g_strdup ("Recruiter");
  g_assert_cmpint (sl_store_save_job (f->store, second, &error), >, id);
  jobs = sl_store_list_jobs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 2);
  g_assert_cmpstr (((SlJob *) g_ptr_array_index (jobs, 0))->title, ==, "Recruiter");

  g_assert_cmpint (sl_store_save_job (f->store, untitled, &error), ==, 0);
  g_assert_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sl_store_delete_job (f->store, id, &error));
  g_assert_no_error (error);
  none = sl_store_get_job (f->store, id, &error);
  g_assert_null (none);
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_store_delete_job (f->store, id, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
}

static void
test_shortlist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlProfile) pa = make_profile ("Ada Lovelace", "Backend Engineer", "Berlin", "Python", 6, NULL, NULL);
  g_autoptr(SlProfile) pb = make_profile ("Bob Byte", "Data Engineer", "Munich", "Go", 2, NULL, NULL);
  g_autoptr(SlProfile) pc = make_profile ("Cleo Core", "SRE", "Hamburg", "Rust", 3, NULL, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, pid_a;
  const SlShortlistEntry *e;
  const SlStageChange *ch;
  SlStage stage;

  g_assert_cmpint (sl_store_save_job (f->store, job, &error), >, 0);
  pid_a = store_profile (f, pa, &a);
  store_profile (f, pb, &b);
  store_profile (f, pc, &c);

  g_assert_true (sl_store_shortlist_add (f->store, job->id, a, 72.5, "3 of 3 required skills", &error));
  g_assert_true (sl_store_shortlist_add (f->store, job->id, b, 40.0, "1 of 3 required skills", &error));
  g_assert_true (sl_store_shortlist_add (f->store, job->id, c, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_shortlist_add (f->store, job->id, 99999, 1, NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_store_shortlist_add (f->store, job->id + 100, a, 1, NULL, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* by stage, then score (search additions last), then name */
  list = sl_store_shortlist_list (f->store, job->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpint (e->candidate_id, ==, a);
  g_assert_cmpint (e->profile_id, ==, pid_a);
  g_assert_cmpstr (e->name, ==, "Ada Lovelace");
  g_assert_cmpstr (e->title, ==, "Backend Engineer");
  g_assert_cmpstr (e->email, ==, "ada.lovelace@example.org");
  g_assert_cmpint (e->stage, ==, SL_STAGE_NEW);
  g_assert_cmpfloat_with_epsilon (e->score, 72.5, 1e-9);
  g_assert_cmpstr (e->summary, ==, "3 of 3 required skills");
  g_assert_cmpint (((SlShortlistEntry *) g_ptr_array_index (list, 2))->candidate_id, ==, c);
  g_assert_cmpfloat (((SlShortlistEntry *) g_ptr_array_index (list, 2))->score, <, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* stages: Bob moves to interview, then back to contacted; Ada stays */
  g_assert_true (sl_store_shortlist_set_stage (f->store, job->id, b, SL_STAGE_INTERVIEW, &error));
  g_assert_true (sl_store_shortlist_set_stage (f->store, job->id, b, SL_STAGE_INTERVIEW, &error));
  g_assert_true (sl_store_shortlist_set_stage (f->store, job->id, b, SL_STAGE_CONTACTED, &error));
  g_assert_true (sl_store_shortlist_set_note (f->store, job->id, b, "Call back on Monday", &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_shortlist_set_stage (f->store, job->id, 99999, SL_STAGE_OFFER, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* adding again keeps the stage */
  g_assert_true (sl_store_shortlist_add (f->store, job->id, b, 99, NULL, &error));

  history = sl_store_shortlist_history (f->store, job->id, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  ch = g_ptr_array_index (history, 0);
  g_assert_cmpint (ch->from, ==, SL_STAGE_NEW);
  g_assert_cmpint (ch->to, ==, SL_STAGE_NEW);
  ch = g_ptr_array_index (history, 1);
  g_assert_cmpint (ch->from, ==, SL_STAGE_NEW);
  g_assert_cmpint (ch->to, ==, SL_STAGE_INTERVIEW);
  ch = g_ptr_array_index (history, 2);
  g_assert_cmpint (ch->from, ==, SL_STAGE_INTERVIEW);
  g_assert_cmpint (ch->to, ==, SL_STAGE_CONTACTED);
  g_assert_nonnull (ch->at);

  list = sl_store_shortlist_list (f->store, job->id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  e = g_ptr_array_index (list, 2);
  g_assert_cmpint (e->candidate_id, ==, b);
  g_assert_cmpint (e->stage, ==, SL_STAGE_CONTACTED);
  g_assert_cmpstr (e->note, ==, "Call back on Monday");
  g_assert_cmpfloat_with_epsilon (e->score, 40.0, 1e-9);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* remove: the entry and its history go */
  g_assert_true (sl_store_shortlist_remove (f->store, job->id, b, &error));
  g_assert_no_error (error);
  g_assert_false (sl_store_shortlist_remove (f->store, job->id, b, &error));
  g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = sl_store_shortlist_history (f->store, job->id, b, &error);
  g_assert_cmpuint (history->len, ==, 0);

  /* deleting the job removes its shortlist */
  g_assert_true (sl_store_delete_job (f->store, job->id, &error));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM shortlist_entries"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM shortlist_history"), ==, 0);

  /* stage names */
  for (guint i = 0; i < SL_STAGE_N_STAGES; i++)
    {
      g_assert_true (sl_stage_from_string (sl_stage_to_string (i), &stage));
      g_assert_cmpint (stage, ==, i);
      g_assert_nonnull (sl_stage_label (i));
    }
  g_assert_false (sl_stage_from_string ("maybe", &stage));
  g_assert_cmpstr (sl_stage_label (SL_STAGE_HIRED), ==, "Hired");
}

static void
test_shortlist_csv (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlProfile) pa = make_profile ("Ada Lovelace", "Backend Engineer", "Berlin", "Python", 6, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 a;

  g_free (pa->personal.phone);
  pa->personal.phone = g_strdup ("+49 30 1234567");
  g_assert_cmpint (sl_store_save_job (f->store, job, &error), >, 0);
  store_profile (f, pa, &a);
  g_assert_true (sl_store_shortlist_add (f->store, job->id, a, 81.4, "3 of 3 required skills · Berlin", &error));
  g_assert_true (sl_store_shortlist_set_stage (f->store, job->id, a, SL_STAGE_OFFER, &error));
  g_assert_true (sl_store_shortlist_set_note (f->store, job->id, a, "=HYPERLINK(\"x\"), \"quoted\"", &error));
  g_assert_no_error (error);

  for (int blind = 0; blind <= 1; blind++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(SlCsvTable) table = NULL;
      char **header, **row;
      guint n;

      g_assert_true (sl_shortlist_export_csv (f->store, job->id, blind, out, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      table = sl_csv_table_parse (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                  ',', &error);
      g_assert_no_error (error);
      g_assert_cmpuint (table->rows->len, ==, 2);
      header = g_ptr_array_index (table->rows, 0);
      row = g_ptr_array_index (table->rows, 1);
      n = g_strv_length (header);
      g_assert_cmpuint (n, ==, blind ? 6 : 9);
      g_assert_cmpuint (g_strv_length (row), ==, n);
      g_assert_cmpstr (header[n - 1], ==, "Added");
      g_assert_cmpstr (row[n - 2], ==, "'=HYPERLINK(\"x\"), \"quoted\"");
      g_assert_cmpstr (row[n - 3], ==, "3 of 3 required skills · Berlin");
      g_assert_cmpstr (row[n - 4], ==, "81");
      g_assert_cmpstr (row[n - 5], ==, "Offer");
      g_assert_cmpstr (row[n - 6], ==, "Backend Engineer");
      if (!blind)
        {
          g_assert_cmpstr (row[0], ==, "Ada Lovelace");
          g_assert_cmpstr (row[1], ==, "ada.lovelace@example.org");
          /* a leading + is neutralised like every formula start */
          g_assert_cmpstr (row[2], ==, "'+49 30 1234567");
        }
      else
        for (guint i = 0; i < n; i++)
          g_assert_null (strstr (row[i], "Ada"));
    }

  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_assert_false (sl_shortlist_export_csv (f->store, job->id + 7, FALSE, out, NULL, &error));
    g_assert_error (error, SL_STORE_ERROR, SL_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_erase_removes_shortlist (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SlJob) job = make_job ();
  g_autoptr(SlProfile) pa = make_profile ("Quentin Quibble", "Backend Engineer", "Berlin", "Python", 6, NULL, NULL);
  g_autoptr(SlProfile) pb = make_profile ("Rita Remain", "Data Engineer", "Munich", "Go", 2, NULL, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  SlEraseReport report = { 0 };
  gint64 a, b;

  g_assert_cmpint (sl_store_save_job (f->store, job, &error), >, 0);
  store_profile (f, pa, &a);
  store_profile (f, pb, &b);
  g_assert_true (sl_store_shortlist_add (f->store, job->id, a, 80, NULL, &error));
  g_assert_true (sl_store_shortlist_add (f->store, job->id, b, 50, NULL, &error));
  g_assert_true (sl_store_shortlist_set_stage (f->store, job->id, a, SL_STAGE_INTERVIEW, &error));
  g_assert_true (sl_store_shortlist_set_note (f->store, job->id, a, "Zorblax interview notes", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM rank_features"), ==, 2);

  g_assert_true (sl_privacy_erase_candidate (f->store, a, NULL, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM shortlist_entries"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM shortlist_history"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM rank_features"), ==, 1);
  list = sl_store_shortlist_list (f->store, job->id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SlShortlistEntry *) g_ptr_array_index (list, 0))->candidate_id, ==, b);
  /* the note is gone from the file and the WAL, not merely unlinked */
  g_clear_object (&f->store);
  g_assert_false (sl_test_file_contains (f->path, "Zorblax"));
  g_assert_false (sl_test_file_contains (wal, "Zorblax"));
}

static void
test_rank_features_follow_profiles (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(SlProfile) p = make_profile ("Ada Lovelace", "Backend Engineer", "Berlin, Germany",
                                         "Python,postgres,Machine Learning", 6, "German:C1,English:native",
                                         "2024-06");
  g_autoptr(SlProfile) q = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = store_profile (f, p, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM rank_features WHERE profile_id = %" G_GINT64_FORMAT
                                          " AND skills = '|python|postgresql|machine learning|'"
                                          " AND languages = 'German:C1|English:native' AND last_active = '2024-06'"
                                          " AND months = 72 AND title = 'Backend Engineer'"
                                          " AND location = 'Berlin, Germany'", id);
  g_autofree char *sql2 = g_strdup_printf ("SELECT count(*) FROM rank_features WHERE profile_id = %" G_GINT64_FORMAT
                                           " AND skills = '|rust|' AND last_active = 'now'", id);

  g_assert_cmpint (count_sql (f, sql), ==, 1);
  q = make_profile ("Ada Lovelace", "Staff Engineer", "Berlin", "Rust", 7, NULL, NULL);
  g_assert_true (sl_store_update_profile_from_parsed_data (f->store, id, q, NULL, "edit", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (f, sql2), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM rank_features"), ==, 1);
}

/* Ranking ------------------------------------------------------------------------ */

/* The job of the ranking tests: four required skills, one nice to have,
 * five years, Berlin (hybrid), German C1. */
static SlJob *
backend_job (void)
{
  SlJob *job = make_job ();

  g_ptr_array_add (job->required_skills, g_strdup ("Docker"));
  sl_job_normalize (job);
  return job;
}

static void
test_score_profile (void)
{
  g_autoptr(SlJob) job = backend_job ();
  g_autoptr(SlProfile) best = make_profile ("Ada Best", "Backend Engineer", "Berlin, Germany",
                                            "Python,PostgreSQL,Kubernetes,Docker,Terraform", 7,
                                            "German:C1,English:native", NULL);
  g_autoptr(SlProfile) partial = make_profile ("Bo Partial", "Data Engineer", "Hamburg, Germany",
                                               "Python,MySQL,Docker", 3, "German:B1", "2025-06");
  g_autoptr(SlProfile) none = make_profile ("Cy None", NULL, NULL, NULL, -1, NULL, NULL);
  g_autoptr(SlMatch) m1 = NULL, m2 = NULL, m3 = NULL, m4 = NULL;
  SlRankWeights only_skills = { { 0 } };

  m1 = sl_rank_score_profile (job, best, NULL, -1, "2026-11");
  g_assert_cmpfloat_with_epsilon (m1->score, 100.0, 1e-9);
  g_assert_cmpstr (m1->name, ==, "Ada Best");
  g_assert_cmpstr (m1->title, ==, "Backend Engineer");
  g_assert_false (m1->parts[SL_SCORE_TEXT].applies);
  g_assert_null (m1->parts[SL_SCORE_TEXT].text);
  g_assert_cmpstr (m1->summary, ==,
                   "4 of 4 required skills · 1 of 1 nice-to-have skill (Terraform) · 7 years (≥ 5) · "
                   "Backend Engineer (2 of 2 title words) · Berlin, Germany · German C1 · in a role now");

  /* A relative counts half and is named; the missing one too. */
  m2 = sl_rank_score_profile (job, partial, NULL, 0.5, "2026-11");
  g_assert_cmpstr (m2->parts[SL_SCORE_REQUIRED_SKILLS].text, ==,
                   "2 of 4 required skills (MySQL for PostgreSQL; missing: Kubernetes)");
  g_assert_cmpfloat_with_epsilon (m2->parts[SL_SCORE_REQUIRED_SKILLS].value, 2.5 / 4, 1e-9);
  g_assert_cmpstr (m2->parts[SL_SCORE_NICE_SKILLS].text, ==, "0 of 1 nice-to-have skill");
  g_assert_cmpstr (m2->parts[SL_SCORE_EXPERIENCE].text, ==, "3 years (5 asked)");
  g_assert_cmpfloat_with_epsilon (m2->parts[SL_SCORE_EXPERIENCE].value, 0.6, 1e-9);
  g_assert_cmpstr (m2->parts[SL_SCORE_TITLE].text, ==, "Data Engineer (1 of 2 title words)");
  g_assert_cmpstr (m2->parts[SL_SCORE_LOCATION].text, ==, "Hamburg, Germany (not Berlin)");
  g_assert_cmpfloat_with_epsilon (m2->parts[SL_SCORE_LOCATION].value, 0.5, 1e-9);
  g_assert_cmpstr (m2->parts[SL_SCORE_LANGUAGES].text, ==, "German B1 (C1 asked)");
  g_assert_cmpstr (m2->parts[SL_SCORE_RECENCY].text, ==, "last role ended 2025-06");
  g_assert_cmpfloat_with_epsilon (m2->parts[SL_SCORE_RECENCY].value, 1.0 - 17 / 60.0, 1e-9);
  g_assert_cmpstr (m2->parts[SL_SCORE_TEXT].text, ==, "text relevance 50%");
  g_assert_cmpfloat (m2->score, <, m1->score);
  g_assert_cmpfloat (m2->score, >, 0);

  m3 = sl_rank_score_profile (job, none, NULL, -1, "2026-11");
  g_assert_cmpstr (m3->summary, ==,
                   "0 of 4 required skills (missing: Python, PostgreSQL, Kubernetes, Docker) · "
                   "0 of 1 nice-to-have skill · experience unknown · no current title · location unknown · "
                   "no German · no dated work");
  g_assert_cmpfloat (m3->score, <, m2->score);

  /* Weights: with only the skills counting, the score is their share. */
  only_skills.weight[SL_SCORE_REQUIRED_SKILLS] = 1;
  m4 = sl_rank_score_profile (job, partial, &only_skills, -1, "2026-11");
  g_assert_cmpfloat_with_epsilon (m4->score, 100.0 * 2.5 / 4, 1e-9);
}

static void
test_ndcg (void)
{
  const double gains[] = { 3, 2, 3, 0, 1, 2 };
  const double ideal[] = { 3, 3, 2, 2, 1, 0 };
  const double perfect[] = { 3, 3, 2, 2, 1, 0 };
  const double reversed[] = { 0, 1, 2, 2, 3, 3 };

  g_assert_cmpfloat_with_epsilon (sl_rank_ndcg (gains, 6, ideal, 6, 10), 0.948811, 1e-6);
  g_assert_cmpfloat_with_epsilon (sl_rank_ndcg (perfect, 6, ideal, 6, 10), 1.0, 1e-12);
  g_assert_cmpfloat (sl_rank_ndcg (reversed, 6, ideal, 6, 10), <, 0.6);
  /* only the first k count */
  g_assert_cmpfloat_with_epsilon (sl_rank_ndcg (gains, 6, ideal, 6, 1), 1.0, 1e-12);
}

static void
test_blind_copy (void)
{
  g_autoptr(SlProfile) p = make_profile ("Jane Doe", "Engineer", "Berlin", "Python", 5, NULL, NULL);
  g_autoptr(SlProfile) b = NULL;
  SlWorkEntry *w = g_ptr_array_index (p->work, 0);

  p->personal.phone = g_strdup ("+49 30 1234567");
  g_ptr_array_add (p->personal.links, g_strdup ("https://github.com/janedoe"));
  p->personal.summary = g_strdup ("Mrs. Jane Doe is an engineer, age 34. She led her team; "
                                  "Doe moved to Berlin with her husband. Born in 1990.");
  w->description = g_strdup ("He was replaced when she took over his billing systems.");
  g_ptr_array_add (p->interests, g_strdup ("Chess with her father"));
  sl_profile_set_extra (p, "email.from", "Jane Doe <jane@example.org>");

  b = sl_profile_blind_copy (p);
  g_assert_null (b->personal.name);
  g_assert_null (b->personal.email);
  g_assert_null (b->personal.phone);
  g_assert_cmpuint (b->personal.links->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (b->meta.extras), ==, 0);
  g_assert_cmpstr (b->personal.summary, ==,
                   "The candidate is an engineer. They led their team; the candidate moved to Berlin "
                   "with their partner.");
  g_assert_cmpstr (((SlWorkEntry *) g_ptr_array_index (b->work, 0))->description, ==,
                   "They were replaced when they took over their billing systems.");
  g_assert_cmpstr (g_ptr_array_index (b->interests, 0), ==, "Chess with their parent");
  /* what matters for the review stays */
  g_assert_cmpstr (b->personal.location, ==, "Berlin");
  g_assert_cmpuint (b->skills->len, ==, 1);
  g_assert_cmpstr (((SlWorkEntry *) g_ptr_array_index (b->work, 0))->title, ==, "Engineer");
  /* the original is untouched */
  g_assert_cmpstr (p->personal.name, ==, "Jane Doe");
  g_assert_nonnull (strstr (p->personal.summary, "She led her team"));
}

/* The neutral text reads as English: the verb agrees with "they", "her"
 * is "their" before a noun and "them" after a verb, titles go, and the
 * candidate's own name becomes "the candidate". */
static void
test_blind_grammar (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "He was the lead engineer.", "They were the lead engineer." },
    { "She is fluent in German and has five years of Go.", "They are fluent in German and have five years of Go." },
    { "She also leads the platform team and has three reports.",
      "They also lead the platform team and have three reports." },
    { "She designs APIs and services.", "They design APIs and services." },
    { "She leads and manages a team of six.", "They lead and manage a team of six." },
    { "He writes Go and teaches, but also coaches.", "They write Go and teach, but also coach." },
    { "She runs the platform and oversees hiring.", "They run the platform and oversee hiring." },
    { "She writes code and tests; he owns budgets and reports.",
      "They write code and tests; they own budgets and reports." },
    { "He carries the pager; she teaches juniors.", "They carry the pager; they teach juniors." },
    { "His manager praised him for his work.", "Their manager praised them for their work." },
    { "I mentored her and helped her to grow her career.", "I mentored them and helped them to grow their career." },
    { "The design was his.", "The design was theirs." },
    { "She taught herself Rust; he calls himself a generalist.",
      "They taught themselves Rust; they call themselves a generalist." },
    { "He isn't on call and doesn't travel.", "They aren't on call and don't travel." },
    { "He's been a mentor; she's a speaker.", "They've been a mentor; they're a speaker." },
    { "He or she will report to Mr. Smith.", "They will report to Smith." },
    { "Ms Jane Doe led the migration.", "The candidate led the migration." },
    { "Managed by Mrs. Jane Doe's team.", "Managed by the candidate's team." },
    { "She’s Jane’s best hire.", "They’re the candidate’s best hire." },
    { "Reported to Dr. Kim; Doe ran the project.", "Reported to Dr. Kim; the candidate ran the project." },
    { "Speaker at .NET Conf, age 34.", "Speaker at .NET Conf." },
    { "Studied at Universidad de Madrid.", "Studied at Universidad de Madrid." },
  };

  /* Fragments and odd text: no crash, no gendered pronoun left. */
  static const char * const odd[] = {
    "he", "She", "Mr.", "her", "’s", "Jane's", "he/", "/she", "he or", "she is", "Mrs", "Ms.", "'",
    "HE WAS", "he's", "She’d", "his.", "Her, her; HER!", "he/she/he", "Jane Jane Jane's", "Mr. Mr. Doe",
    "élève: she — né 1990", "x he y she z", "...", " , ; : ",
  };
  static const char * const pronouns[] = { "he", "she", "him", "his", "her", "hers", "mr", "mrs", "ms", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(SlProfile) p = make_profile ("Jane de Doe", "Engineer", "Berlin", "Python", 5, NULL, NULL);
      g_autoptr(SlProfile) b = NULL;

      p->personal.summary = g_strdup (odd[i]);
      b = sl_profile_blind_copy (p);
      if (b->personal.summary != NULL)
        {
          g_autofree char *lower = g_utf8_strdown (b->personal.summary, -1);
          g_auto(GStrv) words = g_regex_split_simple ("[^\\w'’]+", lower, 0, 0);

          for (guint w = 0; words[w] != NULL; w++)
            if (g_strv_contains (pronouns, words[w]) || g_str_equal (words[w], "jane") || g_str_equal (words[w], "doe"))
              g_error ("blind copy of [%s] kept [%s]: [%s]", odd[i], words[w], b->personal.summary);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlProfile) p = make_profile ("Jane de Doe", "Engineer", "Berlin", "Python", 5, NULL, NULL);
      g_autoptr(SlProfile) b = NULL;

      p->personal.summary = g_strdup (cases[i].in);
      b = sl_profile_blind_copy (p);
      if (g_strcmp0 (b->personal.summary, cases[i].out) != 0)
        g_error ("blind copy of [%s]: expected [%s], got [%s]", cases[i].in, cases[i].out, b->personal.summary);
    }
}

/* Blind review's candidate codes: stable per job and database, another on
 * another job or database, and nothing of the id or its order. */
static void
test_blind_code (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *key = sl_blind_key (f->store);
  g_autofree char *again = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  SlTestStore other = { 0 };
  g_autofree char *other_key = NULL;
  guint same_other_job = 0, same_other_db = 0, in_id_order = 0;

  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key), ==, 32);
  /* the key is the database's: read again, it is the same */
  again = sl_blind_key (f->store);
  g_assert_cmpstr (again, ==, key);
  sl_test_store_open (&other, "rank-other");
  other_key = sl_blind_key (other.store);
  g_assert_cmpstr (other_key, !=, key);

  for (gint64 id = 1; id <= 300; id++)
    {
      g_autofree char *code = sl_blind_code (key, 7, id);
      g_autofree char *same = sl_blind_code (key, 7, id);
      g_autofree char *job8 = sl_blind_code (key, 8, id);
      g_autofree char *db2 = sl_blind_code (other_key, 7, id);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_assert_cmpuint (strlen (code), ==, 9);
      for (guint i = 0; i < 9; i++)
        if (i == 4)
          g_assert_cmpint (code[i], ==, '-');
        else
          g_assert_nonnull (strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", code[i]));
      g_assert_cmpstr (code, ==, same);
      g_assert_cmpstr (code, !=, number);
      same_other_job += g_str_equal (code, job8);
      same_other_db += g_str_equal (code, db2);
      /* no two candidates of a job share a code */
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, g_strdup (code));
      if (codes->len > 0 && strcmp (g_ptr_array_index (codes, codes->len - 1), code) < 0)
        in_id_order++;
      g_ptr_array_add (codes, g_steal_pointer (&code));
    }
  g_assert_cmpuint (same_other_job, <, 3);
  g_assert_cmpuint (same_other_db, <, 3);
  /* sorted by code is not import order: about half the neighbours rise */
  g_assert_cmpuint (in_id_order, >, 100);
  g_assert_cmpuint (in_id_order, <, 200);
  sl_test_store_close (&other);
}

/* A strict chain: each candidate is the one before with one thing worse,
 * so the right order is known; plus one who shares nothing with the job. */
static void
test_store_rank_chain (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlJob) job = backend_job ();
  g_autoptr(GPtrArray) all = NULL, top = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Chain One", "Chain Two", "Chain Three", "Chain Four", "Chain Five" };
  gint64 ids[5];
  SlProfile *chain[] = {
    make_profile (names[0], "Backend Engineer", "Berlin, Germany", "Python,PostgreSQL,Kubernetes,Docker,Terraform",
                  7, "German:C1", NULL),
    make_profile (names[1], "Backend Engineer", "Berlin, Germany", "Python,PostgreSQL,Docker,Terraform",
                  7, "German:C1", NULL),
    make_profile (names[2], "Backend Engineer", "Berlin, Germany", "Python,MySQL,Docker,Terraform",
                  7, "German:C1", NULL),
    make_profile (names[3], "Backend Engineer", "Berlin, Germany", "Python,MySQL,Docker,Terraform",
                  3, "German:C1", NULL),
    make_profile (names[4], "Backend Engineer", "Lisbon, Portugal", "Python,MySQL,Docker,Terraform",
                  3, "German:C1", NULL),
  };
  g_autoptr(SlProfile) outsider = make_profile ("Out Sider", "Accountant", "Berlin, Germany", "Excel,SAP", 10,
                                                "German:native", NULL);
  const SlMatch *m;

  /* Stored worst first, so insertion order cannot explain the result. */
  for (int i = 4; i >= 0; i--)
    {
      ids[i] = store_profile (f, chain[i], NULL);
    }
  store_profile (f, outsider, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    sl_profile_free (chain[i]);

  all = sl_store_rank (f->store, job, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      m = g_ptr_array_index (all, i);
      g_assert_cmpstr (m->name, ==, names[i]);
      g_assert_cmpint (m->profile_id, ==, ids[i]);
      g_assert_cmpint (m->candidate_id, >, 0);
      if (i > 0)
        g_assert_cmpfloat (m->score, <, ((SlMatch *) g_ptr_array_index (all, i - 1))->score);
    }
  m = g_ptr_array_index (all, 0);
  g_assert_cmpfloat_with_epsilon (m->score, 100.0, 1e-9);
  g_assert_cmpstr (m->summary, ==,
                   "4 of 4 required skills · 1 of 1 nice-to-have skill (Terraform) · 7 years (≥ 5) · "
                   "Backend Engineer (2 of 2 title words) · Berlin, Germany · German C1 · in a role now · "
                   "7 of 7 key terms in the resume");
  m = g_ptr_array_index (all, 2);
  g_assert_cmpstr (m->parts[SL_SCORE_REQUIRED_SKILLS].text, ==,
                   "2 of 4 required skills (MySQL for PostgreSQL; missing: Kubernetes)");
  g_assert_cmpstr (m->parts[SL_SCORE_TEXT].text, ==, "5 of 7 key terms in the resume");
  m = g_ptr_array_index (all, 4);
  g_assert_cmpstr (m->parts[SL_SCORE_LOCATION].text, ==, "Lisbon, Portugal (not Berlin)");
  g_assert_cmpstr (m->parts[SL_SCORE_EXPERIENCE].text, ==, "3 years (5 asked)");

  /* The store and the pure scorer agree (text part at the same share). */
  {
    g_autoptr(SlStoredProfile) sp = sl_store_get_profile (f->store, ((SlMatch *) g_ptr_array_index (all, 2))->profile_id,
                                                          &error);
    g_autoptr(SlMatch) pure = sl_rank_score_profile (job, sp->profile, NULL, 5.0 / 7, NULL);
    g_assert_cmpfloat_with_epsilon (pure->score, ((SlMatch *) g_ptr_array_index (all, 2))->score, 1e-9);
  }

  /* A limit gives the head of the same order. */
  top = sl_store_rank (f->store, job, NULL, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (top->len, ==, 2);
  g_assert_cmpstr (((SlMatch *) g_ptr_array_index (top, 0))->name, ==, names[0]);
  g_assert_cmpstr (((SlMatch *) g_ptr_array_index (top, 1))->name, ==, names[1]);
}

/* Twins score the same: the newer profile comes first, every time. */
static void
test_store_rank_ties (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlJob) job = backend_job ();
  g_autoptr(SlProfile) a = make_profile ("Twin Older", "Backend Engineer", "Berlin", "Python,Docker", 6, NULL, NULL);
  g_autoptr(SlProfile) b = make_profile ("Twin Newer", "Backend Engineer", "Berlin", "Python,Docker", 6, NULL, NULL);
  g_autoptr(GError) error = NULL;

  store_profile (f, a, NULL);
  g_usleep (5000);   /* created_at has milliseconds */
  store_profile (f, b, NULL);
  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) r = sl_store_rank (f->store, job, NULL, round == 2 ? 1 : 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (((SlMatch *) g_ptr_array_index (r, 0))->name, ==, "Twin Newer");
      if (r->len > 1)
        {
          g_assert_cmpstr (((SlMatch *) g_ptr_array_index (r, 1))->name, ==, "Twin Older");
          g_assert_cmpfloat (((SlMatch *) g_ptr_array_index (r, 0))->score, ==,
                             ((SlMatch *) g_ptr_array_index (r, 1))->score);
        }
    }
}

/* Generated candidate sets with a relevance grade given by construction
 * (how much of what the job requires they have), ranked; NDCG@10. */
static const char * const filler_skills[] = {
  "Java", "Ruby", "PHP", "Excel", "Figma", "SAP", "Scala", "Swift", "Tableau", "Jira",
};
static const char * const cities[] = {
  "Lisbon, Portugal", "Paris, France", "Warsaw, Poland", "Austin, USA",
};

typedef struct
{
  const char *title;
  const char *required[4];
  const char *nice[2];
  int         min_years;
  const char *city;          /* NULL: remote */
  const char *language;      /* NULL: none asked */
  const char *other_title;
} JobSpec;

static double
ndcg_for_job (Fixture       *f,
              const JobSpec *spec,
              guint32        seed)
{
  g_autoptr(SlJob) job = sl_job_new ();
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) grade_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ideal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gains = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GError) error = NULL;
  guint n_req = 0;

  job->title = g_strdup (spec->title);
  for (guint i = 0; i < 4 && spec->required[i] != NULL; i++, n_req++)
    g_ptr_array_add (job->required_skills, g_strdup (spec->required[i]));
  for (guint i = 0; i < 2 && spec->nice[i] != NULL; i++)
    g_ptr_array_add (job->nice_skills, g_strdup (spec->nice[i]));
  job->min_years = spec->min_years;
  job->location = g_strdup (spec->city);
  job->remote = spec->city != NULL ? SL_REMOTE_ONSITE : SL_REMOTE_FULL;
  if (spec->language != NULL)
    g_ptr_array_add (job->languages, sl_language_new (spec->language, "C1"));

  /* 40 candidates per grade 3..0: grade 3 has every required skill, the
   * years, the place and the language; grade 2 lacks one required skill; grade 1 lacks
   * half and the place; grade 0 has one required skill at most.  Titles,
   * nice-to-have skills, filler skills and years vary at random. */
  for (int grade = 3; grade >= 0; grade--)
    for (guint k = 0; k < 40; k++)
      {
        g_autoptr(GString) skills = g_string_new (NULL);
        g_autofree char *name = g_strdup_printf ("%s G%d N%u", spec->title, grade, k);
        g_autoptr(SlProfile) p = NULL;
        guint keep = grade == 3 ? n_req : grade == 2 ? n_req - 1 : grade == 1 ? n_req / 2 : (guint) g_rand_int_range (r, 0, 2);
        guint skip = g_rand_int_range (r, 0, n_req);
        int years = grade >= 2 ? spec->min_years + g_rand_int_range (r, 0, 6)
                               : g_rand_int_range (r, 0, spec->min_years + 4);
        const char *city = grade >= 2 || spec->city == NULL ? spec->city : cities[g_rand_int_range (r, 0, 4)];
        const char *title = g_rand_boolean (r) ? spec->title : spec->other_title;
        g_autofree char *langs = spec->language != NULL && (grade == 3 || g_rand_int_range (r, 0, 4) > 0)
                                 ? g_strdup_printf ("%s:%s", spec->language, grade >= 2 ? "C2" : "B2") : NULL;

        for (guint i = 0, added = 0; i < n_req && added < keep; i++)
          {
            guint at = (skip + i) % n_req;
            /* grade 2 drops the skill at @skip: take the next ones */
            if (grade == 2 && i == 0)
              continue;
            g_string_append_printf (skills, "%s,", spec->required[at]);
            added++;
          }
        for (guint i = 0; i < 2 && spec->nice[i] != NULL; i++)
          if (g_rand_boolean (r))
            g_string_append_printf (skills, "%s,", spec->nice[i]);
        for (int i = g_rand_int_range (r, 1, 4); i > 0; i--)
          g_string_append_printf (skills, "%s,", filler_skills[g_rand_int_range (r, 0, G_N_ELEMENTS (filler_skills))]);
        g_string_truncate (skills, skills->len - 1);

        p = make_profile (name, title, city != NULL ? city : cities[g_rand_int_range (r, 0, 4)],
                          skills->str, years, langs, NULL);
        store_profile (f, p, NULL);
        g_hash_table_insert (grade_of, g_steal_pointer (&name), GINT_TO_POINTER (grade + 1));
        {
          double g = grade;
          g_array_append_val (ideal, g);
        }
      }

  ranked = sl_store_rank (f->store, job, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 10);
  for (guint i = 0; i < ranked->len; i++)
    {
      const SlMatch *m = g_ptr_array_index (ranked, i);
      /* candidates made for another job count as grade 0 */
      gpointer v = g_hash_table_lookup (grade_of, m->name);
      double g = v != NULL ? GPOINTER_TO_INT (v) - 1 : 0;

      g_array_append_val (gains, g);
    }
  return sl_rank_ndcg ((double *) gains->data, gains->len, (double *) ideal->data, ideal->len, 10);
}

static void
test_store_rank_ndcg (Fixture       *f,
                      gconstpointer  data)
{
  static const JobSpec backend = {
    "Backend Engineer", { "Python", "PostgreSQL", "Kubernetes", "Docker" }, { "Terraform", "Redis" },
    5, "Berlin, Germany", "German", "Data Analyst",
  };
  static const JobSpec data_sci = {
    "Data Scientist", { "Python", "Machine Learning", "SQL", NULL }, { "PyTorch", NULL },
    3, NULL, NULL, "Support Engineer",
  };
  double a = ndcg_for_job (f, &backend, 11);
  double b;

  /* The second job ranks the same store, now with both candidate sets. */
  b = ndcg_for_job (f, &data_sci, 12);
  g_test_message ("NDCG@10: backend (Berlin, German C1) %.3f, data scientist (remote) %.3f", a, b);
  g_assert_cmpfloat (a, >=, 0.9);
  g_assert_cmpfloat (b, >=, 0.9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rank/job/json", test_job_json);
  g_test_add_func ("/rank/job/from-text", test_job_from_text);
  g_test_add ("/rank/job/from-file", Fixture, NULL, setup, test_job_from_file, teardown);
  g_test_add ("/rank/store/jobs", Fixture, NULL, setup, test_store_jobs, teardown);
  g_test_add ("/rank/blind-code", Fixture, NULL, setup, test_blind_code, teardown);
  g_test_add ("/rank/store/shortlist", Fixture, NULL, setup, test_shortlist, teardown);
  g_test_add ("/rank/store/shortlist-csv", Fixture, NULL, setup, test_shortlist_csv, teardown);
  g_test_add ("/rank/store/erase", Fixture, NULL, setup, test_erase_removes_shortlist, teardown);
  g_test_add ("/rank/store/features", Fixture, NULL, setup, test_rank_features_follow_profiles, teardown);
  g_test_add_func ("/rank/score/profile", test_score_profile);
  g_test_add_func ("/rank/score/ndcg", test_ndcg);
  g_test_add_func ("/rank/blind-copy", test_blind_copy);
  g_test_add_func ("/rank/blind-grammar", test_blind_grammar);
  g_test_add ("/rank/store/chain", Fixture, NULL, setup, test_store_rank_chain, teardown);
  g_test_add ("/rank/store/ties", Fixture, NULL, setup, test_store_rank_ties, teardown);
  g_test_add ("/rank/store/ndcg", Fixture, NULL, setup, test_store_rank_ndcg, teardown);

  return g_test_run ();
}
