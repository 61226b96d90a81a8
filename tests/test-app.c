/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-app.c: the GTK application under Xvfb: a real window on a real
 * database in a temp dir, real GSettings (memory backend, compiled schema
 * from the build dir).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sl-application.h"
#include "sl-preferences-window.h"
#include "sl-window-private.h"

/* One application for the whole program (GApplication registers once), on
 * one temp database; each test gets a fresh window. */
static char          *tmp_dir;
static char          *db_path;
static SlApplication *app;

typedef struct
{
  SlWindow *window;
} Fixture;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SL_IS_WINDOW (window));
  f->window = SL_WINDOW (window);
  iterate_until (window_is_mapped, window, 5000);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *windows;

  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  spin (20);
  g_assert_null (f->window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_window_pages (Fixture       *f,
                   gconstpointer  data)
{
  /* The three pages exist and the view switcher shows each. */
  const char *pages[] = { "candidates", "imports", "statistics" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = sl_window_get_page (f->window, pages[i]);
      g_assert_nonnull (page);
      sl_window_show_page (f->window, pages[i]);
      spin (10);
      g_assert_true (gtk_widget_get_mapped (page));
    }

  /* Every action the shortcuts window promises is there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  /* win.search goes back to the Candidates page. */
  spin (10);
  g_assert_true (gtk_widget_get_mapped (sl_window_get_page (f->window, "candidates")));
}

static gboolean
find_preferences (gpointer data)
{
  SlPreferencesWindow **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (SL_IS_PREFERENCES_WINDOW (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        *out = SL_PREFERENCES_WINDOW (w);
    }
  return *out != NULL;
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SL_SCHEMA_ID);
  SlPreferencesWindow *prefs = NULL;
  AdwComboRow *parser_row;
  GtkSpinButton *concurrency;
  GtkEditable *ocr;
  g_auto(GStrv) langs = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate_until (find_preferences, &prefs, 5000);
  g_assert_nonnull (prefs);

  /* Widget → setting */
  parser_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs), SL_TYPE_PREFERENCES_WINDOW, "parser_row"));
  g_assert_cmpint (g_settings_get_enum (settings, "parser"), ==, 0);
  adw_combo_row_set_selected (parser_row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "parser"), ==, 1);

  concurrency = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (prefs), SL_TYPE_PREFERENCES_WINDOW, "concurrency_spin"));
  gtk_spin_button_set_value (concurrency, 3);
  g_assert_cmpint (g_settings_get_int (settings, "concurrency"), ==, 3);

  ocr = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (prefs), SL_TYPE_PREFERENCES_WINDOW, "ocr_languages_row"));
  gtk_editable_set_text (ocr, "eng, deu+fra");
  langs = g_settings_get_strv (settings, "ocr-languages");
  g_assert_cmpuint (g_strv_length (langs), ==, 3);
  g_assert_cmpstr (langs[1], ==, "deu");

  /* Setting → widget */
  g_settings_set_string (settings, "llm-provider", "gemini");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
                      GTK_WIDGET (prefs), SL_TYPE_PREFERENCES_WINDOW, "provider_row"))), ==, 4);
  g_settings_set_string (settings, "watched-folder", "/tmp/resumes-inbox");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_template_child (
                     GTK_WIDGET (prefs), SL_TYPE_PREFERENCES_WINDOW, "watched_folder_row"))), ==, "/tmp/resumes-inbox");

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "parser");
  g_settings_reset (settings, "concurrency");
  g_settings_reset (settings, "ocr-languages");
  g_settings_reset (settings, "llm-provider");
  g_settings_reset (settings, "watched-folder");
}

static void
test_drop_highlight (Fixture       *f,
                     gconstpointer  data)
{
  GtkDropTarget *target = sl_window_get_drop_target (f->window);
  GdkDragAction action = 0;

  g_assert_nonnull (target);
  g_assert_false (sl_window_get_drop_highlighted (f->window));
  g_signal_emit_by_name (target, "enter", 100.0, 100.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (sl_window_get_drop_highlighted (f->window));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (sl_window_get_drop_highlighted (f->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("shortlist-app-XXXXXX", &error);
  g_assert_no_error (error);
  /* Samples and caches go to the temp dir, never to the user's. */
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  db_path = g_build_filename (tmp_dir, "shortlist.db", NULL);

  app = sl_application_new (db_path, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/app/window/pages", Fixture, NULL, fixture_setup, test_window_pages, fixture_teardown);
  g_test_add ("/app/window/drop-highlight", Fixture, NULL, fixture_setup, test_drop_highlight, fixture_teardown);
  g_test_add ("/app/preferences", Fixture, NULL, fixture_setup, test_preferences, fixture_teardown);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
