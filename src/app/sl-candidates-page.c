/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-app-sync.h"
#include "sl-candidate-model.h"
#include "sl-candidates-page-private.h"
#include "sl-cell-label.h"
#include "sl-column-sorter.h"
#include "sl-profile-view.h"
#include "store/sl-store-extras.h"

struct _SlCandidatesPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  AdwLeaflet        *leaflet;
  GtkWidget         *list_pane;
  GtkSearchEntry    *search_entry;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkStack          *results_stack;
  GtkColumnView     *column_view;
  GtkLabel          *count_label;
  SlProfileView     *profile_view;
  GtkPopover        *filter_popover;
  GtkEntry          *filter_skills;
  GtkEntry          *filter_location;
  GtkSpinButton     *filter_years;
  GtkDropDown       *filter_source;
  GtkDropDown       *filter_imported;
  GtkPopover        *saved_popover;
  GtkListBox        *saved_list;
  GtkWidget         *saved_empty_label;
  GtkWidget         *save_search_button;

  SlApplication     *application;
  SlCandidateModel  *model;
  GtkSingleSelection *selection;

  /* The width of the list the columns were last chosen for; a change is
   * applied after the allocation, not in it. */
  int                columns_width;
  int                pending_columns_width;
  guint              fit_columns_id;

  /* A new query's first screen of rows is drawn before the rest is
   * reported (sl_candidate_model_grow()). */
  GdkFrameClock     *grow_clock;
  gulong             grow_painted_id;
  guint              grow_id;
};

/* Rows a new query reports for its first frame: a tall window's screenful
 * (~34 px rows), instead of the ~200 row widgets GTK 4.8's column view
 * creates and lays out for a long model. */
#define FIRST_SCREEN_ROWS 50

G_DEFINE_FINAL_TYPE (SlCandidatesPage, sl_candidates_page, GTK_TYPE_WIDGET)

static void page_toast (SlCandidatesPage *self,
                        const char       *message);

/* Filter keys the popover owns in the query, and the sources it offers
 * (in the order of its drop-down, after "Any"). */
static const char *filter_keys[] = { "skill:", "location:", "years:", "source:", "imported:" };
static const char *source_values[] = { "drop", "folder", "watch", "email", "cli", "import" };

SlCandidateModel *
sl_candidates_page_get_model (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return self->model;
}

GtkEditable *
sl_candidates_page_get_search_entry (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

SlProfileView *
sl_candidates_page_get_profile_view (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return self->profile_view;
}

GtkColumnView *
sl_candidates_page_get_column_view (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return self->column_view;
}

AdwLeaflet *
sl_candidates_page_get_leaflet (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return self->leaflet;
}

GtkWidget *
sl_candidates_page_get_list_pane (SlCandidatesPage *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), NULL);

  return self->list_pane;
}

void
sl_candidates_page_focus_search (SlCandidatesPage *self)
{
  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "list"))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
update_count (SlCandidatesPage *self)
{
  /* The whole count, also while only the first screen is reported. */
  guint n = sl_candidate_model_get_total (self->model);
  const char *query = sl_candidate_model_get_query (self->model);
  g_autofree char *text = NULL;

  if (query == NULL || query[0] == '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u candidate", "%'u candidates", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching candidate",
                                         "%'u matching candidates", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "results" : "no-results");
}

/* The empty state shows only while the database has no candidate at all.
 * While a query runs on an empty list the list stays (no count of every
 * profile on the main thread at start-up): the query's answer decides. */
static void
update_empty_state (SlCandidatesPage *self)
{
  g_autoptr(GError) error = NULL;
  SlStore *store = sl_application_get_store (self->application, &error);
  guint n = store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean empty;

  if (n == 0 && store != NULL && sl_candidate_model_get_loading (self->model))
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  empty = store == NULL || (n == 0 && sl_store_count_live_profiles (store) == 0);

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
run_query (SlCandidatesPage *self,
           const char       *text)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return;
  if (!sl_candidate_model_set_query (self->model, text, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  /* The count follows when the rows arrive (on_items_changed). */
}

static void
clear_growth (SlCandidatesPage *self)
{
  /* A clock that was disposed (its window unrealized) has no handlers left. */
  if (self->grow_clock != NULL && g_signal_handler_is_connected (self->grow_clock, self->grow_painted_id))
    g_signal_handler_disconnect (self->grow_clock, self->grow_painted_id);
  self->grow_painted_id = 0;
  g_clear_object (&self->grow_clock);
  g_clear_handle_id (&self->grow_id, g_source_remove);
}

static gboolean
grow_model (gpointer data)
{
  SlCandidatesPage *self = data;

  self->grow_id = 0;
  /* Nothing if a newer query is on its way: its answer replaces the rows. */
  sl_candidate_model_grow (self->model);
  return G_SOURCE_REMOVE;
}

/* The frame with the first screen of rows is drawn: the rest follows from
 * the main loop, not inside the frame clock's paint. */
static void
on_first_screen_painted (SlCandidatesPage *self)
{
  clear_growth (self);
  self->grow_id = g_idle_add (grow_model, self);
}

/* Off screen before the frame was drawn: no frame to wait for any more. */
static void
on_view_unmapped (SlCandidatesPage *self)
{
  if (self->grow_clock == NULL)
    return;
  clear_growth (self);
  self->grow_id = g_idle_add (grow_model, self);
}

static void
schedule_growth (SlCandidatesPage *self)
{
  GdkFrameClock *clock;

  if (!sl_candidate_model_get_growing (self->model) || self->grow_clock != NULL || self->grow_id != 0)
    return;
  clock = gtk_widget_get_mapped (GTK_WIDGET (self->column_view))
            ? gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view)) : NULL;
  if (clock == NULL)
    {
      /* Not on screen: no frame to wait for. */
      self->grow_id = g_idle_add (grow_model, self);
      return;
    }
  /* The next frame is the one with the new rows (items-changed came from
   * the main loop, not from inside a frame). */
  self->grow_clock = g_object_ref (clock);
  self->grow_painted_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_first_screen_painted), self);
}

static void
on_items_changed (SlCandidatesPage *self)
{
  update_count (self);
  update_empty_state (self);
  schedule_growth (self);
}

static void
on_search_changed (SlCandidatesPage *self)
{
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (SlCandidatesPage *self)
{
  /* Enter opens the first hit. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->profile_view));
    }
}

void
sl_candidates_page_refresh (SlCandidatesPage *self)
{
  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));

  if (self->model == NULL)
    return;
  sl_candidate_model_refresh (self->model);
}

/* Sorting: the view's column headers, translated to the store's order. */
static void
on_sorter_changed (SlCandidatesPage *self)
{
  gboolean descending = FALSE;
  const char *key = sl_column_sorter_probe (gtk_column_view_get_sorter (self->column_view), &descending);
  SlCandidateSort sort = SL_CANDIDATE_SORT_IMPORTED;

  if (key == NULL)
    descending = TRUE;  /* unsorted: newest first */
  else if (g_str_equal (key, "name"))
    sort = SL_CANDIDATE_SORT_NAME;
  else if (g_str_equal (key, "years"))
    sort = SL_CANDIDATE_SORT_YEARS;
  else if (g_str_equal (key, "title"))
    sort = SL_CANDIDATE_SORT_TITLE;
  else if (g_str_equal (key, "company"))
    sort = SL_CANDIDATE_SORT_COMPANY;
  else if (g_str_equal (key, "location"))
    sort = SL_CANDIDATE_SORT_LOCATION;
  sl_candidate_model_set_sort (self->model, sort, descending);
}

/* Cells: one SlCellLabel per column, bound to one property of the row.
 * Built in code rather than by GtkBuilderListItemFactory, which parses its
 * XML for every cell. Not a GtkLabel or GtkInscription: GTK 4.8's list
 * keeps some 200 rows alive whatever its height, and the first frame
 * measured the text of every cell (GtkLabel) or made a Pango context for
 * each as it was created (GtkInscription); a cell label's height is the
 * font's line height and the columns have fixed widths. */

typedef struct
{
  const char *property;
  float       xalign;
  const char *css_class;
} CellSpec;

/* In the order of the template's columns. */
static const CellSpec cell_specs[] = {
  { "name", 0, NULL },
  { "title", 0, NULL },
  { "company", 0, NULL },
  { "location", 0, NULL },
  { "years-text", 1, "numeric" },
  { "skills", 0, "dim-label" },
  { "imported-text", 0, "numeric" },
};

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const CellSpec           *spec)
{
  GtkWidget *cell = sl_cell_label_new (spec->xalign);

  if (spec->css_class != NULL)
    gtk_widget_add_css_class (cell, spec->css_class);
  gtk_list_item_set_child (list_item, cell);
}

/* The binding follows the row when its page arrives after a placeholder. */
static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const CellSpec           *spec)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (list_item), spec->property,
                                              gtk_list_item_get_child (list_item), "text",
                                              G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (list_item), "sl-binding", binding);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             const CellSpec           *spec)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "sl-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

/* Narrow lists show fewer columns rather than scroll sideways: the name
 * always, then the others in this order while they fit (template indices:
 * name, title, company, location, years, skills, imported). */
static const guint column_priority[] = { 0, 1, 3, 4, 2, 6, 5 };
/* The name column takes what the others leave, never less than this. */
#define NAME_COLUMN_MIN_WIDTH 160

static void
fit_columns (SlCandidatesPage *self,
             int               width)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, column_priority[0]);
  gboolean fits = TRUE;
  int used = NAME_COLUMN_MIN_WIDTH;

  for (guint i = 1; i < G_N_ELEMENTS (column_priority); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, column_priority[i]);
      int w = MAX (gtk_column_view_column_get_fixed_width (column), 0);

      fits = fits && used + w <= width;
      if (fits)
        used += w;
      gtk_column_view_column_set_visible (column, fits);
    }
  gtk_column_view_column_set_fixed_width (name, NAME_COLUMN_MIN_WIDTH + MAX (width - used, 0));
  g_debug ("Columns fitted to %d px", width);
  self->columns_width = width;
}

static gboolean
fit_columns_idle (gpointer data)
{
  SlCandidatesPage *self = data;

  self->fit_columns_id = 0;
  fit_columns (self, self->pending_columns_width);
  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
sl_candidates_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (SL_CANDIDATES_PAGE (widget)->stack));
}

static void
sl_candidates_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SlCandidatesPage *self = SL_CANDIDATES_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sl_candidates_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  SlCandidatesPage *self = SL_CANDIDATES_PAGE (widget);
  int list_width;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  /* Folded, the list has the page's width whether it is on screen or not. */
  list_width = adw_leaflet_get_folded (self->leaflet) ? width : gtk_widget_get_width (self->list_pane);
  if (list_width <= 0 || list_width == self->columns_width)
    return;
  self->pending_columns_width = list_width;
  if (self->fit_columns_id == 0)
    self->fit_columns_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_idle, self, NULL);
}

static void
set_up_cells (SlCandidatesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (cell_specs));
  for (guint i = 0; i < G_N_ELEMENTS (cell_specs); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), (gpointer) &cell_specs[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), (gpointer) &cell_specs[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), (gpointer) &cell_specs[i]);
      gtk_column_view_column_set_factory (column, factory);
    }
}

/* Selection and the detail pane */

static void
show_selected (SlCandidatesPage *self)
{
  SlCandidateItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!sl_candidate_item_get_loaded (item))
    {
      /* A placeholder: show it once its page arrives. */
      g_signal_connect_object (item, "notify::loaded", G_CALLBACK (show_selected), self, G_CONNECT_SWAPPED);
      return;
    }
  if (sl_profile_view_get_profile_id (self->profile_view) == sl_candidate_item_get_profile_id (item))
    return;
  if (!sl_profile_view_show_profile (self->profile_view, sl_candidate_item_get_profile_id (item), &error))
    g_debug ("Could not show a profile: %s", error->message);
  /* Folded, a new selection only loads the profile behind the list: the
   * arrow keys walk the list; a click or Enter opens it (below). */
}

static void
on_selection_changed (SlCandidatesPage *self)
{
  show_selected (self);
}

/* A click on a row, folded: the row's own gesture has selected it by now
 * (on release, before this gesture of the column view above it), so the
 * selection is the row clicked. Clicks on the headers or below the last
 * row do not open anything. */
static void
on_list_click_released (GtkGestureClick  *gesture,
                        int               n_press,
                        double            x,
                        double            y,
                        SlCandidatesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  GtkWidget *picked;

  if (n_press != 1 || !adw_leaflet_get_folded (self->leaflet) || self->selection == NULL)
    return;
  picked = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  while (picked != NULL && picked != widget)
    {
      GtkWidget *parent = gtk_widget_get_parent (picked);

      /* The rows are the children of the list view inside the column
       * view; its other child is the header. */
      if (GTK_IS_LIST_VIEW (parent) && gtk_widget_get_parent (parent) == widget)
        break;
      picked = parent;
    }
  if (picked == NULL || picked == widget)
    return;
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->profile_view));
}

static void
on_row_activated (SlCandidatesPage *self,
                  guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_selected (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->profile_view));
}

void
sl_candidates_page_show_profile (SlCandidatesPage *self,
                                 gint64            profile_id,
                                 GFile            *original)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));

  update_empty_state (self);
  if (!sl_profile_view_show_profile (self->profile_view, profile_id, &error))
    {
      page_toast (self, error->message);
      return;
    }
  if (original != NULL)
    sl_profile_view_set_original (self->profile_view, original);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->profile_view));
}

static void
open_when_loaded (SlCandidatesPage *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  SlCandidateModel *model)
{
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "open-position"));

  if (target >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return;
  g_signal_handlers_disconnect_by_func (model, open_when_loaded, self);
  on_row_activated (self, target);
}

void
sl_candidates_page_open_position (SlCandidatesPage *self,
                                  guint             position)
{
  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));

  if (self->selection == NULL)
    return;
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    {
      on_row_activated (self, position);
      return;
    }
  /* The first rows are still on their way from the worker. */
  if (sl_candidate_model_get_loading (self->model))
    {
      g_object_set_data (G_OBJECT (self), "open-position", GUINT_TO_POINTER (position));
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (open_when_loaded), self, G_CONNECT_SWAPPED);
    }
}

static void
on_folded_changed (SlCandidatesPage *self)
{
  sl_profile_view_set_show_back (self->profile_view, adw_leaflet_get_folded (self->leaflet));
}

static void
on_profile_back (SlCandidatesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_profile_changed (SlCandidatesPage *self)
{
  /* An edit can change the name or the title shown in the list; the
   * profile stays on screen while the list is read again. */
  sl_candidate_model_refresh (self->model);
  sl_app_sync_local_changed (GTK_WIDGET (self));
}

/* The filter popover writes into the query. */

static gboolean
is_filter_token (const char *token)
{
  for (gsize i = 0; i < G_N_ELEMENTS (filter_keys); i++)
    if (g_ascii_strncasecmp (token, filter_keys[i], strlen (filter_keys[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Splits a query into tokens at spaces outside quotes and parentheses. */
static GPtrArray *
tokenize (const char *query)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cur = g_string_new (NULL);
  gboolean quoted = FALSE;
  int depth = 0;

  for (const char *p = query; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '(')
        depth++;
      else if (!quoted && *p == ')' && depth > 0)
        depth--;
      if (!quoted && depth == 0 && g_ascii_isspace (*p))
        {
          if (cur->len > 0)
            g_ptr_array_add (tokens, g_strdup (cur->str));
          g_string_truncate (cur, 0);
          continue;
        }
      g_string_append_c (cur, *p);
    }
  if (cur->len > 0)
    g_ptr_array_add (tokens, g_strdup (cur->str));
  return tokens;
}

static char *
unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    return g_strndup (value + 1, len - 2);
  return g_strdup (value);
}

static void
append_field (GString    *query,
              const char *key,
              const char *value)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append (query, key);
  if (strchr (value, ' ') != NULL)
    g_string_append_printf (query, "\"%s\"", value);
  else
    g_string_append (query, value);
}

/* Reads the popover's fields out of the current query. */
static void
on_filter_popover_show (SlCandidatesPage *self)
{
  g_autoptr(GPtrArray) tokens = tokenize (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autoptr(GString) skills = g_string_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->filter_location), "");
  gtk_spin_button_set_value (self->filter_years, 0);
  gtk_drop_down_set_selected (self->filter_source, 0);
  gtk_drop_down_set_selected (self->filter_imported, 0);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *t = g_ptr_array_index (tokens, i);
      const char *v = strchr (t, ':');
      g_autofree char *value = v ? unquote (v + 1) : NULL;

      if (value == NULL)
        continue;
      if (g_ascii_strncasecmp (t, "skill:", 6) == 0)
        g_string_append_printf (skills, "%s%s", skills->len ? ", " : "", value);
      else if (g_ascii_strncasecmp (t, "location:", 9) == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->filter_location), value);
      else if (g_ascii_strncasecmp (t, "years:", 6) == 0)
        gtk_spin_button_set_value (self->filter_years, g_ascii_strtod (value + strspn (value, "<>="), NULL));
      else if (g_ascii_strncasecmp (t, "source:", 7) == 0)
        for (guint s = 0; s < G_N_ELEMENTS (source_values); s++)
          if (g_ascii_strcasecmp (value, source_values[s]) == 0)
            gtk_drop_down_set_selected (self->filter_source, s + 1);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->filter_skills), skills->str);
}

void
sl_candidates_page_apply_filters (SlCandidatesPage *self)
{
  g_autoptr(GPtrArray) tokens = tokenize (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) skills = g_regex_split_simple ("\\s*,\\s*", gtk_editable_get_text (GTK_EDITABLE (self->filter_skills)), 0, 0);
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_location))));
  int years = gtk_spin_button_get_value_as_int (self->filter_years);
  guint source = gtk_drop_down_get_selected (self->filter_source);
  guint imported = gtk_drop_down_get_selected (self->filter_imported);

  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));

  /* Keep what the user typed; replace what the popover owns. */
  for (guint i = 0; i < tokens->len; i++)
    if (!is_filter_token (g_ptr_array_index (tokens, i)))
      {
        if (query->len > 0)
          g_string_append_c (query, ' ');
        g_string_append (query, g_ptr_array_index (tokens, i));
      }
  for (guint i = 0; skills[i] != NULL; i++)
    {
      g_strstrip (skills[i]);
      if (skills[i][0] != '\0')
        append_field (query, "skill:", skills[i]);
    }
  if (location[0] != '\0')
    append_field (query, "location:", location);
  if (years > 0)
    {
      g_autofree char *v = g_strdup_printf (">=%d", years);
      append_field (query, "years:", v);
    }
  if (source > 0 && source <= G_N_ELEMENTS (source_values))
    append_field (query, "source:", source_values[source - 1]);
  if (imported > 0)
    {
      static const int days[] = { 0, 0, 7, 30, 365 };
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -days[MIN (imported, 4)]);
      g_autofree char *date = g_date_time_format (since, ">=%Y-%m-%d");

      append_field (query, "imported:", date);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query->str);
  /* Run now rather than after the entry's delay. */
  run_query (self, query->str);
}

static void
on_filter_apply (SlCandidatesPage *self)
{
  sl_candidates_page_apply_filters (self);
  gtk_popover_popdown (self->filter_popover);
}

static void
on_filter_clear (SlCandidatesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_skills), "");
  gtk_editable_set_text (GTK_EDITABLE (self->filter_location), "");
  gtk_spin_button_set_value (self->filter_years, 0);
  gtk_drop_down_set_selected (self->filter_source, 0);
  gtk_drop_down_set_selected (self->filter_imported, 0);
  sl_candidates_page_apply_filters (self);
}

/* Saved searches live in the database (the store's saved_searches). */

static SlStore *
store (SlCandidatesPage *self)
{
  return sl_application_get_store (self->application, NULL);
}

static void
page_toast (SlCandidatesPage *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_saved_row_activated (SlCandidatesPage *self,
                        GtkListBoxRow    *row)
{
  const char *query = g_object_get_data (G_OBJECT (row), "query");

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  run_query (self, query);
  gtk_popover_popdown (self->saved_popover);
}

static void rebuild_saved_list (SlCandidatesPage *self);

gboolean
sl_candidates_page_delete_saved_search (SlCandidatesPage  *self,
                                        const char        *name,
                                        GError           **error)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!sl_store_delete_saved_search (store (self), name, error))
    return FALSE;
  rebuild_saved_list (self);
  return TRUE;
}

static void
on_saved_delete (GtkButton        *button,
                 SlCandidatesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!sl_candidates_page_delete_saved_search (self, g_object_get_data (G_OBJECT (button), "name"), &error))
    page_toast (self, error->message);
}

static void
rebuild_saved_list (SlCandidatesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = store (self) ? sl_store_list_saved_searches (store (self), &error) : NULL;
  GtkWidget *child;
  guint n = saved ? saved->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->saved_list))) != NULL)
    gtk_list_box_remove (self->saved_list, child);

  for (guint i = 0; i < n; i++)
    {
      SlSavedSearch *search = g_ptr_array_index (saved, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Delete “%s”"), search->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), search->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), search->query);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "query", g_strdup (search->query), g_free);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "name", g_strdup (search->name), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_saved_delete), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->saved_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->saved_list), n > 0);
  gtk_widget_set_visible (self->saved_empty_label, n == 0);
}

static void
on_saved_popover_show (SlCandidatesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_widget_set_sensitive (self->save_search_button, text[0] != '\0');
  rebuild_saved_list (self);
}

/* Saving under an existing name replaces that search. */
gboolean
sl_candidates_page_save_search (SlCandidatesPage  *self,
                                const char        *name,
                                const char        *query,
                                GError           **error)
{
  g_return_val_if_fail (SL_IS_CANDIDATES_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL && query != NULL, FALSE);

  return sl_store_save_search (store (self), name, query, error);
}

static void
on_save_dialog_response (AdwMessageDialog *dialog,
                         const char       *response,
                         SlCandidatesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && name[0] != '\0' &&
      !sl_candidates_page_save_search (self, name, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &error))
    page_toast (self, error->message);
  else if (g_str_equal (response, "save") && name[0] != '\0')
    {
      g_autofree char *message = g_strdup_printf (_("Search saved as “%s”"), name);
      page_toast (self, message);
    }
}

static void
on_save_search (SlCandidatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;

  gtk_popover_popdown (self->saved_popover);
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Save Search"),
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name, e.g. Senior Rust in Berlin"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
sl_candidates_page_set_application (SlCandidatesPage *self,
                                    SlApplication    *application)
{
  g_autoptr(GError) error = NULL;
  SlStore *store;

  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
  store = sl_application_get_store (application, &error);
  if (store == NULL)
    {
      /* The empty state stays; the window says why. */
      g_debug ("No database: %s", error->message);
      return;
    }

  self->model = sl_candidate_model_new (store);
  sl_candidate_model_set_first_screen (self->model, FIRST_SCREEN_ROWS);
  g_signal_connect_object (self->column_view, "unmap", G_CALLBACK (on_view_unmapped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  sl_profile_view_set_store (self->profile_view, store);
  {
    SlPipeline *pipeline = sl_application_get_pipeline (application, NULL);
    g_autofree char *archive = sl_intake_default_archive_dir (sl_store_get_path (store));

    sl_profile_view_set_archive_dir (self->profile_view,
                                     pipeline ? sl_pipeline_get_archive_dir (pipeline) : archive);
  }
  sl_profile_view_show_profile (self->profile_view, 0, NULL);
  on_folded_changed (self);

  run_query (self, "");
  update_empty_state (self);
}

static void
sl_candidates_page_dispose (GObject *object)
{
  SlCandidatesPage *self = SL_CANDIDATES_PAGE (object);

  g_clear_handle_id (&self->fit_columns_id, g_source_remove);
  clear_growth (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_CANDIDATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sl_candidates_page_parent_class)->dispose (object);
}

static void
sl_candidates_page_class_init (SlCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_candidates_page_dispose;
  widget_class->get_request_mode = sl_candidates_page_get_request_mode;
  widget_class->measure = sl_candidates_page_measure;
  widget_class->size_allocate = sl_candidates_page_size_allocate;

  g_type_ensure (SL_TYPE_CANDIDATE_ITEM);
  g_type_ensure (SL_TYPE_COLUMN_SORTER);
  g_type_ensure (SL_TYPE_PROFILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-candidates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, profile_view);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_skills);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_location);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_years);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_source);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, filter_imported);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, saved_popover);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, saved_list);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, saved_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, save_search_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_back);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_save_search);
}

static void
sl_candidates_page_init (SlCandidatesPage *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_cells (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_click_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}
