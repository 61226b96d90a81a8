/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-app: the app's start-up to first rows on a large database, and its
 * memory. Runs the real application code (SlApplication, SlWindow, the lazy
 * candidate model) on a real window (use Xvfb when there is no display).
 *
 *   bench-app [--profiles N] [--db PATH] [--keep] [--runs N] [--baseline]
 *   bench-app --fill PATH N          only create a database of N profiles
 *
 * The database is generated once (bulk create, not timed); then the app
 * starts in a child process per run so every run is a cold start of the
 * process with a warm page cache, and prints: time to the first painted
 * frame with the first rows read, the rows read, VmRSS / VmHWM and the
 * process CPU time then. --baseline times an empty libadwaita window the
 * same way (what GTK costs on this display before any of ours); then the
 * deep pages of the list's worker: the id snapshot and 100 rows in the
 * middle by id, beside the OFFSET page they replaced.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "app-gen.h"
#include "sl-application.h"
#include "sl-candidate-query.h"
#include "sl-candidates-page-private.h"
#include "sl-renderer.h"
#include "sl-window-private.h"

static gint64 t0;
static gint64 t_window;

static long
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  p = strstr (text, key);
  return p ? strtol (p + strlen (key) + 1, NULL, 10) : -1;
}

typedef struct
{
  SlApplication *app;
  gboolean       done;
  double         first_rows_ms;
  double         window_ms;
  double         cpu_ms;
  double         full_ms;
  guint          rows;
} Run;

/* User + system time of the whole process (all threads) so far. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
on_after_paint (GdkFrameClock *clock,
                Run           *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  SlCandidatesPage *page;
  SlCandidateModel *model;
  g_autoptr(SlCandidateItem) first = NULL;

  if (run->done || window == NULL)
    return;
  page = SL_CANDIDATES_PAGE (sl_window_get_page (SL_WINDOW (window), "candidates"));
  model = sl_candidates_page_get_model (page);
  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  if (!sl_candidate_item_get_loaded (first))
    return;
  run->first_rows_ms = (g_get_monotonic_time () - t0) / 1000.0;
  run->window_ms = (g_get_monotonic_time () - t_window) / 1000.0;
  run->cpu_ms = cpu_ms ();
  run->rows = sl_candidate_model_get_total (model);
  run->done = TRUE;
}

static void
on_window_mapped (GtkWidget *window,
                  Run       *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), run);
}

static int
child_run (const char *db)
{
  Run run = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  t0 = g_get_monotonic_time ();
  run.app = sl_application_new (db, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (run.app), NULL, &error))
    {
      g_printerr ("bench-app: %s\n", error->message);
      return 1;
    }
  /* GTK is initialised by register (startup); from here on it is ours. */
  t_window = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (run.app));
  window = gtk_application_get_active_window (GTK_APPLICATION (run.app));
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), &run);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    on_window_mapped (GTK_WIDGET (window), &run);

  while (!run.done && g_get_monotonic_time () - t0 < 30 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (!run.done)
    {
      g_printerr ("bench-app: no rows after 30 s\n");
      return 1;
    }
  /* The first frame holds one screen of rows; the list then grows to the
   * whole result.  Time that too, so the first number hides nothing. */
  {
    SlCandidatesPage *page = SL_CANDIDATES_PAGE (sl_window_get_page (SL_WINDOW (window), "candidates"));
    SlCandidateModel *model = sl_candidates_page_get_model (page);

    while (g_list_model_get_n_items (G_LIST_MODEL (model)) < sl_candidate_model_get_total (model) &&
           g_get_monotonic_time () - t0 < 30 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
    run.full_ms = (g_get_monotonic_time () - t0) / 1000.0;
  }
  /* Let the list settle (pages around the first screen) before RSS. */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_print ("%.1f %.1f %u %ld %ld %.1f %.1f\n", run.first_rows_ms, run.window_ms, run.rows, status_kb ("VmRSS:"),
           status_kb ("VmHWM:"), run.cpu_ms, run.full_ms);
  gtk_window_destroy (window);
  g_clear_object (&run.app);
  return 0;
}

/* The floor: an empty libadwaita window of the app's default size (a header
 * bar and a label) on the same display, timed the same way. */
static void
on_baseline_paint (GdkFrameClock *clock,
                   Run           *run)
{
  if (run->done)
    return;
  run->first_rows_ms = (g_get_monotonic_time () - t0) / 1000.0;
  run->window_ms = (g_get_monotonic_time () - t_window) / 1000.0;
  run->cpu_ms = cpu_ms ();
  run->done = TRUE;
}

static void
on_baseline_mapped (GtkWidget *window,
                    Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_baseline_paint), run);
}

static int
child_baseline (void)
{
  Run run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwApplication) app = NULL;
  GtkWidget *window, *box;

  t0 = g_get_monotonic_time ();
  app = adw_application_new ("io.github.shortlist.Baseline", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("bench-app: %s\n", error->message);
      return 1;
    }
  t_window = g_get_monotonic_time ();
  window = adw_application_window_new (GTK_APPLICATION (app));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Shortlist"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "map", G_CALLBACK (on_baseline_mapped), &run);
  gtk_window_present (GTK_WINDOW (window));
  while (!run.done && g_get_monotonic_time () - t0 < 30 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (!run.done)
    return 1;
  g_print ("%.1f %.1f %u %ld %ld %.1f %.1f\n", run.first_rows_ms, run.window_ms, 0u, status_kb ("VmRSS:"),
           status_kb ("VmHWM:"), run.cpu_ms, 0.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static gboolean
fill (const char *db,
      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db, &error);
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || !app_gen_fill (store, 42, n, &error))
    {
      g_printerr ("bench-app: %s\n", error->message);
      return FALSE;
    }
  g_print ("generated %u profiles in %.1f s\n", n, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* Deep pages: what the list's worker does when the view asks for rows far
 * down a sorted result: the id snapshot once per query and sort, then a
 * page by id; beside it the OFFSET page it replaced. */
static void
time_deep_pages (const char *db)
{
  static const struct { const char *name; SlCandidateSort sort; } sorts[] = {
    { "name", SL_CANDIDATE_SORT_NAME }, { "title", SL_CANDIDATE_SORT_TITLE },
    { "company", SL_CANDIDATE_SORT_COMPANY }, { "location", SL_CANDIDATE_SORT_LOCATION },
    { "years", SL_CANDIDATE_SORT_YEARS }, { "imported", SL_CANDIDATE_SORT_IMPORTED },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open_full (db, SL_STORE_OPEN_READONLY, &error);

  if (store == NULL)
    {
      g_printerr ("bench-app: %s\n", error->message);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      gint64 t = g_get_monotonic_time ();
      g_autoptr(GArray) ids = sl_candidate_query_ids (store, "", sorts[i].sort, FALSE, &error);
      double ids_ms = (g_get_monotonic_time () - t) / 1000.0;
      guint start = ids != NULL ? ids->len / 2 : 0;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) offset_rows = NULL;
      double rows_ms, offset_ms;

      if (ids == NULL || ids->len < 200)
        break;
      t = g_get_monotonic_time ();
      rows = sl_candidate_query_rows (store, &g_array_index (ids, gint64, start), 100, &error);
      rows_ms = (g_get_monotonic_time () - t) / 1000.0;
      t = g_get_monotonic_time ();
      offset_rows = sl_candidate_query_page (store, "", sorts[i].sort, FALSE, start, 100, &error);
      offset_ms = (g_get_monotonic_time () - t) / 1000.0;
      if (rows == NULL || offset_rows == NULL)
        break;
      g_print ("sort by %-8s: ids of all %u %.1f ms; 100 rows at %u by id %.1f ms (by OFFSET %.1f ms)\n",
               sorts[i].name, ids->len, ids_ms, start, rows_ms, offset_ms);
    }
  if (error != NULL)
    g_printerr ("bench-app: %s\n", error->message);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
print_spread (const char *what,
              GArray     *values)
{
  g_array_sort (values, compare_double);
  g_print ("%s: median %.0f ms, min %.0f ms, max %.0f ms\n", what,
           g_array_index (values, double, values->len / 2), g_array_index (values, double, 0),
           g_array_index (values, double, values->len - 1));
}

/* @runs cold starts of a child process (@args), each printing its times. */
static gboolean
time_runs (const char * const *args,
           int                 runs,
           const char         *what)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) window_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;
  long rss = 0, hwm = 0;
  guint rows = 0;

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      int status = 0;
      double ms, wms, cms, fms;
      long r, h;

      if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %u %ld %ld %lf %lf", &ms, &wms, &rows, &r, &h, &cms, &fms) != 7)
        {
          g_printerr ("bench-app: run %d failed: %s\n", i, error ? error->message : out);
          return FALSE;
        }
      g_array_append_val (times, ms);
      g_array_append_val (window_times, wms);
      g_array_append_val (cpu_times, cms);
      g_array_append_val (full_times, fms);
      rss = MAX (rss, r);
      hwm = MAX (hwm, h);
    }
  title = rows > 0 ? g_strdup_printf ("%s, %u profiles, %d runs", what, rows, runs)
                   : g_strdup_printf ("%s, %d runs", what, runs);
  print_spread (title, times);
  print_spread ("  of which window creation to then (after GTK init)", window_times);
  print_spread ("  process CPU time (user + system, all threads) until then", cpu_times);
  if (rows > 0)
    print_spread ("  the whole result in the list (after the first screen)", full_times);
  g_print ("  memory then: RSS %.1f MB (peak %.1f MB)\n", rss / 1024.0, hwm / 1024.0);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int profiles = 100000;
  int runs = 5;
  g_autofree char *db = NULL;
  gboolean keep = FALSE;
  gboolean baseline = FALSE;
  gboolean child_baseline_run = FALSE;
  g_autofree char *child = NULL;
  g_autofree char *fill_db = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_INT, &profiles, "Profiles to generate (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Start-ups to time (default 5)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Use (or create) this database", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { "fill", 0, 0, G_OPTION_ARG_FILENAME, &fill_db, "Only create a database of --profiles profiles", "PATH" },
    { "baseline", 0, 0, G_OPTION_ARG_NONE, &baseline, "Also time an empty libadwaita window (the floor)", NULL },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child, NULL, NULL },
    { "child-baseline", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child_baseline_run, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-app: %s\n", error->message);
      return 2;
    }
  /* Both children draw with what the app's main() would choose here (cairo
   * when there is no GPU, unless GSK_RENDERER says otherwise). */
  if (child != NULL || child_baseline_run)
    sl_renderer_choose ();
  if (child != NULL)
    return child_run (child);
  if (child_baseline_run)
    return child_baseline ();
  if (fill_db != NULL)
    return fill (fill_db, profiles) ? 0 : 1;

  if (db == NULL)
    {
      dir = g_dir_make_tmp ("bench-app-XXXXXX", NULL);
      db = g_build_filename (dir, "shortlist.db", NULL);
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS) && !fill (db, profiles))
    return 1;
  {
    /* A database from an older build is migrated here, not in a timed run. */
    g_autoptr(SlStore) store = sl_store_open (db, &error);
    if (store == NULL)
      {
        g_printerr ("bench-app: %s\n", error->message);
        return 1;
      }
  }

  {
    const char *app_args[] = { argv[0], "--child", db, NULL };
    const char *floor_args[] = { argv[0], "--child-baseline", NULL };

    if (!time_runs (app_args, runs, "start-up to first rows") ||
        (baseline && !time_runs (floor_args, runs, "floor: an empty libadwaita window to its first frame")))
      return 1;
  }

  time_deep_pages (db);

  if (dir != NULL && !keep)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  else if (dir != NULL)
    g_print ("database kept at %s\n", db);
  return 0;
}
