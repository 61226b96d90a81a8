/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "intake/sl-pipeline.h"
#include "sl-import-item.h"
#include "sl-imports-page-private.h"
#include "sl-source-label.h"

struct _SlImportsPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkLabel      *batch_title;
  GtkLabel      *batch_detail;
  GtkProgressBar *batch_progress;
  GtkWidget     *retry_failed_button;
  GtkWidget     *cancel_all_button;
  GtkToggleButton *pause_button;
  GtkListView   *list_view;

  SlApplication *application;
  SlPipeline    *pipeline;
  GListStore    *items;        /* SlImportItem, in the order files were queued */
  GHashTable    *by_qid;       /* qid → SlImportItem (borrowed from items) */
  GCancellable  *cancellable;
  gint64         batch_started;
  guint          batch_done;
  guint          batch_total;
};

G_DEFINE_FINAL_TYPE (SlImportsPage, sl_imports_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_PROFILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GListModel *
sl_imports_page_get_items (SlImportsPage *self)
{
  g_return_val_if_fail (SL_IS_IMPORTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

SlImportItem *
sl_imports_page_find (SlImportsPage *self,
                      gint64         qid)
{
  g_return_val_if_fail (SL_IS_IMPORTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->by_qid, &qid);
}

static SlStore *
store (SlImportsPage *self)
{
  return self->application ? sl_application_get_store (self->application, NULL) : NULL;
}

/* Re-reads one row: a short indexed read by primary key. */
static void
refresh_item (SlImportsPage *self,
              SlImportItem  *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlIntakeRecord) record = NULL;

  if (store (self) == NULL)
    return;
  record = sl_store_intake_get_record (store (self), sl_import_item_get_qid (item), &error);
  if (record != NULL)
    sl_import_item_update (item, record);
  else
    g_debug ("Could not read intake row: %s", error->message);
}

static SlImportItem *
add_item (SlImportsPage *self,
          gint64         qid)
{
  g_autoptr(SlImportItem) item = NULL;

  if (g_hash_table_contains (self->by_qid, &qid))
    return g_hash_table_lookup (self->by_qid, &qid);
  item = sl_import_item_new (qid);
  refresh_item (self, item);
  g_hash_table_insert (self->by_qid, g_memdup2 (&qid, sizeof qid), item);
  g_list_store_append (self->items, item);
  return item;
}

static void
update_header (SlImportsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint failed = 0, working = 0;
  g_autofree char *title = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *status = sl_import_item_get_status (item);

      if (g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "infected") == 0)
        failed++;
      else if (!sl_import_item_is_final (item))
        working++;
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (self->batch_total > 0 && self->batch_done < self->batch_total)
    {
      double elapsed = (g_get_monotonic_time () - self->batch_started) / (double) G_USEC_PER_SEC;

      title = g_strdup_printf (_("Importing %'u of %'u files"), self->batch_done, self->batch_total);
      gtk_progress_bar_set_fraction (self->batch_progress, (double) self->batch_done / self->batch_total);
      if (elapsed > 0.5 && self->batch_done > 0)
        g_string_append_printf (detail, _("%.1f files per second"), self->batch_done / elapsed);
    }
  else
    {
      title = working > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u file", "%'u files", n), n)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u file imported", "%'u files imported", n), n);
      gtk_progress_bar_set_fraction (self->batch_progress, n > 0 && working == 0 ? 1.0 : 0.0);
    }
  if (failed > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", failed), failed);
    }
  gtk_label_set_label (self->batch_title, title);
  gtk_label_set_label (self->batch_detail, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_detail), detail->len > 0);
  gtk_widget_set_visible (self->retry_failed_button, failed > 0);
  gtk_widget_set_visible (self->cancel_all_button, working > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button),
                          working > 0 || gtk_toggle_button_get_active (self->pause_button));
}

static void
show_paused (SlImportsPage *self,
             gboolean       paused)
{
  const char *label = paused ? _("_Resume") : _("_Pause");
  const char *name = paused ? _("Resume importing") : _("Pause importing");

  gtk_button_set_label (GTK_BUTTON (self->pause_button), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Paused: files already being read finish, no further one starts. */
static void
on_pause_toggled (SlImportsPage *self)
{
  gboolean paused = gtk_toggle_button_get_active (self->pause_button);

  show_paused (self, paused);
  if (self->pipeline != NULL)
    sl_pipeline_set_paused (self->pipeline, paused);
  update_header (self);
}

GtkToggleButton *
sl_imports_page_get_pause_button (SlImportsPage *self)
{
  g_return_val_if_fail (SL_IS_IMPORTS_PAGE (self), NULL);

  return self->pause_button;
}

/* Pipeline signals */

static void
on_item_changed (SlPipeline    *pipeline,
                 gint64         qid,
                 const char    *status,
                 SlImportsPage *self)
{
  SlImportItem *item = g_hash_table_lookup (self->by_qid, &qid);

  /* Rows queued elsewhere (the watched folder) show up too. */
  if (item == NULL)
    item = add_item (self, qid);
  else
    refresh_item (self, item);
  if (sl_intake_status_is_final (status))
    update_header (self);
}

static void
on_batch_progress (SlPipeline    *pipeline,
                   guint          done,
                   guint          total,
                   SlImportsPage *self)
{
  if (self->batch_total == 0 || done < self->batch_done)
    self->batch_started = g_get_monotonic_time ();
  self->batch_done = done;
  self->batch_total = total;
  update_header (self);
}

/* The window builds this page at the pipeline's first event and hands it
 * the event its own handlers were connected too late for. */
void
sl_imports_page_note_item (SlImportsPage *self,
                           gint64         qid,
                           const char    *status)
{
  g_return_if_fail (SL_IS_IMPORTS_PAGE (self));
  g_return_if_fail (status != NULL);

  on_item_changed (self->pipeline, qid, status, self);
}

void
sl_imports_page_note_progress (SlImportsPage *self,
                               guint          done,
                               guint          total)
{
  g_return_if_fail (SL_IS_IMPORTS_PAGE (self));

  on_batch_progress (self->pipeline, done, total, self);
}

static void
on_batch_finished (SlPipeline    *pipeline,
                   guint          created,
                   guint          updated,
                   guint          duplicates,
                   guint          failed,
                   guint          cancelled,
                   SlImportsPage *self)
{
  self->batch_done = self->batch_total = 0;
  update_header (self);
}

/* Importing */

static void
on_enqueued (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) qids = sl_pipeline_enqueue_finish (SL_PIPELINE (source), result, &error);
  SlImportsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_IMPORTS_PAGE (user_data);
  if (qids == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *message = g_strdup_printf (_("Nothing to import: %s"), error->message);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
      return;
    }
  for (guint i = 0; i < qids->len; i++)
    add_item (self, g_array_index (qids, gint64, i));
  update_header (self);
}

gboolean
sl_imports_page_import (SlImportsPage *self,
                        GPtrArray     *files,
                        const char    *source)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (SL_IS_IMPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  if (self->pipeline == NULL)
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      /* Files without a local path (e.g. a remote location) are skipped. */
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return FALSE;
  /* Reading and hashing happen in the pipeline's thread, never here. */
  sl_pipeline_enqueue_async (self->pipeline, (const char * const *) paths, source,
                             self->cancellable, on_enqueued, self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  return TRUE;
}

/* Row actions */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);

  if (self->pipeline != NULL)
    sl_pipeline_retry (self->pipeline, g_variant_get_int64 (parameter));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);

  if (self->pipeline != NULL)
    sl_pipeline_cancel (self->pipeline, g_variant_get_int64 (parameter));
}

static void
cancel_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);

  if (self->pipeline != NULL)
    sl_pipeline_cancel_all (self->pipeline);
}

static void
retry_failed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);

  if (self->pipeline != NULL)
    sl_pipeline_retry (self->pipeline, 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);
  gint64 qid = g_variant_get_int64 (parameter);
  SlImportItem *item = g_hash_table_lookup (self->by_qid, &qid);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (item == NULL || sl_import_item_get_path (item) == NULL)
    return;
  file = g_file_new_for_path (sl_import_item_get_path (item));
  uri = g_file_get_uri (file);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
show_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (widget);
  gint64 qid = g_variant_get_int64 (parameter);
  SlImportItem *item = g_hash_table_lookup (self->by_qid, &qid);

  if (item != NULL && sl_import_item_get_profile_id (item) > 0)
    g_signal_emit (self, signals[SIGNAL_SHOW_PROFILE], 0, sl_import_item_get_profile_id (item),
                   sl_import_item_get_path (item));
}

/* Rows: one row widget per visible item, recycled by the list view. */

typedef struct
{
  GtkWidget *spinner;
  GtkWidget *icon;
  GtkWidget *name;
  GtkWidget *subtitle;
  GtkWidget *progress;
  GtkWidget *retry;
  GtkWidget *cancel;
  GtkWidget *open;
  GtkWidget *show;
} RowWidgets;

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* The action name is set with its target, when a row is bound: an
   * action with a parameter and no target would be refused. */
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  return button;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  w->spinner = gtk_spinner_new ();
  w->icon = gtk_image_new ();
  w->name = gtk_label_new (NULL);
  w->subtitle = gtk_label_new (NULL);
  w->progress = gtk_progress_bar_new ();
  w->retry = row_button ("view-refresh-symbolic", _("Retry"), "imports.retry");
  w->cancel = row_button ("process-stop-symbolic", _("Cancel"), "imports.cancel");
  w->open = row_button ("document-open-symbolic", _("Open the Original"), "imports.open");
  w->show = row_button ("go-next-symbolic", _("Show the Profile"), "imports.show-profile");

  gtk_label_set_xalign (GTK_LABEL (w->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (w->subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (w->subtitle), TRUE);
  gtk_widget_add_css_class (w->subtitle, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (w->progress, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (w->progress, 80, -1);

  gtk_box_append (GTK_BOX (box), w->spinner);
  gtk_box_append (GTK_BOX (box), w->icon);
  gtk_box_append (GTK_BOX (text), w->name);
  gtk_box_append (GTK_BOX (text), w->subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), w->progress);
  gtk_box_append (GTK_BOX (box), w->retry);
  gtk_box_append (GTK_BOX (box), w->cancel);
  gtk_box_append (GTK_BOX (box), w->open);
  gtk_box_append (GTK_BOX (box), w->show);

  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
  g_object_set_data_full (G_OBJECT (list_item), "row-widgets", w, g_free);
}

static void
sync_row (SlImportItem *item,
          GParamSpec   *pspec,
          GtkListItem  *list_item)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (list_item), "row-widgets");
  const char *status = sl_import_item_get_status (item);
  gboolean final = sl_import_item_is_final (item);
  gboolean failed = g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "infected") == 0;
  g_autofree char *words = sl_import_item_describe (item);
  g_autofree char *subtitle = NULL;
  GVariant *target = g_variant_new_int64 (sl_import_item_get_qid (item));
  const char *source = sl_import_item_get_source (item);

  gtk_label_set_label (GTK_LABEL (w->name), sl_import_item_get_name (item) ? sl_import_item_get_name (item) : "");
  subtitle = source ? g_strdup_printf ("%s · %s", sl_source_label (source), words) : g_strdup (words);
  gtk_label_set_label (GTK_LABEL (w->subtitle), subtitle);
  if (failed)
    {
      gtk_widget_add_css_class (w->subtitle, "error");
      gtk_widget_remove_css_class (w->subtitle, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (w->subtitle, "error");
      gtk_widget_add_css_class (w->subtitle, "dim-label");
    }

  gtk_spinner_set_spinning (GTK_SPINNER (w->spinner), !final);
  gtk_widget_set_visible (w->spinner, !final);
  gtk_widget_set_visible (w->icon, final);
  gtk_image_set_from_icon_name (GTK_IMAGE (w->icon),
                                failed ? "dialog-error-symbolic"
                                : g_strcmp0 (status, "cancelled") == 0 ? "process-stop-symbolic"
                                : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (w->icon, "error");
  gtk_widget_remove_css_class (w->icon, "success");
  gtk_widget_add_css_class (w->icon, failed ? "error" : "success");

  gtk_widget_set_visible (w->progress, !final);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (w->progress), sl_import_item_get_fraction (item));

  g_variant_ref_sink (target);
  {
    GtkWidget *buttons[] = { w->retry, w->cancel, w->open, w->show };
    for (gsize i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]), target);
        if (gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons[i])) == NULL)
          gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]),
                                          g_object_get_data (G_OBJECT (buttons[i]), "action"));
      }
  }
  g_variant_unref (target);
  gtk_widget_set_visible (w->retry, failed || g_strcmp0 (status, "cancelled") == 0);
  gtk_widget_set_visible (w->cancel, !final);
  gtk_widget_set_visible (w->open, final && sl_import_item_get_path (item) != NULL);
  gtk_widget_set_visible (w->show, sl_import_item_get_profile_id (item) > 0);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  SlImportItem *item = gtk_list_item_get_item (list_item);

  sync_row (item, NULL, list_item);
  g_signal_connect_object (item, "notify", G_CALLBACK (sync_row), list_item, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  SlImportItem *item = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (item, sync_row, list_item);
}

/* Rows left from earlier sessions that still need the user: failed ones
 * (to retry) and queued ones (the pipeline resumes them). */
static void
load_pending (SlImportsPage *self)
{
  const char *statuses[] = { "failed", "infected", "queued" };

  if (store (self) == NULL)
    return;
  for (gsize s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autoptr(GPtrArray) records = sl_store_intake_get_records_by_status (store (self), statuses[s], 200, NULL);

      for (guint i = 0; records != NULL && i < records->len; i++)
        add_item (self, ((SlIntakeRecord *) g_ptr_array_index (records, i))->qid);
    }
}

void
sl_imports_page_set_application (SlImportsPage *self,
                                 SlApplication *application)
{
  g_autoptr(GError) error = NULL;
  SlPipeline *pipeline;

  g_return_if_fail (SL_IS_IMPORTS_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
  pipeline = sl_application_get_pipeline (application, &error);
  if (pipeline == NULL)
    {
      g_debug ("No intake pipeline: %s", error->message);
      return;
    }
  self->pipeline = g_object_ref (pipeline);
  g_signal_connect_object (pipeline, "item-changed", G_CALLBACK (on_item_changed), self, 0);
  g_signal_connect_object (pipeline, "batch-progress", G_CALLBACK (on_batch_progress), self, 0);
  g_signal_connect_object (pipeline, "batch-finished", G_CALLBACK (on_batch_finished), self, 0);
  gtk_toggle_button_set_active (self->pause_button, sl_pipeline_get_paused (pipeline));
  load_pending (self);
  update_header (self);
}

static void
sl_imports_page_dispose (GObject *object)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_IMPORTS_PAGE);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sl_imports_page_parent_class)->dispose (object);
}

static void
sl_imports_page_finalize (GObject *object)
{
  SlImportsPage *self = SL_IMPORTS_PAGE (object);

  g_clear_pointer (&self->by_qid, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sl_imports_page_parent_class)->finalize (object);
}

static void
sl_imports_page_class_init (SlImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_imports_page_dispose;
  object_class->finalize = sl_imports_page_finalize;

  signals[SIGNAL_SHOW_PROFILE] = g_signal_new ("show-profile", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, batch_title);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, batch_detail);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, batch_progress);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, retry_failed_button);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, cancel_all_button);
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, list_view);

  gtk_widget_class_install_action (widget_class, "imports.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "imports.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "imports.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "imports.show-profile", "x", show_profile_action);
  gtk_widget_class_install_action (widget_class, "imports.cancel-all", NULL, cancel_all_action);
  gtk_widget_class_install_action (widget_class, "imports.retry-failed", NULL, retry_failed_action);
}

static void
sl_imports_page_init (SlImportsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SL_TYPE_IMPORT_ITEM);
  self->by_qid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  /* Pause/Resume, beside "Cancel All" in the batch header. */
  self->pause_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_use_underline (GTK_BUTTON (self->pause_button), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->pause_button), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), FALSE);
  show_paused (self, FALSE);
  g_signal_connect_swapped (self->pause_button, "toggled", G_CALLBACK (on_pause_toggled), self);
  gtk_widget_insert_before (GTK_WIDGET (self->pause_button), gtk_widget_get_parent (self->cancel_all_button),
                            self->cancel_all_button);
}
