/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-app-exchange.c: the app's exchange and privacy dialogs under Xvfb:
 * the spreadsheet import dialog (mapping, preview, failed rows), what a
 * drop of a .csv / JSON Resume / resume does, the retention review and
 * consent editing.  A real window on a small real database in a temp dir.
 *
 * With SHORTLIST_SCREENSHOT_DIR set, each dialog is also saved there as a
 * PNG (how docs/screenshots/ gets its dialog pictures).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "app-test-util.h"
#include "privacy/sl-privacy.h"
#include "sl-application.h"
#include "sl-candidates-page-private.h"
#include "sl-consent-group.h"
#include "sl-csv-import-dialog.h"
#include "sl-imports-page-private.h"
#include "sl-profile-view.h"
#include "sl-retention-dialog.h"
#include "sl-test-util.h"
#include "sl-window-private.h"

static char          *tmp_dir;
static char          *db_path;
static SlApplication *app;

typedef struct
{
  SlWindow *window;
  GPtrArray *summaries;   /* "batch-summary" texts, in order */
} Fixture;

/* Saves the X screen (the dialog on top) when SHORTLIST_SCREENSHOT_DIR is
 * set, with ImageMagick's import, as scripts/screenshots.sh does. */
static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  const char *dir = g_getenv ("SHORTLIST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (dir == NULL)
    return;
  iterate_until (window_is_mapped, window, 5000);
  spin (500);
  gtk_widget_queue_draw (window);
  spin (1000);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, &error))
      g_test_message ("no screenshot: %s", error->message);
    else
      g_test_message ("screenshot: %s", path);
  }
}

static void
on_batch_summary (SlWindow   *window,
                  const char *summary,
                  Fixture    *f)
{
  g_ptr_array_add (f->summaries, g_strdup (summary));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = app_test_open_window (app);
  f->summaries = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->window, "batch-summary", G_CALLBACK (on_batch_summary), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  app_test_close_windows (app, f->window);
  g_ptr_array_unref (f->summaries);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* A read connection of the test's own, as another process would see it. */
static SlStoredProfile *
stored_by_email (const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open_full (db_path, SL_STORE_OPEN_READONLY, &error);

  g_assert_no_error (error);
  return sl_store_get_profile_by_email (store, email, NULL);
}

/* The spreadsheet dialog ---------------------------------------------------- */

/* The guess takes the private address (first e-mail column) and ignores
 * "Stack"; the user maps the work address and the skills instead.  Line 4
 * has neither name nor e-mail; line 5's work address is not one. */
static const char people_csv[] =
  "Candidate,Private Mail,Work Mail,Stack\n"
  "Ada Quillon,ada@home.example,ada@work.example,Python; Rust\n"
  "Bob Marsh,bob@home.example,bob@work.example,Java\n"
  ",,,Nothing\n"
  "Cleo Stone,cleo@home.example,not-an-address,Go\n"
  "Dan Brook,dan@home.example,dan@work.example,C\n";

typedef struct
{
  gboolean done;
  guint    created, updated, failed;
} ImportWait;

static void
on_import_finished (SlCsvImportDialog *dialog,
                    guint              created,
                    guint              updated,
                    guint              failed,
                    ImportWait        *wait)
{
  wait->done = TRUE;
  wait->created = created;
  wait->updated = updated;
  wait->failed = failed;
}

static gboolean
import_done (gpointer data)
{
  return ((ImportWait *) data)->done;
}

static const char *
preview_subtitle (SlCsvImportDialog *dialog,
                  guint              i)
{
  return adw_action_row_get_subtitle (sl_csv_import_dialog_get_preview_row (dialog, i));
}

static void
test_csv_dialog (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_file ("people.csv", people_csv);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoredProfile) ada = NULL;
  g_autoptr(SlStoredProfile) ada_home = NULL;
  g_autoptr(SlStoredProfile) dan = NULL;
  SlCsvImportDialog *dialog;
  ImportWait wait = { 0 };

  dialog = sl_csv_import_dialog_new (f->window, file, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  /* It fits a phone's width (the preview scrolls sideways inside). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  iterate_until (window_is_mapped, dialog, 5000);
  g_test_message ("CSV dialog: at least %d px", app_test_min_width (GTK_WIDGET (dialog)));
  g_assert_cmpint (app_test_min_width (GTK_WIDGET (dialog)), <=, 360);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-decoration-layout");

  /* The guess. */
  g_assert_cmpuint (sl_csv_import_dialog_get_n_columns (dialog), ==, 4);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 0), ==, SL_IMPORT_FIELD_NAME);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 1), ==, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 2), ==, SL_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 3), ==, SL_IMPORT_FIELD_IGNORE);
  g_assert_cmpuint (sl_csv_import_dialog_get_n_preview_rows (dialog), ==, SL_CSV_IMPORT_PREVIEW_ROWS);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sl_csv_import_dialog_get_preview_row (dialog, 0))),
                   ==, "Ada Quillon");
  g_assert_nonnull (strstr (preview_subtitle (dialog, 0), "ada@home.example"));
  g_assert_null (strstr (preview_subtitle (dialog, 0), "Python"));

  /* The user's mapping: the work address takes "email" from the private
   * one, "Stack" becomes skills; the preview follows each change. */
  sl_csv_import_dialog_set_field (dialog, 2, SL_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 1), ==, SL_IMPORT_FIELD_IGNORE);
  g_assert_nonnull (strstr (preview_subtitle (dialog, 0), "ada@work.example"));
  g_assert_null (strstr (preview_subtitle (dialog, 0), "ada@home.example"));
  sl_csv_import_dialog_set_field (dialog, 3, SL_IMPORT_FIELD_SKILLS);
  g_assert_nonnull (strstr (preview_subtitle (dialog, 0), "Python, Rust"));
  /* Line 5 (Cleo) now has a bad e-mail: the preview says so. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sl_csv_import_dialog_get_preview_row (dialog, 3))),
                   ==, "Line 5 will not be imported");
  g_assert_cmpstr (preview_subtitle (dialog, 3), ==, "“not-an-address” is not an e-mail address");
  maybe_screenshot (GTK_WIDGET (dialog), "csv-import-dialog");

  g_signal_connect (dialog, "finished", G_CALLBACK (on_import_finished), &wait);
  sl_csv_import_dialog_import (dialog);
  iterate_until (import_done, &wait, 30000);
  g_assert_true (wait.done);
  g_assert_cmpuint (wait.created, ==, 3);
  g_assert_cmpuint (wait.updated, ==, 0);
  g_assert_cmpuint (wait.failed, ==, 2);

  /* The failed rows are listed; the dialog stays open to show them. */
  g_assert_nonnull (dialog);
  g_assert_cmpuint (sl_csv_import_dialog_get_n_error_rows (dialog), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sl_csv_import_dialog_get_error_row (dialog, 0))),
                   ==, "Line 4");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sl_csv_import_dialog_get_error_row (dialog, 1))),
                   ==, "Line 5");
  /* The reason without the "Line 5: " the title already says. */
  g_assert_cmpstr (adw_action_row_get_subtitle (sl_csv_import_dialog_get_error_row (dialog, 0)),
                   ==, "no name and no e-mail address");
  g_assert_cmpstr (adw_action_row_get_subtitle (sl_csv_import_dialog_get_error_row (dialog, 1)),
                   ==, "“not-an-address” is not an e-mail address");
  maybe_screenshot (GTK_WIDGET (dialog), "csv-import-errors");
  g_assert_cmpuint (f->summaries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->summaries, 0), ==, "3 profiles created, 2 failed");

  /* What is stored follows the user's mapping, not the guess. */
  ada = stored_by_email ("ada@work.example");
  g_assert_nonnull (ada);
  g_assert_cmpstr (ada->profile->personal.name, ==, "Ada Quillon");
  g_assert_cmpuint (ada->profile->skills->len, ==, 2);
  ada_home = stored_by_email ("ada@home.example");
  g_assert_null (ada_home);
  dan = stored_by_email ("dan@work.example");
  g_assert_nonnull (dan);

  gtk_window_close (GTK_WINDOW (dialog));
  spin (50);
  g_assert_null (dialog);
}

/* A file that is not CSV at all is refused before any dialog opens. */
static void
test_csv_dialog_unreadable (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = write_file ("broken.csv", "Name,Mail\n\"never closed,x\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (sl_csv_import_dialog_new (f->window, file, &error));
  g_assert_nonnull (error);
  g_assert_null (app_test_find_toplevel (SL_TYPE_CSV_IMPORT_DIALOG));
}

/* Drop routing -------------------------------------------------------------- */

static const char drop_csv[] =
  "Name,E-Mail\n"
  "Esther Vale,esther@vale.example\n";

static const char drop_json_resume[] =
  "{\"basics\": {\"name\": \"Grace Hollis\", \"email\": \"grace@hollis.example\","
  " \"label\": \"Compiler Engineer\"},"
  " \"skills\": [{\"name\": \"COBOL\"}, {\"name\": \"Fortran\"}]}";

static const char drop_resume[] =
  "Ingmar Tolvanen\n"
  "Data Engineer\n"
  "Oulu, Finland | ingmar.tolvanen@example.org | +358 40 123 4567\n"
  "\n"
  "EXPERIENCE\n"
  "Data Engineer, Pohjoistieto, Oulu            2019 - present\n"
  "- Builds the batch pipelines in Python and Spark.\n"
  "\n"
  "SKILLS\n"
  "Python, Spark, SQL, Airflow\n";

static gboolean
has_summaries (gpointer data)
{
  Fixture *f = data;
  return f->summaries->len >= 2;
}

static gboolean
imports_final (gpointer data)
{
  SlImportsPage *page = data;
  GListModel *items = sl_imports_page_get_items (page);
  g_autoptr(SlImportItem) first = NULL;

  if (g_list_model_get_n_items (items) == 0)
    return FALSE;
  first = g_list_model_get_item (items, 0);
  return sl_import_item_is_final (first);
}

static gboolean
csv_dialog_open (gpointer data)
{
  return app_test_find_toplevel (SL_TYPE_CSV_IMPORT_DIALOG) != NULL;
}

static gboolean
has_summary (gpointer data)
{
  Fixture *f = data;
  return f->summaries->len >= 1;
}

/* A dropped spreadsheet that does not parse: read on the worker, then a
 * toast (and "batch-summary") and no dialog. */
static void
test_drop_unreadable_csv (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_file ("dropped-broken.csv", "Name,Mail\n\"never closed,x\n");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rest = NULL;

  g_ptr_array_add (files, g_file_new_for_path (path));
  rest = sl_window_take_exchange_files (f->window, files);
  g_assert_cmpuint (rest->len, ==, 0);
  iterate_until (has_summary, f, 20000);
  g_assert_cmpuint (f->summaries->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->summaries, 0), "Could not read the spreadsheet: "));
  g_assert_null (app_test_find_toplevel (SL_TYPE_CSV_IMPORT_DIALOG));
}

static void
test_drop_routing (Fixture       *f,
                   gconstpointer  data)
{
  SlImportsPage *imports = SL_IMPORTS_PAGE (sl_window_get_page (f->window, "imports"));
  GtkDropTarget *target = sl_window_get_drop_target (f->window);
  g_autofree char *csv = write_file ("dropped.csv", drop_csv);
  g_autofree char *json = write_file ("grace.json", drop_json_resume);
  g_autofree char *txt = write_file ("ingmar-tolvanen.txt", drop_resume);
  GFile *files[3];
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(SlStoredProfile) grace = NULL;
  g_autoptr(SlStoredProfile) esther = NULL;
  g_autoptr(SlImportItem) item = NULL;
  SlCsvImportDialog *dialog;
  gboolean handled = FALSE;

  files[0] = g_file_new_for_path (csv);
  files[1] = g_file_new_for_path (json);
  files[2] = g_file_new_for_path (txt);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 3));
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &handled);
  g_assert_true (handled);

  /* The spreadsheet is read on a worker and then opens the mapping dialog;
   * nothing imported yet. */
  iterate_until (csv_dialog_open, NULL, 20000);
  dialog = app_test_find_toplevel (SL_TYPE_CSV_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (sl_csv_import_dialog_get_field (dialog, 1), ==, SL_IMPORT_FIELD_EMAIL);
  esther = stored_by_email ("esther@vale.example");
  g_assert_null (esther);

  /* The JSON Resume was imported at once and the resume went through the
   * pipeline: one toast (and "batch-summary") each. */
  iterate_until (has_summaries, f, 60000);
  g_assert_cmpuint (f->summaries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->summaries, 0), ==, "1 profile created");
  g_assert_cmpstr (g_ptr_array_index (f->summaries, 1), ==, "1 profile created");
  grace = stored_by_email ("grace@hollis.example");
  g_assert_nonnull (grace);
  g_assert_cmpuint (grace->profile->skills->len, ==, 2);

  /* Only the resume went to the intake pipeline (the Imports page). */
  iterate_until (imports_final, imports, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (sl_imports_page_get_items (imports)), ==, 1);
  item = g_list_model_get_item (sl_imports_page_get_items (imports), 0);
  g_assert_cmpstr (sl_import_item_get_name (item), ==, "ingmar-tolvanen.txt");
  g_assert_cmpstr (sl_import_item_get_status (item), ==, "done");

  gtk_window_close (GTK_WINDOW (dialog));
}

/* Retention review ---------------------------------------------------------- */

static gint64
create_candidate (const char *name,
                  const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db_path, &error);
  g_autoptr(SlProfile) p = sl_profile_new ();
  g_autoptr(SlStoredProfile) sp = NULL;
  gint64 id;

  g_assert_no_error (error);
  p->personal.name = g_strdup (name);
  p->personal.email = g_strdup (email);
  p->source = g_strdup ("test");
  id = sl_store_create_profile_from_parsed_data (store, p, NULL, NULL, &error);
  g_assert_no_error (error);
  sp = sl_store_get_profile (store, id, &error);
  g_assert_no_error (error);
  return sp->candidate_id;
}

/* As if nobody had touched the candidate since 2020. */
static void
backdate (gint64 candidate_id)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE candidates SET updated_at = '2020-01-02T03:04:05Z', created_at = '2020-01-02T03:04:05Z'"
    " WHERE id = %" G_GINT64_FORMAT ";"
    "UPDATE candidate_profiles SET updated_at = '2020-01-02T03:04:05Z', created_at = '2020-01-02T03:04:05Z'"
    " WHERE candidate_id = %" G_GINT64_FORMAT ";", candidate_id, candidate_id);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef struct
{
  gboolean done;
  guint    n;
} EraseWait;

static void
on_erased (SlRetentionDialog *dialog,
           guint              n,
           EraseWait         *wait)
{
  wait->done = TRUE;
  wait->n = n;
}

static gboolean
erase_done (gpointer data)
{
  return ((EraseWait *) data)->done;
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  gint64 old_id = create_candidate ("Oswin Farrowdale", "oswin@farrowdale.example");
  gint64 recent_id = create_candidate ("Rhea Newbold", "rhea@newbold.example");
  g_autoptr(SlStoredProfile) oswin = NULL;
  g_autoptr(SlStoredProfile) rhea = NULL;
  SlRetentionDialog *dialog;
  AdwMessageDialog *confirm;
  EraseWait wait = { 0 };

  backdate (old_id);
  g_assert_cmpint (old_id, !=, recent_id);

  /* From the window menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-retention", NULL));
  dialog = app_test_find_toplevel (SL_TYPE_RETENTION_DIALOG);
  g_assert_nonnull (dialog);

  /* Only the old candidate: everyone else was updated just now. */
  g_assert_cmpuint (sl_retention_dialog_get_n_candidates (dialog), ==, 1);
  g_assert_cmpint (sl_retention_dialog_get_candidate_id (dialog, 0), ==, old_id);
  g_assert_cmpuint (sl_retention_dialog_get_n_selected (dialog), ==, 0);
  sl_retention_dialog_set_selected (dialog, 0, TRUE);
  maybe_screenshot (GTK_WIDGET (dialog), "retention-dialog");

  /* Never silently: cancelling the question erases nothing. */
  confirm = sl_retention_dialog_ask_erase (dialog);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Erase 1 Candidate?");
  adw_message_dialog_response (confirm, "cancel");
  spin (200);
  g_assert_false (wait.done);
  oswin = stored_by_email ("oswin@farrowdale.example");
  g_assert_nonnull (oswin);
  g_clear_pointer (&oswin, sl_stored_profile_free);

  g_signal_connect (dialog, "erased", G_CALLBACK (on_erased), &wait);
  confirm = sl_retention_dialog_ask_erase (dialog);
  maybe_screenshot (GTK_WIDGET (confirm), "retention-confirm");
  adw_message_dialog_response (confirm, "erase");
  iterate_until (erase_done, &wait, 60000);
  g_assert_true (wait.done);
  g_assert_cmpuint (wait.n, ==, 1);

  oswin = stored_by_email ("oswin@farrowdale.example");
  g_assert_null (oswin);
  rhea = stored_by_email ("rhea@newbold.example");
  g_assert_nonnull (rhea);
  /* The list is read again: nobody is due any more. */
  g_assert_cmpuint (sl_retention_dialog_get_n_candidates (dialog), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Consent ------------------------------------------------------------------- */

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static SlConsent *
stored_consent (gint64 candidate_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open_full (db_path, SL_STORE_OPEN_READONLY, &error);
  SlConsent *consent;

  g_assert_no_error (error);
  consent = sl_privacy_get_consent (store, candidate_id, &error);
  g_assert_no_error (error);
  return consent;
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  gint64 cid = create_candidate ("Consuela Ardent", "consuela@ardent.example");
  SlCandidatesPage *page = SL_CANDIDATES_PAGE (sl_window_get_page (f->window, "candidates"));
  SlProfileView *view = sl_candidates_page_get_profile_view (page);
  g_autoptr(SlStoredProfile) sp = stored_by_email ("consuela@ardent.example");
  g_autoptr(SlConsent) before = stored_consent (cid);
  g_autoptr(SlConsent) after = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *bases = sl_privacy_legal_bases ();
  SlConsentGroup *group;
  AdwComboRow *combo;
  AdwEntryRow *note;
  guint consent_index = 0;

  /* A new candidate got the default basis. */
  g_assert_cmpstr (before->legal_basis, ==, SL_CONSENT_LEGITIMATE_INTEREST);

  sl_window_show_page (f->window, "candidates");
  sl_candidates_page_show_profile (page, sp->id, NULL);
  g_assert_cmpint (sl_profile_view_get_profile_id (view), ==, sp->id);
  group = find_descendant (GTK_WIDGET (view), SL_TYPE_CONSENT_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpstr (sl_consent_group_get_basis (group), ==, SL_CONSENT_LEGITIMATE_INTEREST);
  g_assert_true (g_str_has_prefix (sl_consent_group_get_recorded_text (group), "Recorded on "));

  /* The user picks "Consent" in the combo and writes where it was given. */
  while (!g_str_equal (bases[consent_index], SL_CONSENT_CONSENT))
    consent_index++;
  combo = find_descendant (GTK_WIDGET (group), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combo)), ==, "Legitimate interest");
  adw_combo_row_set_selected (combo, consent_index);
  g_assert_cmpstr (sl_consent_group_get_basis (group), ==, SL_CONSENT_CONSENT);
  note = find_descendant (GTK_WIDGET (group), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "Signed form, job fair 2026");
  g_signal_emit_by_name (note, "apply");
  if (g_getenv ("SHORTLIST_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (group), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      spin (300);
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      maybe_screenshot (GTK_WIDGET (f->window), "consent-group");
    }

  after = stored_consent (cid);
  g_assert_cmpstr (after->legal_basis, ==, SL_CONSENT_CONSENT);
  g_assert_cmpstr (after->note, ==, "Signed form, job fair 2026");
  g_assert_cmpstr (after->recorded_at, >=, before->recorded_at);

  /* A basis that is not one is refused, and nothing changes. */
  g_assert_false (sl_consent_group_set_basis (group, "because", &error));
  g_assert_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID);
  g_clear_pointer (&after, sl_consent_free);
  after = stored_consent (cid);
  g_assert_cmpstr (after->legal_basis, ==, SL_CONSENT_CONSENT);

  /* Shown again from the database. */
  g_assert_true (sl_profile_view_show_profile (view, sp->id, NULL));
  group = find_descendant (GTK_WIDGET (view), SL_TYPE_CONSENT_GROUP);
  g_assert_cmpstr (sl_consent_group_get_basis (group), ==, SL_CONSENT_CONSENT);
  combo = find_descendant (GTK_WIDGET (group), ADW_TYPE_COMBO_ROW);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combo)), ==, "Consent");

  /* The user dates it to the day the form was signed, in the calendar of
   * the "Recorded on" row; a day in the future is refused. */
  {
    GtkCalendar *calendar = find_descendant (GTK_WIDGET (group), GTK_TYPE_CALENDAR);
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_MENU_BUTTON));
    g_autoptr(GDateTime) signed_on = g_date_time_new_local (2025, 3, 14, 0, 0, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
    g_autoptr(GDateTime) stored = NULL;
    g_autoptr(GDateTime) stored_local = NULL;

    g_assert_nonnull (calendar);
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Choose the date consent was recorded");
    gtk_calendar_select_day (calendar, signed_on);
    spin (50);
    g_clear_pointer (&after, sl_consent_free);
    after = stored_consent (cid);
    stored = g_date_time_new_from_iso8601 (after->recorded_at, NULL);
    stored_local = g_date_time_to_local (stored);
    g_assert_cmpint (g_date_time_get_year (stored_local), ==, 2025);
    g_assert_cmpint (g_date_time_get_month (stored_local), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (stored_local), ==, 14);
    g_assert_cmpstr (after->legal_basis, ==, SL_CONSENT_CONSENT);
    g_assert_cmpstr (after->note, ==, "Signed form, job fair 2026");

    gtk_calendar_select_day (calendar, next_week);
    spin (50);
    g_clear_pointer (&after, sl_consent_free);
    after = stored_consent (cid);
    g_assert_true (g_str_has_prefix (after->recorded_at, "2025-03-1"));
    /* and the calendar shows the stored day again */
    g_clear_pointer (&stored_local, g_date_time_unref);
    stored_local = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_day_of_month (stored_local), ==, 14);
  }

  /* Editing the note keeps the date the user picked. */
  note = find_descendant (GTK_WIDGET (group), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (note), "Signed form, job fair 2026, filed in B");
  g_signal_emit_by_name (note, "apply");
  g_clear_pointer (&after, sl_consent_free);
  after = stored_consent (cid);
  g_assert_cmpstr (after->note, ==, "Signed form, job fair 2026, filed in B");
  g_assert_cmpstr (after->legal_basis, ==, SL_CONSENT_CONSENT);
  {
    g_autoptr(GDateTime) stored = g_date_time_new_from_iso8601 (after->recorded_at, NULL);
    g_autoptr(GDateTime) stored_local = g_date_time_to_local (stored);

    g_assert_cmpint (g_date_time_get_year (stored_local), ==, 2025);
    g_assert_cmpint (g_date_time_get_day_of_month (stored_local), ==, 14);
  }

  /* Another basis is a new record dated now; the replaced one is listed
   * under "Earlier legal bases" with its own date. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
    g_autoptr(GDateTime) signed_on = g_date_time_new_local (2025, 3, 14, 12, 0, 0);
    g_autofree char *signed_text = g_date_time_format (signed_on, "%x");
    AdwExpanderRow *earlier = find_descendant (GTK_WIDGET (group), ADW_TYPE_EXPANDER_ROW);
    guint contract_index = 0;
    gboolean listed = FALSE;

    g_assert_nonnull (earlier);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (earlier)));   /* the default basis was replaced */
    while (!g_str_equal (bases[contract_index], SL_CONSENT_CONTRACT))
      contract_index++;
    combo = find_descendant (GTK_WIDGET (group), ADW_TYPE_COMBO_ROW);
    adw_combo_row_set_selected (combo, contract_index);
    g_clear_pointer (&after, sl_consent_free);
    after = stored_consent (cid);
    g_assert_cmpstr (after->legal_basis, ==, SL_CONSENT_CONTRACT);
    g_assert_cmpstr (after->recorded_at, >=, now_text);
    g_assert_true (g_str_has_prefix (sl_consent_group_get_recorded_text (group), "Recorded on "));

    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      GtkWidget *stack[64];
      guint depth = 0;

      stack[depth++] = GTK_WIDGET (earlier);
      while (depth > 0)
        {
          GtkWidget *w = stack[--depth];
          if (ADW_IS_ACTION_ROW (w))
            g_ptr_array_add (rows, w);
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < G_N_ELEMENTS (stack);
               c = gtk_widget_get_next_sibling (c))
            stack[depth++] = c;
        }
      for (guint i = 0; i < rows->len; i++)
        {
          AdwActionRow *row = g_ptr_array_index (rows, i);
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
          const char *subtitle = adw_action_row_get_subtitle (row);

          if (g_strcmp0 (title, "Consent") == 0 && subtitle != NULL &&
              g_str_has_prefix (subtitle, "Recorded on ") && strstr (subtitle, signed_text) != NULL)
            listed = TRUE;
        }
    }
    g_assert_true (listed);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Samples and caches go to the temp dir, never to the user's. */
  tmp_dir = sl_test_make_home ("shortlist-app-exchange-XXXXXX");
  db_path = g_build_filename (tmp_dir, "shortlist.db", NULL);
  {
    g_autoptr(SlStore) store = sl_store_open (db_path, &error);
    g_assert_no_error (error);
  }

  app = sl_application_new (db_path, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/app-exchange/csv-dialog/mapping", Fixture, NULL, fixture_setup, test_csv_dialog, fixture_teardown);
  g_test_add ("/app-exchange/csv-dialog/unreadable", Fixture, NULL, fixture_setup, test_csv_dialog_unreadable, fixture_teardown);
  g_test_add ("/app-exchange/drop-unreadable-csv", Fixture, NULL, fixture_setup, test_drop_unreadable_csv, fixture_teardown);
  g_test_add ("/app-exchange/drop-routing", Fixture, NULL, fixture_setup, test_drop_routing, fixture_teardown);
  g_test_add ("/app-exchange/retention", Fixture, NULL, fixture_setup, test_retention, fixture_teardown);
  g_test_add ("/app-exchange/consent", Fixture, NULL, fixture_setup, test_consent, fixture_teardown);

  status = g_test_run ();

  g_clear_object (&app);
  sl_test_rm_rf (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
