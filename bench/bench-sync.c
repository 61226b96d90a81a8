/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-sync: pushes N generated profiles (default 100,000, about 2 KB each
 * with their text) from a local store to a throwaway PostgreSQL on
 * 127.0.0.1 (started here, as in the tests), then pulls them all into a
 * second, empty laptop.  Target: push >= 5,000 profiles/s.
 *
 *   bench-sync [N] [BATCH] [--no-pull]
 *
 * SHORTLIST_PG_OPTS adds server options (e.g. "-c shared_buffers=256MB":
 * the test cluster's 64 MB is smaller than 100,000 profiles' table and
 * indexes, which a real server's would not be).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <string.h>

#include "core/sl-util.h"
#include "store/sl-store.h"
#include "store/sl-store-sync.h"
#include "sync/sl-sync.h"
#include "sl-pg-cluster.h"

/* CPU seconds used so far by this process. */
static double
self_cpu_s (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* utime+stime (+ cutime+cstime when @children) of one process, seconds. */
static double
proc_cpu_s (const char *pid,
            gboolean    children,
            char      **ppid_out)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *data = NULL;
  g_auto(GStrv) f = NULL;
  const char *rp;
  double ticks = sysconf (_SC_CLK_TCK);
  double v;

  if (!g_file_get_contents (path, &data, NULL, NULL) || (rp = strrchr (data, ')')) == NULL)
    return 0;
  /* after "pid (comm)": state ppid ... utime(14) stime(15) cutime(16) cstime(17) */
  f = g_strsplit (rp + 2, " ", -1);
  if (g_strv_length (f) < 15)
    return 0;
  if (ppid_out != NULL)
    *ppid_out = g_strdup (f[1]);
  v = g_ascii_strtod (f[11], NULL) + g_ascii_strtod (f[12], NULL);
  if (children)
    v += g_ascii_strtod (f[13], NULL) + g_ascii_strtod (f[14], NULL);
  return v / ticks;
}

/* CPU seconds used by the server: the postmaster with its reaped children,
 * plus the children still running. */
static double
server_cpu_s (SlPgCluster *cluster)
{
  g_autofree char *pidfile = g_build_filename (sl_pg_cluster_dir (cluster), "data", "postmaster.pid", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GDir) proc = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  double total;

  if (!g_file_get_contents (pidfile, &data, NULL, NULL))
    return 0;
  lines = g_strsplit (data, "\n", 2);
  total = proc_cpu_s (lines[0], TRUE, NULL);
  proc = g_dir_open ("/proc", 0, NULL);
  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *ppid = NULL;
      double v;
      if (!g_ascii_isdigit (name[0]))
        continue;
      v = proc_cpu_s (name, FALSE, &ppid);
      if (g_strcmp0 (ppid, lines[0]) == 0)
        total += v;
    }
  return total;
}

static double
load_average (void)
{
  double l[1] = { -1 };
  getloadavg (l, 1);
  return l[0];
}

static SlProfile *
make_profile (guint i)
{
  static const char * const skills[] = { "C", "GTK", "PostgreSQL", "SQLite", "Rust", "Python",
                                         "Kubernetes", "Go", "TypeScript", "Figma", "Terraform",
                                         "Kafka", "Spark", "React", "Django", "AWS" };
  static const char * const cities[] = { "Berlin", "Lisboa", "Warszawa", "Madrid", "Dublin" };
  SlProfile *p = sl_profile_new ();
  SlEducationEntry *e = sl_education_entry_new ();

  p->personal.name = g_strdup_printf ("Bench Person %u", i);
  p->personal.email = g_strdup_printf ("bench%u@example.org", i);
  p->personal.phone = g_strdup_printf ("+49 30 %07u", i);
  p->personal.location = g_strdup (cities[i % G_N_ELEMENTS (cities)]);
  p->personal.headline = g_strdup ("Senior software engineer");
  for (guint k = 0; k < 8; k++)
    g_ptr_array_add (p->skills, sl_skill_new (skills[(i + k * 5) % G_N_ELEMENTS (skills)], NULL));
  for (guint w = 0; w < 3; w++)
    {
      SlWorkEntry *we = sl_work_entry_new ();
      we->title = g_strdup_printf ("Engineer level %u", (i + w) % 5);
      we->company = g_strdup_printf ("Company %u", (i * 7 + w) % 997);
      we->start = g_strdup_printf ("%u-0%u", 2010 + w * 4, 1 + w);
      we->end = w < 2 ? g_strdup_printf ("%u-0%u", 2014 + w * 4, 1 + w) : NULL;
      we->current = w == 2;
      we->description = g_strdup ("Designed and built services that process millions of events a "
                                  "day; led a team of four; moved the deployment to containers.");
      g_ptr_array_add (p->work, we);
    }
  e->institution = g_strdup_printf ("University %u", i % 101);
  e->degree = g_strdup ("M.Sc. Computer Science");
  g_ptr_array_add (p->education, e);
  p->source = g_strdup ("import");
  return p;
}

static char *
make_text (guint i)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "Bench Person %u\nbench%u@example.org\n", i, i);
  while (s->len < 1200)
    g_string_append (s, "Experience with distributed systems, databases and user interfaces. ");
  return g_string_free (s, FALSE);
}

static void
fill_store (SlStore *store,
            guint    n)
{
  const guint chunk = 5000;

  for (guint first = 0; first < n; first += chunk)
    {
      guint m = MIN (chunk, n - first);
      g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = first; i < first + m; i++)
        {
          g_ptr_array_add (profiles, make_profile (i));
          g_ptr_array_add (texts, make_text (i));
        }
      results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                               (const char * const *) texts->pdata, m, &error);
      if (results == NULL)
        g_error ("bulk create: %s", error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint batch = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlSync) installer = NULL;
  g_autoptr(SlSync) push = NULL;
  g_autoptr(SlSync) pull = NULL;
  SlPgCluster *cluster;
  SlSyncStats stats = { 0 };
  double t0, fill_s, push_s, pull_s, cpu_c, cpu_s, load;
  gint64 server_rows, server_bytes;

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);

  cluster = sl_pg_cluster_start (&error);
  if (cluster == NULL)
    {
      fprintf (stderr, "bench-sync: cannot start PostgreSQL: %s\n", error->message);
      return 77;
    }
  if (!sl_pg_cluster_exec (cluster, "postgres",
                           "CREATE ROLE shortlist_owner LOGIN CREATEROLE", &error) ||
      !sl_pg_cluster_exec (cluster, "postgres", "CREATE DATABASE team OWNER shortlist_owner", &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("bench-sync-XXXXXX", &error);
  g_assert_no_error (error);
  path_a = g_build_filename (dir, "a.db", NULL);
  path_b = g_build_filename (dir, "b.db", NULL);

  owner = sl_pg_cluster_uri (cluster, "shortlist_owner", NULL, "team");
  installer = sl_sync_new (path_a, owner);
  if (!sl_sync_install_schema (installer, NULL, &error))
    g_error ("%s", error->message);
  if (!sl_pg_cluster_exec (cluster, "postgres",
                           "CREATE ROLE alice LOGIN PASSWORD 'bench-pw' IN ROLE shortlist_sync", &error))
    g_error ("%s", error->message);
  uri = sl_pg_cluster_uri (cluster, "alice", "bench-pw", "team");

  store = sl_store_open (path_a, &error);
  g_assert_no_error (error);
  t0 = sl_monotonic_ms ();
  fill_store (store, n);
  fill_s = (sl_monotonic_ms () - t0) / 1000.0;
  printf ("local store: %u profiles written in %.1f s (outbox %" G_GINT64_FORMAT ")\n",
          n, fill_s, sl_store_sync_pending_count (store));
  g_clear_object (&store);

  push = sl_sync_new (path_a, uri);
  sl_sync_set_batch_size (push, batch);
  cpu_c = self_cpu_s ();
  cpu_s = server_cpu_s (cluster);
  load = load_average ();
  t0 = sl_monotonic_ms ();
  if (!sl_sync_run (push, NULL, &stats, &error))
    g_error ("push: %s", error->message);
  push_s = (sl_monotonic_ms () - t0) / 1000.0;
  cpu_c = self_cpu_s () - cpu_c;
  cpu_s = server_cpu_s (cluster) - cpu_s;
  server_rows = sl_pg_cluster_query_int (cluster, "team", "SELECT count(*) FROM candidate_profiles");
  server_bytes = sl_pg_cluster_query_int (cluster, "team", "SELECT pg_total_relation_size ('candidate_profiles')");
  printf ("push: %u profiles in %u batches of %u in %.2f s = %.0f profiles/s "
          "(server rows %" G_GINT64_FORMAT ", table+indexes %.0f MB)\n",
          stats.pushed, stats.batches, batch, push_s, stats.pushed / push_s,
          server_rows, server_bytes / 1048576.0);
  printf ("push CPU: client %.2f s + server %.2f s = %.0f profiles per CPU-second "
          "(load average at the start: %.1f on %ld cores)\n",
          cpu_c, cpu_s, stats.pushed / (cpu_c + cpu_s), load, sysconf (_SC_NPROCESSORS_ONLN));

  if (argc > 3 && g_str_equal (argv[3], "--no-pull"))
    goto done;
  pull = sl_sync_new (path_b, uri);
  sl_sync_set_batch_size (pull, batch);
  cpu_c = self_cpu_s ();
  cpu_s = server_cpu_s (cluster);
  t0 = sl_monotonic_ms ();
  if (!sl_sync_run (pull, NULL, &stats, &error))
    g_error ("pull: %s", error->message);
  pull_s = (sl_monotonic_ms () - t0) / 1000.0;
  cpu_c = self_cpu_s () - cpu_c;
  cpu_s = server_cpu_s (cluster) - cpu_s;
  printf ("pull into an empty laptop: %u profiles in %.2f s = %.0f profiles/s "
          "(CPU: client %.2f s + server %.2f s)\n",
          stats.pulled, pull_s, stats.pulled / pull_s, cpu_c, cpu_s);

done:
  if (g_getenv ("SHORTLIST_BENCH_KEEP_LOG") != NULL)
    {
      g_autofree char *keep = g_strdup_printf ("cp %s/log %s", sl_pg_cluster_dir (cluster),
                                               g_getenv ("SHORTLIST_BENCH_KEEP_LOG"));
      if (system (keep) != 0)
        fprintf (stderr, "could not copy the server log\n");
    }
  sl_pg_cluster_free (cluster);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    fprintf (stderr, "could not remove %s\n", dir);
  return server_rows == n ? 0 : 1;
}
