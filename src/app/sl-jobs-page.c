/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rank/sl-shortlist.h"
#include "sl-app-sync.h"
#include "sl-jobs-page-private.h"
#include "sl-match-item.h"

struct _SlJobsPage
{
  GtkWidget             parent_instance;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkStack             *sidebar_stack;
  GtkListBox           *jobs_list;
  GtkStack             *content_stack;
  GtkStack             *detail_stack;
  GtkWidget            *back_button;
  AdwViewStack         *job_stack;
  AdwViewStackPage     *shortlist_stack_page;
  GtkSwitch            *blind_switch;
  AdwEntryRow          *title_row;
  AdwEntryRow          *location_row;
  AdwComboRow          *remote_row;
  GtkSpinButton        *years_spin;
  GtkTextView          *description_view;
  GtkFlowBox           *required_box;
  GtkWidget            *required_chips_row;
  AdwEntryRow          *required_entry;
  GtkFlowBox           *nice_box;
  GtkWidget            *nice_chips_row;
  AdwEntryRow          *nice_entry;
  AdwPreferencesGroup  *languages_group;
  AdwEntryRow          *language_entry;
  SlRankingView        *ranking_view;
  SlShortlistBoard     *board;
  SlProfileView        *profile_view;

  SlApplication        *application;
  SlJob                *job;             /* what is shown; id 0 = not saved yet */
  GPtrArray            *required;        /* (element-type utf8) */
  GPtrArray            *nice;            /* (element-type utf8) */
  GPtrArray            *languages;       /* (element-type SlLanguage) */
  GPtrArray            *language_rows;   /* rows in languages_group */
  gint64                profile_candidate;
  gboolean              ranking_dirty;
  gboolean              selecting;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SlJobsPage, sl_jobs_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EXPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_chips     (SlJobsPage *self);
static void rebuild_languages (SlJobsPage *self);
static void update_actions    (SlJobsPage *self);

SlRankingView *
sl_jobs_page_get_ranking_view (SlJobsPage *self)
{
  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), NULL);

  return self->ranking_view;
}

SlShortlistBoard *
sl_jobs_page_get_board (SlJobsPage *self)
{
  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), NULL);

  return self->board;
}

SlProfileView *
sl_jobs_page_get_profile_view (SlJobsPage *self)
{
  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), NULL);

  return self->profile_view;
}

gint64
sl_jobs_page_get_job_id (SlJobsPage *self)
{
  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), 0);

  return self->job ? self->job->id : 0;
}

static SlStore *
store (SlJobsPage *self)
{
  return self->application ? sl_application_get_store (self->application, NULL) : NULL;
}

static void
page_toast (SlJobsPage *self,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Skills as chips */

static gboolean
list_has (GPtrArray  *list,
          const char *skill)
{
  for (guint i = 0; i < list->len; i++)
    if (g_utf8_collate (g_ptr_array_index (list, i), skill) == 0 ||
        g_ascii_strcasecmp (g_ptr_array_index (list, i), skill) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
add_skill (SlJobsPage *self,
           GPtrArray  *list,
           const char *text)
{
  g_autofree char *skill = g_strstrip (g_strdup (text));

  if (skill[0] == '\0' || list_has (self->required, skill) || list_has (self->nice, skill))
    return FALSE;
  g_ptr_array_add (list, g_steal_pointer (&skill));
  return TRUE;
}

static void
on_chip_remove (GtkButton  *button,
                SlJobsPage *self)
{
  GPtrArray *list = g_object_get_data (G_OBJECT (button), "list");
  const char *skill = g_object_get_data (G_OBJECT (button), "skill");

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), skill))
      {
        g_ptr_array_remove_index (list, i);
        break;
      }
  rebuild_chips (self);
}

static GtkWidget *
chip_new (SlJobsPage *self,
          GPtrArray  *list,
          const char *skill)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), skill);

  gtk_widget_add_css_class (chip, "tag");
  gtk_widget_add_css_class (chip, "skill-chip");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (remove), "list", list);
  g_object_set_data_full (G_OBJECT (remove), "skill", g_strdup (skill), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_chip_remove), self, 0);
  gtk_box_append (GTK_BOX (chip), gtk_label_new (skill));
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
fill_chips (SlJobsPage *self,
            GtkFlowBox *box,
            GtkWidget  *row,
            GPtrArray  *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  for (guint i = 0; i < list->len; i++)
    {
      gtk_flow_box_append (box, chip_new (self, list, g_ptr_array_index (list, i)));
      /* A chip is not a selectable item; its remove button takes the focus. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (GTK_WIDGET (box)), FALSE);
    }
  gtk_widget_set_visible (row, list->len > 0);
}

static void
rebuild_chips (SlJobsPage *self)
{
  fill_chips (self, self->required_box, self->required_chips_row, self->required);
  fill_chips (self, self->nice_box, self->nice_chips_row, self->nice);
}

static void
entry_to_chip (SlJobsPage  *self,
               AdwEntryRow *entry,
               GPtrArray   *list)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_auto(GStrv) parts = NULL;

  if (text[0] == '\0')
    return;
  /* "Go, Rust" adds two. */
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    add_skill (self, list, parts[i]);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  rebuild_chips (self);
}

static void
on_required_apply (SlJobsPage *self)
{
  entry_to_chip (self, self->required_entry, self->required);
}

static void
on_nice_apply (SlJobsPage *self)
{
  entry_to_chip (self, self->nice_entry, self->nice);
}

/* Languages */

static char *
level_from_word (const char *word)
{
  static const char *cefr[] = { "A1", "A2", "B1", "B2", "C1", "C2" };

  for (gsize i = 0; i < G_N_ELEMENTS (cefr); i++)
    if (g_ascii_strcasecmp (word, cefr[i]) == 0)
      return g_strdup (cefr[i]);
  if (g_ascii_strcasecmp (word, "native") == 0 || g_ascii_strcasecmp (word, "fluent") == 0)
    return g_ascii_strdown (word, -1);
  return NULL;
}

static void
on_language_remove (GtkButton  *button,
                    SlJobsPage *self)
{
  SlLanguage *lang = g_object_get_data (G_OBJECT (button), "language");

  g_ptr_array_remove (self->languages, lang);
  rebuild_languages (self);
}

static void
rebuild_languages (SlJobsPage *self)
{
  for (guint i = 0; i < self->language_rows->len; i++)
    adw_preferences_group_remove (self->languages_group, g_ptr_array_index (self->language_rows, i));
  g_ptr_array_set_size (self->language_rows, 0);

  for (guint i = 0; i < self->languages->len; i++)
    {
      SlLanguage *lang = g_ptr_array_index (self->languages, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove “%s”"), lang->language);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lang->language);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lang->level ? lang->level : _("Any level"));
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (remove), "language", lang);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_language_remove), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->languages_group, row);
      g_ptr_array_add (self->language_rows, row);
    }
  /* The entry stays last. */
  g_object_ref (self->language_entry);
  adw_preferences_group_remove (self->languages_group, GTK_WIDGET (self->language_entry));
  adw_preferences_group_add (self->languages_group, GTK_WIDGET (self->language_entry));
  g_object_unref (self->language_entry);
}

static gboolean
add_language (SlJobsPage *self,
              const char *language,
              const char *level)
{
  for (guint i = 0; i < self->languages->len; i++)
    if (g_utf8_collate (((SlLanguage *) g_ptr_array_index (self->languages, i))->language, language) == 0)
      return FALSE;
  g_ptr_array_add (self->languages, sl_language_new (language, level));
  return TRUE;
}

static void
on_language_apply (SlJobsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_entry))));
  char *space;
  g_autofree char *level = NULL;

  if (text[0] == '\0')
    return;
  /* "German C1": the last word is the level when it is one. */
  space = strrchr (text, ' ');
  if (space != NULL && (level = level_from_word (space + 1)) != NULL)
    {
      *space = '\0';
      g_strchomp (text);
    }
  if (text[0] != '\0' && add_language (self, text, level))
    rebuild_languages (self);
  gtk_editable_set_text (GTK_EDITABLE (self->language_entry), "");
}

/* The editor and the job */

static char *
description_text (SlJobsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

SlJob *
sl_jobs_page_collect_job (SlJobsPage *self)
{
  g_autoptr(SlJob) job = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), NULL);

  job = self->job ? sl_job_copy (self->job) : sl_job_new ();
  g_free (job->title);
  job->title = entry_text (self->title_row);
  g_free (job->location);
  job->location = entry_text (self->location_row);
  description = g_strstrip (description_text (self));
  g_free (job->description);
  job->description = description[0] != '\0' ? g_steal_pointer (&description) : NULL;
  job->remote = (SlRemotePolicy) MIN (adw_combo_row_get_selected (self->remote_row), SL_REMOTE_FULL);
  job->min_years = gtk_spin_button_get_value_as_int (self->years_spin);
  g_ptr_array_set_size (job->required_skills, 0);
  for (guint i = 0; i < self->required->len; i++)
    g_ptr_array_add (job->required_skills, g_strdup (g_ptr_array_index (self->required, i)));
  g_ptr_array_set_size (job->nice_skills, 0);
  for (guint i = 0; i < self->nice->len; i++)
    g_ptr_array_add (job->nice_skills, g_strdup (g_ptr_array_index (self->nice, i)));
  g_ptr_array_set_size (job->languages, 0);
  for (guint i = 0; i < self->languages->len; i++)
    g_ptr_array_add (job->languages, sl_language_copy (g_ptr_array_index (self->languages, i)));
  return g_steal_pointer (&job);
}

void
sl_jobs_page_load_job (SlJobsPage  *self,
                       const SlJob *job)
{
  g_return_if_fail (SL_IS_JOBS_PAGE (self));
  g_return_if_fail (job != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), job->title ? job->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), job->location ? job->location : "");
  adw_combo_row_set_selected (self->remote_row, job->remote);
  gtk_spin_button_set_value (self->years_spin, job->min_years);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            job->description ? job->description : "", -1);
  g_ptr_array_set_size (self->required, 0);
  g_ptr_array_set_size (self->nice, 0);
  for (guint i = 0; job->required_skills && i < job->required_skills->len; i++)
    add_skill (self, self->required, g_ptr_array_index (job->required_skills, i));
  for (guint i = 0; job->nice_skills && i < job->nice_skills->len; i++)
    add_skill (self, self->nice, g_ptr_array_index (job->nice_skills, i));
  g_ptr_array_set_size (self->languages, 0);
  for (guint i = 0; job->languages && i < job->languages->len; i++)
    {
      SlLanguage *l = g_ptr_array_index (job->languages, i);
      add_language (self, l->language, l->level);
    }
  rebuild_chips (self);
  rebuild_languages (self);
}

/* What the parser found in a description joins what the user has: new
 * skills and languages are added, empty fields filled, nothing replaced. */
static guint
merge_found (SlJobsPage  *self,
             const SlJob *found)
{
  guint added = 0;

  if (gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] == '\0' && found->title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), found->title);
  if (gtk_editable_get_text (GTK_EDITABLE (self->location_row))[0] == '\0' && found->location != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->location_row), found->location);
  if (adw_combo_row_get_selected (self->remote_row) == SL_REMOTE_ANY)
    adw_combo_row_set_selected (self->remote_row, found->remote);
  if (gtk_spin_button_get_value_as_int (self->years_spin) == 0)
    gtk_spin_button_set_value (self->years_spin, found->min_years);
  for (guint i = 0; found->required_skills && i < found->required_skills->len; i++)
    added += add_skill (self, self->required, g_ptr_array_index (found->required_skills, i));
  for (guint i = 0; found->nice_skills && i < found->nice_skills->len; i++)
    added += add_skill (self, self->nice, g_ptr_array_index (found->nice_skills, i));
  for (guint i = 0; found->languages && i < found->languages->len; i++)
    {
      SlLanguage *l = g_ptr_array_index (found->languages, i);
      add_language (self, l->language, l->level);
    }
  rebuild_chips (self);
  rebuild_languages (self);
  return added;
}

static void
toast_found (SlJobsPage *self,
             guint       added)
{
  g_autofree char *message = NULL;

  if (added == 0)
    message = g_strdup (_("No new skills found in the description"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skill found in the description",
                                            "%u skills found in the description", added), added);
  page_toast (self, message);
}

static void
find_skills_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  g_autofree char *text = description_text (self);
  g_autofree char *title = entry_text (self->title_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJob) found = NULL;

  if (text[0] == '\0')
    {
      page_toast (self, _("Paste or open the job ad first"));
      return;
    }
  found = sl_job_from_text (title, text, &error);
  if (found == NULL)
    {
      page_toast (self, error->message);
      return;
    }
  toast_found (self, merge_found (self, found));
}

/* Reading a job ad from a file, on a worker: PDF and Word go through the
 * extractors. */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  SlJob *job = sl_job_from_file (task_data, cancellable, &error);

  if (job == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, job, (GDestroyNotify) sl_job_free);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJob) job = g_task_propagate_pointer (G_TASK (result), &error);
  SlJobsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_JOBS_PAGE (source);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.open-file", TRUE);
  if (job == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the job ad: %s"), error->message);
      page_toast (self, message);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            job->description ? job->description : "", -1);
  toast_found (self, merge_found (self, job));
}

static void
read_file (SlJobsPage *self,
           GFile      *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_done, NULL);

  g_task_set_source_tag (task, read_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.open-file", FALSE);
  g_task_run_in_thread (task, read_thread);
}

static void
on_open_response (SlJobsPage           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        read_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  static const char *types[] = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/plain",
    "text/html",
    "application/json",
  };
  g_autoptr(GtkFileFilter) ads = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (ads, _("Job Ads"));
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (ads, types[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  /* GTK 4.8 has no GtkFileDialog; the native chooser uses the portal. */
  self->chooser = gtk_file_chooser_native_new (_("Open Job Ad"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ads);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The job list */

static GtkWidget *
job_row_new (const SlJob *job)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (job->title ? job->title : _("Untitled Job"));
  g_autoptr(GString) sub = g_string_new (job->location);
  GtkWidget *subtitle;
  guint n = job->required_skills ? job->required_skills->len : 0;

  if (n > 0)
    {
      if (sub->len > 0)
        g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "%u skill", "%u skills", n), n);
    }
  subtitle = gtk_label_new (sub->str);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_visible (subtitle, sub->len > 0);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "job-id", g_memdup2 (&job->id, sizeof job->id), g_free);
  return row;
}

static void
rebuild_job_list (SlJobsPage *self,
                  gint64      select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = store (self) ? sl_store_list_jobs (store (self), &error) : NULL;
  GtkWidget *child;

  if (error != NULL)
    g_debug ("Could not list the jobs: %s", error->message);
  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->jobs_list))) != NULL)
    gtk_list_box_remove (self->jobs_list, child);
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      SlJob *job = g_ptr_array_index (jobs, i);
      GtkWidget *row = job_row_new (job);

      gtk_list_box_append (self->jobs_list, row);
      if (job->id == select_id)
        gtk_list_box_select_row (self->jobs_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;
  gtk_stack_set_visible_child_name (self->sidebar_stack, jobs != NULL && jobs->len > 0 ? "list" : "empty");
}

static gboolean
ranking_visible (SlJobsPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->job_stack), "ranking") == 0 &&
         g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "job");
}

static void
maybe_rank (SlJobsPage *self)
{
  SlStore *s = store (self);

  if (!self->ranking_dirty || s == NULL || self->job == NULL || self->job->id == 0 || !ranking_visible (self))
    return;
  self->ranking_dirty = FALSE;
  sl_ranking_view_rank (self->ranking_view, sl_store_get_path (s), self->job);
}

static void
show_job (SlJobsPage *self,
          SlJob      *job)
{
  g_clear_pointer (&self->job, sl_job_free);
  self->job = job;
  sl_jobs_page_load_job (self, job);
  sl_shortlist_board_set_job (self->board, store (self), job->id);
  sl_ranking_view_clear (self->ranking_view);
  self->ranking_dirty = TRUE;
  gtk_stack_set_visible_child_name (self->content_stack, "job");
  gtk_stack_set_visible_child_name (self->detail_stack, "job");
  update_actions (self);
  maybe_rank (self);
}

/* Unsaved edits: the editor against the job as shown, both with the
 * blanks trimmed the way Save trims them. */
static char *
job_key (const SlJob *job)
{
  g_autoptr(SlJob) copy = sl_job_copy (job);
  char **fields[] = { &copy->title, &copy->location, &copy->description };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL && g_strstrip (*fields[i])[0] == '\0')
      g_clear_pointer (fields[i], g_free);
  return sl_job_to_json (copy);
}

gboolean
sl_jobs_page_has_unsaved_changes (SlJobsPage *self)
{
  g_autoptr(SlJob) edited = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (SL_IS_JOBS_PAGE (self), FALSE);

  if (self->job == NULL)
    return FALSE;
  edited = sl_jobs_page_collect_job (self);
  a = job_key (edited);
  b = job_key (self->job);
  return g_strcmp0 (a, b) != 0;
}

static void
select_job_row (SlJobsPage *self,
                gint64      job_id)
{
  GtkListBoxRow *row;

  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->jobs_list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->jobs_list, i)) != NULL; i++)
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "job-id") == job_id)
      gtk_list_box_select_row (self->jobs_list, row);
  self->selecting = FALSE;
}

/* Shows job @job_id, or a new one for 0. */
static void
open_job (SlJobsPage *self,
          gint64      job_id)
{
  g_autoptr(GError) error = NULL;
  SlJob *job;

  if (job_id == 0)
    {
      select_job_row (self, 0);
      show_job (self, sl_job_new ());
      adw_view_stack_set_visible_child_name (self->job_stack, "details");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  job = sl_store_get_job (store (self), job_id, &error);
  if (job == NULL)
    {
      page_toast (self, error->message);
      return;
    }
  select_job_row (self, job_id);
  show_job (self, job);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void save_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter);

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SlJobsPage       *self)
{
  gint64 target = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "target");

  if (g_str_equal (response, "save"))
    {
      save_action (GTK_WIDGET (self), NULL, NULL);
      if (sl_jobs_page_has_unsaved_changes (self))
        return;  /* not saved: the toast says why */
    }
  else if (!g_str_equal (response, "discard"))
    return;
  open_job (self, target);
}

/* Opens @target (0 = a new job) now, or once the user said what becomes
 * of the edits. */
static void
leave_job (SlJobsPage *self,
           gint64      target)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (!sl_jobs_page_has_unsaved_changes (self))
    {
      open_job (self, target);
      return;
    }
  /* The list keeps showing the job being edited until then. */
  select_job_row (self, self->job->id);
  title = entry_text (self->title_row);
  heading = title ? g_strdup_printf (_("Save Changes to “%s”?"), title) : g_strdup (_("Save Changes to the Job?"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("The job has changes that are not saved yet"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "target", g_memdup2 (&target, sizeof target), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_job_selected (SlJobsPage    *self,
                 GtkListBoxRow *row)
{
  gint64 id;

  if (self->selecting || row == NULL || store (self) == NULL)
    return;
  id = *(gint64 *) g_object_get_data (G_OBJECT (row), "job-id");
  if (self->job != NULL && self->job->id == id)
    return;
  leave_job (self, id);
}

/* Folded, the job stays selected in the list after Back: a click on it
 * selects nothing new, so it turns to the job from here. */
static void
on_job_activated (SlJobsPage    *self,
                  GtkListBoxRow *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "job-id");

  if (self->job != NULL && self->job->id == id)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_changed (SlJobsPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
on_back_clicked (SlJobsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_actions (SlJobsPage *self)
{
  gboolean stored = self->job != NULL && self->job->id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.delete", stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.export", stored);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  leave_job (SL_JOBS_PAGE (widget), 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  g_autoptr(SlJob) job = sl_jobs_page_collect_job (self);
  g_autoptr(GError) error = NULL;
  SlStore *s = store (self);

  if (s == NULL)
    return;
  if (job->title == NULL)
    {
      page_toast (self, _("Give the job a title first"));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  if (sl_store_save_job (s, job, &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the job: %s"), error->message);
      page_toast (self, message);
      return;
    }
  g_clear_pointer (&self->job, sl_job_free);
  self->job = g_steal_pointer (&job);
  /* The store keeps skills under their canonical names: show those. */
  sl_jobs_page_load_job (self, self->job);
  rebuild_job_list (self, self->job->id);
  sl_shortlist_board_set_job (self->board, s, self->job->id);
  update_actions (self);
  self->ranking_dirty = TRUE;
  /* Saving is for ranking: show it (the tab change starts it). */
  if (ranking_visible (self))
    maybe_rank (self);
  else
    adw_view_stack_set_visible_child_name (self->job_stack, "ranking");
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SlJobsPage       *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->job == NULL || self->job->id == 0 || store (self) == NULL)
    return;
  if (!sl_store_delete_job (store (self), self->job->id, &error))
    {
      page_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->job, sl_job_free);
  sl_shortlist_board_set_job (self->board, NULL, 0);
  sl_ranking_view_clear (self->ranking_view);
  rebuild_job_list (self, 0);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->job == NULL || self->job->id == 0)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), self->job->title ? self->job->title : _("Untitled Job"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The job, its shortlist, the notes on it and the stage history are deleted. The candidates stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_job_tab_changed (SlJobsPage *self)
{
  maybe_rank (self);
}

/* Ranking, shortlist and profile */

static char *
alias_for (SlJobsPage *self,
           gint64      candidate_id)
{
  g_autofree char *key = NULL;

  if (!gtk_switch_get_active (self->blind_switch))
    return NULL;
  key = store (self) != NULL ? sl_blind_key (store (self)) : NULL;
  return sl_candidate_alias (key, self->job != NULL ? self->job->id : 0, candidate_id);
}

static void
show_profile (SlJobsPage *self,
              gint64      profile_id,
              gint64      candidate_id)
{
  g_autofree char *alias = alias_for (self, candidate_id);
  g_autoptr(GError) error = NULL;

  self->profile_candidate = candidate_id;
  sl_profile_view_set_blind (self->profile_view, alias);
  if (!sl_profile_view_show_profile (self->profile_view, profile_id, &error))
    {
      page_toast (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->profile_view), TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "profile");
}

static void
on_profile_back (SlJobsPage *self)
{
  self->profile_candidate = 0;
  gtk_stack_set_visible_child_name (self->detail_stack, "job");
  gtk_widget_set_visible (GTK_WIDGET (self->profile_view), FALSE);
  /* Closed, it keeps nobody's name (blind review turned on later would
   * not reach it). */
  sl_profile_view_show_profile (self->profile_view, 0, NULL);
  maybe_rank (self);
}

/* An edit or an erasure: the ranking and the board may show it. */
static void
on_profile_changed (SlJobsPage *self)
{
  g_autoptr(GError) error = NULL;

  self->ranking_dirty = TRUE;
  if (!sl_shortlist_board_reload (self->board, &error))
    g_debug ("Could not read the shortlist: %s", error->message);
  sl_app_sync_local_changed (GTK_WIDGET (self));
}

static void
on_ranking_open (SlJobsPage    *self,
                 SlMatchItem   *item)
{
  const SlMatch *m = sl_match_item_get_match (item);

  show_profile (self, m->profile_id, m->candidate_id);
}

static void
on_board_open (SlJobsPage *self,
               gint64      profile_id,
               gint64      candidate_id)
{
  show_profile (self, profile_id, candidate_id);
}

static void
on_ranking_add (SlJobsPage  *self,
                SlMatchItem *item)
{
  const SlMatch *m = sl_match_item_get_match (item);
  g_autoptr(GError) error = NULL;
  g_autofree char *alias = alias_for (self, m->candidate_id);
  g_autofree char *message = NULL;

  if (self->job == NULL || self->job->id == 0 || store (self) == NULL)
    return;
  if (!sl_store_shortlist_add (store (self), self->job->id, m->candidate_id, m->score, m->summary, &error))
    {
      page_toast (self, error->message);
      return;
    }
  if (!sl_shortlist_board_reload (self->board, &error))
    g_debug ("Could not read the shortlist: %s", error->message);
  /* Translators: a toast; %s is a candidate's name */
  message = g_strdup_printf (_("%s added to the shortlist"), alias ? alias : m->name ? m->name : "");
  page_toast (self, message);
}

static void
on_board_changed (SlJobsPage *self)
{
  GPtrArray *entries = sl_shortlist_board_get_entries (self->board);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_hash_table_add (ids, &((SlShortlistEntry *) g_ptr_array_index (entries, i))->candidate_id);
  sl_ranking_view_set_shortlisted (self->ranking_view, ids);
  adw_view_stack_page_set_badge_number (self->shortlist_stack_page, entries ? entries->len : 0);
}

static void
on_ranking_finished (SlJobsPage *self,
                     gboolean    ok)
{
  on_board_changed (self);
}

void
sl_jobs_page_set_blind (SlJobsPage *self,
                        gboolean    blind)
{
  g_return_if_fail (SL_IS_JOBS_PAGE (self));

  gtk_switch_set_active (self->blind_switch, blind);
}

static void
on_blind_changed (SlJobsPage *self)
{
  gboolean blind = gtk_switch_get_active (self->blind_switch);

  sl_ranking_view_set_blind (self->ranking_view, blind);
  sl_shortlist_board_set_blind (self->board, blind);
  if (self->profile_candidate > 0)
    {
      g_autofree char *alias = alias_for (self, self->profile_candidate);
      sl_profile_view_set_blind (self->profile_view, alias);
    }
}

/* Export */

typedef struct
{
  char    *db_path;
  GFile   *file;
  gint64   job_id;
  gboolean blind;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) s = sl_store_open_full (job->db_path, SL_STORE_OPEN_READONLY, &error);
  g_autoptr(GFileOutputStream) out = NULL;

  if (s != NULL)
    out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                          cancellable, &error);
  if (out == NULL ||
      !sl_shortlist_export_csv (s, job->job_id, job->blind, G_OUTPUT_STREAM (out), cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  SlJobsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_JOBS_PAGE (source);
  if (ok)
    page_toast (self, _("Shortlist exported"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
      page_toast (self, message);
    }
  g_signal_emit (self, signals[SIGNAL_EXPORT_FINISHED], 0, ok);
}

void
sl_jobs_page_export (SlJobsPage *self,
                     GFile      *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SL_IS_JOBS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job != NULL && self->job->id > 0 && store (self) != NULL);

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (sl_store_get_path (store (self)));
  job->file = g_object_ref (file);
  job->job_id = self->job->id;
  job->blind = gtk_switch_get_active (self->blind_switch);
  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, sl_jobs_page_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response (SlJobsPage           *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->job != NULL && self->job->id > 0)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sl_jobs_page_export (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->job == NULL || self->job->id == 0)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Shortlist"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an exported shortlist; %s is the job title */
  name = g_strdup_printf (_("%s — Shortlist.csv"), self->job->title ? self->job->title : _("Untitled Job"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Setup */

void
sl_jobs_page_refresh (SlJobsPage *self)
{
  g_return_if_fail (SL_IS_JOBS_PAGE (self));

  self->ranking_dirty = TRUE;
}

void
sl_jobs_page_set_application (SlJobsPage    *self,
                              SlApplication *application)
{
  SlStore *s;

  g_return_if_fail (SL_IS_JOBS_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
  s = store (self);
  if (s == NULL)
    return;
  sl_profile_view_set_store (self->profile_view, s);
  sl_profile_view_set_show_back (self->profile_view, TRUE);
  rebuild_job_list (self, 0);
  /* Like a settings sidebar: the newest job is open from the start. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->jobs_list, 0);

    if (first != NULL)
      {
        adw_view_stack_set_visible_child_name (self->job_stack, "ranking");
        gtk_list_box_select_row (self->jobs_list, first);
      }
  }
}

void
sl_jobs_page_show_tab (SlJobsPage *self,
                       const char *name)
{
  g_return_if_fail (SL_IS_JOBS_PAGE (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->job_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->job_stack, name);
}

/* Candidates may have been shortlisted from the Candidates page. */
static void
sl_jobs_page_map (GtkWidget *widget)
{
  SlJobsPage *self = SL_JOBS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  GTK_WIDGET_CLASS (sl_jobs_page_parent_class)->map (widget);
  if (self->job != NULL && self->job->id > 0 && !sl_shortlist_board_reload (self->board, &error))
    g_debug ("Could not read the shortlist: %s", error->message);
  maybe_rank (self);
}

static void
sl_jobs_page_dispose (GObject *object)
{
  SlJobsPage *self = SL_JOBS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_JOBS_PAGE);

  G_OBJECT_CLASS (sl_jobs_page_parent_class)->dispose (object);
}

static void
sl_jobs_page_finalize (GObject *object)
{
  SlJobsPage *self = SL_JOBS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, sl_job_free);
  g_clear_pointer (&self->required, g_ptr_array_unref);
  g_clear_pointer (&self->nice, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->language_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_jobs_page_parent_class)->finalize (object);
}

static void
sl_jobs_page_class_init (SlJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_jobs_page_dispose;
  object_class->finalize = sl_jobs_page_finalize;
  widget_class->map = sl_jobs_page_map;

  g_type_ensure (SL_TYPE_RANKING_VIEW);
  g_type_ensure (SL_TYPE_SHORTLIST_BOARD);
  g_type_ensure (SL_TYPE_PROFILE_VIEW);

  signals[SIGNAL_EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, jobs_list);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, job_stack);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, shortlist_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, blind_switch);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, remote_row);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, years_spin);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, required_box);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, required_chips_row);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, required_entry);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, nice_box);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, nice_chips_row);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, nice_entry);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, languages_group);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, language_entry);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, board);
  gtk_widget_class_bind_template_child (widget_class, SlJobsPage, profile_view);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_job_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_job_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_job_tab_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_blind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_required_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_nice_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_language_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_ranking_open);
  gtk_widget_class_bind_template_callback (widget_class, on_ranking_add);
  gtk_widget_class_bind_template_callback (widget_class, on_ranking_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_board_open);
  gtk_widget_class_bind_template_callback (widget_class, on_board_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_back);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_changed);

  gtk_widget_class_install_action (widget_class, "jobs.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "jobs.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "jobs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "jobs.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "jobs.find-skills", NULL, find_skills_action);
  gtk_widget_class_install_action (widget_class, "jobs.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "jobs.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "jobs.save", NULL);
}

static void
sl_jobs_page_init (SlJobsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Hidden while not shown: the job fits a phone even where the profile
   * beside its original does not. */
  gtk_widget_set_visible (GTK_WIDGET (self->profile_view), FALSE);

  self->required = g_ptr_array_new_with_free_func (g_free);
  self->nice = g_ptr_array_new_with_free_func (g_free);
  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_language_free);
  self->language_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  rebuild_chips (self);
  update_actions (self);
}
