/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-ranking-view.h"

struct _SlRankingView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkListView   *list_view;
  GtkLabel      *count_label;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;

  GListStore    *matches;
  GCancellable  *cancellable;
  char          *blind_key;    /* sl_blind_key of the ranked database */
  gint64         job_id;       /* of the ranking shown */
  gboolean       blind;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (SlRankingView, sl_ranking_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_PROFILE,
  SIGNAL_ADD_TO_SHORTLIST,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
sl_ranking_view_get_loading (SlRankingView *self)
{
  g_return_val_if_fail (SL_IS_RANKING_VIEW (self), FALSE);

  return self->loading;
}

GListModel *
sl_ranking_view_get_model (SlRankingView *self)
{
  g_return_val_if_fail (SL_IS_RANKING_VIEW (self), NULL);

  return G_LIST_MODEL (self->matches);
}

/* Rows: built once per visible row, bound to an item on scroll. */

typedef struct
{
  GtkLabel    *rank;
  GtkLabel    *name;
  GtkLabel    *title;
  GtkLabel    *score;
  GtkLevelBar *bar;
  GtkLabel    *summary;
  GtkButton   *add;
  gulong       notify_id;
} RowWidgets;

static void
update_add_button (GtkButton   *button,
                   SlMatchItem *item)
{
  gboolean on = sl_match_item_get_shortlisted (item);
  const char *label = on ? _("On the Shortlist") : _("Add to Shortlist");

  gtk_button_set_icon_name (button, on ? "emblem-ok-symbolic" : "list-add-symbolic");
  gtk_widget_set_sensitive (GTK_WIDGET (button), !on);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_shortlisted_changed (SlMatchItem *item,
                        GParamSpec  *pspec,
                        GtkButton   *button)
{
  update_add_button (button, item);
}

static void
on_add_clicked (GtkButton     *button,
                SlRankingView *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  SlMatchItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_ADD_TO_SHORTLIST], 0, item);
}

static GtkWidget *
row_label (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SlRankingView            *self)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *score = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  w->rank = GTK_LABEL (row_label ("dim-label", FALSE));
  w->name = GTK_LABEL (row_label ("heading", FALSE));
  w->title = GTK_LABEL (row_label ("dim-label", FALSE));
  w->score = GTK_LABEL (row_label ("ranking-score", FALSE));
  w->summary = GTK_LABEL (row_label ("ranking-summary", TRUE));
  w->bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 100));
  w->add = GTK_BUTTON (gtk_button_new ());

  gtk_widget_add_css_class (GTK_WIDGET (w->rank), "numeric");
  gtk_label_set_width_chars (w->rank, 3);
  gtk_label_set_xalign (w->rank, 1);
  gtk_widget_set_valign (GTK_WIDGET (w->rank), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (w->score), "numeric");
  gtk_label_set_xalign (w->score, 1);
  gtk_widget_set_size_request (GTK_WIDGET (w->bar), 72, -1);
  /* One colour for every score: the number says how good it is. */
  gtk_level_bar_remove_offset_value (w->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (w->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (w->bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_valign (score, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (w->add), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (w->add), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (w->add), "circular");
  g_object_set_data (G_OBJECT (w->add), "list-item", list_item);
  g_signal_connect_object (w->add, "clicked", G_CALLBACK (on_add_clicked), self, 0);
  /* The breakdown lines up under the name. */
  gtk_widget_set_margin_start (GTK_WIDGET (w->summary), 36);
  gtk_widget_set_margin_end (GTK_WIDGET (w->summary), 48);

  gtk_box_append (GTK_BOX (names), GTK_WIDGET (w->name));
  gtk_box_append (GTK_BOX (names), GTK_WIDGET (w->title));
  gtk_box_append (GTK_BOX (score), GTK_WIDGET (w->score));
  gtk_box_append (GTK_BOX (score), GTK_WIDGET (w->bar));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (w->rank));
  gtk_box_append (GTK_BOX (top), names);
  gtk_box_append (GTK_BOX (top), score);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (w->add));
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (w->summary));
  gtk_widget_add_css_class (row, "ranking-row");

  g_object_set_data_full (G_OBJECT (list_item), "row-widgets", w, g_free);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SlRankingView            *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (list_item), "row-widgets");
  SlMatchItem *item = gtk_list_item_get_item (list_item);
  const SlMatch *m = sl_match_item_get_match (item);
  g_autofree char *rank = g_strdup_printf ("%u", sl_match_item_get_rank (item));
  g_autofree char *score = g_strdup_printf ("%.0f", m->score);
  g_autofree char *alias = sl_candidate_alias (self->blind_key, self->job_id, m->candidate_id);
  const char *name = self->blind || m->name == NULL ? alias : m->name;
  g_autofree char *a11y = NULL;

  gtk_label_set_label (w->rank, rank);
  gtk_label_set_label (w->name, name);
  gtk_label_set_label (w->title, m->title ? m->title : "");
  gtk_widget_set_visible (GTK_WIDGET (w->title), m->title != NULL && m->title[0] != '\0');
  gtk_label_set_label (w->score, score);
  gtk_level_bar_set_value (w->bar, CLAMP (m->score, 0, 100));
  gtk_label_set_label (w->summary, m->summary ? m->summary : "");
  update_add_button (w->add, item);
  w->notify_id = g_signal_connect (item, "notify::shortlisted", G_CALLBACK (on_shortlisted_changed), w->add);

  /* Translators: how a screen reader reads a ranking row: name, score */
  a11y = g_strdup_printf (_("%s, score %s"), name, score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SlRankingView            *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (list_item), "row-widgets");
  SlMatchItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && w->notify_id != 0)
    g_signal_handler_disconnect (item, w->notify_id);
  w->notify_id = 0;
  /* A recycled row must not keep a name that blind review hides. */
  gtk_label_set_label (w->name, "");
  gtk_label_set_label (w->summary, "");
}

static void
on_activate (GtkListView   *view,
             guint          position,
             SlRankingView *self)
{
  g_autoptr(SlMatchItem) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_PROFILE], 0, item);
}

/* Ranking on a worker */

typedef struct
{
  char  *db_path;
  SlJob *job;
  char  *blind_key;   /* read by the worker */
} RankJob;

static void
rank_job_free (RankJob *job)
{
  g_free (job->db_path);
  g_free (job->blind_key);
  sl_job_free (job->job);
  g_free (job);
}

static void
rank_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RankJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open_full (job->db_path, SL_STORE_OPEN_READONLY, &error);
  GPtrArray *matches;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->blind_key = sl_blind_key (store);
  matches = sl_store_rank (store, job->job, NULL, SL_RANKING_VIEW_LIMIT, cancellable, &error);
  if (matches == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_ptr_array_unref);
}

static void
rank_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree gpointer *owned = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SlRankingView *self;
  gsize n = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_RANKING_VIEW (source);
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (matches == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  /* The items take the matches over. */
  {
    RankJob *data = g_task_get_task_data (G_TASK (result));
    g_free (self->blind_key);
    self->blind_key = g_steal_pointer (&data->blind_key);
    self->job_id = data->job->id;
  }
  owned = g_ptr_array_steal (matches, &n);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (items, sl_match_item_new (owned[i], i + 1));
  g_list_store_splice (self->matches, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matches)),
                       items->pdata, items->len);
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u candidate ranked",
                                                            "%'u candidates ranked", (guint) n), (guint) n);
    gtk_label_set_label (self->count_label, count);
  }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "results" : "none");
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
}

void
sl_ranking_view_rank (SlRankingView *self,
                      const char    *db_path,
                      const SlJob   *job)
{
  g_autoptr(GTask) task = NULL;
  RankJob *data;

  g_return_if_fail (SL_IS_RANKING_VIEW (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (job != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  data = g_new0 (RankJob, 1);
  data->db_path = g_strdup (db_path);
  data->job = sl_job_copy (job);
  task = g_task_new (self, self->cancellable, rank_done, NULL);
  g_task_set_source_tag (task, sl_ranking_view_rank);
  g_task_set_task_data (task, data, (GDestroyNotify) rank_job_free);
  g_task_run_in_thread (task, rank_thread);
}

void
sl_ranking_view_clear (SlRankingView *self)
{
  g_return_if_fail (SL_IS_RANKING_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_list_store_remove_all (self->matches);
  gtk_stack_set_visible_child_name (self->stack, "idle");
}

static void
rebind_all (SlRankingView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->matches));

  /* The items did not change, their look did: bind every row again. */
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->matches), 0, n, n);
}

void
sl_ranking_view_set_blind (SlRankingView *self,
                           gboolean       blind)
{
  g_return_if_fail (SL_IS_RANKING_VIEW (self));

  blind = !!blind;
  if (self->blind == blind)
    return;
  self->blind = blind;
  rebind_all (self);
}

void
sl_ranking_view_set_shortlisted (SlRankingView *self,
                                 GHashTable    *candidate_ids)
{
  guint n;

  g_return_if_fail (SL_IS_RANKING_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMatchItem) item = g_list_model_get_item (G_LIST_MODEL (self->matches), i);
      gint64 id = sl_match_item_get_match (item)->candidate_id;

      sl_match_item_set_shortlisted (item, candidate_ids != NULL && g_hash_table_contains (candidate_ids, &id));
    }
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
sl_ranking_view_dispose (GObject *object)
{
  SlRankingView *self = SL_RANKING_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->blind_key, g_free);

  G_OBJECT_CLASS (sl_ranking_view_parent_class)->dispose (object);
}

static void
sl_ranking_view_class_init (SlRankingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_ranking_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[SIGNAL_OPEN_PROFILE] =
    g_signal_new ("open-profile", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SL_TYPE_MATCH_ITEM);
  signals[SIGNAL_ADD_TO_SHORTLIST] =
    g_signal_new ("add-to-shortlist", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SL_TYPE_MATCH_ITEM);
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
sl_ranking_view_init (SlRankingView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *results = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *loading_label = gtk_label_new (_("Ranking the candidates…"));

  self->matches = g_list_store_new (SL_TYPE_MATCH_ITEM);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  gtk_stack_add_named (self->stack,
                       status_page ("view-list-ordered-symbolic", _("Save the Job to Rank"),
                                    _("Candidates are scored against the job’s skills, experience, location and languages once it is saved")),
                       "idle");

  self->spinner = GTK_SPINNER (spinner);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_add_css_class (loading_label, "dim-label");
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), loading_label);
  gtk_stack_add_named (self->stack, loading, "loading");

  gtk_stack_add_named (self->stack,
                       status_page ("system-search-symbolic", _("No Matching Candidates"),
                                    _("Nobody matches this job yet: try fewer required skills or import more resumes")),
                       "none");
  self->error_page = ADW_STATUS_PAGE (status_page ("dialog-error-symbolic", _("Could Not Rank the Candidates"), NULL));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)))),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "ranking-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ranked Candidates"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->count_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (results), scroller);
  gtk_box_append (GTK_BOX (results), GTK_WIDGET (self->count_label));
  gtk_stack_add_named (self->stack, results, "results");

  gtk_stack_set_visible_child_name (self->stack, "idle");
}
