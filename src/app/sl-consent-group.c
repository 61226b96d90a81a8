/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-consent-group.c: legal basis, date and note of one candidate.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "privacy/sl-privacy.h"
#include "sl-consent-group.h"

struct _SlConsentGroup
{
  AdwPreferencesGroup  parent_instance;

  SlStore             *store;
  gint64               candidate_id;
  SlConsent           *consent;      /* NULL when none is recorded */
  AdwComboRow         *basis_row;
  AdwEntryRow         *note_row;
  AdwActionRow        *date_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwExpanderRow      *history_row;  /* the records a new basis replaced */
  GPtrArray           *history_rows;
  char                *recorded_text;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (SlConsentGroup, sl_consent_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sl_consent_basis_label (const char *basis)
{
  g_return_val_if_fail (basis != NULL, NULL);

  if (g_str_equal (basis, SL_CONSENT_LEGITIMATE_INTEREST))
    return _("Legitimate interest");
  if (g_str_equal (basis, SL_CONSENT_CONSENT))
    return _("Consent");
  if (g_str_equal (basis, SL_CONSENT_CONTRACT))
    return _("Contract");
  if (g_str_equal (basis, SL_CONSENT_LEGAL_OBLIGATION))
    return _("Legal obligation");
  return basis;
}

static guint
basis_index (const char *basis)
{
  const char * const *bases = sl_privacy_legal_bases ();

  for (guint i = 0; basis != NULL && bases[i] != NULL; i++)
    if (g_str_equal (bases[i], basis))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
show_consent (SlConsentGroup *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *when = NULL;

  g_clear_pointer (&self->recorded_text, g_free);
  if (self->consent != NULL && self->consent->recorded_at != NULL)
    utc = g_date_time_new_from_iso8601 (self->consent->recorded_at, NULL);
  self->updating = TRUE;
  if (utc != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      when = g_date_time_format (local, "%x");
      /* Translators: under the legal basis, the date it was recorded */
      self->recorded_text = g_strdup_printf (_("Recorded on %s"), when);
      gtk_calendar_select_day (self->calendar, local);
    }
  else
    self->recorded_text = g_strdup (_("Not recorded yet: choose the legal basis"));
  adw_action_row_set_subtitle (self->date_row, when != NULL ? when : _("Not recorded yet"));

  adw_combo_row_set_selected (self->basis_row, basis_index (self->consent ? self->consent->legal_basis : NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         self->consent != NULL && self->consent->note != NULL ? self->consent->note : "");
  self->updating = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->basis_row), self->recorded_text);
}

static char *
local_day (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%x") : g_strdup (iso != NULL ? iso : "");
}

/* One row per record a new basis replaced, newest first. */
static void
show_history (SlConsentGroup *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  history = sl_privacy_get_consent_history (self->store, self->candidate_id, &error);
  if (history == NULL)
    g_debug ("Could not read the consent history: %s", error->message);
  for (guint i = history != NULL ? history->len : 0; i-- > 0;)
    {
      SlConsent *c = g_ptr_array_index (history, i);
      g_autofree char *from = local_day (c->recorded_at);
      g_autofree char *until = local_day (c->superseded_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: an earlier legal basis: when it was recorded and when another replaced it */
      subtitle = g_strdup_printf (_("Recorded on %s, replaced on %s"), from, until);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_consent_basis_label (c->legal_basis));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), self->history_rows->len > 0);
}

static void
load (SlConsentGroup *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->consent, sl_consent_free);
  self->consent = sl_privacy_get_consent (self->store, self->candidate_id, &error);
  if (self->consent == NULL && !g_error_matches (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND))
    g_debug ("Could not read the consent record: %s", error->message);
  show_consent (self);
  show_history (self);
}

static gboolean
save_dated (SlConsentGroup *self,
            const char     *basis,
            GDateTime      *recorded_at,
            GError        **error)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (!sl_privacy_set_consent_full (self->store, self->candidate_id, basis,
                                    note[0] != '\0' ? note : NULL, recorded_at, error))
    {
      load (self);   /* show what is stored, not what failed */
      return FALSE;
    }
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static gboolean
save (SlConsentGroup *self,
      const char     *basis,
      GError        **error)
{
  return save_dated (self, basis, NULL, error);
}

static void
toast (SlConsentGroup *self,
       const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
save_or_toast (SlConsentGroup *self,
               const char     *basis)
{
  g_autoptr(GError) error = NULL;

  if (!save (self, basis, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the legal basis: %s"), error->message);
      toast (self, message);
    }
}

static void
on_basis_selected (SlConsentGroup *self)
{
  guint i = adw_combo_row_get_selected (self->basis_row);
  const char * const *bases = sl_privacy_legal_bases ();

  if (self->updating || i == GTK_INVALID_LIST_POSITION || i >= g_strv_length ((char **) bases))
    return;
  save_or_toast (self, bases[i]);
}

static void
on_note_applied (SlConsentGroup *self)
{
  g_autofree char *basis = NULL;

  if (self->consent != NULL)
    basis = g_strdup (self->consent->legal_basis);
  else
    basis = sl_privacy_get_default_basis (self->store);
  save_or_toast (self, basis);
}

/* The day picked in the calendar, at noon local time (or now, when that is
 * today and noon has not come yet), for the current (or default) basis. */
static void
on_day_selected (SlConsentGroup *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *basis = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->calendar);
  noon = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 12, 0, 0);
  if (g_date_time_get_year (day) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now) &&
      g_date_time_compare (noon, now) > 0)
    {
      g_date_time_unref (noon);
      noon = g_date_time_ref (now);
    }
  gtk_menu_button_popdown (self->date_button);
  if (self->consent != NULL)
    basis = g_strdup (self->consent->legal_basis);
  else
    basis = sl_privacy_get_default_basis (self->store);
  if (!save_dated (self, basis, noon, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the consent date: %s"), error->message);
      toast (self, message);
    }
}

const char *
sl_consent_group_get_basis (SlConsentGroup *self)
{
  g_return_val_if_fail (SL_IS_CONSENT_GROUP (self), NULL);

  return self->consent ? self->consent->legal_basis : NULL;
}

gboolean
sl_consent_group_set_basis (SlConsentGroup *self,
                            const char     *legal_basis,
                            GError        **error)
{
  g_return_val_if_fail (SL_IS_CONSENT_GROUP (self), FALSE);
  g_return_val_if_fail (legal_basis != NULL, FALSE);

  if (basis_index (legal_basis) == GTK_INVALID_LIST_POSITION)
    {
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID,
                   _("Unknown legal basis “%s”"), legal_basis);
      return FALSE;
    }
  return save (self, legal_basis, error);
}

const char *
sl_consent_group_get_recorded_text (SlConsentGroup *self)
{
  g_return_val_if_fail (SL_IS_CONSENT_GROUP (self), NULL);

  return self->recorded_text;
}

GtkWidget *
sl_consent_group_new (SlStore *store,
                      gint64   candidate_id)
{
  SlConsentGroup *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_id > 0, NULL);

  self = g_object_new (SL_TYPE_CONSENT_GROUP, NULL);
  self->store = g_object_ref (store);
  self->candidate_id = candidate_id;
  load (self);
  return GTK_WIDGET (self);
}

static void
sl_consent_group_finalize (GObject *object)
{
  SlConsentGroup *self = SL_CONSENT_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->consent, sl_consent_free);
  g_clear_pointer (&self->recorded_text, g_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_consent_group_parent_class)->finalize (object);
}

static void
sl_consent_group_class_init (SlConsentGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_consent_group_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_consent_group_init (SlConsentGroup *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *bases = sl_privacy_legal_bases ();
  GtkWidget *popover;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Privacy"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Why you may keep this candidate’s data (GDPR art. 6)"));
  for (guint i = 0; bases[i] != NULL; i++)
    gtk_string_list_append (labels, sl_consent_basis_label (bases[i]));

  self->basis_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->basis_row), _("Legal basis"));
  adw_combo_row_set_model (self->basis_row, G_LIST_MODEL (labels));
  g_signal_connect_swapped (self->basis_row, "notify::selected", G_CALLBACK (on_basis_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->basis_row));

  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note, e.g. where consent was given"));
  adw_entry_row_set_show_apply_button (self->note_row, TRUE);
  g_signal_connect_swapped (self->note_row, "apply", G_CALLBACK (on_note_applied), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->note_row));

  /* The date consent was given, e.g. the day a paper form was signed. */
  self->date_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Recorded on"));
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->date_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Choose the date consent was recorded"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the date consent was recorded"), -1);
  adw_action_row_add_suffix (self->date_row, GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (self->date_row, GTK_WIDGET (self->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->date_row));

  /* Changing the basis is a new record of consent; the old ones stay. */
  self->history_rows = g_ptr_array_new ();
  self->history_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->history_row), _("Earlier legal bases"));
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->history_row));
}
