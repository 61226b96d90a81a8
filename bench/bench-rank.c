/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-rank: ranking a store of generated profiles against one job.
 *
 *   bench-rank [--profiles N] [--runs N] [--top N] [--dir DIR]
 *
 * 1. Generates N profiles (deterministic; skills drawn so that each of the
 *    job's skills is in ~8 % of them, like bench-store) with ~1 KB of
 *    resume text, stored with sl_store_bulk_create_profiles.  With --dir
 *    an existing store of at least N profiles is reused.
 * 2. Ranks them --runs times for one job (4 required skills, 2 nice to
 *    have, 5 years, Berlin, German C1) with sl_store_rank (--top, default
 *    50), reporting wall and CPU median / p95.  G_MESSAGES_DEBUG=
 *    shortlist-rank also prints how many profiles passed the index
 *    prefilter and how many needed the full-text part.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "rank/sl-rank.h"

static const char *skill_pool[] = {
  "Python", "PostgreSQL", "Kubernetes", "Docker", "Terraform", "Redis", "MySQL", "Go", "Rust", "Java",
  "Kotlin", "TypeScript", "React", "Vue.js", "Angular", "Node.js", "Django", "Flask", "Spring Boot", "AWS",
  "Azure", "Google Cloud Platform", "Ansible", "Jenkins", "GitLab CI", "Apache Kafka", "Apache Spark",
  "Airflow", "Snowflake", "dbt", "Tableau", "Power BI", "Excel", "SAP", "Salesforce", "Figma", "Scrum",
  "Linux", "Bash", "C++", "C#", ".NET", "PHP", "Ruby", "Scala", "MongoDB", "Elasticsearch", "GraphQL",
  "TensorFlow", "PyTorch", "Pandas", "NumPy", "Machine Learning",
};
static const char *title_pool[] = {
  "Backend Engineer", "Software Engineer", "Data Engineer", "DevOps Engineer", "Frontend Developer",
  "Data Scientist", "Product Manager", "QA Engineer", "Site Reliability Engineer", "Accountant",
};
static const char *place_pool[] = {
  "Berlin, Germany", "Munich, Germany", "Hamburg, Germany", "Vienna, Austria", "Zurich, Switzerland",
  "Amsterdam, Netherlands", "Paris, France", "Lisbon, Portugal", "London, UK", "Warsaw, Poland",
};
static const char *language_pool[] = { "German", "English", "French", "Spanish", "Polish" };
static const char *level_pool[] = { "A2", "B1", "B2", "C1", "C2", "native" };

#define ANY(r, pool) (pool[g_rand_int_range ((r), 0, G_N_ELEMENTS (pool))])

static SlProfile *
make_one (GRand  *r,
          guint   i,
          char  **raw)
{
  SlProfile *p = sl_profile_new ();
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (r, 3, 12);
  int months = 0, year = 2026;

  p->personal.name = g_strdup_printf ("Candidate %u", i);
  p->personal.email = g_strdup_printf ("candidate%u@example.org", i);
  p->personal.location = g_strdup (ANY (r, place_pool));
  g_string_append_printf (text, "%s\n%s\n%s\n\nSkills: ", p->personal.name, p->personal.email,
                          p->personal.location);
  for (int k = 0; k < n; k++)
    {
      const char *s = ANY (r, skill_pool);
      g_ptr_array_add (p->skills, sl_skill_new (s, s));
      g_string_append_printf (text, "%s, ", s);
    }
  for (int w = g_rand_int_range (r, 1, 4); w > 0; w--)
    {
      SlWorkEntry *e = sl_work_entry_new ();
      int len = g_rand_int_range (r, 1, 5);

      e->title = g_strdup (ANY (r, title_pool));
      e->company = g_strdup_printf ("Company %d", g_rand_int_range (r, 1, 500));
      e->current = p->work->len == 0 && g_rand_int_range (r, 0, 4) > 0;
      if (!e->current)
        e->end = g_strdup_printf ("%d-%02d", year, g_rand_int_range (r, 1, 13));
      year -= len;
      months += len * 12;
      e->start = g_strdup_printf ("%d-%02d", year, g_rand_int_range (r, 1, 13));
      e->description = g_strdup_printf ("Worked on %s and %s services with %s, %s and %s.",
                                        ANY (r, skill_pool), ANY (r, skill_pool), ANY (r, skill_pool),
                                        ANY (r, skill_pool), ANY (r, skill_pool));
      g_string_append_printf (text, "\n\n%s, %s, %s – %s\n%s", e->title, e->company, e->start,
                              e->end != NULL ? e->end : "today", e->description);
      g_ptr_array_add (p->work, e);
    }
  for (int l = g_rand_int_range (r, 1, 3); l > 0; l--)
    g_ptr_array_add (p->languages, sl_language_new (ANY (r, language_pool), ANY (r, level_pool)));
  p->meta.experience_months = months;
  *raw = g_string_free (text, FALSE);
  return p;
}

static gboolean
fill (SlStore *store,
      guint    n,
      GError **error)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (2026);
  const guint batch = 5000;

  for (guint done = 0; done < n; done += batch)
    {
      guint m = MIN (batch, n - done);
      g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
      g_autoptr(GPtrArray) raws = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) results = NULL;

      for (guint i = 0; i < m; i++)
        {
          char *raw = NULL;
          g_ptr_array_add (profiles, make_one (r, done + i, &raw));
          g_ptr_array_add (raws, raw);
        }
      results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                               (const char * const *) raws->pdata, m, error);
      if (results == NULL)
        return FALSE;
      g_printerr ("\rgenerated %u / %u", done + m, n);
    }
  g_printerr ("\n");
  return TRUE;
}

static double
cpu_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
cmp_ms (gconstpointer a,
        gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
at (GArray *sorted,
    double  q)
{
  guint i = (guint) (q * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

int
main (int    argc,
      char **argv)
{
  int n_profiles = 100000, runs = 15, top = 50;
  g_autofree char *dir_opt = NULL;
  GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_INT, &n_profiles, "profiles to generate (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "rankings to time (default 15)", "N" },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, "candidates asked for (default 50)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_opt, "keep (and reuse) the store here", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— ranking benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlJob) job = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL, *path = NULL;
  guint results = 0;
  double fill_ms;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || n_profiles < 1 || runs < 1 || top < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "bad numbers");
      return 2;
    }
  dir = dir_opt != NULL ? g_strdup (dir_opt) : g_dir_make_tmp ("bench-rank-XXXXXX", NULL);
  path = g_build_filename (dir, "rank.db", NULL);
  store = sl_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fill_ms = g_get_monotonic_time () / 1000.0;
  if (sl_store_count_live_profiles (store) < n_profiles &&
      !fill (store, n_profiles - (guint) sl_store_count_live_profiles (store), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fill_ms = g_get_monotonic_time () / 1000.0 - fill_ms;

  job = sl_job_from_json ("{\"title\": \"Backend Engineer\","
                          " \"required_skills\": [\"Python\", \"PostgreSQL\", \"Kubernetes\", \"Docker\"],"
                          " \"nice_skills\": [\"Terraform\", \"Redis\"], \"min_years\": 5,"
                          " \"location\": \"Berlin, Germany\", \"remote\": \"hybrid\","
                          " \"languages\": [{\"language\": \"German\", \"level\": \"C1\"}]}", -1, &error);
  g_assert (job != NULL);

  /* one warm-up run: the first reads the pages from disk */
  for (int i = -1; i < runs; i++)
    {
      double w0 = g_get_monotonic_time () / 1000.0, c0 = cpu_now_ms ();
      g_autoptr(GPtrArray) ranked = sl_store_rank (store, job, NULL, (guint) top, NULL, &error);
      double w = g_get_monotonic_time () / 1000.0 - w0, c = cpu_now_ms () - c0;

      if (ranked == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i < 0)
        {
          const SlMatch *best = ranked->len > 0 ? g_ptr_array_index (ranked, 0) : NULL;
          printf ("warm-up: %.1f ms; best: %.1f %s\n", w, best != NULL ? best->score : 0.0,
                  best != NULL ? best->summary : "-");
          continue;
        }
      results = ranked->len;
      g_array_append_val (wall, w);
      g_array_append_val (cpu, c);
    }
  g_array_sort (wall, cmp_ms);
  g_array_sort (cpu, cmp_ms);
  printf ("profiles: %" G_GINT64_FORMAT " (generated in %.0f s)\n", sl_store_count_live_profiles (store),
          fill_ms / 1000.0);
  printf ("rank top %d: %u results, %d runs\n", top, results, runs);
  printf ("  wall ms: median %.1f  p95 %.1f  max %.1f\n", at (wall, 0.5), at (wall, 0.95), at (wall, 1.0));
  printf ("  cpu  ms: median %.1f  p95 %.1f  max %.1f\n", at (cpu, 0.5), at (cpu, 0.95), at (cpu, 1.0));
  g_clear_object (&store);
  if (dir_opt == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
