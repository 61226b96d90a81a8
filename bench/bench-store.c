/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-store: the store against raw SQLite, in the same run.
 *
 *   bench-store [--profiles N] [--batch N] [--queries N] [--dir DIR]
 *
 * 1. Generates N varied profiles (deterministic) with ~2 KB of resume text.
 * 2. Stores them with sl_store_bulk_create_profiles (batches of --batch),
 *    timing only the store calls.
 * 3. Inserts the same rows with raw prepared SQLite statements into the same
 *    schema, writing the FTS5 rows directly (the fastest raw way), timing
 *    only the inserts (the column values are prepared outside the clock).
 * 4. Also: the same profiles one by one through the triggers (a sample).
 * 5. Runs --queries mixed searches as the UI does (count + first page of
 *    50) and the same MATCH/filters in raw SQL (unranked and bm25-ranked),
 *    reporting median / p95 / max.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "store/sl-query.h"
#include "store/sl-store.h"
#include "store/sl-store-search.h"
#include "store/sl-store-stats.h"

static const char * const first_names[] = {
  "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "John",
  "Mary", "Edsger", "Radia", "Donald", "Katherine", "Tim", "Hedy", "Guido", "Anita", "Bjarne",
  "Sophie", "Yusuf", "Mei", "Lukas", "Priya", "Carlos", "Olga", "Kwame", "Aiko", "Mateo",
  "Fatima", "Nikolai", "Ingrid", "Raj", "Chloé", "Jörg", "Zanele", "Tomás", "Elif", "Hiro",
};
static const char * const last_names[] = {
  "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson",
  "Allen", "McCarthy", "Keller", "Dijkstra", "Perlman", "Knuth", "Johnson", "Berners-Lee",
  "Lamarr", "Rossum", "Borg", "Stroustrup", "Müller", "Okafor", "Chen", "Schmidt", "Patel",
  "García", "Ivanova", "Mensah", "Tanaka", "Rossi", "Haddad", "Petrov", "Larsen", "Singh",
  "Dubois", "Weiß", "Dlamini", "Silva", "Yilmaz", "Sato", "Novak", "Kowalski", "Nguyen",
};
static const char * const skills[] = {
  "Python", "Java", "C", "C++", "Rust", "Go", "JavaScript", "TypeScript", "Ruby", "PHP",
  "Kotlin", "Swift", "Scala", "Haskell", "Elixir", "SQL", "PostgreSQL", "MySQL", "SQLite",
  "MongoDB", "Redis", "Kafka", "Spark", "Hadoop", "Airflow", "dbt", "Snowflake", "BigQuery",
  "Docker", "Kubernetes", "Terraform", "Ansible", "AWS", "Azure", "GCP", "Linux", "Git",
  "Django", "Flask", "FastAPI", "Spring", "React", "Vue", "Angular", "Node.js", "GraphQL",
  "REST", "gRPC", "TensorFlow", "PyTorch", "scikit-learn", "Pandas", "NumPy", "Machine Learning",
  "Deep Learning", "NLP", "Computer Vision", "Statistics", "Excel", "Tableau", "Power BI",
  "Figma", "Photoshop", "Illustrator", "SEO", "Salesforce", "SAP", "Jira", "Scrum", "Agile",
  "Project Management", "Accounting", "Recruiting", "Negotiation", "Public Speaking",
  "Customer Service", "Sales", "Marketing", "Copywriting", "Embedded", "FPGA", "Verilog",
  "MATLAB", "Simulink", "AutoCAD", "SolidWorks", "GTK", "Qt", "OpenGL", "Vulkan", "Unity",
  "Unreal", "Blender", "Security", "Penetration Testing", "Networking", "Cisco", "Bash",
  "PowerShell", "Perl", "Fortran", "COBOL", "Erlang", "Clojure", "OCaml", "Zig", "WebAssembly",
};
static const char * const titles[] = {
  "Software Engineer", "Senior Software Engineer", "Data Engineer", "Data Scientist",
  "Backend Developer", "Frontend Developer", "Full Stack Developer", "DevOps Engineer",
  "Site Reliability Engineer", "Machine Learning Engineer", "Product Manager", "Project Manager",
  "QA Engineer", "Security Analyst", "Systems Administrator", "Database Administrator",
  "Engineering Manager", "CTO", "Technical Writer", "UX Designer", "Business Analyst",
  "Sales Manager", "Marketing Specialist", "Accountant", "Recruiter", "Embedded Engineer",
  "Research Scientist", "Consultant", "Support Engineer", "Intern",
};
static const char * const companies[] = {
  "Acme", "Initech", "Globex", "Umbrella", "Hooli", "Pied Piper", "Stark Industries",
  "Wayne Enterprises", "Cyberdyne", "Soylent", "Tyrell", "Wonka", "Vandelay", "Aperture",
  "Black Mesa", "Oscorp", "Massive Dynamic", "Dunder Mifflin", "Prestige Worldwide", "Gringotts",
  "Monsters Inc", "Nakatomi", "Rekall", "Weyland", "Yoyodyne", "Blue Sun", "Virtucon",
  "Gekko & Co", "Sterling Cooper", "Los Pollos Hermanos", "Bluth Company", "Krusty Krab",
};
static const char * const cities[] = {
  "Berlin, Germany", "Munich, Germany", "London, UK", "Paris, France", "Amsterdam, Netherlands",
  "Madrid, Spain", "Lisbon, Portugal", "Warsaw, Poland", "Prague, Czechia", "Vienna, Austria",
  "Zurich, Switzerland", "Stockholm, Sweden", "Oslo, Norway", "Helsinki, Finland", "Dublin, Ireland",
  "New York, USA", "San Francisco, USA", "Austin, USA", "Toronto, Canada", "São Paulo, Brazil",
  "Bangalore, India", "Singapore", "Tokyo, Japan", "Sydney, Australia", "Lagos, Nigeria",
  "Nairobi, Kenya", "Cape Town, South Africa", "Istanbul, Turkey", "Tel Aviv, Israel", "Dubai, UAE",
};
static const char * const schools[] = {
  "MIT", "Stanford University", "ETH Zurich", "TU Munich", "University of Cambridge",
  "University of Oxford", "Sorbonne University", "KTH", "TU Delft", "University of Toronto",
  "IIT Bombay", "National University of Singapore", "University of Tokyo", "EPFL", "Imperial College",
  "University of Lagos", "University of Cape Town", "Humboldt University", "Politecnico di Milano",
};
static const char * const filler[] = {
  "Designed and delivered", "Led a team of", "Improved the performance of", "Migrated",
  "Built a platform for", "Reduced costs of", "Automated", "Mentored engineers on",
  "Owned the roadmap for", "Introduced", "Maintained", "Scaled", "Refactored", "Launched",
  "customer-facing services", "internal tooling", "the data warehouse", "billing systems",
  "a reporting pipeline", "mobile applications", "the search backend", "observability",
  "by 40 percent", "across three regions", "with zero downtime", "for millions of users",
  "in close collaboration with product", "under tight deadlines", "end to end",
};

/* CPU milliseconds of this process: the machine is shared, so wall time
 * includes waiting for a core; CPU time is the work itself. */
static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

#define PICK(r, arr) (arr[g_rand_int_range (r, 0, G_N_ELEMENTS (arr))])

static SlProfile *
generate (GRand *r,
          guint  i)
{
  SlProfile *p = sl_profile_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  int n_skills = g_rand_int_range (r, 4, 16);
  int n_work = g_rand_int_range (r, 1, 6);
  int year = 2024;
  const char *first = PICK (r, first_names);
  const char *last = PICK (r, last_names);

  p->personal.name = g_strdup_printf ("%s %s", first, last);
  p->personal.email = g_strdup_printf ("%s.%s.%u@example.org", first, last, i);
  p->personal.phone = g_strdup_printf ("+49 30 %07u", i);
  p->personal.location = g_strdup (PICK (r, cities));
  p->source = g_strdup (g_rand_int_range (r, 0, 4) == 0 ? "email" : "drop");

  g_string_append_printf (text, "%s\n%s\n%s | %s\n\nSKILLS\n", p->personal.name,
                          p->personal.email, p->personal.phone, p->personal.location);
  for (int k = 0; k < n_skills; k++)
    {
      const char *s = PICK (r, skills);
      g_ptr_array_add (p->skills, sl_skill_new (s, NULL));
      g_string_append_printf (text, "%s, ", s);
    }
  g_string_append (text, "\n\nEXPERIENCE\n");
  for (int w = 0; w < n_work; w++)
    {
      SlWorkEntry *e = sl_work_entry_new ();
      int len = g_rand_int_range (r, 1, 6);
      e->title = g_strdup (PICK (r, titles));
      e->company = g_strdup (PICK (r, companies));
      e->end = w == 0 ? NULL : g_strdup_printf ("%d-%02d", year, g_rand_int_range (r, 1, 13));
      e->current = w == 0;
      year -= len;
      e->start = g_strdup_printf ("%d-%02d", year, g_rand_int_range (r, 1, 13));
      g_string_append_printf (text, "%s at %s (%s – %s)\n", e->title, e->company, e->start,
                              e->end != NULL ? e->end : "present");
      for (int s = 0; s < 6; s++)
        g_string_append_printf (text, "%s %s %s %s. ", PICK (r, filler), PICK (r, filler),
                                PICK (r, skills), PICK (r, filler));
      g_string_append_c (text, '\n');
      g_ptr_array_add (p->work, e);
    }
  {
    SlEducationEntry *e = sl_education_entry_new ();
    e->institution = g_strdup (PICK (r, schools));
    e->degree = g_strdup ("B.Sc. Computer Science");
    e->end = g_strdup_printf ("%d", year);
    g_ptr_array_add (p->education, e);
    g_string_append_printf (text, "\nEDUCATION\n%s, %s, %s\n", e->degree, e->institution, e->end);
  }
  p->meta.experience_months = (2024 - year) * 12;
  p->meta.parser = g_strdup ("rules");
  /* raw text travels beside the profile */
  g_ptr_array_add (p->achievements, g_string_free (g_steal_pointer (&text), FALSE));
  return p;
}

/* The raw text was parked as the last achievement; take it back out. */
static char *
take_raw_text (SlProfile *p)
{
  return g_ptr_array_steal_index (p->achievements, p->achievements->len - 1);
}

typedef struct
{
  char *sections[10];
  char *name, *email, *phone, *location, *title, *company, *skills_text, *titles_text,
       *companies_text, *schools_text, *raw_text, *uuid, *cuuid;
  int   months;
} RawRow;

static void
raw_row_clear (RawRow *r)
{
  for (guint i = 0; i < 10; i++)
    g_free (r->sections[i]);
  g_free (r->name); g_free (r->email); g_free (r->phone); g_free (r->location);
  g_free (r->title); g_free (r->company); g_free (r->skills_text); g_free (r->titles_text);
  g_free (r->companies_text); g_free (r->schools_text); g_free (r->raw_text);
  g_free (r->uuid); g_free (r->cuuid);
}

static char *
join_field (GPtrArray  *arr,
            gsize       offset)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < arr->len; i++)
    {
      const char *v = G_STRUCT_MEMBER (const char *, g_ptr_array_index (arr, i), offset);
      if (v == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, v);
    }
  return g_string_free (s, FALSE);
}

static void
raw_row_fill (RawRow          *r,
              const SlProfile *p,
              const char      *raw)
{
  const char * const *names = sl_profile_section_names ();
  const SlWorkEntry *cur = sl_profile_current_work (p);
  g_autoptr(GPtrArray) sk = sl_profile_skill_names (p);

  for (guint i = 0; i < 10; i++)
    r->sections[i] = sl_profile_section_to_json (p, names[i]);
  r->name = g_strdup (p->personal.name);
  r->email = sl_normalize_email (p->personal.email);
  r->phone = sl_normalize_phone_key (p->personal.phone);
  r->location = g_strdup (p->personal.location);
  r->title = g_strdup (cur != NULL ? cur->title : NULL);
  r->company = g_strdup (cur != NULL ? cur->company : NULL);
  g_ptr_array_add (sk, NULL);
  r->skills_text = g_strjoinv (" · ", (char **) sk->pdata);
  r->titles_text = join_field (p->work, G_STRUCT_OFFSET (SlWorkEntry, title));
  r->companies_text = join_field (p->work, G_STRUCT_OFFSET (SlWorkEntry, company));
  r->schools_text = join_field (p->education, G_STRUCT_OFFSET (SlEducationEntry, institution));
  r->raw_text = g_strdup (raw);
  r->months = p->meta.experience_months;
  r->uuid = g_uuid_string_random ();
  r->cuuid = g_uuid_string_random ();
}

static sqlite3_stmt *
prep (sqlite3    *db,
      const char *sql)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
    g_error ("prepare: %s: %s", sqlite3_errmsg (db), sql);
  return st;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *st)
{
  if (sqlite3_step (st) != SQLITE_DONE)
    g_error ("step: %s", sqlite3_errmsg (db));
  sqlite3_reset (st);
}

#define T(st, i, s) sqlite3_bind_text (st, i, s, -1, SQLITE_STATIC)

static void
raw_insert (sqlite3      *db,
            sqlite3_stmt *ins_c,
            sqlite3_stmt *ins_p,
            sqlite3_stmt *ins_f,
            RawRow       *rows,
            guint         n,
            const char   *now)
{
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      RawRow *r = &rows[i];
      sqlite3_int64 cid, pid;

      T (ins_c, 1, r->cuuid); T (ins_c, 2, r->name); T (ins_c, 3, r->email);
      T (ins_c, 4, r->phone); T (ins_c, 5, now);
      step (db, ins_c);
      cid = sqlite3_last_insert_rowid (db);

      for (guint k = 0; k < 10; k++)
        T (ins_p, k + 1, r->sections[k]);
      T (ins_p, 11, r->uuid);
      sqlite3_bind_int64 (ins_p, 12, cid);
      T (ins_p, 13, "drop");
      T (ins_p, 14, r->raw_text);
      T (ins_p, 15, now);
      T (ins_p, 16, r->name); T (ins_p, 17, r->email); T (ins_p, 18, r->location);
      T (ins_p, 19, r->title); T (ins_p, 20, r->company);
      sqlite3_bind_int (ins_p, 21, r->months);
      T (ins_p, 22, r->skills_text); T (ins_p, 23, r->titles_text);
      T (ins_p, 24, r->companies_text); T (ins_p, 25, r->schools_text);
      step (db, ins_p);
      pid = sqlite3_last_insert_rowid (db);

      sqlite3_bind_int64 (ins_f, 1, pid);
      T (ins_f, 2, r->name); T (ins_f, 3, r->email); T (ins_f, 4, r->skills_text);
      T (ins_f, 5, r->titles_text); T (ins_f, 6, r->companies_text); T (ins_f, 7, r->schools_text);
      T (ins_f, 8, r->location); T (ins_f, 9, r->raw_text);
      step (db, ins_f);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *label,
        GArray     *ms)
{
  double med, p95, max;

  g_array_sort (ms, cmp_double);
  med = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
  max = g_array_index (ms, double, ms->len - 1);
  printf ("  %-44s median %7.3f ms  p95 %7.3f ms  max %7.3f ms\n", label, med, p95, max);
}

static double
p95_of (GArray *ms)
{
  g_array_sort (ms, cmp_double);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
}

/* Mixed queries over the generated vocabulary. */
static char *
make_query (GRand *r,
            guint  i)
{
  const char *lower_city;
  g_autofree char *city = g_strdup (PICK (r, cities));
  char *comma = strchr (city, ',');

  if (comma != NULL)
    *comma = '\0';
  lower_city = city;
  switch (i % 10)
    {
    case 0: return g_strdup_printf ("%s", PICK (r, skills));                          /* broad word */
    case 1: return g_strdup_printf ("%s %s", PICK (r, skills), PICK (r, skills));     /* AND */
    case 2: return g_strdup_printf ("skill:\"%s\" location:\"%s\"", PICK (r, skills), lower_city);
    case 3: return g_strdup_printf ("title:\"%s\"", PICK (r, titles));                /* phrase */
    case 4: return g_strdup_printf ("name:%s", PICK (r, last_names));
    case 5: return g_strdup_printf ("(%s OR %s) -%s", PICK (r, skills), PICK (r, skills), PICK (r, skills));
    case 6: return g_strdup_printf ("%.4s* company:\"%s\"", PICK (r, skills), PICK (r, companies));
    case 7: return g_strdup_printf ("skill:\"%s\" years:>=%d", PICK (r, skills), g_rand_int_range (r, 2, 15));
    case 8: return g_strdup_printf ("school:\"%s\" source:email", PICK (r, schools));
    default: return g_strdup_printf ("\"%s\" %s", PICK (r, titles), PICK (r, skills));
    }
}

/* Raw SQLite for a compiled query: count, then a page of 50 ids, either
 * unranked or by bm25. */
static void
raw_search (sqlite3       *db,
            const SlQuery *q,
            gboolean       ranked,
            GHashTable    *cache)
{
  const char *match = sl_query_get_fts_match (q);
  const char *where = sl_query_get_sql_where (q);
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  sqlite3_stmt *st;
  int idx;

  if (match != NULL)
    {
      count_sql = where == NULL
                  ? g_strdup ("SELECT count(*) FROM profiles_fts WHERE profiles_fts MATCH ?")
                  : g_strdup_printf ("SELECT count(*) FROM profiles_fts f JOIN candidate_profiles p ON p.id = f.rowid"
                                     " WHERE profiles_fts MATCH ? AND %s", where);
      page_sql = g_strdup_printf ("SELECT p.id, p.name, p.email FROM profiles_fts f JOIN candidate_profiles p"
                                  " ON p.id = f.rowid WHERE profiles_fts MATCH ?%s%s%s LIMIT 50",
                                  where ? " AND " : "", where ? where : "", ranked ? " ORDER BY f.rank" : "");
    }
  else
    {
      count_sql = g_strdup_printf ("SELECT count(*) FROM candidate_profiles p WHERE %s", where ? where : "1");
      page_sql = g_strdup_printf ("SELECT p.id, p.name, p.email FROM candidate_profiles p WHERE %s LIMIT 50",
                                  where ? where : "1");
    }
  for (int pass = 0; pass < 2; pass++)
    {
      const char *sql = pass == 0 ? count_sql : page_sql;
      st = g_hash_table_lookup (cache, sql);
      if (st == NULL)
        {
          st = prep (db, sql);
          g_hash_table_insert (cache, g_strdup (sql), st);
        }
      idx = 1;
      if (match != NULL)
        sqlite3_bind_text (st, idx++, match, -1, SQLITE_STATIC);
      sl_query_bind_where (q, st, idx);
      while (sqlite3_step (st) == SQLITE_ROW)
        ;
      sqlite3_reset (st);
    }
}

static void
finalize_stmt (gpointer p)
{
  sqlite3_finalize (p);
}

int
main (int    argc,
      char **argv)
{
  int n_profiles = 100000, batch = 1000, n_queries = 200, n_single = 5000;
  g_autofree char *dir_opt = NULL;
  GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_INT, &n_profiles, "profiles to create (100000)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "profiles per bulk call / raw transaction (1000)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "searches (200)", "N" },
    { "single", 0, 0, G_OPTION_ARG_INT, &n_single, "profiles created one by one through the triggers (5000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_opt, "where to put the databases (a temp dir)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— store benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlStore) raw_store = NULL;
  g_autoptr(SlStore) single_store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *store_path = NULL, *raw_path = NULL, *single_path = NULL;
  g_autofree char *now = sl_now_iso8601 ();
  GRand *r = g_rand_new_with_seed (20261128);
  double t_store = 0, t_raw = 0, t_single = 0, t_gen = 0;
  double c_store = 0, c_raw = 0, c_single = 0, c0;
  sqlite3 *db = NULL;
  sqlite3_stmt *ins_c, *ins_p, *ins_f;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  dir = dir_opt != NULL ? g_strdup (dir_opt) : g_dir_make_tmp ("bench-store-XXXXXX", NULL);
  store_path = g_build_filename (dir, "store.db", NULL);
  raw_path = g_build_filename (dir, "raw.db", NULL);
  single_path = g_build_filename (dir, "single.db", NULL);
  g_unlink (store_path); g_unlink (raw_path); g_unlink (single_path);

  store = sl_store_open (store_path, &error);
  g_assert_no_error (error);
  /* The raw database gets the very same schema (tables, indexes, FTS). */
  raw_store = sl_store_open (raw_path, &error);
  g_assert_no_error (error);
  g_clear_object (&raw_store);
  single_store = sl_store_open (single_path, &error);
  g_assert_no_error (error);

  sqlite3_open (raw_path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                "UPDATE store_state SET value = 0 WHERE key = 'fts_auto';", NULL, NULL, NULL);
  ins_c = prep (db, "INSERT INTO candidates (uuid, name, email, phone, created_at, updated_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
  ins_p = prep (db, "INSERT INTO candidate_profiles (personal_info, work_experience, education, skills,"
                    " certifications, languages, projects, achievements, interests, metadata, uuid,"
                    " candidate_id, source, raw_text, created_at, updated_at, name, email, location,"
                    " current_title, current_company, experience_months, skills_text, titles_text,"
                    " companies_text, schools_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                    " ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
  ins_f = prep (db, "INSERT INTO profiles_fts (rowid, name, email, skills_text, titles_text,"
                    " companies_text, schools_text, location, raw_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

  printf ("bench-store: %d profiles, batches of %d, SQLite %s, in %s\n",
          n_profiles, batch, sqlite3_libversion (), dir);

  for (int done = 0; done < n_profiles; done += batch)
    {
      int n = MIN (batch, n_profiles - done);
      g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) results = NULL;
      RawRow *rows = g_new0 (RawRow, n);
      double t0;

      t0 = sl_monotonic_ms ();
      for (int i = 0; i < n; i++)
        {
          SlProfile *p = generate (r, done + i);
          g_ptr_array_add (texts, take_raw_text (p));
          g_ptr_array_add (profiles, p);
          raw_row_fill (&rows[i], p, g_ptr_array_index (texts, i));
        }
      t_gen += sl_monotonic_ms () - t0;

      t0 = sl_monotonic_ms ();
      c0 = cpu_ms ();
      results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                               (const char * const *) texts->pdata, n, &error);
      t_store += sl_monotonic_ms () - t0;
      c_store += cpu_ms () - c0;
      g_assert_no_error (error);

      t0 = sl_monotonic_ms ();
      c0 = cpu_ms ();
      raw_insert (db, ins_c, ins_p, ins_f, rows, n, now);
      t_raw += sl_monotonic_ms () - t0;
      c_raw += cpu_ms () - c0;

      if (done < n_single)
        {
          /* One at a time, each in its own transaction, FTS by trigger:
           * what the intake pipeline's finalize step does per file. */
          t0 = sl_monotonic_ms ();
          c0 = cpu_ms ();
          for (int i = 0; i < n && done + i < n_single; i++)
            {
              sl_store_create_profile_from_parsed_data (single_store, g_ptr_array_index (profiles, i),
                                                        g_ptr_array_index (texts, i), NULL, &error);
              g_assert_no_error (error);
            }
          t_single += sl_monotonic_ms () - t0;
          c_single += cpu_ms () - c0;
        }

      for (int i = 0; i < n; i++)
        raw_row_clear (&rows[i]);
      g_free (rows);
      if ((done / batch) % 20 == 19)
        {
          fprintf (stderr, "  ... %d\n", done + n);
        }
    }
  sqlite3_exec (db, "UPDATE store_state SET value = 1 WHERE key = 'fts_auto';", NULL, NULL, NULL);
  sqlite3_finalize (ins_c);
  sqlite3_finalize (ins_p);
  sqlite3_finalize (ins_f);

  printf ("\nWrite (generation of the profiles excluded: %.1f s)\n", t_gen / 1000);
  printf ("                                                    wall            CPU\n");
  printf ("  store bulk create (JSON, candidates, FTS batch): %7.0f /s (%5.1f s) %7.0f /s (%5.1f s)\n",
          n_profiles / (t_store / 1000), t_store / 1000, n_profiles / (c_store / 1000), c_store / 1000);
  printf ("  raw inserts, same rows + schema, FTS direct:     %7.0f /s (%5.1f s) %7.0f /s (%5.1f s)\n",
          n_profiles / (t_raw / 1000), t_raw / 1000, n_profiles / (c_raw / 1000), c_raw / 1000);
  printf ("  ratio store/raw: wall %.2fx, CPU %.2fx\n", t_store / t_raw, c_store / c_raw);
  if (n_single > 0)
    printf ("  store one by one (own transaction, FTS triggers): %6.0f /s wall, %6.0f /s CPU (%d profiles)\n",
            MIN (n_single, n_profiles) / (t_single / 1000), MIN (n_single, n_profiles) / (c_single / 1000),
            MIN (n_single, n_profiles));

  {
    GStatBuf sa, sb;
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    g_clear_object (&store);
    store = sl_store_open (store_path, &error);
    g_assert_no_error (error);
    g_stat (store_path, &sa);
    g_stat (raw_path, &sb);
    printf ("  file size: store %.0f MB, raw %.0f MB\n", sa.st_size / 1e6, sb.st_size / 1e6);
  }

  /* Searches */
  {
    g_autoptr(GArray) s_total = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) s_first = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) s_count = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) s_name = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) s_parse = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) r_unranked = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) r_ranked = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cs_total = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cs_first = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cs_name = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cr_unranked = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cr_ranked = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GHashTable) raw_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
    g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
    GRand *qr = g_rand_new_with_seed (42);
    guint ranked_pages = 0;
    gint64 hits_sum = 0;

    for (int i = 0; i < n_queries; i++)
      g_ptr_array_add (queries, make_query (qr, i));
    g_rand_free (qr);

    /* Warm both files into the page cache the same way. */
    {
      g_autoptr(SlQuery) q = sl_query_parse ("python", NULL);
      g_autoptr(GPtrArray) hits = sl_store_search_page (store, q, SL_SORT_RELEVANCE, FALSE, 0, 50, NULL, NULL);
      raw_search (db, q, FALSE, raw_cache);
      sqlite3_exec (db, "SELECT count(*) FROM candidate_profiles WHERE raw_text LIKE '%zzz%'", NULL, NULL, NULL);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }

    for (guint i = 0; i < queries->len; i++)
      {
        const char *text = g_ptr_array_index (queries, i);
        g_autoptr(SlQuery) q = NULL;
        g_autoptr(GPtrArray) hits = NULL;
        g_autoptr(GPtrArray) by_name = NULL;
        gboolean ranked = FALSE;
        double t0, t1, t2, t3, c1, c2, c3;
        gint64 count;

        c0 = cpu_ms ();
        t0 = sl_monotonic_ms ();
        q = sl_query_parse (text, &error);
        g_assert_no_error (error);
        t1 = sl_monotonic_ms ();
        c1 = cpu_ms ();
        hits = sl_store_search_page (store, q, SL_SORT_RELEVANCE, FALSE, 0, 50, &ranked, &error);
        g_assert_no_error (error);
        t2 = sl_monotonic_ms ();
        c2 = cpu_ms ();
        count = sl_store_search_count (store, q, &error);
        g_assert_no_error (error);
        t3 = sl_monotonic_ms ();
        c3 = cpu_ms ();
        g_array_append_val (cs_first, (double) { c2 - c1 });
        if (c2 - c1 > 5.0)
          g_ptr_array_add (slow, g_strdup_printf ("%.1f ms CPU first page (%s, %" G_GINT64_FORMAT " hits): %s",
                                                  c2 - c1, ranked ? "ranked" : "unranked", count, text));
        g_array_append_val (s_parse, (double) { t1 - t0 });
        g_array_append_val (s_first, (double) { t2 - t1 });
        g_array_append_val (s_count, (double) { t3 - t2 });
        /* What a list view does: parse, count (for its size), first page
         * (which reuses the count to decide on ranking). */
        {
          g_autoptr(SlQuery) q2 = NULL;
          g_autoptr(GPtrArray) page2 = NULL;
          c0 = cpu_ms ();
          t0 = sl_monotonic_ms ();
          q2 = sl_query_parse (text, &error);
          sl_store_search_count (store, q2, &error);
          page2 = sl_store_search_page (store, q2, SL_SORT_RELEVANCE, FALSE, 0, 50, NULL, &error);
          g_assert_no_error (error);
          t3 = sl_monotonic_ms ();
          c3 = cpu_ms ();
        }
        g_array_append_val (s_total, (double) { t3 - t0 });
        g_array_append_val (cs_total, (double) { c3 - c0 });
        ranked_pages += ranked;
        hits_sum += count;

        t0 = sl_monotonic_ms ();
        c0 = cpu_ms ();
        by_name = sl_store_search_page (store, q, SL_SORT_NAME, FALSE, 0, 50, NULL, &error);
        g_assert_no_error (error);
        g_array_append_val (s_name, (double) { sl_monotonic_ms () - t0 });
        g_array_append_val (cs_name, (double) { cpu_ms () - c0 });

        t0 = sl_monotonic_ms ();
        c0 = cpu_ms ();
        raw_search (db, q, FALSE, raw_cache);
        g_array_append_val (r_unranked, (double) { sl_monotonic_ms () - t0 });
        g_array_append_val (cr_unranked, (double) { cpu_ms () - c0 });
        t0 = sl_monotonic_ms ();
        c0 = cpu_ms ();
        raw_search (db, q, TRUE, raw_cache);
        g_array_append_val (r_ranked, (double) { sl_monotonic_ms () - t0 });
        g_array_append_val (cr_ranked, (double) { cpu_ms () - c0 });
      }

    printf ("\nSearch: %u mixed queries (average %.0f hits; %u of %u first pages ranked by bm25)\n",
            queries->len, (double) hits_sum / queries->len, ranked_pages, queries->len);
    report ("store parse", s_parse);
    report ("store first page (50, relevance)", s_first);
    report ("store count", s_count);
    report ("store parse + count + first page (UI)", s_total);
    report ("store first page sorted by name", s_name);
    report ("raw FTS5 count + first 50 (unranked)", r_unranked);
    report ("raw FTS5 count + first 50 by bm25", r_ranked);
    printf ("  p95 ratio (wall) store/raw unranked: %.2fx; store/raw bm25: %.2fx\n",
            p95_of (s_total) / p95_of (r_unranked), p95_of (s_total) / p95_of (r_ranked));
    printf (" CPU time of the same calls:\n");
    report ("store first page (50, relevance)", cs_first);
    report ("store parse + count + first page (UI)", cs_total);
    report ("store first page sorted by name", cs_name);
    report ("raw FTS5 count + first 50 (unranked)", cr_unranked);
    report ("raw FTS5 count + first 50 by bm25", cr_ranked);
    printf ("  p95 ratio (CPU) store/raw unranked: %.2fx; store/raw bm25: %.2fx\n",
            p95_of (cs_total) / p95_of (cr_unranked), p95_of (cs_total) / p95_of (cr_ranked));
    for (guint i = 0; i < slow->len; i++)
      printf ("  slow: %s\n", (const char *) g_ptr_array_index (slow, i));
  }

  {
    double t0 = sl_monotonic_ms ();
    g_autoptr(SlStoreStats) stats = sl_store_get_profile_statistics (store, 20, 30, &error);
    g_assert_no_error (error);
    printf ("\nStatistics over %" G_GINT64_FORMAT " profiles: %.0f ms\n", stats->profiles,
            sl_monotonic_ms () - t0);
  }
  {
    double t0 = sl_monotonic_ms ();
    gboolean ok = sl_store_check (store, NULL, &error);
    printf ("check (integrity + FTS): %s in %.0f ms\n", ok ? "ok" : error->message, sl_monotonic_ms () - t0);
  }

  sqlite3_close (db);
  g_rand_free (r);
  if (dir_opt == NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };
      const char *bases[] = { store_path, raw_path, single_path };
      g_clear_object (&store);
      g_clear_object (&single_store);
      for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
        for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
          {
            g_autofree char *f = g_strconcat (bases[b], suffixes[s], NULL);
            g_unlink (f);
          }
      g_rmdir (dir);
    }
  return 0;
}
