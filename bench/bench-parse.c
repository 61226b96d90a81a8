/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-parse: the rule parser's speed, single-threaded, extraction
 * excluded.  Reads the dev-set texts from ../shared/eval/gold.jsonl (or the
 * path given as the first argument) when present, else generates 267
 * resumes; parses every text ROUNDS times and prints resumes per second.
 *
 *   nice build/bench/bench-parse [gold.jsonl] [rounds]
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/sl-util.h"
#include "parse/sl-rules.h"
#include "parse/sl-skills.h"

/* CPU time of this process in ms: the machine is shared, so wall time
 * also counts other people's work. */
static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GPtrArray *
load_gold (const char *path)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *texts;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  texts = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (data, "\n", -1);
  for (char **l = lines; *l; l++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *o;

      if ((*l)[0] == '\0')
        continue;
      node = json_from_string (*l, NULL);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      if (json_object_has_member (o, "text"))
        g_ptr_array_add (texts, g_strdup (json_object_get_string_member (o, "text")));
    }
  return texts;
}

static GPtrArray *
generate (guint n)
{
  static const char *const firsts[] = { "Anna", "Jonas", "Camille", "Lucía", "João", "Giulia", "Sanne", "Priya" };
  static const char *const lasts[] = { "Schmidt", "Dubois", "García", "Almeida", "Rossi", "de Vries", "Raman" };
  static const char *const titles[] = { "Software Engineer", "Projektleiter", "Chef de projet", "Analista de datos",
                                        "Sviluppatore", "Consultant", "Data Scientist" };
  static const char *const companies[] = { "Initech GmbH", "Exemple SA", "Ejemplo S.L.", "Esempio S.p.A.",
                                           "Voorbeeld B.V.", "Globex Inc." };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GRand *r = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      GString *s = g_string_new (NULL);
      g_string_append_printf (s, "%s %s\nBerlin, Germany | +49 30 %07d | person%u@example.org\n",
                              firsts[g_rand_int_range (r, 0, G_N_ELEMENTS (firsts))],
                              lasts[g_rand_int_range (r, 0, G_N_ELEMENTS (lasts))],
                              g_rand_int_range (r, 1000000, 9999999), i);
      g_string_append (s, "Summary\nEngineer with experience in Python, SQL, Docker and Kubernetes.\n"
                          "Work Experience\n");
      for (int j = 0; j < 4; j++)
        {
          int y = 2022 - j * 3;
          g_string_append_printf (s, "%s, %s, Jan %d - Dec %d\n", titles[g_rand_int_range (r, 0, G_N_ELEMENTS (titles))],
                                  companies[g_rand_int_range (r, 0, G_N_ELEMENTS (companies))], y - 2, y);
          g_string_append (s, "- Built data pipelines with Apache Spark and Airflow; led a team of five.\n"
                              "- Reduced cloud costs on AWS by 30% with Terraform and better scheduling.\n");
        }
      g_string_append (s, "Education\nMaster of Science in Computer Science, Technische Universität München, 2012\n"
                          "Skills\nJava, JavaScript, React, PostgreSQL, Git, Linux, Scrum\n"
                          "Languages\nGerman (native), English (C1)\n");
      g_ptr_array_add (texts, g_string_free (s, FALSE));
    }
  g_rand_free (r);
  return texts;
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : "../shared/eval/gold.jsonl";
  int rounds = argc > 2 ? atoi (argv[2]) : 5;
  g_autoptr(GPtrArray) texts = load_gold (path);
  const char *source = path;
  SlRulesOptions opts = { "US", "2026-11" };
  gsize bytes = 0;
  double best = 0, best_cpu = 0;

  if (texts == NULL || texts->len == 0)
    {
      g_clear_pointer (&texts, g_ptr_array_unref);
      texts = generate (267);
      source = "generated";
    }
  for (guint i = 0; i < texts->len; i++)
    bytes += strlen (g_ptr_array_index (texts, i));

  {
    double t0 = sl_monotonic_ms ();
    sl_skills_ensure_loaded (NULL);
    printf ("gazetteer: %u skills, %u names, loaded in %.1f ms\n", sl_skills_count (),
            sl_skills_alias_count (), sl_monotonic_ms () - t0);
  }
  printf ("texts: %u from %s (%.1f KB average)\n", texts->len, source, bytes / 1024.0 / texts->len);

  for (int round = 0; round < MAX (rounds, 1); round++)
    {
      double t0 = sl_monotonic_ms ();
      double c0 = cpu_ms ();
      double ms, cms, rate, cpu_rate;
      guint ok = 0;

      for (guint i = 0; i < texts->len; i++)
        {
          g_autoptr(SlProfile) p = sl_rules_parse_text (g_ptr_array_index (texts, i), &opts, NULL);
          if (p != NULL)
            ok++;
        }
      ms = sl_monotonic_ms () - t0;
      cms = cpu_ms () - c0;
      rate = texts->len / (ms / 1000.0);
      cpu_rate = texts->len / (cms / 1000.0);
      best = MAX (best, rate);
      best_cpu = MAX (best_cpu, cpu_rate);
      printf ("round %d: %u/%u parsed in %.1f ms wall (%.0f resumes/s), %.1f ms CPU (%.0f resumes/s)\n",
              round + 1, ok, texts->len, ms, rate, cms, cpu_rate);
    }
  printf ("best: %.0f resumes/s wall, %.0f resumes/s per CPU second, single-threaded (target >= 1000)\n",
          best, best_cpu);
  return 0;
}
