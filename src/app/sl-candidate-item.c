/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidate-item.h"

SlCandidateRow *
sl_candidate_row_new (void)
{
  SlCandidateRow *row = g_new0 (SlCandidateRow, 1);

  row->years = -1;
  return row;
}

void
sl_candidate_row_free (SlCandidateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->title);
  g_free (row->company);
  g_free (row->location);
  g_free (row->skills);
  g_free (row->imported);
  g_free (row);
}

struct _SlCandidateItem
{
  GObject  parent_instance;

  gboolean loaded;
  gint64   profile_id;
  char    *name;
  char    *title;
  char    *company;
  char    *location;
  int      years;
  char    *skills;
  char    *imported;
};

G_DEFINE_FINAL_TYPE (SlCandidateItem, sl_candidate_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_PROFILE_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_COMPANY,
  PROP_LOCATION,
  PROP_YEARS,
  PROP_YEARS_TEXT,
  PROP_SKILLS,
  PROP_IMPORTED,
  PROP_IMPORTED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SlCandidateItem *
sl_candidate_item_new (void)
{
  return g_object_new (SL_TYPE_CANDIDATE_ITEM, NULL);
}

static void
take_string (SlCandidateItem *self,
             char           **field,
             char            *value,
             int              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
sl_candidate_item_fill (SlCandidateItem *self,
                        SlCandidateRow  *row)
{
  g_return_if_fail (SL_IS_CANDIDATE_ITEM (self));
  g_return_if_fail (row != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->profile_id != row->profile_id)
    {
      self->profile_id = row->profile_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_ID]);
    }
  take_string (self, &self->name, g_steal_pointer (&row->name), PROP_NAME);
  take_string (self, &self->title, g_steal_pointer (&row->title), PROP_TITLE);
  take_string (self, &self->company, g_steal_pointer (&row->company), PROP_COMPANY);
  take_string (self, &self->location, g_steal_pointer (&row->location), PROP_LOCATION);
  take_string (self, &self->skills, g_steal_pointer (&row->skills), PROP_SKILLS);
  if (g_strcmp0 (self->imported, row->imported) != 0)
    {
      take_string (self, &self->imported, g_steal_pointer (&row->imported), PROP_IMPORTED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_TEXT]);
    }
  if (self->years != row->years)
    {
      self->years = row->years;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEARS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEARS_TEXT]);
    }
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
sl_candidate_item_get_loaded (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), FALSE);

  return self->loaded;
}

gint64
sl_candidate_item_get_profile_id (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), 0);

  return self->profile_id;
}

const char *
sl_candidate_item_get_name (SlCandidateItem *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_ITEM (self), NULL);

  return self->name;
}

/* "2026-03-14T09:12:44.120Z" → the local date in the user's format. */
static char *
imported_text (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

static void
sl_candidate_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlCandidateItem *self = SL_CANDIDATE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_PROFILE_ID:
      g_value_set_int64 (value, self->profile_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_YEARS:
      g_value_set_int (value, self->years);
      break;
    case PROP_YEARS_TEXT:
      g_value_take_string (value, self->years >= 0 ? g_strdup_printf ("%d", self->years) : NULL);
      break;
    case PROP_SKILLS:
      g_value_set_string (value, self->skills);
      break;
    case PROP_IMPORTED:
      g_value_set_string (value, self->imported);
      break;
    case PROP_IMPORTED_TEXT:
      g_value_take_string (value, imported_text (self->imported));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_item_finalize (GObject *object)
{
  SlCandidateItem *self = SL_CANDIDATE_ITEM (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->company);
  g_free (self->location);
  g_free (self->skills);
  g_free (self->imported);

  G_OBJECT_CLASS (sl_candidate_item_parent_class)->finalize (object);
}

static void
sl_candidate_item_class_init (SlCandidateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_candidate_item_finalize;
  object_class->get_property = sl_candidate_item_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_PROFILE_ID] = g_param_spec_int64 ("profile-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_YEARS] = g_param_spec_int ("years", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_YEARS_TEXT] = g_param_spec_string ("years-text", NULL, NULL, NULL, flags);
  properties[PROP_SKILLS] = g_param_spec_string ("skills", NULL, NULL, NULL, flags);
  properties[PROP_IMPORTED] = g_param_spec_string ("imported", NULL, NULL, NULL, flags);
  properties[PROP_IMPORTED_TEXT] = g_param_spec_string ("imported-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_candidate_item_init (SlCandidateItem *self)
{
  self->years = -1;
}
