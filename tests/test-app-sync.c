/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-app-sync: team sync from the app, under Xvfb, against a throwaway
 * PostgreSQL 15 cluster (tests/sl-pg-cluster.c): the sync-* settings,
 * app.sync-now on the worker, the window's status line, the Team Sync
 * preferences page, and an unreachable server.
 *
 * With SHORTLIST_SCREENSHOT_DIR set the preferences page is saved there.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "app-test-util.h"
#include "sl-app-sync.h"
#include "sl-pg-cluster.h"
#include "sl-preferences-window.h"
#include "sl-test-util.h"
#include "store/sl-store.h"
#include "sync/sl-sync.h"

#define N_PROFILES 3

static SlPgCluster *cluster;
static char *cluster_problem;
static char *tmp_dir;
static char *db_path;
static SlApplication *app;

static gboolean
skip_without_cluster (void)
{
  if (cluster != NULL)
    return FALSE;
  g_test_skip (cluster_problem);
  return TRUE;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sync_idle (gpointer data)
{
  return !sl_app_sync_is_running (SL_APP_SYNC (data));
}

/* A port nobody listens on: bind one, then close it. */
static int
closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  int port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_assert_true (g_socket_bind (socket, G_SOCKET_ADDRESS (any), TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static void
configure (int         port,
           const char *database)
{
  GSettings *s = sl_application_get_settings (app);

  g_settings_set_string (s, "sync-user", "shortlist_owner");
  g_settings_set_string (s, "sync-database", database);
  g_settings_set_string (s, "sync-sslmode", "disable");
  g_settings_set_int (s, "sync-port", port);
  g_settings_set_string (s, "sync-host", "127.0.0.1");
}

static void
sync_now_and_wait (SlAppSync *sync)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
  g_assert_true (sl_app_sync_is_running (sync));
  iterate_until (sync_idle, sync, 60000);
  g_assert_false (sl_app_sync_is_running (sync));
}

static void
test_sync_now (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  SlWindow *window;
  GtkLabel *label;

  if (skip_without_cluster ())
    return;

  window = app_test_open_window (app);
  label = GTK_LABEL (find_named (GTK_WIDGET (window), "sync-status"));
  g_assert_nonnull (label);

  /* Not set up: no status line. */
  g_settings_set_string (sl_application_get_settings (app), "sync-host", "");
  g_assert_cmpstr (sl_app_sync_get_status (sync), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));

  configure (sl_pg_cluster_port (cluster), "team1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Never synced"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "3 changes waiting"));

  sync_now_and_wait (sync);
  g_assert_cmpint (sl_pg_cluster_query_int (cluster, "team1", "SELECT count(*) FROM candidate_profiles"), ==, N_PROFILES);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Synced "));
  g_assert_null (strstr (gtk_label_get_label (label), "waiting"));
  g_assert_cmpstr (gtk_label_get_label (label), ==, sl_app_sync_get_status (sync));

  app_test_close_windows (app, window);
}

static void add_profiles (const char *path,
                          const char *tag,
                          guint       n);

static gint64
local_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db_path, &error);

  g_assert_no_error (error);
  return sl_store_count_live_profiles (store);
}

/* Another laptop pushes a profile; Sync Now here pulls it. */
static void
test_pull (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *other_db = NULL;
  g_autofree char *uri = NULL;
  SlWindow *window;
  gint64 before;

  if (skip_without_cluster ())
    return;

  other_dir = g_dir_make_tmp ("shortlist-app-sync-other-XXXXXX", &error);
  g_assert_no_error (error);
  other_db = g_build_filename (other_dir, "other.db", NULL);
  add_profiles (other_db, "other", 1);
  uri = sl_pg_cluster_uri (cluster, "shortlist_owner", NULL, "team1");
  {
    g_autoptr(SlSync) other = sl_sync_new (other_db, uri);
    SlSyncStats stats = { 0 };

    g_assert_true (sl_sync_run (other, NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.pushed, ==, 1);
  }

  window = app_test_open_window (app);
  configure (sl_pg_cluster_port (cluster), "team1");
  before = local_count ();
  sync_now_and_wait (sync);
  g_assert_cmpint (local_count (), ==, before + 1);
  g_assert_true (g_str_has_prefix (sl_app_sync_get_status (sync), "Synced "));

  app_test_close_windows (app, window);
  sl_test_rm_rf (other_dir);
}

static void
test_unreachable (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  SlWindow *window;
  GtkLabel *label;
  int port;
  gint64 before = g_get_monotonic_time ();
  guint ticks = 0;

  if (skip_without_cluster ())
    return;

  port = closed_port ();

  window = app_test_open_window (app);
  label = GTK_LABEL (find_named (GTK_WIDGET (window), "sync-status"));
  configure (port, "team1");

  g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Syncing…");
  /* The main loop keeps running while the worker fails. */
  while (sl_app_sync_is_running (sync) && g_get_monotonic_time () - before < 60 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, TRUE);
      ticks++;
    }
  g_assert_false (sl_app_sync_is_running (sync));
  g_assert_cmpuint (ticks, >, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Sync failed: "));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Cannot reach"));

  /* Back to the real server: the error is gone. */
  configure (sl_pg_cluster_port (cluster), "team1");
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Synced "));

  app_test_close_windows (app, window);
}

static void
test_preferences_page (void)
{
  SlPreferencesWindow *prefs = sl_preferences_window_new (sl_application_get_settings (app));
  GSettings *s = sl_application_get_settings (app);
  GtkWidget *page;
  AdwComboRow *combo = NULL;
  const char *dir = g_getenv ("SHORTLIST_SCREENSHOT_DIR");

  g_settings_set_string (s, "sync-host", "db.agency.example");
  g_settings_set_string (s, "sync-sslmode", "require");
  gtk_window_present (GTK_WINDOW (prefs));
  iterate_until (window_is_mapped, prefs, 5000);

  page = find_named (GTK_WIDGET (prefs), "sync-page");
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  g_assert_nonnull (find_named (page, "sync-password"));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (find_named (page, "sync-password")));

  /* The TLS row follows the setting both ways. */
  for (GtkWidget *w = find_named (page, "sync-password"); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_COMBO_ROW (w))
      combo = ADW_COMBO_ROW (w);
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);
  adw_combo_row_set_selected (combo, 3);
  {
    g_autofree char *mode = g_settings_get_string (s, "sync-sslmode");
    g_assert_cmpstr (mode, ==, "verify-full");
  }

  /* Sync Now on the page runs app.sync-now (the host is unreachable here). */
  g_settings_set_string (s, "sync-sslmode", "disable");
  g_settings_set_int (s, "sync-port", closed_port ());
  g_settings_set_string (s, "sync-host", "127.0.0.1");
  g_signal_emit_by_name (find_named (page, "sync-now"), "clicked");
  g_assert_true (sl_app_sync_is_running (sl_app_sync_get (app)));
  iterate_until (sync_idle, sl_app_sync_get (app), 60000);
  g_assert_true (g_str_has_prefix (sl_app_sync_get_status (sl_app_sync_get (app)), "Sync failed: "));
  g_settings_set_string (s, "sync-sslmode", "require");
  g_settings_set_string (s, "sync-host", "db.agency.example");

  if (dir != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("import -window root '%s/sync-preferences.png'", dir);
      spin (1500);
      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
    }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
add_profiles (const char *path,
              const char *tag,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (path, &error);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_profile_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      SlProfile *p = sl_profile_new ();
      p->personal.name = g_strdup_printf ("Sync Person %s %u", tag, i);
      p->personal.email = g_strdup_printf ("sync%u@%s.example.org", i, tag);
      g_ptr_array_add (profiles, p);
      g_ptr_array_add (texts, g_strdup_printf ("Resume of sync person %u", i));
    }
  results = sl_store_bulk_create_profiles (store, (const SlProfile * const *) profiles->pdata,
                                           (const char * const *) texts->pdata, n, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Samples and caches go to the temp dir, never to the user's. */
  tmp_dir = sl_test_make_home ("shortlist-app-sync-XXXXXX");
  db_path = g_build_filename (tmp_dir, "shortlist.db", NULL);
  add_profiles (db_path, "team", N_PROFILES);

  cluster = sl_pg_cluster_start (&error);
  if (cluster == NULL)
    cluster_problem = g_strdup (error->message);
  else
    {
      g_autofree char *uri = sl_pg_cluster_uri (cluster, "shortlist_owner", NULL, "team1");
      g_autoptr(SlSync) installer = sl_sync_new ("/nonexistent/unused.db", uri);

      sl_pg_cluster_exec (cluster, "postgres", "CREATE ROLE shortlist_owner LOGIN CREATEROLE", &error);
      g_assert_no_error (error);
      sl_pg_cluster_exec (cluster, "postgres", "CREATE DATABASE team1 OWNER shortlist_owner", &error);
      g_assert_no_error (error);
      sl_sync_install_schema (installer, NULL, &error);
      g_assert_no_error (error);
    }

  app = sl_application_new (db_path, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app-sync/sync-now", test_sync_now);
  g_test_add_func ("/app-sync/pull", test_pull);
  g_test_add_func ("/app-sync/unreachable", test_unreachable);
  g_test_add_func ("/app-sync/preferences", test_preferences_page);

  status = g_test_run ();

  g_clear_object (&app);
  sl_pg_cluster_free (cluster);
  sl_test_rm_rf (tmp_dir);
  g_free (cluster_problem);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
