/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-match-item.h"
#include "sl-shortlist-board.h"
#include "sl-time-format.h"

struct _SlShortlistBoard
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkBox        *cards[SL_STAGE_N_STAGES];
  GtkLabel      *counts[SL_STAGE_N_STAGES];
  GtkWidget     *placeholders[SL_STAGE_N_STAGES];
  GtkDropTarget *targets[SL_STAGE_N_STAGES];

  SlStore       *store;
  gint64         job_id;
  char          *blind_key;    /* sl_blind_key of @store */
  gboolean       blind;
  GPtrArray     *entries;
  guint          reload_id;
};

G_DEFINE_FINAL_TYPE (SlShortlistBoard, sl_shortlist_board, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_PROFILE,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GPtrArray *
sl_shortlist_board_get_entries (SlShortlistBoard *self)
{
  g_return_val_if_fail (SL_IS_SHORTLIST_BOARD (self), NULL);

  return self->entries;
}

GtkDropTarget *
sl_shortlist_board_get_drop_target (SlShortlistBoard *self,
                                    SlStage           stage)
{
  g_return_val_if_fail (SL_IS_SHORTLIST_BOARD (self), NULL);
  g_return_val_if_fail (stage < SL_STAGE_N_STAGES, NULL);

  return self->targets[stage];
}

static SlShortlistEntry *
find_entry (SlShortlistBoard *self,
            gint64            candidate_id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (self->entries, i);
      if (e->candidate_id == candidate_id)
        return e;
    }
  return NULL;
}

static char *
display_name (SlShortlistBoard       *self,
              const SlShortlistEntry *entry)
{
  if (self->blind || entry->name == NULL || entry->name[0] == '\0')
    return sl_candidate_alias (self->blind_key, self->job_id, entry->candidate_id);
  return g_strdup (entry->name);
}

/* Cards */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *card)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (card), "candidate-id");

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *card)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, icon, 12, 12);
  gtk_widget_add_css_class (card, "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkWidget     *card)
{
  gtk_widget_remove_css_class (card, "dragged");
}

static void
on_card_released (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  SlShortlistBoard *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (card), "candidate-id");
  SlShortlistEntry *entry = find_entry (self, id);

  if (entry != NULL && n_press == 1)
    g_signal_emit (self, signals[SIGNAL_OPEN_PROFILE], 0, entry->profile_id, entry->candidate_id);
}

static GMenuModel *
card_menu (const SlShortlistEntry *entry)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) details = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Open Profile"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.open", g_variant_new_int64 (entry->candidate_id));
  g_menu_append_item (open, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  for (SlStage s = 0; s < SL_STAGE_N_STAGES; s++)
    {
      g_autoptr(GMenuItem) to = NULL;

      if (s == entry->stage)
        continue;
      to = g_menu_item_new (sl_stage_label (s), NULL);
      g_menu_item_set_action_and_target_value (to, "board.move",
                                               g_variant_new ("(xi)", entry->candidate_id, (gint32) s));
      g_menu_append_item (move, to);
    }
  g_menu_append_submenu (menu, _("_Move to"), G_MENU_MODEL (move));

  g_clear_object (&item);
  item = g_menu_item_new (_("Edit _Note…"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.note", g_variant_new_int64 (entry->candidate_id));
  g_menu_append_item (details, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Stage _History"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.history", g_variant_new_int64 (entry->candidate_id));
  g_menu_append_item (details, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (details));

  g_clear_object (&item);
  item = g_menu_item_new (_("_Remove from Shortlist"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.remove", g_variant_new_int64 (entry->candidate_id));
  g_menu_append_item (remove, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
card_new (SlShortlistBoard       *self,
          const SlShortlistEntry *entry)
{
  g_autofree char *name = display_name (self, entry);
  g_autofree char *menu_label = g_strdup_printf (_("Actions for %s"), name);
  g_autoptr(GMenuModel) menu = card_menu (entry);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "shortlist-card");
  g_object_set_data_full (G_OBJECT (card), "candidate-id",
                          g_memdup2 (&entry->candidate_id, sizeof entry->candidate_id), g_free);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_add_css_class (name_label, "heading");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_box_append (GTK_BOX (top), name_label);
  gtk_box_append (GTK_BOX (top), menu_button);
  gtk_box_append (GTK_BOX (card), top);

  if (entry->title != NULL && entry->title[0] != '\0')
    {
      GtkWidget *title = gtk_label_new (entry->title);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_box_append (GTK_BOX (card), title);
    }
  if (entry->score >= 0)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
      g_autofree char *text = g_strdup_printf ("%.0f", entry->score);
      GtkWidget *score = gtk_label_new (text);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (entry->score, 0, 100));
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (score, "numeric");
      gtk_widget_add_css_class (score, "caption");
      gtk_box_append (GTK_BOX (row), bar);
      gtk_box_append (GTK_BOX (row), score);
      gtk_box_append (GTK_BOX (card), row);
    }
  if (entry->note != NULL && entry->note[0] != '\0')
    {
      GtkWidget *note = gtk_label_new (entry->note);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_lines (GTK_LABEL (note), 3);
      gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "shortlist-note");
      gtk_box_append (GTK_BOX (card), note);
    }

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), card);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), card);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (click, "released", G_CALLBACK (on_card_released), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return card;
}

static void
clear_cards (SlShortlistBoard *self)
{
  for (SlStage s = 0; s < SL_STAGE_N_STAGES; s++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards[s]))) != NULL)
        gtk_box_remove (self->cards[s], child);
    }
}

static void
show_entries (SlShortlistBoard *self)
{
  guint counts[SL_STAGE_N_STAGES] = { 0 };

  clear_cards (self);
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      SlShortlistEntry *e = g_ptr_array_index (self->entries, i);

      if (e->stage >= SL_STAGE_N_STAGES)
        continue;
      gtk_box_append (self->cards[e->stage], card_new (self, e));
      counts[e->stage]++;
    }
  for (SlStage s = 0; s < SL_STAGE_N_STAGES; s++)
    {
      g_autofree char *n = g_strdup_printf ("%u", counts[s]);

      gtk_label_set_label (self->counts[s], n);
      gtk_widget_set_visible (self->placeholders[s], counts[s] == 0);
    }
}

gboolean
sl_shortlist_board_reload (SlShortlistBoard  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (SL_IS_SHORTLIST_BOARD (self), FALSE);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL && self->job_id > 0)
    {
      entries = sl_store_shortlist_list (self->store, self->job_id, error);
      if (entries == NULL)
        return FALSE;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries ? g_ptr_array_ref (entries) : g_ptr_array_new ();
  show_entries (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static gboolean
reload_idle (gpointer data)
{
  SlShortlistBoard *self = data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;
  if (!sl_shortlist_board_reload (self, &error))
    g_debug ("Could not read the shortlist: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* A drop or a menu item is still running on the card it would destroy:
 * the cards are built again once it returned. */
static void
schedule_reload (SlShortlistBoard *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle, self, NULL);
}

void
sl_shortlist_board_set_job (SlShortlistBoard *self,
                            SlStore          *store,
                            gint64            job_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_SHORTLIST_BOARD (self));
  g_return_if_fail (store == NULL || SL_IS_STORE (store));

  g_set_object (&self->store, store);
  self->job_id = job_id;
  g_clear_pointer (&self->blind_key, g_free);
  self->blind_key = store != NULL ? sl_blind_key (store) : NULL;
  if (!sl_shortlist_board_reload (self, &error))
    g_debug ("Could not read the shortlist: %s", error->message);
}

void
sl_shortlist_board_set_blind (SlShortlistBoard *self,
                              gboolean          blind)
{
  g_return_if_fail (SL_IS_SHORTLIST_BOARD (self));

  blind = !!blind;
  if (self->blind == blind)
    return;
  self->blind = blind;
  show_entries (self);
}

gboolean
sl_shortlist_board_move (SlShortlistBoard  *self,
                         gint64             candidate_id,
                         SlStage            stage,
                         GError           **error)
{
  SlShortlistEntry *entry;

  g_return_val_if_fail (SL_IS_SHORTLIST_BOARD (self), FALSE);
  g_return_val_if_fail (stage < SL_STAGE_N_STAGES, FALSE);

  entry = find_entry (self, candidate_id);
  if (entry == NULL || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This candidate is not on the shortlist any more"));
      return FALSE;
    }
  if (entry->stage == stage)
    return TRUE;
  if (!sl_store_shortlist_set_stage (self->store, self->job_id, candidate_id, stage, error))
    return FALSE;
  schedule_reload (self);
  return TRUE;
}

gboolean
sl_shortlist_board_set_note (SlShortlistBoard  *self,
                             gint64             candidate_id,
                             const char        *note,
                             GError           **error)
{
  g_return_val_if_fail (SL_IS_SHORTLIST_BOARD (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!sl_store_shortlist_set_note (self->store, self->job_id, candidate_id, note, error))
    return FALSE;
  schedule_reload (self);
  return TRUE;
}

static void
board_toast (SlShortlistBoard *self,
             const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Drop targets */

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         SlShortlistBoard *self)
{
  SlStage stage = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "stage"));
  g_autoptr(GError) error = NULL;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  if (!sl_shortlist_board_move (self, g_value_get_int64 (value), stage, &error))
    {
      board_toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint32 stage;

  g_variant_get (parameter, "(xi)", &id, &stage);
  if (stage < 0 || stage >= SL_STAGE_N_STAGES)
    return;
  if (!sl_shortlist_board_move (self, id, (SlStage) stage, &error))
    board_toast (self, error->message);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (widget);
  SlShortlistEntry *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_PROFILE], 0, entry->profile_id, entry->candidate_id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!sl_store_shortlist_remove (self->store, self->job_id, g_variant_get_int64 (parameter), &error))
    board_toast (self, error->message);
  schedule_reload (self);
}

static void
on_note_response (AdwMessageDialog *dialog,
                  const char       *response,
                  SlShortlistBoard *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "candidate-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "save"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (!sl_shortlist_board_set_note (self, id, text[0] != '\0' ? text : NULL, &error))
    board_toast (self, error->message);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (widget);
  gint64 id = g_variant_get_int64 (parameter);
  SlShortlistEntry *entry = find_entry (self, id);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scroller, *view;

  if (entry == NULL)
    return;
  name = display_name (self, entry);
  /* Translators: the heading of the note dialog; %s is a candidate */
  heading = g_strdup_printf (_("Note on %s"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Only for this job; the candidate’s other notes stay on the profile"));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), entry->note ? entry->note : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_object_set_data_full (G_OBJECT (dialog), "candidate-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

char *
sl_shortlist_describe_history (GPtrArray *history)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      SlStageChange *c = g_ptr_array_index (history, i);
      g_autofree char *when = sl_format_local_time (c->at, "%x %H:%M");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (i == 0 && c->from == c->to)
        /* Translators: the first line of a stage history: stage, date */
        g_string_append_printf (text, _("Added as %s · %s"), sl_stage_label (c->to), when);
      else
        /* Translators: a stage change in the history: from → to · date */
        g_string_append_printf (text, _("%s → %s · %s"), sl_stage_label (c->from), sl_stage_label (c->to), when);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (widget);
  gint64 id = g_variant_get_int64 (parameter);
  SlShortlistEntry *entry = find_entry (self, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (entry == NULL || self->store == NULL)
    return;
  history = sl_store_shortlist_history (self->store, self->job_id, id, &error);
  if (history == NULL)
    {
      board_toast (self, error->message);
      return;
    }
  name = display_name (self, entry);
  /* Translators: the heading of the stage history dialog; %s is a candidate */
  heading = g_strdup_printf (_("Stages of %s"), name);
  body = sl_shortlist_describe_history (history);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction */

static GtkWidget *
column_new (SlShortlistBoard *self,
            SlStage           stage)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (sl_stage_label (stage));
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *placeholder = gtk_label_new (_("Drop candidates here"));
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (column, "shortlist-column");
  gtk_widget_add_css_class (column, sl_stage_to_string (stage));
  gtk_widget_set_size_request (column, 232, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (column), header);
  gtk_box_append (GTK_BOX (column), cards);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "caption");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_box_append (GTK_BOX (column), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL, sl_stage_label (stage), -1);

  g_object_set_data (G_OBJECT (target), "stage", GUINT_TO_POINTER (stage));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (target));

  self->cards[stage] = GTK_BOX (cards);
  self->counts[stage] = GTK_LABEL (count);
  self->placeholders[stage] = placeholder;
  self->targets[stage] = target;
  return column;
}

static void
sl_shortlist_board_dispose (GObject *object)
{
  SlShortlistBoard *self = SL_SHORTLIST_BOARD (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->blind_key, g_free);

  G_OBJECT_CLASS (sl_shortlist_board_parent_class)->dispose (object);
}

static void
sl_shortlist_board_class_init (SlShortlistBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_shortlist_board_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "board.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "board.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "board.note", "x", note_action);
  gtk_widget_class_install_action (widget_class, "board.history", "x", history_action);
  gtk_widget_class_install_action (widget_class, "board.remove", "x", remove_action);

  signals[SIGNAL_OPEN_PROFILE] =
    g_signal_new ("open-profile", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sl_shortlist_board_init (SlShortlistBoard *self)
{
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_margin_start (columns, 12);
  gtk_widget_set_margin_end (columns, 12);
  gtk_widget_set_margin_top (columns, 12);
  gtk_widget_set_margin_bottom (columns, 12);
  for (SlStage s = 0; s < SL_STAGE_N_STAGES; s++)
    gtk_box_append (GTK_BOX (columns), column_new (self, s));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), columns);
  self->entries = g_ptr_array_new ();
}
