/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-cell-label.h"

struct _SlCellLabel
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  PangoLayout *layout;  /* made to draw; dropped when the text or style changes */
};

G_DEFINE_FINAL_TYPE (SlCellLabel, sl_cell_label, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
sl_cell_label_new (float xalign)
{
  SlCellLabel *self = g_object_new (SL_TYPE_CELL_LABEL, NULL);

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  return GTK_WIDGET (self);
}

const char *
sl_cell_label_get_text (SlCellLabel *self)
{
  g_return_val_if_fail (SL_IS_CELL_LABEL (self), NULL);

  return self->text;
}

void
sl_cell_label_set_text (SlCellLabel *self,
                        const char  *text)
{
  g_return_if_fail (SL_IS_CELL_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The height of a line of @context's font, in pixels: one entry per font
 * (and scale), shared by every cell. */
static int
line_height (PangoContext *context)
{
  static GHashTable *heights;  /* font description and resolution → height */
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *name = font != NULL ? pango_font_description_to_string (font) : g_strdup ("");
  g_autofree char *key = g_strdup_printf ("%s@%g", name, pango_cairo_context_get_resolution (context));
  gpointer cached;
  PangoFontMetrics *metrics;
  int height;

  if (heights == NULL)
    heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (heights, key, NULL, &cached))
    return GPOINTER_TO_INT (cached);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (height <= 0)
    height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  g_hash_table_insert (heights, g_steal_pointer (&key), GINT_TO_POINTER (height));
  return height;
}

static void
sl_cell_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* The column's fixed width decides the width; the text is ellipsized. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (gtk_widget_get_pango_context (widget));
}

static void
sl_cell_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SlCellLabel *self = SL_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  float x;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      if (gtk_widget_has_css_class (widget, "numeric"))
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attrs);
        }
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  x = (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1.0f - self->xalign : self->xalign) *
      (float) (width - logical.width) - (float) logical.x;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (float) (height - logical.height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
sl_cell_label_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  SlCellLabel *self = SL_CELL_LABEL (widget);

  GTK_WIDGET_CLASS (sl_cell_label_parent_class)->css_changed (widget, change);
  /* A new font or direction: laid out again when next drawn. */
  g_clear_object (&self->layout);
}

static void
sl_cell_label_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  g_clear_object (&SL_CELL_LABEL (widget)->layout);
  gtk_widget_queue_draw (widget);
}

static void
sl_cell_label_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, SL_CELL_LABEL (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_cell_label_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      sl_cell_label_set_text (SL_CELL_LABEL (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_cell_label_finalize (GObject *object)
{
  SlCellLabel *self = SL_CELL_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (sl_cell_label_parent_class)->finalize (object);
}

static void
sl_cell_label_class_init (SlCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_cell_label_finalize;
  object_class->get_property = sl_cell_label_get_property;
  object_class->set_property = sl_cell_label_set_property;
  widget_class->measure = sl_cell_label_measure;
  widget_class->snapshot = sl_cell_label_snapshot;
  widget_class->css_changed = sl_cell_label_css_changed;
  widget_class->direction_changed = sl_cell_label_direction_changed;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sl_cell_label_init (SlCellLabel *self)
{
}
