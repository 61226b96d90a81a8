/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sl-chart.h"

#define BAR_HEIGHT   22
#define BAR_SPACING  8
#define LABEL_GAP    12
#define COLUMN_AXIS  22

struct _SlChart
{
  GtkWidget    parent_instance;

  SlChartKind  kind;
  GPtrArray   *labels;   /* utf8 */
  GArray      *values;   /* double */
  char        *value_format;
};

G_DEFINE_FINAL_TYPE (SlChart, sl_chart, GTK_TYPE_WIDGET)

static char *
format_value (SlChart *self,
              double   value)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (self->value_format, value);
#pragma GCC diagnostic pop
}

/* Screen readers get the numbers as text. */
static void
update_description (SlChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autofree char *v = format_value (self, g_array_index (self->values, double, i));
      g_string_append_printf (text, "%s%s: %s", i ? ", " : "", (char *) g_ptr_array_index (self->labels, i), v);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

GtkWidget *
sl_chart_new (SlChartKind kind)
{
  SlChart *self = g_object_new (SL_TYPE_CHART, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
sl_chart_set_kind (SlChart     *self,
                   SlChartKind  kind)
{
  g_return_if_fail (SL_IS_CHART (self));

  self->kind = kind;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sl_chart_set_data (SlChart            *self,
                   const char * const *labels,
                   const double       *values,
                   guint               n)
{
  g_return_if_fail (SL_IS_CHART (self));
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i] ? labels[i] : ""));
      g_array_append_val (self->values, values[i]);
    }
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sl_chart_set_value_format (SlChart    *self,
                           const char *format)
{
  g_return_if_fail (SL_IS_CHART (self));

  g_free (self->value_format);
  self->value_format = g_strdup (format ? format : "%.0f");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sl_chart_get_label (SlChart *self,
                    guint    i)
{
  g_return_val_if_fail (SL_IS_CHART (self), NULL);
  g_return_val_if_fail (i < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, i);
}

double
sl_chart_get_value (SlChart *self,
                    guint    i)
{
  g_return_val_if_fail (SL_IS_CHART (self), 0);
  g_return_val_if_fail (i < self->values->len, 0);

  return g_array_index (self->values, double, i);
}

guint
sl_chart_get_n_items (SlChart *self)
{
  g_return_val_if_fail (SL_IS_CHART (self), 0);

  return self->labels->len;
}


static double
max_value (SlChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  return max;
}

/* The theme's named colours; libadwaita defines them for light and dark. */
static void
theme_color (GtkWidget  *widget,
             const char *name,
             GdkRGBA    *out,
             const char *fallback)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
foreground (GtkWidget *widget,
            GdkRGBA   *out)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
draw_text (GtkSnapshot *snapshot,
           PangoLayout *layout,
           float        x,
           float        y,
           GdkRGBA     *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
rounded_bar (GtkSnapshot *snapshot,
             float        x,
             float        y,
             float        w,
             float        h,
             GdkRGBA     *color)
{
  GskRoundedRect clip;
  float r = MIN (4.0f, MIN (w, h) / 2.0f);

  if (w <= 0 || h <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (x, y, w, h), r);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_bars (SlChart     *self,
               GtkSnapshot *snapshot,
               int          width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, dim, accent, track;
  double max = max_value (self);
  int label_w = 0, value_w = 0;

  foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.65f;
  theme_color (widget, "accent_bg_color", &accent, "#3584e4");
  track = fg;
  track.alpha *= 0.08f;

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(PangoLayout) l = make_layout (widget, g_ptr_array_index (self->labels, i), FALSE);
      g_autofree char *v = format_value (self, g_array_index (self->values, double, i));
      g_autoptr(PangoLayout) vl = make_layout (widget, v, TRUE);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      label_w = MAX (label_w, w);
      pango_layout_get_pixel_size (vl, &w, &h);
      value_w = MAX (value_w, w);
    }
  label_w = MIN (label_w, width / 3);

  for (guint i = 0; i < self->labels->len; i++)
    {
      double value = g_array_index (self->values, double, i);
      float y = i * (BAR_HEIGHT + BAR_SPACING);
      float bar_x = label_w + LABEL_GAP;
      float bar_max = MAX (0, width - bar_x - value_w - LABEL_GAP);
      float bar_w = max > 0 ? (float) (bar_max * value / max) : 0;
      g_autoptr(PangoLayout) l = make_layout (widget, g_ptr_array_index (self->labels, i), FALSE);
      g_autofree char *v = format_value (self, value);
      g_autoptr(PangoLayout) vl = make_layout (widget, v, TRUE);
      int lw, lh, vw, vh;

      pango_layout_set_width (l, label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (l, &lw, &lh);
      pango_layout_get_pixel_size (vl, &vw, &vh);

      draw_text (snapshot, l, 0, y + (BAR_HEIGHT - lh) / 2.0f, &fg);
      rounded_bar (snapshot, bar_x, y, bar_max, BAR_HEIGHT, &track);
      rounded_bar (snapshot, bar_x, y, MAX (bar_w, value > 0 ? 2 : 0), BAR_HEIGHT, &accent);
      draw_text (snapshot, vl, bar_x + bar_max + LABEL_GAP, y + (BAR_HEIGHT - vh) / 2.0f, &dim);
    }
}

static void
snapshot_columns (SlChart     *self,
                  GtkSnapshot *snapshot,
                  int          width,
                  int          height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, dim, accent, grid;
  double max = max_value (self);
  guint n = self->labels->len;
  float plot_h = MAX (0, height - COLUMN_AXIS);
  float slot, gap;
  guint label_every;
  int max_label_w = 0;

  if (n == 0)
    return;

  foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.65f;
  grid = fg;
  grid.alpha *= 0.12f;
  theme_color (widget, "accent_bg_color", &accent, "#3584e4");

  /* The top value as a label on a faint grid line. */
  {
    g_autofree char *top = format_value (self, max);
    g_autoptr(PangoLayout) tl = make_layout (widget, top, TRUE);
    int tw, th;

    pango_layout_get_pixel_size (tl, &tw, &th);
    gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (0, th + 2, width, 1));
    gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (0, plot_h, width, 1));
    draw_text (snapshot, tl, 0, 0, &dim);
    plot_h -= th + 4;
  }

  slot = (float) width / n;
  gap = MAX (1.0f, slot * 0.25f);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) l = make_layout (widget, g_ptr_array_index (self->labels, i), TRUE);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      max_label_w = MAX (max_label_w, w);
    }
  label_every = MAX (1, (guint) ceil ((max_label_w + 12) / MAX (slot, 1.0f)));

  for (guint i = 0; i < n; i++)
    {
      double value = g_array_index (self->values, double, i);
      float h = max > 0 ? (float) (plot_h * value / max) : 0;
      float x = i * slot + gap / 2;
      float base = height - COLUMN_AXIS;

      rounded_bar (snapshot, x, base - h, slot - gap, h, &accent);
      if (i % label_every == 0)
        {
          g_autoptr(PangoLayout) l = make_layout (widget, g_ptr_array_index (self->labels, i), TRUE);
          int lw, lh;

          pango_layout_get_pixel_size (l, &lw, &lh);
          draw_text (snapshot, l, CLAMP (x + (slot - gap) / 2 - lw / 2.0f, 0, width - lw),
                     base + 4, &dim);
        }
    }
}

static void
sl_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  SlChart *self = SL_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->kind == SL_CHART_BARS)
    snapshot_bars (self, snapshot, width);
  else
    snapshot_columns (self, snapshot, width, height);
}

static void
sl_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  SlChart *self = SL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 320;
    }
  else if (self->kind == SL_CHART_BARS)
    {
      guint n = self->labels->len;
      *minimum = *natural = n == 0 ? 0 : n * BAR_HEIGHT + (n - 1) * BAR_SPACING;
    }
  else
    {
      *minimum = 120;
      *natural = 180;
    }
}

static void
sl_chart_finalize (GObject *object)
{
  SlChart *self = SL_CHART (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->value_format, g_free);

  G_OBJECT_CLASS (sl_chart_parent_class)->finalize (object);
}

static void
sl_chart_class_init (SlChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_chart_finalize;
  widget_class->snapshot = sl_chart_snapshot;
  widget_class->measure = sl_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_chart_init (SlChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->value_format = g_strdup ("%.0f");
}
