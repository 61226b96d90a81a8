/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-app-jobs.c: the Jobs page under Xvfb: a real window on a real
 * database in a temp dir, filled with generated candidates and two built
 * for the job, so the best match is known by construction.  The tests run
 * in order on one job: create it, rank, shortlist, move, note, blind review,
 * export.
 */
#include "config.h"

#include <adwaita.h>

#include "app-gen.h"
#include "app-test-util.h"
#include "rank/sl-shortlist.h"
#include "sl-application.h"
#include "sl-candidates-page-private.h"
#include "sl-jobs-page-private.h"
#include "sl-test-util.h"
#include "sl-window-private.h"

#define N_GENERATED 400
#define SEED        11

static char          *tmp_dir;
static char          *db_path;
static SlApplication *app;
static SlWindow      *window;
static gint64         ideal_id;    /* candidate ids */
static gint64         partial_id;

/* Nobody generated has Erlang or Elixir or a language (see app-gen.c): the
 * candidate with all four required skills, the years, the city, the title
 * and the language must come first, and the one with three of them, the
 * same title and city but a lower German level second: on every part of
 * the score it is at least as good as any generated one, and better on
 * skills. */
static const char *ideal_name = "Henrike Vandersloot";
static const char *ideal_email = "h.vandersloot@example.net";

static SlProfile *
built_profile (const char  *name,
               const char  *email,
               const char  *location,
               const char  *start,
               const char **skills,
               const char  *language,
               const char  *level)
{
  SlProfile *p = sl_profile_new ();
  SlWorkEntry *w = sl_work_entry_new ();

  p->personal.name = g_strdup (name);
  p->personal.email = g_strdup (email);
  p->personal.location = g_strdup (location);
  p->personal.summary = g_strdup ("She runs messaging platforms; her team moved them to Kubernetes.");
  w->title = g_strdup ("Platform Engineer");
  w->company = g_strdup ("Nordlicht Messaging");
  w->start = g_strdup (start);
  w->current = TRUE;
  w->description = g_strdup ("Erlang and Elixir services on Kubernetes with PostgreSQL.");
  g_ptr_array_add (p->work, w);
  for (guint i = 0; skills[i] != NULL; i++)
    g_ptr_array_add (p->skills, sl_skill_new (skills[i], skills[i]));
  if (language != NULL)
    g_ptr_array_add (p->languages, sl_language_new (language, level));
  p->meta.experience_months = sl_profile_compute_experience_months (p, NULL);
  p->meta.parser = g_strdup ("rules");
  return p;
}

static void
fill_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open (db_path, &error);
  const char *all[] = { "Erlang", "Elixir", "Kubernetes", "PostgreSQL", "Go", NULL };
  const char *three[] = { "Erlang", "Elixir", "Kubernetes", "Go", NULL };
  g_autoptr(SlProfile) ideal = built_profile (ideal_name, ideal_email, "Berlin, Germany", "2015-03",
                                              all, "German", "C1");
  g_autoptr(SlProfile) partial = built_profile ("Partial Match", "partial@example.net", "Berlin, Germany",
                                                "2018-01", three, "German", "B1");
  g_autoptr(SlCandidate) c = NULL;

  g_assert_no_error (error);
  app_gen_fill (store, SEED, N_GENERATED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_store_create_profile_from_parsed_data (store, ideal, NULL, NULL, &error), >, 0);
  g_assert_cmpint (sl_store_create_profile_from_parsed_data (store, partial, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  c = sl_store_get_candidate_by_email (store, ideal_email, &error);
  g_assert_no_error (error);
  ideal_id = c->id;
  g_clear_pointer (&c, sl_candidate_free);
  c = sl_store_get_candidate_by_email (store, "partial@example.net", &error);
  g_assert_no_error (error);
  partial_id = c->id;
}

static SlJobsPage *
jobs_page (void)
{
  return SL_JOBS_PAGE (sl_window_get_page (window, "jobs"));
}

static GObject *
child (const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (jobs_page ()), SL_TYPE_JOBS_PAGE, name);
}

static SlStore *
reader (void)
{
  g_autoptr(GError) error = NULL;
  SlStore *store = sl_store_open_full (db_path, SL_STORE_OPEN_READONLY, &error);

  g_assert_no_error (error);
  return store;
}

/* Every label under @widget whose text contains @needle; with
 * @mapped_only, only those on screen. */
static guint
count_labels (GtkWidget  *widget,
              const char *needle,
              gboolean    mapped_only)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL &&
      (!mapped_only || gtk_widget_get_mapped (widget)))
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c, needle, mapped_only);
  return n;
}

/* Every label under @widget whose text is @text. */
static guint
count_exact_labels (GtkWidget  *widget,
                    const char *text)
{
  guint n = GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_exact_labels (c, text);
  return n;
}

static void
type_into (GObject    *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The tests */

static void
test_page_exists (void)
{
  GtkWidget *page = GTK_WIDGET (jobs_page ());

  g_assert_nonnull (page);
  sl_window_show_page (window, "jobs");
  spin (50);
  g_assert_true (gtk_widget_get_mapped (page));
  /* No jobs yet: the page invites to make one. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("content_stack"))), ==, "empty");
}

static void
test_create_job (void)
{
  SlJobsPage *page = jobs_page ();
  g_autoptr(SlStore) store = NULL;
  g_autoptr(SlJob) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "jobs.new", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("content_stack"))), ==, "job");
  g_assert_cmpint (sl_jobs_page_get_job_id (page), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (child ("title_row")), "Platform Engineer");
  gtk_editable_set_text (GTK_EDITABLE (child ("location_row")), "Berlin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child ("years_spin")), 5);
  type_into (child ("required_entry"), "Erlang, Elixir");
  type_into (child ("required_entry"), "Kubernetes");
  type_into (child ("required_entry"), "PostgreSQL");
  /* Typed twice: still one chip. */
  type_into (child ("required_entry"), "kubernetes");
  type_into (child ("nice_entry"), "Go");
  type_into (child ("language_entry"), "German C1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child ("required_entry"))), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "jobs.save", NULL));
  g_assert_cmpint (sl_jobs_page_get_job_id (page), >, 0);

  store = reader ();
  stored = sl_store_get_job (store, sl_jobs_page_get_job_id (page), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Platform Engineer");
  g_assert_cmpstr (stored->location, ==, "Berlin");
  g_assert_cmpint (stored->min_years, ==, 5);
  g_assert_cmpuint (stored->required_skills->len, ==, 4);
  g_assert_cmpuint (stored->nice_skills->len, ==, 1);
  g_assert_cmpuint (stored->languages->len, ==, 1);
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (stored->languages, 0))->language, ==, "German");
  g_assert_cmpstr (((SlLanguage *) g_ptr_array_index (stored->languages, 0))->level, ==, "C1");
  /* The job is in the list, selected. */
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (child ("jobs_list"))));
}

static gboolean
ranking_done (gpointer data)
{
  return !sl_ranking_view_get_loading (data) &&
         g_list_model_get_n_items (sl_ranking_view_get_model (data)) > 0;
}

/* Row @position of the ranking on screen. */
static SlMatchItem *
ranked (guint position)
{
  return g_list_model_get_item (sl_ranking_view_get_model (sl_jobs_page_get_ranking_view (jobs_page ())), position);
}

static void
test_ranking (void)
{
  SlRankingView *view = sl_jobs_page_get_ranking_view (jobs_page ());
  g_autoptr(SlMatchItem) first = NULL;
  g_autoptr(SlMatchItem) second = NULL;
  const SlMatch *m;

  /* Saving showed the ranking, which runs on a worker. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (child ("job_stack"))), ==, "ranking");
  iterate_until (ranking_done, view, 30000);
  g_assert_false (sl_ranking_view_get_loading (view));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ranking_view_get_model (view)), >=, 2);

  first = ranked (0);
  second = ranked (1);
  m = sl_match_item_get_match (first);
  g_assert_cmpint (m->candidate_id, ==, ideal_id);
  g_assert_cmpint (sl_match_item_get_match (second)->candidate_id, ==, partial_id);
  g_assert_cmpfloat (m->score, >, sl_match_item_get_match (second)->score);
  g_assert_nonnull (m->summary);
  g_assert_nonnull (strstr (m->summary, "4 of 4 required skills"));

  /* The row on screen shows the name and the breakdown. */
  spin (100);
  g_assert_cmpuint (count_labels (GTK_WIDGET (view), m->summary, TRUE), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (view), ideal_name, TRUE), ==, 1);
}

static void
test_shortlist_add (void)
{
  SlJobsPage *page = jobs_page ();
  SlShortlistBoard *board = sl_jobs_page_get_board (page);
  g_autoptr(SlMatchItem) first = ranked (0);
  g_autoptr(SlMatchItem) second = ranked (1);
  g_autoptr(SlStore) store = reader ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SlShortlistEntry *e;

  g_assert_false (sl_match_item_get_shortlisted (first));
  /* What the row's "Add to Shortlist" button emits. */
  g_signal_emit_by_name (sl_jobs_page_get_ranking_view (page), "add-to-shortlist", first);
  g_signal_emit_by_name (sl_jobs_page_get_ranking_view (page), "add-to-shortlist", second);
  g_assert_true (sl_match_item_get_shortlisted (first));

  entries = sl_store_shortlist_list (store, sl_jobs_page_get_job_id (page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpint (e->stage, ==, SL_STAGE_NEW);
  g_assert_cmpfloat (e->score, ==, sl_match_item_get_match (first)->score);
  g_assert_cmpuint (sl_shortlist_board_get_entries (board)->len, ==, 2);
}

/* The job with its ranking, board and editor fits a phone (360 px). */
static void
test_narrow (void)
{
  const char *tabs[] = { "details", "ranking", "shortlist" };

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      int min = 0;

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child ("job_stack")), tabs[i]);
      spin (20);
      gtk_widget_measure (GTK_WIDGET (jobs_page ()), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("%s: %d px", tabs[i], min);
      g_assert_cmpint (min, <=, 360);
    }
}

/* The window at 360 px: the jobs and the job take turns (Back, and a click
 * on the job again), a profile opened from the ranking has its original
 * behind its toggle; at 1200 px the list and the job are side by side. */
static void
test_narrow_window (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child ("leaflet"));
  GtkWidget *sidebar = GTK_WIDGET (child ("sidebar"));
  GtkWidget *content = GTK_WIDGET (child ("content_stack"));
  GtkWidget *back = GTK_WIDGET (child ("back_button"));
  GtkListBox *list = GTK_LIST_BOX (child ("jobs_list"));
  SlProfileView *view = sl_jobs_page_get_profile_view (jobs_page ());
  GtkListBoxRow *row;
  GListModel *matches;
  g_autoptr(SlMatchItem) first = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  sl_window_show_page (window, "jobs");
  app_test_resize (GTK_WINDOW (window), 360, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_visible (back));

  g_signal_emit_by_name (back, "clicked");
  spin (300);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  spin (300);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);

  /* A candidate from the ranking: the profile fills the page. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child ("job_stack")), "ranking");
  matches = sl_ranking_view_get_model (sl_jobs_page_get_ranking_view (jobs_page ()));
  g_assert_cmpuint (g_list_model_get_n_items (matches), >, 0);
  first = g_list_model_get_item (matches, 0);
  g_signal_emit_by_name (sl_jobs_page_get_ranking_view (jobs_page ()), "open-profile", first);
  spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  g_assert_true (sl_profile_view_get_document_folded (view));
  g_assert_false (sl_profile_view_get_document_on_screen (view));
  g_signal_emit_by_name (sl_profile_view_get_back_button (view), "clicked");
  spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));

  app_test_resize (GTK_WINDOW (window), 1200, 700);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_get_mapped (content));

  app_test_resize (GTK_WINDOW (window), 1100, 720);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-decoration-layout");
}

static gboolean
board_shows_stage (gpointer data)
{
  GPtrArray *entries = sl_shortlist_board_get_entries (sl_jobs_page_get_board (jobs_page ()));

  for (guint i = 0; i < entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (entries, i);
      if (e->candidate_id == ideal_id)
        return (int) e->stage == GPOINTER_TO_INT (data);
    }
  return FALSE;
}

static void
test_shortlist_move (void)
{
  SlJobsPage *page = jobs_page ();
  SlShortlistBoard *board = sl_jobs_page_get_board (page);
  GtkDropTarget *interview = sl_shortlist_board_get_drop_target (board, SL_STAGE_INTERVIEW);
  g_autoptr(SlStore) store = reader ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;
  gint64 job_id = sl_jobs_page_get_job_id (page);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child ("job_stack")), "shortlist");
  spin (50);

  /* What GTK hands the column when a card is dropped on it. */
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, ideal_id);
  g_signal_emit_by_name (interview, "drop", &value, 20.0, 40.0, &handled);
  g_assert_true (handled);
  iterate_until (board_shows_stage, GINT_TO_POINTER (SL_STAGE_INTERVIEW), 5000);
  g_assert_true (board_shows_stage (GINT_TO_POINTER (SL_STAGE_INTERVIEW)));

  /* The keyboard way: the card menu's "Move to". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move", "(xi)", ideal_id, (gint32) SL_STAGE_OFFER));
  iterate_until (board_shows_stage, GINT_TO_POINTER (SL_STAGE_OFFER), 5000);
  g_assert_true (board_shows_stage (GINT_TO_POINTER (SL_STAGE_OFFER)));

  entries = sl_store_shortlist_list (store, job_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (entries, i);
      g_assert_cmpint (e->stage, ==, e->candidate_id == ideal_id ? SL_STAGE_OFFER : SL_STAGE_NEW);
    }

  history = sl_store_shortlist_history (store, job_id, ideal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((SlStageChange *) g_ptr_array_index (history, 0))->to, ==, SL_STAGE_NEW);
  g_assert_cmpint (((SlStageChange *) g_ptr_array_index (history, 1))->from, ==, SL_STAGE_NEW);
  g_assert_cmpint (((SlStageChange *) g_ptr_array_index (history, 1))->to, ==, SL_STAGE_INTERVIEW);
  g_assert_cmpint (((SlStageChange *) g_ptr_array_index (history, 2))->from, ==, SL_STAGE_INTERVIEW);
  g_assert_cmpint (((SlStageChange *) g_ptr_array_index (history, 2))->to, ==, SL_STAGE_OFFER);
  {
    g_autofree char *text = sl_shortlist_describe_history (history);
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "Added as New"));
    g_assert_true (g_str_has_prefix (lines[2], "Interview → Offer"));
  }

  /* The card is in the Offer column on screen. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (board), ideal_name, TRUE), ==, 1);
}

static void
test_shortlist_note (void)
{
  SlShortlistBoard *board = sl_jobs_page_get_board (jobs_page ());
  g_autoptr(SlStore) store = reader ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *note = "Second interview with the platform team on Thursday";

  g_assert_true (sl_shortlist_board_set_note (board, ideal_id, note, &error));
  g_assert_no_error (error);
  entries = sl_store_shortlist_list (store, sl_jobs_page_get_job_id (jobs_page ()), &error);
  for (guint i = 0; i < entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (entries, i);
      g_assert_cmpstr (e->note, ==, e->candidate_id == ideal_id ? note : NULL);
    }
  spin (50);
  g_assert_cmpuint (count_labels (GTK_WIDGET (board), note, TRUE), ==, 1);
}

static gboolean
profile_shown (gpointer data)
{
  return sl_profile_view_get_profile_id (data) > 0;
}

static void
test_blind_review (void)
{
  SlJobsPage *page = jobs_page ();
  GtkWidget *widget = GTK_WIDGET (page);
  SlProfileView *profile = sl_jobs_page_get_profile_view (page);
  g_autoptr(SlStore) store = reader ();
  g_autofree char *key = sl_blind_key (store);
  g_autofree char *alias = sl_candidate_alias (key, sl_jobs_page_get_job_id (page), ideal_id);
  g_autofree char *by_id = g_strdup_printf ("Candidate #%" G_GINT64_FORMAT, ideal_id);
  g_autoptr(SlMatchItem) first = ranked (0);

  /* Names on the board before. */
  g_assert_cmpuint (count_labels (widget, ideal_name, FALSE), >, 0);

  sl_jobs_page_set_blind (page, TRUE);
  spin (50);
  /* Nowhere on the page, shown or not: not on the board … */
  g_assert_cmpuint (count_labels (widget, "Vandersloot", FALSE), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (sl_jobs_page_get_board (page)), alias, TRUE), ==, 1);
  /* … nor in the ranking … */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child ("job_stack")), "ranking");
  spin (100);
  g_assert_cmpuint (count_labels (widget, "Vandersloot", FALSE), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (sl_jobs_page_get_ranking_view (page)), alias, TRUE), ==, 1);
  /* The alias is a code, not the database id (import order). */
  g_assert_nonnull (key);
  g_assert_true (g_str_has_prefix (alias, "Candidate #"));
  g_assert_cmpuint (count_exact_labels (widget, by_id), ==, 0);

  /* … nor in the profile opened from the ranking: no name, e-mail or
   * gendered word from the summary. */
  g_signal_emit_by_name (sl_jobs_page_get_ranking_view (page), "open-profile", first);
  iterate_until (profile_shown, profile, 5000);
  spin (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (profile)));
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), "Vandersloot", FALSE), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), ideal_email, FALSE), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), "She runs", FALSE), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), alias, TRUE), >, 0);
  g_assert_cmpuint (count_exact_labels (GTK_WIDGET (profile), by_id), ==, 0);
  /* The rest of the profile is still there to judge. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), "Platform Engineer", TRUE), >, 0);

  /* Off again: the name comes back where it was. */
  sl_jobs_page_set_blind (page, FALSE);
  spin (50);
  g_assert_cmpuint (count_labels (GTK_WIDGET (profile), ideal_name, TRUE), >, 0);
  g_signal_emit_by_name (profile, "back");
  spin (100);
  g_assert_cmpuint (count_labels (GTK_WIDGET (sl_jobs_page_get_ranking_view (page)), ideal_name, TRUE), ==, 1);
}

static void
on_export_finished (SlJobsPage *page,
                    gboolean    ok,
                    int        *result)
{
  *result = ok ? 1 : 2;
}

static gboolean
int_set (gpointer data)
{
  return *(int *) data != 0;
}

static char *
export_to (const char *name,
           gboolean    blind)
{
  SlJobsPage *page = jobs_page ();
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *contents = NULL;
  int result = 0;
  gulong id = g_signal_connect (page, "export-finished", G_CALLBACK (on_export_finished), &result);

  sl_jobs_page_set_blind (page, blind);
  sl_jobs_page_export (page, file);
  iterate_until (int_set, &result, 10000);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpint (result, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  sl_jobs_page_set_blind (page, FALSE);
  return contents;
}

static void
test_export (void)
{
  g_autofree char *open_csv = export_to ("shortlist.csv", FALSE);
  g_autofree char *blind_csv = export_to ("shortlist-blind.csv", TRUE);
  g_auto(GStrv) lines = g_strsplit (g_strchomp (open_csv), "\n", -1);

  /* A header and the two candidates. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (open_csv, ideal_name));
  g_assert_nonnull (strstr (open_csv, "Second interview"));
  g_assert_null (strstr (blind_csv, "Vandersloot"));
  g_assert_null (strstr (blind_csv, ideal_email));
  g_assert_nonnull (strstr (blind_csv, "Second interview"));
}

/* From the Candidates page: the profile's "Add to Shortlist…" menu. */
static void
test_add_from_candidates (void)
{
  GtkWidget *candidates = sl_window_get_page (window, "candidates");
  SlProfileView *view = sl_candidates_page_get_profile_view (SL_CANDIDATES_PAGE (candidates));
  g_autoptr(SlStore) store = reader ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job_id = sl_jobs_page_get_job_id (jobs_page ());
  g_autoptr(SlStoredProfile) generated = sl_store_get_profile (store, 1, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  sl_window_show_page (window, "candidates");
  sl_candidates_page_show_profile (SL_CANDIDATES_PAGE (candidates), generated->id, NULL);
  g_assert_cmpint (sl_profile_view_get_profile_id (view), ==, generated->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "profile.add-to-shortlist", "x", job_id));

  entries = sl_store_shortlist_list (store, job_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (entries, i);
      if (e->candidate_id == generated->candidate_id)
        {
          found = TRUE;
          g_assert_cmpint (e->stage, ==, SL_STAGE_NEW);
          g_assert_cmpfloat (e->score, <, 0);
        }
    }
  g_assert_true (found);

  /* Back on the Jobs page, the board has the card. */
  sl_window_show_page (window, "jobs");
  spin (50);
  g_assert_cmpuint (sl_shortlist_board_get_entries (sl_jobs_page_get_board (jobs_page ()))->len, ==, 3);
}

static gboolean
find_message_dialog (gpointer data)
{
  AdwMessageDialog **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        *out = ADW_MESSAGE_DIALOG (w);
    }
  return *out != NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  iterate_until (find_message_dialog, &dialog, 5000);
  g_assert_nonnull (dialog);
  return dialog;
}

/* Last: edits are not lost by opening another job. */
static void
test_unsaved_changes (void)
{
  SlJobsPage *page = jobs_page ();
  gint64 job_id = sl_jobs_page_get_job_id (page);
  GtkEditable *title = GTK_EDITABLE (child ("title_row"));
  g_autoptr(SlStore) store = reader ();
  g_autoptr(SlJob) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_jobs_page_has_unsaved_changes (page));
  gtk_editable_set_text (title, "Platform Engineer, Messaging");
  g_assert_true (sl_jobs_page_has_unsaved_changes (page));

  /* Cancel: still the same job, still the edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "jobs.new", NULL));
  adw_message_dialog_response (wait_for_dialog (), "cancel");
  spin (50);
  g_assert_cmpint (sl_jobs_page_get_job_id (page), ==, job_id);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Platform Engineer, Messaging");

  /* Save: stored, then the new job opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "jobs.new", NULL));
  adw_message_dialog_response (wait_for_dialog (), "save");
  spin (50);
  stored = sl_store_get_job (store, job_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Platform Engineer, Messaging");
  g_assert_cmpint (sl_jobs_page_get_job_id (page), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "");
  g_assert_false (sl_jobs_page_has_unsaved_changes (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = sl_test_make_home ("shortlist-jobs-XXXXXX");
  db_path = g_build_filename (tmp_dir, "shortlist.db", NULL);
  fill_database ();

  app = sl_application_new (db_path, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = app_test_open_window (app);

  g_test_add_func ("/app-jobs/page", test_page_exists);
  g_test_add_func ("/app-jobs/create", test_create_job);
  g_test_add_func ("/app-jobs/ranking", test_ranking);
  g_test_add_func ("/app-jobs/shortlist-add", test_shortlist_add);
  g_test_add_func ("/app-jobs/narrow", test_narrow);
  g_test_add_func ("/app-jobs/narrow-window", test_narrow_window);
  g_test_add_func ("/app-jobs/shortlist-move", test_shortlist_move);
  g_test_add_func ("/app-jobs/shortlist-note", test_shortlist_note);
  g_test_add_func ("/app-jobs/blind", test_blind_review);
  g_test_add_func ("/app-jobs/export", test_export);
  g_test_add_func ("/app-jobs/add-from-candidates", test_add_from_candidates);
  g_test_add_func ("/app-jobs/unsaved-changes", test_unsaved_changes);

  status = g_test_run ();

  app_test_close_windows (app, window);
  g_clear_object (&app);
  sl_test_rm_rf (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);
  return status;
}
