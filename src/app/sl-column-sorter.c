/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-column-sorter.h"

struct _SlColumnSorter
{
  GtkSorter  parent_instance;

  char      *key;
};

G_DEFINE_FINAL_TYPE (SlColumnSorter, sl_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Main thread only: set by compare() during a probe. */
static SlColumnSorter *probed;

const char *
sl_column_sorter_get_key (SlColumnSorter *self)
{
  g_return_val_if_fail (SL_IS_COLUMN_SORTER (self), NULL);

  return self->key;
}

const char *
sl_column_sorter_probe (GtkSorter *view_sorter,
                        gboolean  *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), NULL);
  g_return_val_if_fail (descending != NULL, NULL);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  probed = NULL;
  order = gtk_sorter_compare (view_sorter, a, b);
  *descending = order == GTK_ORDERING_SMALLER;
  if (order == GTK_ORDERING_EQUAL || probed == NULL)
    return NULL;
  return probed->key;
}

static GtkOrdering
sl_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  /* The first one asked is the primary column; always "larger" so the view
   * stops there and inverts the answer for a descending column. */
  if (probed == NULL)
    probed = SL_COLUMN_SORTER (sorter);
  return GTK_ORDERING_LARGER;
}

static GtkSorterOrder
sl_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
sl_column_sorter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlColumnSorter *self = SL_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_column_sorter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlColumnSorter *self = SL_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_column_sorter_finalize (GObject *object)
{
  SlColumnSorter *self = SL_COLUMN_SORTER (object);

  if (probed == self)
    probed = NULL;
  g_free (self->key);

  G_OBJECT_CLASS (sl_column_sorter_parent_class)->finalize (object);
}

static void
sl_column_sorter_class_init (SlColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = sl_column_sorter_finalize;
  object_class->get_property = sl_column_sorter_get_property;
  object_class->set_property = sl_column_sorter_set_property;
  sorter_class->compare = sl_column_sorter_compare;
  sorter_class->get_order = sl_column_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_column_sorter_init (SlColumnSorter *self)
{
}
