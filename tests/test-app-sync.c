/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-app-sync: team sync from the app, under Xvfb, against a throwaway
 * PostgreSQL 15 cluster (tests/sl-pg-cluster.c): the sync-* settings,
 * app.sync-now on the worker, the window's status line, the Team Sync
 * preferences page, and an unreachable server.  Run by run-with-keyring.sh
 * (a private D-Bus session with gnome-keyring): the password of a role the
 * server checks (scram-sha-256) goes through the page into the keyring and
 * from there into the sync; the periodic sync runs with
 * SHORTLIST_SYNC_MINUTE_SECONDS=1.
 *
 * With SHORTLIST_SCREENSHOT_DIR set the preferences page is saved there.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "app-test-util.h"
#include "sl-app-sync.h"
#include "sl-candidates-page-private.h"
#include "sl-pg-cluster.h"
#include "sl-preferences-window.h"
#include "sl-secret.h"
#include "sl-test-util.h"
#include "sl-window-private.h"
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

/* The app's window and its sync status line. */
static SlWindow *
open_window (GtkLabel **label)
{
  SlWindow *window = app_test_open_window (app);

  *label = GTK_LABEL (find_named (GTK_WIDGET (window), "sync-status"));
  g_assert_nonnull (*label);
  return window;
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
configure_as (int         port,
              const char *database,
              const char *user)
{
  GSettings *s = sl_application_get_settings (app);

  g_settings_set_string (s, "sync-user", user);
  g_settings_set_string (s, "sync-database", database);
  g_settings_set_string (s, "sync-sslmode", "disable");
  g_settings_set_int (s, "sync-port", port);
  g_settings_set_string (s, "sync-host", "127.0.0.1");
}

/* The owner role: trusted on loopback (sl-pg-cluster.h), no password. */
static void
configure (int         port,
           const char *database)
{
  configure_as (port, database, "shortlist_owner");
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

  window = open_window (&label);
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

/* A count read from the app's database on a connection of the test's own. */
static gint64
local_read (gint64 (*count) (SlStore *store))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db_path, &error);

  g_assert_no_error (error);
  return count (store);
}

static gint64
local_count (void)
{
  return local_read (sl_store_count_live_profiles);
}

/* Another laptop (its own database, in a temp dir) pushes one profile of
 * the given e-mail domain to team1. */
static void
push_from_another_laptop (const char *domain)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shortlist-app-sync-other-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *uri = sl_pg_cluster_uri (cluster, "shortlist_owner", NULL, "team1");
  g_autoptr(SlSync) other = NULL;
  SlSyncStats stats = { 0 };

  g_assert_no_error (error);
  db = g_build_filename (dir, "other.db", NULL);
  add_profiles (db, domain, 1);
  other = sl_sync_new (db, uri);
  g_assert_true (sl_sync_run (other, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_clear_object (&other);
  sl_test_rm_rf (dir);
}

/* Another laptop pushes a profile; Sync Now here pulls it. */
static void
test_pull (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  SlWindow *window;
  gint64 before;

  if (skip_without_cluster ())
    return;

  push_from_another_laptop ("other");

  window = app_test_open_window (app);
  configure (sl_pg_cluster_port (cluster), "team1");
  before = local_count ();
  sync_now_and_wait (sync);
  g_assert_cmpint (local_count (), ==, before + 1);
  g_assert_true (g_str_has_prefix (sl_app_sync_get_status (sync), "Synced "));

  app_test_close_windows (app, window);
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

  window = open_window (&label);
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

/* Keyring ---------------------------------------------------------------- */

static gboolean
synced_nothing_waiting (gpointer data)
{
  SlAppSync *sync = data;
  const char *status = sl_app_sync_get_status (sync);

  return !sl_app_sync_is_running (sync) && g_str_has_prefix (status, "Synced ") &&
         strstr (status, "waiting") == NULL;
}

#define KIM_PASSWORD "kim s3cret-Pass 42"

static gboolean
skip_without_keyring (void)
{
  if (g_getenv ("SL_TEST_KEYRING") != NULL &&
      g_strcmp0 (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), "disabled:") != 0)
    return FALSE;
  g_test_skip ("no private keyring session (run via run-with-keyring.sh)");
  return TRUE;
}

typedef struct
{
  gboolean  lookup;
  gboolean  done;
  gboolean  ok;
  char     *password;
} KeyringCall;

static gboolean
keyring_call_done (gpointer data)
{
  return ((KeyringCall *) data)->done;
}

static void
on_keyring_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KeyringCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (call->lookup)
    call->password = sl_secret_lookup_api_key_finish (result, &error);
  else
    call->ok = sl_secret_store_api_key_finish (result, &error);
  g_assert_no_error (error);
  call->done = TRUE;
}

/* What the keyring holds for the configured server, read by the test
 * itself (not through the app). */
static char *
keyring_password (void)
{
  g_autofree char *key = sl_app_sync_server_key (sl_application_get_settings (app));
  KeyringCall call = { .lookup = TRUE };

  sl_secret_lookup_sync_password (key, NULL, on_keyring_done, &call);
  iterate_until (keyring_call_done, &call, 10000);
  g_assert_true (call.done);
  return call.password;
}

/* Changes the password behind the app's back, as a keyring manager
 * (Seahorse) would. */
static void
keyring_replace_password (const char *password)
{
  g_autofree char *key = sl_app_sync_server_key (sl_application_get_settings (app));
  KeyringCall call = { 0 };

  sl_secret_store_sync_password (key, password, NULL, on_keyring_done, &call);
  iterate_until (keyring_call_done, &call, 10000);
  g_assert_true (call.done);
  g_assert_true (call.ok);
}

static gint64
local_pending (void)
{
  return local_read (sl_store_sync_pending_count);
}

static gint64
server_count (const char *sql)
{
  return sl_pg_cluster_query_int (cluster, "team1", sql);
}

/* Types @password into the page's password row and presses its apply
 * button: the page stores it in the keyring. */
static void
enter_password (GtkWidget  *row,
                const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  g_signal_emit_by_name (row, "apply");
}

static void
assert_waiting (GtkLabel *label,
                gint64    pending)
{
  g_autofree char *waiting = g_strdup_printf (" · %" G_GINT64_FORMAT " change%s waiting",
                                              pending, pending == 1 ? "" : "s");

  g_assert_true (g_str_has_suffix (gtk_label_get_label (label), waiting));
}

static void
test_keyring_password (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  GSettings *s = sl_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  SlPreferencesWindow *prefs;
  SlWindow *window;
  GtkLabel *label;
  GtkWidget *row;
  gint64 on_server;
  gint64 pending;
  char *stored;

  if (skip_without_cluster () || skip_without_keyring ())
    return;

  /* A recruiter's own login role: the server asks for its password. */
  sl_pg_cluster_exec (cluster, "postgres",
                      "CREATE ROLE recruiter_kim LOGIN PASSWORD '" KIM_PASSWORD "' IN ROLE " SL_SYNC_GROUP_ROLE,
                      &error);
  g_assert_no_error (error);

  window = open_window (&label);
  g_settings_set_int (s, "sync-interval-minutes", 0);
  configure_as (sl_pg_cluster_port (cluster), "team1", "recruiter_kim");
  add_profiles (db_path, "kim", 2);
  pending = local_pending ();
  g_assert_cmpint (pending, >=, 2);
  on_server = server_count ("SELECT count(*) FROM candidate_profiles");
  g_assert_cmpint (on_server, >=, 0);
  stored = keyring_password ();
  g_assert_null (stored);

  /* Nothing in the keyring: the server's question is the error. */
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Sync failed: "));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "asks for a password for user “recruiter_kim”"));
  assert_waiting (label, pending);
  g_assert_cmpint (local_pending (), ==, pending);

  prefs = sl_preferences_window_new (s);
  gtk_window_present (GTK_WINDOW (prefs));
  iterate_until (window_is_mapped, prefs, 5000);
  row = find_named (GTK_WIDGET (prefs), "sync-password");
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));

  /* A wrong password through the page, and Sync Now at once: the run
   * waits for the keyring and uses the new (wrong) password. */
  enter_password (row, "not kims password");
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Sync failed: Wrong password for user “recruiter_kim”"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Preferences → Team sync"));
  assert_waiting (label, pending);
  g_assert_cmpint (local_pending (), ==, pending);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidate_profiles"), ==, on_server);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@kim.example.org'"), ==, 0);
  stored = keyring_password ();
  g_assert_cmpstr (stored, ==, "not kims password");
  g_free (stored);

  /* The right one: everything waiting arrives. */
  enter_password (row, KIM_PASSWORD);
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Synced "));
  g_assert_null (strstr (gtk_label_get_label (label), "waiting"));
  g_assert_cmpint (local_pending (), ==, 0);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@kim.example.org'"), ==, 2);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidate_profiles"), ==, on_server + 2);
  stored = keyring_password ();
  g_assert_cmpstr (stored, ==, KIM_PASSWORD);
  g_free (stored);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* Changed in the keyring outside the app: the next run reads it. */
  keyring_replace_password ("rotated elsewhere");
  add_profiles (db_path, "kim2", 1);
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Sync failed: Wrong password"));
  g_assert_cmpint (local_pending (), ==, 1);
  assert_waiting (label, 1);
  keyring_replace_password (KIM_PASSWORD);
  /* The timer's runs read the keyring too: no Sync now here. */
  g_settings_set_int (s, "sync-interval-minutes", 1);
  iterate_until (synced_nothing_waiting, sync, 30000);
  g_assert_true (synced_nothing_waiting (sync));
  g_settings_set_int (s, "sync-interval-minutes", 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Synced "));
  g_assert_cmpint (local_pending (), ==, 0);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@kim2.example.org'"), ==, 1);

  app_test_close_windows (app, window);
}

/* Periodic sync ------------------------------------------------------------ */

static void
on_status (SlAppSync  *sync,
           GParamSpec *pspec,
           guint      *syncing_seen)
{
  if (g_str_equal (sl_app_sync_get_status (sync), "Syncing…"))
    (*syncing_seen)++;
}

static gboolean
local_count_is (gpointer data)
{
  return local_count () == *(gint64 *) data;
}

/* A window on a store just synced with team1, no periodic sync. */
static SlWindow *
open_synced_window (SlAppSync *sync)
{
  SlWindow *window = app_test_open_window (app);

  g_settings_set_int (sl_application_get_settings (app), "sync-interval-minutes", 0);
  configure (sl_pg_cluster_port (cluster), "team1");
  sync_now_and_wait (sync);
  return window;
}

static void
test_periodic (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  GSettings *s = sl_application_get_settings (app);
  SlWindow *window;
  gint64 on_server;
  gint64 want;
  guint syncing_seen = 0;
  gulong handler;

  if (skip_without_cluster ())
    return;

  window = open_synced_window (sync);
  g_assert_cmpint (local_pending (), ==, 0);
  on_server = server_count ("SELECT count(*) FROM candidate_profiles");
  handler = g_signal_connect (sync, "notify::status", G_CALLBACK (on_status), &syncing_seen);

  /* Interval 0: a local change stays here. */
  add_profiles (db_path, "periodic", 1);
  spin (2500);
  g_assert_cmpuint (syncing_seen, ==, 0);
  g_assert_cmpint (local_pending (), ==, 1);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidate_profiles"), ==, on_server);

  /* Every "minute": it goes out without Sync Now. */
  g_settings_set_int (s, "sync-interval-minutes", 1);
  g_assert_false (sl_app_sync_is_running (sync));
  g_assert_nonnull (strstr (sl_app_sync_get_status (sync), "1 change waiting"));
  iterate_until (synced_nothing_waiting, sync, 30000);
  g_assert_true (synced_nothing_waiting (sync));
  g_assert_cmpuint (syncing_seen, >=, 1);
  g_assert_cmpint (local_pending (), ==, 0);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@periodic.example.org'"), ==, 1);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidate_profiles"), ==, on_server + 1);

  /* And another laptop's change comes in the same way. */
  push_from_another_laptop ("periodic-other");
  want = local_count () + 1;
  iterate_until (local_count_is, &want, 30000);
  g_assert_cmpint (local_count (), ==, want);

  /* Back to 0: the timer is gone. */
  g_settings_set_int (s, "sync-interval-minutes", 0);
  iterate_until (sync_idle, sync, 60000);
  syncing_seen = 0;
  add_profiles (db_path, "periodic-off", 1);
  spin (2500);
  g_assert_cmpuint (syncing_seen, ==, 0);
  g_assert_cmpint (local_pending (), ==, 1);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@periodic-off.example.org'"), ==, 0);

  g_signal_handler_disconnect (sync, handler);
  sync_now_and_wait (sync);
  g_assert_cmpint (local_pending (), ==, 0);
  app_test_close_windows (app, window);
}

/* With a periodic sync the first run comes within seconds of the app's
 * start (or of the settings' change), not one interval later: a day here
 * (1440 "minutes" of a second each), so a run seen within 30 s is the
 * first one. */
static void
test_first_run_soon (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  GSettings *s = sl_application_get_settings (app);
  SlWindow *window;

  if (skip_without_cluster ())
    return;

  window = open_synced_window (sync);
  add_profiles (db_path, "first-run", 1);
  spin (500);
  g_assert_cmpint (local_pending (), ==, 1);

  g_settings_set_int (s, "sync-interval-minutes", 1440);
  g_assert_false (sl_app_sync_is_running (sync));
  iterate_until (synced_nothing_waiting, sync, 30000);
  g_assert_true (synced_nothing_waiting (sync));
  g_assert_cmpint (local_pending (), ==, 0);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@first-run.example.org'"), ==, 1);

  /* Turned off again before its first run: none comes. */
  add_profiles (db_path, "first-run-off", 1);
  g_settings_set_int (s, "sync-interval-minutes", 1440);
  g_settings_set_int (s, "sync-interval-minutes", 0);
  spin (5000);
  g_assert_false (sl_app_sync_is_running (sync));
  g_assert_cmpint (local_pending (), ==, 1);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@first-run-off.example.org'"), ==, 0);

  sync_now_and_wait (sync);
  g_assert_cmpint (local_pending (), ==, 0);
  app_test_close_windows (app, window);
}

/* Changes waiting ----------------------------------------------------------- */

/* The status line counts what a local edit or import left waiting at once,
 * not only after the next sync. */
static void
test_local_changes (void)
{
  SlAppSync *sync = sl_app_sync_get (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) stored = NULL;
  SlCandidatesPage *page;
  SlProfileView *view;
  SlWindow *window;
  GtkLabel *label;

  if (skip_without_cluster ())
    return;

  window = open_window (&label);
  g_settings_set_int (sl_application_get_settings (app), "sync-interval-minutes", 0);
  configure (sl_pg_cluster_port (cluster), "team1");
  sync_now_and_wait (sync);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "Synced "));
  g_assert_null (strstr (gtk_label_get_label (label), "waiting"));

  /* An edit on the profile page. */
  {
    g_autoptr(SlStore) store = sl_store_open (db_path, &error);
    g_assert_no_error (error);
    stored = sl_store_get_profile_by_email (store, "sync0@team.example.org", &error);
    g_assert_no_error (error);
    g_assert_nonnull (stored);
  }
  page = SL_CANDIDATES_PAGE (app_test_find_descendant (GTK_WIDGET (window), SL_TYPE_CANDIDATES_PAGE));
  view = sl_candidates_page_get_profile_view (page);
  g_assert_true (sl_profile_view_show_profile (view, stored->id, &error));
  g_assert_no_error (error);
  g_assert_true (sl_profile_view_save_field (view, "headline", "Edited between syncs", &error));
  g_assert_no_error (error);
  assert_waiting (label, 1);

  /* New profiles, as an import's refresh of the window shows them. */
  add_profiles (db_path, "between", 2);
  sl_window_refresh (window);
  assert_waiting (label, 3);
  g_assert_cmpint (local_pending (), ==, 3);

  sync_now_and_wait (sync);
  g_assert_null (strstr (gtk_label_get_label (label), "waiting"));
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidate_profiles "
                                 "WHERE personal_info->>'headline' = 'Edited between syncs'"), ==, 1);
  g_assert_cmpint (server_count ("SELECT count(*) FROM candidates WHERE email LIKE '%@between.example.org'"), ==, 2);

  app_test_close_windows (app, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* One minute of sync-interval-minutes lasts a second here (set before
   * any thread runs: setenv is not thread-safe). */
  g_setenv ("SHORTLIST_SYNC_MINUTE_SECONDS", "1", TRUE);

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
  g_test_add_func ("/app-sync/keyring-password", test_keyring_password);
  g_test_add_func ("/app-sync/periodic", test_periodic);
  g_test_add_func ("/app-sync/first-run-soon", test_first_run_soon);
  g_test_add_func ("/app-sync/local-changes", test_local_changes);

  status = g_test_run ();

  g_clear_object (&app);
  sl_pg_cluster_free (cluster);
  sl_test_rm_rf (tmp_dir);
  g_free (cluster_problem);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
