/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "app-gen.h"

static const char *first_names[] = {
  "Ada", "Bilal", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ibrahim", "Jonas",
  "Keiko", "Lars", "Mei", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tereza",
  "Uma", "Viktor", "Wanjiru", "Xavier", "Yara", "Zoltan", "Amelie", "Bruno", "Carmen", "Diego",
};
static const char *last_names[] = {
  "Abara", "Berg", "Castellano", "Dvorak", "Eriksen", "Fontaine", "Gallagher", "Haddad", "Ivanova",
  "Jansen", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okonkwo", "Petrov", "Quispe", "Rossi",
  "Schneider", "Tanaka", "Uribe", "Varga", "Weber", "Xu", "Yilmaz", "Zielinski",
};
static const char *titles[] = {
  "Software Engineer", "Senior Software Engineer", "Data Scientist", "Product Manager",
  "DevOps Engineer", "Frontend Developer", "Backend Developer", "QA Engineer", "UX Designer",
  "Engineering Manager", "Data Engineer", "Mobile Developer", "Site Reliability Engineer",
};
static const char *companies[] = {
  "Acme Robotics", "Bluefin Analytics", "Cobalt Systems", "Dunmore Health", "Everleaf",
  "Fjord Logistics", "Granite Bank", "Helio Energy", "Ironbark Games", "Juniper Retail",
  "Kestrel Labs", "Lumen Media", "Meridian Travel",
};
static const char *cities[] = {
  "Berlin, Germany", "Munich, Germany", "Paris, France", "Madrid, Spain", "London, United Kingdom",
  "Amsterdam, Netherlands", "Warsaw, Poland", "Lisbon, Portugal", "Toronto, Canada",
  "Austin, United States", "Bengaluru, India", "Nairobi, Kenya", "Tokyo, Japan",
};
static const char *skills[] = {
  "Python", "Rust", "Go", "Java", "Kotlin", "TypeScript", "React", "Django", "PostgreSQL",
  "Kubernetes", "Terraform", "AWS", "Docker", "Figma", "SQL", "Spark", "C++", "Swift",
  "GraphQL", "Machine Learning",
};
static const char *schools[] = {
  "Technical University of Munich", "University of Warsaw", "Universidad de Granada",
  "University of Toronto", "University of Nairobi", "Delft University of Technology",
};

SlProfile *
app_gen_profile (guint32 seed,
                 guint   i)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 2654435761u + i);
  SlProfile *p = sl_profile_new ();
  const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
  const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
  int jobs = g_rand_int_range (rand, 1, 4);
  int year = 2025;
  int n_skills = g_rand_int_range (rand, 3, 8);
  gboolean used[G_N_ELEMENTS (skills)] = { FALSE };
  SlEducationEntry *edu;

  p->personal.name = g_strdup_printf ("%s %s", first, last);
  p->personal.email = g_strdup_printf ("%s.%s.%u@example.com", first, last, i);
  p->personal.email = g_ascii_strdown (g_steal_pointer (&p->personal.email), -1);
  p->personal.phone = g_strdup_printf ("+4930%07u", i);
  p->personal.location = g_strdup (cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))]);
  p->source = g_strdup (i % 5 == 0 ? "email" : "drop");

  for (int j = 0; j < jobs; j++)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      int len = g_rand_int_range (rand, 1, 6);

      w->title = g_strdup (titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      w->company = g_strdup (companies[g_rand_int_range (rand, 0, G_N_ELEMENTS (companies))]);
      w->current = j == 0;
      w->start = g_strdup_printf ("%d-%02d", year - len, g_rand_int_range (rand, 1, 13));
      if (j > 0)
        w->end = g_strdup_printf ("%d-%02d", year, g_rand_int_range (rand, 1, 13));
      w->description = g_strdup ("Built and ran services used by thousands of customers.");
      g_ptr_array_add (p->work, w);
      year -= len + 1;
    }
  for (int s = 0; s < n_skills; s++)
    {
      guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (skills));
      if (used[k])
        continue;
      used[k] = TRUE;
      g_ptr_array_add (p->skills, sl_skill_new (skills[k], skills[k]));
    }
  edu = sl_education_entry_new ();
  edu->institution = g_strdup (schools[g_rand_int_range (rand, 0, G_N_ELEMENTS (schools))]);
  edu->degree = g_strdup ("B.Sc. Computer Science");
  edu->end = g_strdup_printf ("%d", year);
  g_ptr_array_add (p->education, edu);
  p->meta.experience_months = sl_profile_compute_experience_months (p, "2026-01");
  p->meta.parser = g_strdup ("rules");
  if (i % 7 == 0)
    sl_profile_set_field_note (p, "personal.location", 0.4, "rules", "line 2");
  return p;
}

gboolean
app_gen_fill (SlStore  *store,
              guint32   seed,
              guint     n,
              GError  **error)
{
  const guint batch = 2000;

  for (guint start = 0; start < n; start += batch)
    {
      guint count = MIN (batch, n - start);
      g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
      g_autoptr(GPtrArray) results = NULL;

      for (guint i = 0; i < count; i++)
        g_ptr_array_add (profiles, app_gen_profile (seed, start + i));
      results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                               NULL, count, error);
      if (results == NULL)
        return FALSE;
    }
  return TRUE;
}
