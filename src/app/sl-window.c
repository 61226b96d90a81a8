/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-app-sync.h"
#include "sl-candidates-page.h"
#include "sl-imports-page-private.h"
#include "sl-jobs-page.h"
#include "sl-statistics-page.h"
#include "sl-window-private.h"

struct _SlWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *drop_revealer;
  AdwViewStack         *view_stack;
  SlCandidatesPage     *candidates_page;
  GtkLabel             *sync_status_label;
  /* The pages not shown at start are built on first need (a visit, an
   * import, a caller of sl_window_get_page()) into these placeholders;
   * until then the pointers below are NULL. */
  AdwBin               *imports_bin;
  AdwBin               *statistics_bin;
  AdwBin               *jobs_bin;
  SlImportsPage        *imports_page;
  SlStatisticsPage     *statistics_page;
  SlJobsPage           *jobs_page;
  SlApplication        *application;  /* not owned: it owns the window */

  GtkDropTarget        *drop_target;
  SlPipeline           *pipeline;
  guint                 refresh_id;
  GtkFileChooserNative *chooser;      /* GTK 4.8 */
  gboolean              choosing;     /* GTK ≥ 4.10: a GtkFileDialog is open */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SlWindow, sl_window, ADW_TYPE_APPLICATION_WINDOW)

static void sl_window_setup (SlWindow      *self,
                             SlApplication *app);

static void on_show_profile (SlWindow      *self,
                             gint64         profile_id,
                             const char    *path,
                             SlImportsPage *page);

/* Lazy pages */

/* Each page has its application before it is shown: a page shown at once
 * (being built for the view switcher) reads its data when mapped. */
static SlImportsPage *
ensure_imports_page (SlWindow *self)
{
  if (self->imports_page == NULL)
    {
      self->imports_page = g_object_new (SL_TYPE_IMPORTS_PAGE, NULL);
      sl_imports_page_set_application (self->imports_page, self->application);
      adw_bin_set_child (self->imports_bin, GTK_WIDGET (self->imports_page));
      g_signal_connect_object (self->imports_page, "show-profile", G_CALLBACK (on_show_profile),
                               self, G_CONNECT_SWAPPED);
    }
  return self->imports_page;
}

static SlStatisticsPage *
ensure_statistics_page (SlWindow *self)
{
  if (self->statistics_page == NULL)
    {
      self->statistics_page = g_object_new (SL_TYPE_STATISTICS_PAGE, NULL);
      sl_statistics_page_set_application (self->statistics_page, self->application);
      adw_bin_set_child (self->statistics_bin, GTK_WIDGET (self->statistics_page));
    }
  return self->statistics_page;
}

static SlJobsPage *
ensure_jobs_page (SlWindow *self)
{
  if (self->jobs_page == NULL)
    {
      self->jobs_page = g_object_new (SL_TYPE_JOBS_PAGE, NULL);
      sl_jobs_page_set_application (self->jobs_page, self->application);
      adw_bin_set_child (self->jobs_bin, GTK_WIDGET (self->jobs_page));
    }
  return self->jobs_page;
}

static GtkWidget *
ensure_page (SlWindow   *self,
             const char *name)
{
  if (g_strcmp0 (name, "imports") == 0)
    return GTK_WIDGET (ensure_imports_page (self));
  if (g_strcmp0 (name, "statistics") == 0)
    return GTK_WIDGET (ensure_statistics_page (self));
  if (g_strcmp0 (name, "jobs") == 0)
    return GTK_WIDGET (ensure_jobs_page (self));
  return name != NULL ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;
}

/* A page is built as it becomes visible, before it is drawn: by the view
 * switcher, a shortcut, or sl_window_show_page(). */
static void
on_visible_page_changed (SlWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

SlWindow *
sl_window_new (SlApplication *application)
{
  SlWindow *self;

  g_return_val_if_fail (SL_IS_APPLICATION (application), NULL);

  self = g_object_new (SL_TYPE_WINDOW, "application", application, NULL);
  sl_window_setup (self, application);
  return self;
}

void
sl_window_add_toast (SlWindow   *self,
                     const char *title)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
sl_window_show_page (SlWindow   *self,
                     const char *name)
{
  const char *tab;

  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  /* "jobs/shortlist": a tab of the Jobs page. */
  tab = strchr (name, '/');
  if (tab != NULL && g_str_has_prefix (name, "jobs/"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "jobs");
      sl_jobs_page_show_tab (ensure_jobs_page (self), tab + 1);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
sl_window_open_first_candidate (SlWindow *self)
{
  g_return_if_fail (SL_IS_WINDOW (self));

  sl_window_show_page (self, "candidates");
  sl_candidates_page_open_position (self->candidates_page, 0);
}

GtkWidget *
sl_window_get_page (SlWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return ensure_page (self, name);
}

GtkDropTarget *
sl_window_get_drop_target (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  return self->drop_target;
}

gboolean
sl_window_get_drop_highlighted (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->drop_revealer);
}

void
sl_window_import_files (SlWindow   *self,
                        GPtrArray  *files,
                        const char *source)
{
  g_autoptr(GPtrArray) rest = NULL;

  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  if (files->len == 0)
    return;
  /* Spreadsheets and JSON Resume files go to their own importer. */
  rest = sl_window_take_exchange_files (self, files);
  if (rest->len == 0)
    return;

  if (!sl_imports_page_import (ensure_imports_page (self), rest, source))
    {
      sl_window_add_toast (self, _("Importing resumes is not available in this build yet"));
      return;
    }
  sl_window_show_page (self, "imports");
}

/* Import events */

static gboolean
refresh_lists (gpointer data)
{
  SlWindow *self = data;

  self->refresh_id = 0;
  sl_candidates_page_refresh (self->candidates_page);
  /* Imports and erasures change what is waiting to be synced. */
  sl_app_sync_local_changed (GTK_WIDGET (self));
  /* A page not built yet reads everything when it is. */
  if (self->statistics_page != NULL)
    sl_statistics_page_refresh (self->statistics_page);
  if (self->jobs_page != NULL)
    sl_jobs_page_refresh (self->jobs_page);
  return G_SOURCE_REMOVE;
}

void
sl_window_refresh (SlWindow *self)
{
  g_return_if_fail (SL_IS_WINDOW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_lists (self);
}

/* New profiles arrive in bursts: the list is read again at most twice a
 * second while a batch runs. */
static void
schedule_refresh (SlWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (500, refresh_lists, self);
}

/* Work the pipeline starts by itself (the watched folder, files left
 * queued by the last session) shows on the Imports page like a drop: the
 * page is built at its first event and given that event. */
static void
on_item_changed (SlWindow   *self,
                 gint64      qid,
                 const char *status,
                 SlPipeline *pipeline)
{
  if (self->imports_page == NULL)
    sl_imports_page_note_item (ensure_imports_page (self), qid, status);
}

static void
on_batch_progress (SlWindow   *self,
                   guint       done,
                   guint       total,
                   SlPipeline *pipeline)
{
  if (self->imports_page == NULL)
    sl_imports_page_note_progress (ensure_imports_page (self), done, total);
}

static void
on_profile_written (SlWindow   *self,
                    gint64      profile_id,
                    gint64      qid,
                    SlPipeline *pipeline)
{
  schedule_refresh (self);
}

char *
sl_window_describe_batch (guint created,
                          guint updated,
                          guint duplicates,
                          guint failed,
                          guint cancelled)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: the parts of "42 profiles created, 3 updated, 1 failed" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u profile created", "%u profiles created", created), created);
  if (updated > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u updated", ", %u updated", updated), updated);
  if (duplicates > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u already imported", ", %u already imported", duplicates), duplicates);
  if (failed > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u failed", ", %u failed", failed), failed);
  if (cancelled > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u cancelled", ", %u cancelled", cancelled), cancelled);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_batch_finished (SlWindow   *self,
                   guint       created,
                   guint       updated,
                   guint       duplicates,
                   guint       failed,
                   guint       cancelled,
                   SlPipeline *pipeline)
{
  g_autofree char *summary = sl_window_describe_batch (created, updated, duplicates, failed, cancelled);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  AdwToast *toast = adw_toast_new (summary);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_lists (self);

  if (failed > 0)
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-page");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("imports"));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Someone who switched away learns it from the desktop. */
  if (!gtk_window_is_active (GTK_WINDOW (self)) && SL_IS_APPLICATION (app))
    sl_application_notify (SL_APPLICATION (app), "batch-finished", _("Import finished"), summary,
                           "app.show-imports");
  g_signal_emit_by_name (self, "batch-summary", summary);
}

static void
on_show_profile (SlWindow      *self,
                 gint64         profile_id,
                 const char    *path,
                 SlImportsPage *page)
{
  g_autoptr(GFile) original = path ? g_file_new_for_path (path) : NULL;

  sl_window_show_page (self, "candidates");
  sl_candidates_page_show_profile (self->candidates_page, profile_id, original);
}

/* Drag and drop */

static GdkDragAction
on_drop_enter (SlWindow      *self,
               double         x,
               double         y,
               GtkDropTarget *target)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (SlWindow      *self,
               GtkDropTarget *target)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
on_drop (SlWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));

  sl_window_import_files (self, files, "drop");
  return files->len > 0;
}

/* Actions */

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
on_chooser_response (SlWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
      sl_window_import_files (self, files, "folder");
    }
  g_clear_object (&self->chooser);
}
#endif

static GtkFileFilter *
resume_filter (void)
{
  static const char *types[] = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/rtf",
    "text/plain",
    "text/html",
    "message/rfc822",
    "application/mbox",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "application/json",
    "text/csv",
    "inode/directory",
  };
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Resumes"));
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_dialog_files (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  self->choosing = FALSE;
  if (model == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        sl_window_add_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  sl_window_import_files (self, files, "folder");
}
#endif

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr(GtkFileFilter) resumes = resume_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = NULL;
    g_autoptr(GListStore) filters = NULL;

    if (self->choosing)
      return;
    /* Files only: folders come by drag and drop or the watched folder. */
    dialog = gtk_file_dialog_new ();
    filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
    g_list_store_append (filters, resumes);
    g_list_store_append (filters, all);
    gtk_file_dialog_set_title (dialog, _("Import Resumes"));
    gtk_file_dialog_set_accept_label (dialog, _("_Import"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, resumes);
    self->choosing = TRUE;
    gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_dialog_files, g_object_ref (self));
  }
#else
  if (self->chooser != NULL)
    return;

  /* GTK 4.8 has no GtkFileDialog; the native chooser goes through the
   * portal inside Flatpak. It accepts files and, by selecting folders in
   * the list, folders too. */
  self->chooser = gtk_file_chooser_native_new (_("Import Resumes"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), resumes);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
#endif
}

/* The sample resumes live in the GResource so an uninstalled build has them
 * too; the pipeline reads files, so they are written out to the cache. */
static GFile *
write_samples (GError **error)
{
  const char *prefix = "/io/github/shortlist/Shortlist/samples";
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "shortlist", "samples", NULL);
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (prefix, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder for the sample resumes: %s"), g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", prefix, names[i], NULL);
      g_autofree char *target = g_build_filename (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes == NULL)
        return NULL;
      if (!g_file_set_contents (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
        return NULL;
    }
  return g_file_new_for_path (dir);
}

static void
import_samples_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = write_samples (&error);
  g_autoptr(GPtrArray) files = NULL;

  if (dir == NULL)
    {
      sl_window_add_toast (self, error->message);
      return;
    }
  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (files, g_steal_pointer (&dir));
  sl_window_import_files (self, files, "folder");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_page (self, "candidates");
  sl_candidates_page_focus_search (self->candidates_page);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_export_dialog (self, self->candidates_page);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sl_window_show_page (SL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Window state */

static gboolean
sl_window_close_request (GtkWindow *window)
{
  SlWindow *self = SL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (sl_window_parent_class)->close_request (window);
}

/* "application" is not a construct property of GtkWindow, so this runs
 * after construction, from sl_window_new(). */
static void
sl_window_setup (SlWindow      *self,
                 SlApplication *app)
{
  self->settings = g_object_ref (sl_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->application = app;
  sl_candidates_page_set_application (self->candidates_page, app);

  self->pipeline = sl_application_get_pipeline (app, NULL);
  if (self->pipeline != NULL)
    {
      g_object_ref (self->pipeline);
      g_signal_connect_object (self->pipeline, "profile-created", G_CALLBACK (on_profile_written), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->pipeline, "profile-updated", G_CALLBACK (on_profile_written), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->pipeline, "batch-finished", G_CALLBACK (on_batch_finished), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->pipeline, "item-changed", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->pipeline, "batch-progress", G_CALLBACK (on_batch_progress), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_visible_page_changed),
                           self, G_CONNECT_SWAPPED);
  on_visible_page_changed (self);
  sl_window_add_privacy_actions (self);
  if (sl_app_sync_get (app) != NULL)
    sl_app_sync_bind_label (sl_app_sync_get (app), self->sync_status_label);
}

static void
sl_window_dispose (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->pipeline);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WINDOW);
  /* They went with their placeholders. */
  self->imports_page = NULL;
  self->statistics_page = NULL;
  self->jobs_page = NULL;

  G_OBJECT_CLASS (sl_window_parent_class)->dispose (object);
}

static void
sl_window_finalize (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sl_window_parent_class)->finalize (object);
}

static void
sl_window_class_init (SlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sl_window_dispose;
  object_class->finalize = sl_window_finalize;
  window_class->close_request = sl_window_close_request;

  g_type_ensure (SL_TYPE_CANDIDATES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, candidates_page);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, imports_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, statistics_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, jobs_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sync_status_label);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-samples", NULL, import_samples_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);

  g_signal_new ("batch-summary", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_UINT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "candidates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "imports");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "statistics");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "jobs");
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "enter", G_CALLBACK (on_drop_enter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}
