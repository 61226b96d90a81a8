/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sl-json.h"
#include "export/sl-export.h"
#include "privacy/sl-privacy.h"
#include "rank/sl-rank.h"
#include "rank/sl-shortlist.h"
#include "store/sl-store-extras.h"
#include "sl-consent-group.h"
#include "store/sl-store-intake.h"
#include "sl-document-view.h"
#include "sl-import-item.h"
#include "sl-profile-view.h"
#include "sl-retention-dialog.h"
#include "sl-time-format.h"

struct _SlProfileView
{
  GtkWidget             parent_instance;

  GtkWidget            *toolbar;
  GtkWidget            *toolbar_separator;
  GtkButton            *back_button;
  GtkLabel             *title_label;
  GtkWidget            *actions_box;
  GtkButton            *export_button;
  GtkButton            *erase_button;
  GtkToggleButton      *document_toggle;
  GtkWidget            *shortlist_button;
  GtkStack             *stack;
  GtkBox               *sections_box;
  GtkScrolledWindow    *profile_scroller;
  AdwLeaflet           *doc_leaflet;
  GtkWidget            *doc_separator;
  SlDocumentView       *document_view;

  SlStore              *store;
  SlStoredProfile      *current;
  GPtrArray            *imports;       /* SlIntakeRecord: the candidate's, newest first */
  GFile                *original;
  char                 *archive_dir;
  gint64                original_profile;
  char                 *blind_alias;
  GtkFileChooserNative *chooser;

  /* The original: beside the profile when there is room (@document_wanted,
   * the toggle's state then); when the view is too narrow for both, the
   * toggle turns to it instead (@showing_document). */
  gboolean              document_wanted;
  gboolean              showing_document;
  gboolean              syncing_toggle;
};

G_DEFINE_FINAL_TYPE (SlProfileView, sl_profile_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BACK,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sl_profile_view_set_store (SlProfileView *self,
                           SlStore       *store)
{
  g_return_if_fail (SL_IS_PROFILE_VIEW (self));
  g_return_if_fail (store == NULL || SL_IS_STORE (store));

  g_set_object (&self->store, store);
}

SlDocumentView *
sl_profile_view_get_document_view (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), NULL);

  return self->document_view;
}

guint
sl_profile_view_get_n_imports (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), 0);

  return self->imports != NULL ? self->imports->len : 0;
}

gint64
sl_profile_view_get_profile_id (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), 0);

  return self->current ? self->current->id : 0;
}

void
sl_profile_view_set_original (SlProfileView *self,
                              GFile         *file)
{
  g_return_if_fail (SL_IS_PROFILE_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->original, file);
  self->original_profile = self->current ? self->current->id : 0;
  if (self->current != NULL)
    sl_document_view_show (self->document_view, file, self->current->raw_text);
}

/* No candidate and nowhere to go back to: no empty bar above "No
 * Candidate Selected". */
static void
update_toolbar (SlProfileView *self)
{
  gboolean shown = self->current != NULL || gtk_widget_get_visible (GTK_WIDGET (self->back_button));

  gtk_widget_set_visible (self->toolbar, shown);
  gtk_widget_set_visible (self->toolbar_separator, shown);
}

void
sl_profile_view_set_show_back (SlProfileView *self,
                               gboolean       show)
{
  g_return_if_fail (SL_IS_PROFILE_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show);
  update_toolbar (self);
}

/* The original beside the profile, or behind the toggle when narrow */

static void
update_document (SlProfileView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->doc_leaflet);
  gboolean allowed = self->current != NULL && self->blind_alias == NULL;
  gboolean shown = allowed && (folded || self->document_wanted);
  gboolean on_document = allowed && folded && self->showing_document;

  gtk_widget_set_visible (GTK_WIDGET (self->document_view), shown);
  gtk_widget_set_visible (self->doc_separator, shown);
  adw_leaflet_set_visible_child (self->doc_leaflet, on_document ? GTK_WIDGET (self->document_view)
                                                                : GTK_WIDGET (self->profile_scroller));
  self->syncing_toggle = TRUE;
  gtk_toggle_button_set_active (self->document_toggle, folded ? on_document : self->document_wanted);
  self->syncing_toggle = FALSE;
}

/* Whether the original fits beside the profile at the view's width now. */
static gboolean
document_fits (SlProfileView *self)
{
  int profile_min = 0, document_min = 0, separator_min = 0;

  gtk_widget_measure (GTK_WIDGET (self->profile_scroller), GTK_ORIENTATION_HORIZONTAL, -1,
                      &profile_min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->document_view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &document_min, NULL, NULL, NULL);
  gtk_widget_measure (self->doc_separator, GTK_ORIENTATION_HORIZONTAL, -1,
                      &separator_min, NULL, NULL, NULL);
  return gtk_widget_get_width (GTK_WIDGET (self->doc_leaflet)) >= profile_min + separator_min + document_min;
}

static void
on_document_toggled (SlProfileView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->document_toggle);

  if (self->syncing_toggle)
    return;
  if (adw_leaflet_get_folded (self->doc_leaflet))
    self->showing_document = active;
  else
    {
      self->document_wanted = active;
      /* Shown where it does not fit, the leaflet folds: then it is the
       * original the user asked to see. */
      self->showing_document = active && !document_fits (self);
    }
  update_document (self);
}

static void
on_doc_folded_changed (SlProfileView *self)
{
  update_document (self);
  /* Narrowed again later, the view opens on the profile. */
  if (!adw_leaflet_get_folded (self->doc_leaflet))
    self->showing_document = FALSE;
}

static void
on_doc_child_changed (SlProfileView *self)
{
  gboolean on_document;

  /* A swipe back, or the leaflet's own Alt+Left. */
  if (self->syncing_toggle || !adw_leaflet_get_folded (self->doc_leaflet))
    return;
  on_document = adw_leaflet_get_visible_child (self->doc_leaflet) == GTK_WIDGET (self->document_view);
  if (on_document != self->showing_document)
    {
      self->showing_document = on_document;
      update_document (self);
    }
}

gboolean
sl_profile_view_get_document_folded (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->doc_leaflet);
}

gboolean
sl_profile_view_get_document_on_screen (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);

  return gtk_widget_get_mapped (GTK_WIDGET (self->document_view)) &&
         (!adw_leaflet_get_folded (self->doc_leaflet) ||
          adw_leaflet_get_visible_child (self->doc_leaflet) == GTK_WIDGET (self->document_view));
}

GtkToggleButton *
sl_profile_view_get_document_toggle (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), NULL);

  return self->document_toggle;
}

GtkWidget *
sl_profile_view_get_back_button (SlProfileView *self)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), NULL);

  return GTK_WIDGET (self->back_button);
}

/* Building blocks */

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static char *
date_range (const char *start,
            const char *end,
            gboolean    current)
{
  if (start == NULL && end == NULL)
    return current ? g_strdup (_("current")) : NULL;
  /* Translators: a span of dates, e.g. "2019-04 – now" */
  return g_strdup_printf (_("%s – %s"), start ? start : "?",
                          current ? _("now") : (end ? end : "?"));
}

static char *
join_nonempty (const char *sep,
               ...)
{
  g_autoptr(GString) out = g_string_new (NULL);
  va_list args;
  const char *part;

  va_start (args, sep);
  while ((part = va_arg (args, const char *)) != (const char *) -1)
    {
      if (part == NULL || part[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, part);
    }
  va_end (args);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define JOIN(sep, ...) join_nonempty (sep, __VA_ARGS__, (const char *) -1)

/* A warning mark with the confidence, when the parser was unsure. */
static void
mark_uncertain (SlProfileView *self,
                GtkWidget     *row,
                const char    *field)
{
  const SlFieldNote *note = sl_profile_get_field_note (self->current->profile, field);
  g_autofree char *tip = NULL;
  GtkWidget *icon;

  if (note == NULL || note->confidence >= SL_PROFILE_VIEW_UNCERTAIN)
    return;

  /* Translators: %d is a percentage, %s says where the value came from */
  tip = g_strdup_printf (_("Uncertain: %d%% confident (%s)"), (int) (note->confidence * 100 + 0.5),
                         note->provenance ? note->provenance : (note->source ? note->source : _("parser")));
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "uncertain");
  gtk_widget_set_tooltip_text (icon, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  else if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), icon);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "low-confidence");
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* Editing */

gboolean
sl_profile_view_save_field (SlProfileView  *self,
                            const char     *field,
                            const char     *value,
                            GError        **error)
{
  g_autoptr(SlProfile) edited = NULL;
  g_autofree char *note_field = NULL;
  char **slot = NULL;
  gint64 id;

  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (self->current != NULL && self->store != NULL, FALSE);

  edited = sl_profile_copy (self->current->profile);
  if (g_str_equal (field, "name"))
    slot = &edited->personal.name;
  else if (g_str_equal (field, "email"))
    slot = &edited->personal.email;
  else if (g_str_equal (field, "phone"))
    slot = &edited->personal.phone;
  else if (g_str_equal (field, "location"))
    slot = &edited->personal.location;
  else if (g_str_equal (field, "headline"))
    slot = &edited->personal.headline;
  else if (g_str_equal (field, "summary"))
    slot = &edited->personal.summary;
  g_return_val_if_fail (slot != NULL, FALSE);

  g_free (*slot);
  *slot = (value != NULL && value[0] != '\0') ? g_strdup (value) : NULL;
  note_field = g_strconcat ("personal.", field, NULL);
  /* The user's word is certain. */
  sl_profile_set_field_note (edited, note_field, 1.0, "user", "edited in Shortlist");

  id = self->current->id;
  if (!sl_store_update_profile_from_parsed_data (self->store, id, edited, NULL, "edit", error))
    return FALSE;
  if (!sl_profile_view_show_profile (self, id, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_entry_apply (AdwEntryRow   *row,
                SlProfileView *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  g_autofree char *value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (!sl_profile_view_save_field (self, field, g_strstrip (value), &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_APPLICATION_WINDOW);
      GtkWidget *overlay = window ? gtk_widget_get_first_child (window) : NULL;
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
        overlay = gtk_widget_get_first_child (overlay);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }
}

static GtkWidget *
edit_row (SlProfileView *self,
          const char    *title,
          const char    *field,
          const char    *value)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *note_field = g_strconcat ("personal.", field, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_apply), self, 0);
  mark_uncertain (self, row, note_field);
  return row;
}

/* Sections */

/* Tags and notes belong to the candidate, not to one profile version. */

static void rebuild (SlProfileView *self);

static void
toast (SlProfileView *self,
       const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_debug ("%s", message);
}

gboolean
sl_profile_view_add_tag (SlProfileView  *self,
                         const char     *tag,
                         GError        **error)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (!sl_store_add_tag (self->store, self->current->candidate_id, tag, error))
    return FALSE;
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
sl_profile_view_add_note (SlProfileView  *self,
                          const char     *body,
                          GError        **error)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (sl_store_add_note (self->store, self->current->candidate_id, body, error) <= 0)
    return FALSE;
  rebuild (self);
  return TRUE;
}

static void
on_tag_apply (AdwEntryRow   *row,
              SlProfileView *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (tag[0] != '\0' && !sl_profile_view_add_tag (self, tag, &error))
    toast (self, error->message);
}

static void
on_tag_remove (GtkButton     *button,
               SlProfileView *self)
{
  g_autoptr(GError) error = NULL;

  if (!sl_store_remove_tag (self->store, self->current->candidate_id,
                            g_object_get_data (G_OBJECT (button), "tag"), &error))
    toast (self, error->message);
  else
    {
      rebuild (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}

static void
on_note_apply (AdwEntryRow   *row,
               SlProfileView *self)
{
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (body[0] != '\0' && !sl_profile_view_add_note (self, body, &error))
    toast (self, error->message);
}

static void
on_note_delete (GtkButton     *button,
                SlProfileView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "note-id");

  if (!sl_store_delete_note (self->store, id, &error))
    toast (self, error->message);
  else
    rebuild (self);
}

static GtkWidget *
flat_icon_button (const char *icon,
                  const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static char *local_time (const char *iso);

static void
add_notes_and_tags (SlProfileView *self)
{
  g_auto(GStrv) tags = sl_store_list_tags (self->store, self->current->candidate_id, NULL);
  g_autoptr(GPtrArray) notes = sl_store_list_notes (self->store, self->current->candidate_id, NULL);
  GtkWidget *group = group_new (_("Tags and Notes"), NULL);
  GtkWidget *tag_row = adw_entry_row_new ();
  GtkWidget *note_row = adw_entry_row_new ();

  if (tags != NULL && tags[0] != NULL)
    {
      GtkWidget *flow = gtk_flow_box_new ();
      GtkWidget *row = adw_preferences_row_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 20);
      gtk_widget_set_margin_start (flow, 8);
      gtk_widget_set_margin_end (flow, 8);
      gtk_widget_set_margin_top (flow, 8);
      gtk_widget_set_margin_bottom (flow, 8);
      for (guint i = 0; tags[i] != NULL; i++)
        {
          GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
          g_autofree char *label = g_strdup_printf (_("Remove tag “%s”"), tags[i]);
          GtkWidget *remove = flat_icon_button ("window-close-symbolic", label);

          gtk_widget_add_css_class (pill, "tag");
          gtk_widget_add_css_class (remove, "circular");
          g_object_set_data_full (G_OBJECT (remove), "tag", g_strdup (tags[i]), g_free);
          g_signal_connect_object (remove, "clicked", G_CALLBACK (on_tag_remove), self, 0);
          gtk_box_append (GTK_BOX (pill), gtk_label_new (tags[i]));
          gtk_box_append (GTK_BOX (pill), remove);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), pill);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), flow);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tag_row), _("Add a Tag"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (tag_row), TRUE);
  g_signal_connect_object (tag_row, "apply", G_CALLBACK (on_tag_apply), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), tag_row);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SlNote *note = g_ptr_array_index (notes, i);
      g_autofree char *when = local_time (note->created_at);
      GtkWidget *row = text_row (note->body, when);
      GtkWidget *remove = flat_icon_button ("user-trash-symbolic", _("Delete Note"));

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      g_object_set_data_full (G_OBJECT (remove), "note-id", g_memdup2 (&note->id, sizeof note->id), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_note_delete), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Add a Note"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note_row), TRUE);
  g_signal_connect_object (note_row, "apply", G_CALLBACK (on_note_apply), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_row);

  gtk_box_append (self->sections_box, group);
}

static void
add_header (SlProfileView *self)
{
  const SlProfile *p = self->current->profile;
  const SlWorkEntry *now = sl_profile_current_work (p);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *avatar = adw_avatar_new (72, p->personal.name, TRUE);
  GtkWidget *name = gtk_label_new (self->blind_alias ? self->blind_alias
                                   : p->personal.name ? p->personal.name : _("Unnamed candidate"));
  g_autofree char *role = NULL;
  g_autofree char *years = NULL;
  int months = p->meta.experience_months >= 0 ? p->meta.experience_months
                                              : sl_profile_compute_experience_months (p, NULL);

  if (now != NULL)
    /* Translators: job title at company */
    role = (now->title && now->company) ? g_strdup_printf (_("%s at %s"), now->title, now->company)
                                        : g_strdup (now->title ? now->title : now->company);
  else
    role = g_strdup (p->personal.headline);
  if (months >= 0)
    years = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year of experience", "%d years of experience",
                                          months / 12), months / 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  /* A long word (a double-barrelled name, a long e-mail in a headline)
   * breaks rather than widen the view past a phone's width. */
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-1");
  gtk_box_append (GTK_BOX (text), name);
  for (guint i = 0; i < 3; i++)
    {
      const char *line = i == 0 ? role : i == 1 ? p->personal.location : years;
      GtkWidget *label;

      if (line == NULL || line[0] == '\0')
        continue;
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (i > 0)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (self->sections_box, box);
}

static void
add_contact (SlProfileView *self)
{
  const SlPersonalInfo *pi = &self->current->profile->personal;
  GtkWidget *group = group_new (_("Contact"), _("Edit a field and press Enter to save; the previous version is kept in the history"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_row (self, _("Name"), "name", pi->name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_row (self, _("E-mail"), "email", pi->email));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_row (self, _("Phone"), "phone", pi->phone));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_row (self, _("Location"), "location", pi->location));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit_row (self, _("Headline"), "headline", pi->headline));
  for (guint i = 0; pi->links != NULL && i < pi->links->len; i++)
    {
      const char *url = g_ptr_array_index (pi->links, i);
      GtkWidget *row = text_row (_("Link"), url);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->sections_box, group);

  if (pi->summary != NULL)
    {
      GtkWidget *summary = group_new (_("Summary"), NULL);
      GtkWidget *label = wrapped_label (pi->summary);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), label);
      gtk_box_append (self->sections_box, summary);
    }
}

static SlProfile *
blind_copy (const SlProfile *profile)
{
  return sl_profile_blind_copy (profile);
}

static void
add_blind_summary (SlProfileView *self)
{
  const char *summary = self->current->profile->personal.summary;
  GtkWidget *group;

  if (summary == NULL || summary[0] == '\0')
    return;
  group = group_new (_("Summary"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), wrapped_label (summary));
  gtk_box_append (self->sections_box, group);
}

void
sl_profile_view_set_blind (SlProfileView *self,
                           const char    *alias)
{
  g_return_if_fail (SL_IS_PROFILE_VIEW (self));

  if (g_strcmp0 (self->blind_alias, alias) == 0)
    return;
  g_free (self->blind_alias);
  self->blind_alias = g_strdup (alias);
  rebuild (self);
}

static void
add_work (SlProfileView *self)
{
  GPtrArray *work = self->current->profile->work;
  GtkWidget *group;

  if (work == NULL || work->len == 0)
    return;
  group = group_new (_("Experience"), NULL);
  for (guint i = 0; i < work->len; i++)
    {
      SlWorkEntry *w = g_ptr_array_index (work, i);
      g_autofree char *dates = date_range (w->start, w->end, w->current);
      g_autofree char *subtitle = JOIN (" · ", w->company, dates, w->location);
      g_autofree char *field = g_strdup_printf ("work[%u].title", i);
      g_autofree char *cfield = g_strdup_printf ("work[%u].company", i);
      g_autofree char *dfield = g_strdup_printf ("work[%u].start", i);
      GtkWidget *row;

      if (w->description != NULL)
        {
          GtkWidget *label = wrapped_label (w->description);

          row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_widget_set_margin_top (label, 8);
          gtk_widget_set_margin_bottom (label, 8);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
        }
      else
        row = text_row (NULL, subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->title ? w->title : _("Untitled role"));
      mark_uncertain (self, row, field);
      mark_uncertain (self, row, cfield);
      mark_uncertain (self, row, dfield);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->sections_box, group);
}

static void
add_education (SlProfileView *self)
{
  GPtrArray *education = self->current->profile->education;
  GtkWidget *group;

  if (education == NULL || education->len == 0)
    return;
  group = group_new (_("Education"), NULL);
  for (guint i = 0; i < education->len; i++)
    {
      SlEducationEntry *e = g_ptr_array_index (education, i);
      g_autofree char *dates = date_range (e->start, e->end, FALSE);
      g_autofree char *title = JOIN (", ", e->degree, e->degree ? NULL : e->field);
      g_autofree char *subtitle = JOIN (" · ", e->institution, dates, e->grade);
      g_autofree char *field = g_strdup_printf ("education[%u].institution", i);
      GtkWidget *row = text_row (title[0] ? title : e->institution, subtitle);

      mark_uncertain (self, row, field);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->sections_box, group);
}

static GtkWidget *
tags_box (GPtrArray *labels)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 30);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (labels, i));
      gtk_widget_add_css_class (label, "tag");
      gtk_flow_box_append (GTK_FLOW_BOX (flow), label);
    }
  return flow;
}

static void
add_skills (SlProfileView *self)
{
  g_autoptr(GPtrArray) names = sl_profile_skill_names (self->current->profile);
  GtkWidget *group;

  if (names->len == 0)
    return;
  group = group_new (_("Skills"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), tags_box (names));
  gtk_box_append (self->sections_box, group);
}

static void
add_small_sections (SlProfileView *self)
{
  const SlProfile *p = self->current->profile;

  if (p->languages != NULL && p->languages->len > 0)
    {
      GtkWidget *group = group_new (_("Languages"), NULL);
      for (guint i = 0; i < p->languages->len; i++)
        {
          SlLanguage *l = g_ptr_array_index (p->languages, i);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (l->language, l->level));
        }
      gtk_box_append (self->sections_box, group);
    }
  if (p->certifications != NULL && p->certifications->len > 0)
    {
      GtkWidget *group = group_new (_("Certifications"), NULL);
      for (guint i = 0; i < p->certifications->len; i++)
        {
          SlCertification *c = g_ptr_array_index (p->certifications, i);
          g_autofree char *subtitle = JOIN (" · ", c->issuer, c->date);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (c->name, subtitle));
        }
      gtk_box_append (self->sections_box, group);
    }
  if (p->projects != NULL && p->projects->len > 0)
    {
      GtkWidget *group = group_new (_("Projects"), NULL);
      for (guint i = 0; i < p->projects->len; i++)
        {
          SlProject *pr = g_ptr_array_index (p->projects, i);
          g_autofree char *dates = date_range (pr->start, pr->end, FALSE);
          g_autofree char *subtitle = JOIN (" · ", pr->description, dates, pr->url);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (pr->name, subtitle));
        }
      gtk_box_append (self->sections_box, group);
    }
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *items = k == 0 ? p->achievements : p->interests;
      GtkWidget *group;

      if (items == NULL || items->len == 0)
        continue;
      group = group_new (k == 0 ? _("Achievements") : _("Interests"), NULL);
      if (k == 1)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), tags_box (items));
      else
        for (guint i = 0; i < items->len; i++)
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     text_row (g_ptr_array_index (items, i), NULL));
      gtk_box_append (self->sections_box, group);
    }
}

static char *
local_time (const char *iso)
{
  return sl_format_local_time (iso, "%x %X");
}

static void
add_history (SlProfileView *self)
{
  const SlMetadata *m = &self->current->profile->meta;
  g_autoptr(GPtrArray) versions = sl_store_get_profile_history (self->store, self->current->id, NULL);
  GtkWidget *group = group_new (_("History"), NULL);
  g_autofree char *created = local_time (self->current->created_at);
  g_autofree char *updated = local_time (self->current->updated_at);
  g_autofree char *how = JOIN (" · ", m->parser, m->extraction_method, m->model, self->current->source);
  g_autofree char *now = g_strdup_printf (_("Revision %d (current)"), self->current->revision);
  g_autofree char *now_sub = g_strdup_printf (_("Updated %s"), updated);
  g_autofree char *first_sub = g_strdup_printf (_("Imported %s"), created);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (now, now_sub));
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      SlProfileVersion *v = g_ptr_array_index (versions, i);
      g_autofree char *title = g_strdup_printf (_("Revision %d"), v->revision);
      g_autofree char *when = local_time (v->changed_at);
      /* Translators: why a profile changed (edit, reimport…) and when */
      g_autofree char *subtitle = g_strdup_printf (_("Replaced by “%s” on %s"), v->reason ? v->reason : "", when);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (title, subtitle));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (_("First import"), first_sub));
  if (how[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (_("Parsed with"), how));
  for (guint i = 0; m->warnings != NULL && i < m->warnings->len; i++)
    {
      GtkWidget *row = text_row (_("Warning"), g_ptr_array_index (m->warnings, i));
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "uncertain");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->sections_box, group);
}

/* Every import that touched this candidate: the file, how it came, when,
 * and how it ended (in the Imports page's words). */
static void
add_imports (SlProfileView *self)
{
  GtkWidget *group;

  if (self->imports == NULL || self->imports->len == 0)
    return;
  group = group_new (_("Imports"), _("The files this candidate was read from"));
  for (guint i = 0; i < self->imports->len; i++)
    {
      SlIntakeRecord *r = g_ptr_array_index (self->imports, i);
      g_autoptr(SlImportItem) item = sl_import_item_new (r->qid);
      g_autofree char *outcome = NULL;
      g_autofree char *when = local_time (r->created_at);
      g_autofree char *subtitle = NULL;
      g_autofree char *base = r->original_name ? NULL : g_path_get_basename (r->path);

      sl_import_item_update (item, r);
      outcome = sl_import_item_describe (item);
      /* Translators: how an import ended · where it came from · when */
      subtitle = g_strdup_printf (_("%s · %s · %s"), outcome, r->source ? r->source : "?", when);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (r->original_name ? r->original_name : base, subtitle));
    }
  gtk_box_append (self->sections_box, group);
}

/* The archived copy of the newest import that made or updated this
 * profile, when it is still there (retention may have removed it). */
static GFile *
archived_original (SlProfileView *self)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; self->imports != NULL && i < self->imports->len; i++)
      {
        SlIntakeRecord *r = g_ptr_array_index (self->imports, i);

        if (pass == 0 && g_strcmp0 (r->status, SL_INTAKE_STATUS_DONE) != 0)
          continue;
        if (r->archive_path != NULL && g_file_test (r->archive_path, G_FILE_TEST_IS_REGULAR))
          return g_file_new_for_path (r->archive_path);
      }
  return NULL;
}

static void
clear_sections (SlProfileView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
}

static void
rebuild (SlProfileView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->current != NULL && !sl_profile_view_show_profile (self, self->current->id, &error))
    g_debug ("Could not show the profile again: %s", error->message);
}

gboolean
sl_profile_view_show_profile (SlProfileView  *self,
                              gint64          profile_id,
                              GError        **error)
{
  SlStoredProfile *sp = NULL;
  g_autoptr(GFile) original = NULL;

  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);

  if (profile_id > 0)
    {
      g_return_val_if_fail (self->store != NULL, FALSE);
      sp = sl_store_get_profile (self->store, profile_id, error);
      if (sp == NULL)
        return FALSE;
    }

  /* Another candidate opens on the profile, not on the last original. */
  if (self->current == NULL || sp == NULL || self->current->id != sp->id)
    self->showing_document = FALSE;
  g_clear_pointer (&self->current, sl_stored_profile_free);
  g_clear_pointer (&self->imports, g_ptr_array_unref);
  self->current = sp;
  clear_sections (self);
  if (sp != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* Two indexed reads; a failure only leaves the section out. */
      self->imports = sl_store_intake_get_records_for_candidate (self->store, sp->candidate_id, &local_error);
      if (self->imports == NULL)
        g_debug ("No import history: %s", local_error->message);
    }

  if (sp == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_widget_set_visible (self->actions_box, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      sl_document_view_show (self->document_view, NULL, NULL);
      update_document (self);
      update_toolbar (self);
      return TRUE;
    }

  if (self->blind_alias != NULL)
    {
      /* Blind review: the view reads a copy without name, contact details,
       * photo, age or gendered words, and offers nothing that would write
       * it back or show the original. */
      SlProfile *blind = blind_copy (sp->profile);

      sl_profile_free (sp->profile);
      sp->profile = blind;
      g_clear_pointer (&sp->raw_text, g_free);
      gtk_label_set_label (self->title_label, self->blind_alias);
      gtk_widget_set_visible (self->actions_box, FALSE);
      add_header (self);
      add_blind_summary (self);
    }
  else
    {
      gtk_label_set_label (self->title_label, sp->profile->personal.name ? sp->profile->personal.name : "");
      gtk_widget_set_visible (self->actions_box, TRUE);
      add_header (self);
      add_notes_and_tags (self);
      add_contact (self);
    }
  add_work (self);
  add_education (self);
  add_skills (self);
  add_small_sections (self);
  add_history (self);
  gtk_box_append (self->sections_box, sl_consent_group_new (self->store, sp->candidate_id));
  add_imports (self);
  gtk_stack_set_visible_child_name (self->stack, "profile");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->profile_scroller), 0);

  if (self->original != NULL && self->original_profile == sp->id && self->blind_alias == NULL)
    original = g_object_ref (self->original);
  else
    original = archived_original (self);
  sl_document_view_show (self->document_view, original, sp->raw_text);
  update_document (self);
  update_toolbar (self);
  return TRUE;
}

/* Actions */

static void
on_back_clicked (SlProfileView *self)
{
  /* From the original (narrow) back to the profile first. */
  if (adw_leaflet_get_folded (self->doc_leaflet) && self->showing_document)
    {
      self->showing_document = FALSE;
      update_document (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

gboolean
sl_profile_view_export_json_resume (SlProfileView *self,
                                    GFile         *file,
                                    GError       **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) audit_error = NULL;

  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current != NULL && self->store != NULL, FALSE);

  json = sl_export_json_resume_one (self->store, self->current->id, error);
  if (json == NULL ||
      !g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, error))
    return FALSE;
  /* The file is written: a failed audit row must not turn it into an error. */
  if (!sl_privacy_audit_export (self->store, "json-resume", self->current->uuid, 1, FALSE, NULL, "app",
                                &audit_error))
    g_debug ("the export is not in the audit log: %s", audit_error->message);
  return TRUE;
}

static void
on_export_response (SlProfileView        *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->current != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!sl_profile_view_export_json_resume (self, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
          toast (self, message);
        }
      else
        toast (self, _("Exported as JSON Resume"));
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (SlProfileView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (self->current == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Candidate as JSON Resume"), GTK_WINDOW (root),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.json", self->current->profile->personal.name
                                       ? self->current->profile->personal.name : self->current->uuid);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Add to Shortlist: the jobs are read when the menu opens. */

static void
fill_shortlist_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  SlProfileView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GPtrArray) jobs = self->store ? sl_store_list_jobs (self->store, NULL) : NULL;

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      SlJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (job->title ? job->title : _("Untitled Job"), NULL);

      g_menu_item_set_action_and_target_value (item, "profile.add-to-shortlist", g_variant_new_int64 (job->id));
      g_menu_append_item (section, item);
    }
  if (jobs == NULL || jobs->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Jobs Yet — Make One on the Jobs Page"), NULL);
      g_menu_append_item (section, item);
    }
  /* Translators: the heading of the menu that lists the jobs */
  g_menu_append_section (menu, _("Add to the Shortlist of"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

gboolean
sl_profile_view_add_to_shortlist (SlProfileView  *self,
                                  gint64          job_id,
                                  GError        **error)
{
  g_return_val_if_fail (SL_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL && self->store != NULL, FALSE);

  return sl_store_shortlist_add (self->store, job_id, self->current->candidate_id, -1, NULL, error);
}

static void
add_to_shortlist_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SlProfileView *self = SL_PROFILE_VIEW (widget);
  gint64 job_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJob) job = NULL;

  if (self->current == NULL || self->store == NULL)
    return;
  if (!sl_profile_view_add_to_shortlist (self, job_id, &error) ||
      (job = sl_store_get_job (self->store, job_id, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  {
    /* Translators: a toast; %s is a job title */
    g_autofree char *message = g_strdup_printf (_("Added to the shortlist for “%s”"),
                                                job->title ? job->title : _("Untitled Job"));
    toast (self, message);
  }
}

typedef struct
{
  SlProfileView *view;
  gint64         candidate_id;
} EraseJob;

static void
erase_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  EraseJob *job = user_data;
  g_autoptr(SlProfileView) self = job->view;
  gint64 candidate_id = job->candidate_id;
  g_autoptr(GError) error = NULL;

  g_free (job);
  gtk_widget_set_sensitive (GTK_WIDGET (self->erase_button), TRUE);
  if (!sl_privacy_erase_candidates_finish (result, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not erase: %s"), error->message);
      toast (self, message);
      return;
    }
  if (self->current != NULL && self->current->candidate_id == candidate_id)
    sl_profile_view_show_profile (self, 0, NULL);
  toast (self, _("The candidate was erased"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* Erasure rewrites the search index and checkpoints the WAL: seconds on a
 * big database, so the privacy room runs it on a worker. */
void
sl_profile_view_erase (SlProfileView *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EraseJob *job;

  g_return_if_fail (SL_IS_PROFILE_VIEW (self));
  g_return_if_fail (self->current != NULL && self->store != NULL);

  job = g_new0 (EraseJob, 1);
  job->view = g_object_ref (self);
  job->candidate_id = self->current->candidate_id;
  g_array_append_val (ids, job->candidate_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->erase_button), FALSE);
  sl_privacy_erase_candidates_async (self->store, ids, self->archive_dir, NULL, erase_done, job);
}

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SlProfileView    *self)
{
  if (g_str_equal (response, "erase") && self->current != NULL)
    sl_profile_view_erase (self);
}

static void
on_erase_clicked (SlProfileView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->current == NULL)
    return;
  name = self->current->profile->personal.name;
  heading = name ? g_strdup_printf (_("Erase %s?"), name) : g_strdup (_("Erase This Candidate?"));
  dialog = sl_erase_confirmation_new (GTK_WINDOW (root), heading);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sl_profile_view_set_archive_dir (SlProfileView *self,
                                 const char    *archive_dir)
{
  g_return_if_fail (SL_IS_PROFILE_VIEW (self));

  g_free (self->archive_dir);
  self->archive_dir = g_strdup (archive_dir);
}

static void
sl_profile_view_dispose (GObject *object)
{
  SlProfileView *self = SL_PROFILE_VIEW (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PROFILE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sl_profile_view_parent_class)->dispose (object);
}

static void
sl_profile_view_finalize (GObject *object)
{
  SlProfileView *self = SL_PROFILE_VIEW (object);

  g_clear_pointer (&self->current, sl_stored_profile_free);
  g_clear_pointer (&self->imports, g_ptr_array_unref);
  g_clear_object (&self->original);
  g_clear_pointer (&self->archive_dir, g_free);
  g_clear_pointer (&self->blind_alias, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sl_profile_view_parent_class)->finalize (object);
}

static void
sl_profile_view_class_init (SlProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_profile_view_dispose;
  object_class->finalize = sl_profile_view_finalize;

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SL_TYPE_DOCUMENT_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, export_button);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, erase_button);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, document_toggle);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, profile_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, doc_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, doc_separator);
  gtk_widget_class_bind_template_child (widget_class, SlProfileView, document_view);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_document_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_doc_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_doc_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_erase_clicked);

  gtk_widget_class_install_action (widget_class, "profile.add-to-shortlist", "x", add_to_shortlist_action);
}

static void
sl_profile_view_init (SlProfileView *self)
{
  self->document_wanted = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->actions_box, FALSE);

  self->shortlist_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->shortlist_button), "sl-briefcase-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->shortlist_button), fill_shortlist_menu, self, NULL);
  gtk_widget_add_css_class (self->shortlist_button, "flat");
  gtk_widget_set_tooltip_text (self->shortlist_button, _("Add to Shortlist…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shortlist_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to Shortlist…"), -1);
  gtk_box_prepend (GTK_BOX (self->actions_box), self->shortlist_button);
}
