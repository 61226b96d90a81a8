/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-match-item.h"

struct _SlMatchItem
{
  GObject   parent_instance;

  SlMatch  *match;
  guint     rank;
  gboolean  shortlisted;
};

G_DEFINE_FINAL_TYPE (SlMatchItem, sl_match_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SHORTLISTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
sl_candidate_alias (const char *key,
                    gint64      job_id,
                    gint64      candidate_id)
{
  g_autofree char *number = sl_blind_code (key, job_id, candidate_id);

  /* Translators: shown instead of a candidate's name in blind review */
  return g_strdup_printf (_("Candidate #%s"), number);
}

SlMatchItem *
sl_match_item_new (SlMatch *match,
                   guint    rank)
{
  SlMatchItem *self;

  g_return_val_if_fail (match != NULL, NULL);

  self = g_object_new (SL_TYPE_MATCH_ITEM, NULL);
  self->match = match;
  self->rank = rank;
  return self;
}

const SlMatch *
sl_match_item_get_match (SlMatchItem *self)
{
  g_return_val_if_fail (SL_IS_MATCH_ITEM (self), NULL);

  return self->match;
}

guint
sl_match_item_get_rank (SlMatchItem *self)
{
  g_return_val_if_fail (SL_IS_MATCH_ITEM (self), 0);

  return self->rank;
}

gboolean
sl_match_item_get_shortlisted (SlMatchItem *self)
{
  g_return_val_if_fail (SL_IS_MATCH_ITEM (self), FALSE);

  return self->shortlisted;
}

void
sl_match_item_set_shortlisted (SlMatchItem *self,
                               gboolean     shortlisted)
{
  g_return_if_fail (SL_IS_MATCH_ITEM (self));

  shortlisted = !!shortlisted;
  if (self->shortlisted == shortlisted)
    return;
  self->shortlisted = shortlisted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORTLISTED]);
}

static void
sl_match_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlMatchItem *self = SL_MATCH_ITEM (object);

  switch (prop_id)
    {
    case PROP_SHORTLISTED:
      g_value_set_boolean (value, self->shortlisted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_match_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlMatchItem *self = SL_MATCH_ITEM (object);

  switch (prop_id)
    {
    case PROP_SHORTLISTED:
      sl_match_item_set_shortlisted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
sl_match_item_finalize (GObject *object)
{
  SlMatchItem *self = SL_MATCH_ITEM (object);

  g_clear_pointer (&self->match, sl_match_free);

  G_OBJECT_CLASS (sl_match_item_parent_class)->finalize (object);
}

static void
sl_match_item_class_init (SlMatchItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_match_item_finalize;
  object_class->get_property = sl_match_item_get_property;
  object_class->set_property = sl_match_item_set_property;

  properties[PROP_SHORTLISTED] =
    g_param_spec_boolean ("shortlisted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_match_item_init (SlMatchItem *self)
{
}
