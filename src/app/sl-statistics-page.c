/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-chart.h"
#include "sl-statistics-page-private.h"
#include "store/sl-store-stats.h"
#include "sl-source-label.h"

#define DAYS 30

struct _SlStatisticsPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkFlowBox    *totals_box;
  SlChart       *per_day_chart;
  GtkFlowBox    *charts_box;

  SlApplication *application;
  GCancellable  *cancellable;
  SlChart       *skills_chart;
  SlChart       *source_chart;
  SlChart       *status_chart;
  SlChart       *stage_chart;
  gboolean       dirty;
  guint          loads;
};

G_DEFINE_FINAL_TYPE (SlStatisticsPage, sl_statistics_page, GTK_TYPE_WIDGET)

guint
sl_statistics_page_get_loads (SlStatisticsPage *self)
{
  g_return_val_if_fail (SL_IS_STATISTICS_PAGE (self), 0);

  return self->loads;
}

SlChart *
sl_statistics_page_get_chart (SlStatisticsPage *self,
                              const char       *name)
{
  g_return_val_if_fail (SL_IS_STATISTICS_PAGE (self), NULL);

  if (g_str_equal (name, "per-day"))
    return self->per_day_chart;
  if (g_str_equal (name, "skills"))
    return self->skills_chart;
  if (g_str_equal (name, "source"))
    return self->source_chart;
  if (g_str_equal (name, "status"))
    return self->status_chart;
  if (g_str_equal (name, "stage"))
    return self->stage_chart;
  return NULL;
}

static GtkWidget *
total_card (const char *number,
            const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (value, "stat-number");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (value, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static SlChart *
chart_group (SlStatisticsPage *self,
             const char       *title,
             const char       *format)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart = sl_chart_new (SL_CHART_BARS);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (chart, 18);
  gtk_widget_set_margin_end (chart, 18);
  gtk_widget_set_margin_top (chart, 18);
  gtk_widget_set_margin_bottom (chart, 18);
  gtk_widget_set_valign (group, GTK_ALIGN_START);
  sl_chart_set_value_format (SL_CHART (chart), format);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), chart);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  gtk_flow_box_append (self->charts_box, group);
  return SL_CHART (chart);
}

static void
set_counts (SlChart     *chart,
            GPtrArray   *counts,
            guint        limit,
            const char *(*label_for) (const char *key))
{
  guint n = counts ? MIN (counts->len, limit) : 0;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);

  for (guint i = 0; i < n; i++)
    {
      SlStatCount *c = g_ptr_array_index (counts, i);
      if (c->key == NULL)
        labels[i] = _("unknown");
      else
        labels[i] = label_for != NULL ? label_for (c->key) : c->key;
      values[i] = (double) c->count;
    }
  sl_chart_set_data (chart, labels, values, n);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (chart), ADW_TYPE_PREFERENCES_GROUP), n > 0);
}

/* Per day: the last DAYS days, oldest first, days without imports as 0. */
static void
set_per_day (SlStatisticsPage *self,
             GPtrArray        *per_day)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double values[DAYS] = { 0 };

  for (int d = 0; d < DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, d - (DAYS - 1));
      g_autofree char *key = g_date_time_format (day, "%Y-%m-%d");

      for (guint i = 0; per_day != NULL && i < per_day->len; i++)
        {
          SlStatCount *c = g_ptr_array_index (per_day, i);
          if (c->key != NULL && g_str_has_prefix (c->key, key))
            values[d] += (double) c->count;
        }
      /* Translators: a short day label under the per-day chart, strftime format */
      g_ptr_array_add (labels, g_date_time_format (day, C_("chart day", "%b %-d")));
    }
  sl_chart_set_data (self->per_day_chart, (const char * const *) labels->pdata, values, DAYS);
}

static void
set_stages (SlStatisticsPage *self,
            GPtrArray        *stages)
{
  guint n = stages ? stages->len : 0;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);

  for (guint i = 0; i < n; i++)
    {
      SlStageTime *t = g_ptr_array_index (stages, i);
      labels[i] = t->stage;
      values[i] = t->avg_ms;
    }
  sl_chart_set_data (self->stage_chart, labels, values, n);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->stage_chart), ADW_TYPE_PREFERENCES_GROUP), n > 0);
}

static void
show_stats (SlStatisticsPage   *self,
            const SlStoreStats *stats)
{
  GtkWidget *child;
  g_autofree char *candidates = g_strdup_printf ("%'" G_GINT64_FORMAT, stats->candidates);
  g_autofree char *profiles = g_strdup_printf ("%'" G_GINT64_FORMAT, stats->profiles);
  g_autofree char *imports = g_strdup_printf ("%'" G_GINT64_FORMAT, stats->intake_total);
  g_autofree char *errors = g_strdup_printf ("%.1f %%", stats->error_rate * 100.0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_box))) != NULL)
    gtk_flow_box_remove (self->totals_box, child);
  gtk_flow_box_append (self->totals_box, total_card (candidates, _("Candidates")));
  gtk_flow_box_append (self->totals_box, total_card (profiles, _("Profiles")));
  gtk_flow_box_append (self->totals_box, total_card (imports, _("Files imported")));
  gtk_flow_box_append (self->totals_box, total_card (errors, _("Failed imports")));

  set_per_day (self, stats->per_day);
  set_counts (self->skills_chart, stats->top_skills, 12, NULL);
  set_counts (self->source_chart, stats->by_source, 10, sl_source_label);
  set_counts (self->status_chart, stats->by_status, 12, NULL);
  set_stages (self, stats->stage_times);

  gtk_stack_set_visible_child_name (self->stack,
                                    stats->profiles > 0 || stats->intake_total > 0 ? "stats" : "empty");
  self->loads++;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = sl_store_open_full (task_data, SL_STORE_OPEN_READONLY, &error);
  SlStoreStats *stats;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stats = sl_store_get_profile_statistics (store, 12, DAYS, &error);
  if (stats == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) sl_store_stats_free);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStoreStats) stats = g_task_propagate_pointer (G_TASK (result), &error);
  SlStatisticsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_STATISTICS_PAGE (source);
  g_debug ("Statistics arrived: %s", stats ? "yes" : error->message);
  if (stats == NULL)
    {
      g_debug ("Could not read the statistics: %s", error->message);
      return;
    }
  show_stats (self, stats);
}

void
sl_statistics_page_refresh (SlStatisticsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SlStore *store;

  g_return_if_fail (SL_IS_STATISTICS_PAGE (self));

  if (self->application == NULL)
    return;
  /* Only when someone looks; otherwise on the next map. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  g_debug ("Reading statistics");
  store = sl_application_get_store (self->application, &error);
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, sl_statistics_page_refresh);
  g_task_set_task_data (task, g_strdup (sl_store_get_path (store)), g_free);
  g_task_run_in_thread (task, load_thread);
}

void
sl_statistics_page_set_application (SlStatisticsPage *self,
                                    SlApplication    *application)
{
  g_return_if_fail (SL_IS_STATISTICS_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
  self->dirty = TRUE;
}

static void
sl_statistics_page_map (GtkWidget *widget)
{
  SlStatisticsPage *self = SL_STATISTICS_PAGE (widget);

  GTK_WIDGET_CLASS (sl_statistics_page_parent_class)->map (widget);
  if (self->dirty)
    sl_statistics_page_refresh (self);
}

static void
sl_statistics_page_dispose (GObject *object)
{
  SlStatisticsPage *self = SL_STATISTICS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_STATISTICS_PAGE);

  G_OBJECT_CLASS (sl_statistics_page_parent_class)->dispose (object);
}

static void
sl_statistics_page_class_init (SlStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_statistics_page_dispose;
  widget_class->map = sl_statistics_page_map;

  g_type_ensure (SL_TYPE_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlStatisticsPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, SlStatisticsPage, per_day_chart);
  gtk_widget_class_bind_template_child (widget_class, SlStatisticsPage, charts_box);
}

static void
sl_statistics_page_init (SlStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_chart_set_kind (self->per_day_chart, SL_CHART_COLUMNS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->per_day_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Profiles created per day"), -1);
  self->skills_chart = chart_group (self, _("Top Skills"), "%.0f");
  self->source_chart = chart_group (self, _("Profiles by Source"), "%.0f");
  self->status_chart = chart_group (self, _("Imports by Status"), "%.0f");
  self->stage_chart = chart_group (self, _("Average Time per Stage"), _("%.0f ms"));
}
