/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-item.h"

struct _SlImportItem
{
  GObject  parent_instance;

  gint64   qid;
  char    *name;
  char    *path;
  char    *archive_path;
  char    *source;
  char    *status;
  char    *error;
  gint64   profile_id;
};

G_DEFINE_FINAL_TYPE (SlImportItem, sl_import_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STATUS,
  PROP_ERROR,
  PROP_PROFILE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SlImportItem *
sl_import_item_new (gint64 qid)
{
  SlImportItem *self = g_object_new (SL_TYPE_IMPORT_ITEM, NULL);

  self->qid = qid;
  self->status = g_strdup ("queued");
  return self;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
sl_import_item_update (SlImportItem         *self,
                       const SlIntakeRecord *record)
{
  g_return_if_fail (SL_IS_IMPORT_ITEM (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->name, record->original_name ? record->original_name : record->path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  set_string (&self->path, record->path);
  set_string (&self->archive_path, record->archive_path);
  set_string (&self->source, record->source);
  if (set_string (&self->status, record->status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (set_string (&self->error, record->error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (self->profile_id != record->profile_id)
    {
      self->profile_id = record->profile_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
sl_import_item_get_qid (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), 0);
  return self->qid;
}

const char *
sl_import_item_get_name (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);
  return self->name;
}

/* The archived copy when there is one: the original may be gone. */
const char *
sl_import_item_get_path (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);
  return self->archive_path ? self->archive_path : self->path;
}

const char *
sl_import_item_get_source (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);
  return self->source;
}

const char *
sl_import_item_get_status (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);
  return self->status;
}

const char *
sl_import_item_get_error (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);
  return self->error;
}

gint64
sl_import_item_get_profile_id (SlImportItem *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), 0);
  return self->profile_id;
}

gboolean
sl_import_item_is_final (SlImportItem *self)
{
  const char *s;

  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), FALSE);
  s = self->status;
  return g_strcmp0 (s, "done") == 0 || g_strcmp0 (s, "duplicate") == 0 || g_strcmp0 (s, "failed") == 0 ||
         g_strcmp0 (s, "infected") == 0 || g_strcmp0 (s, "cancelled") == 0;
}

double
sl_import_item_get_fraction (SlImportItem *self)
{
  static const struct { const char *status; double fraction; } stages[] = {
    { "queued", 0.0 }, { "scanning", 0.1 }, { "extracting", 0.3 },
    { "parsing", 0.6 }, { "finalizing", 0.9 },
  };

  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), 0);

  for (gsize i = 0; i < G_N_ELEMENTS (stages); i++)
    if (g_strcmp0 (self->status, stages[i].status) == 0)
      return stages[i].fraction;
  return 1.0;
}

char *
sl_import_item_describe (SlImportItem *self)
{
  const char *s;

  g_return_val_if_fail (SL_IS_IMPORT_ITEM (self), NULL);

  s = self->status ? self->status : "";
  if (g_str_equal (s, "queued"))
    return g_strdup (_("Waiting"));
  if (g_str_equal (s, "scanning"))
    return g_strdup (_("Scanning for viruses"));
  if (g_str_equal (s, "extracting"))
    return g_strdup (_("Reading the text"));
  if (g_str_equal (s, "parsing"))
    return g_strdup (_("Recognising the sections"));
  if (g_str_equal (s, "finalizing"))
    return g_strdup (_("Saving the profile"));
  if (g_str_equal (s, "done"))
    return g_strdup (_("Profile saved"));
  if (g_str_equal (s, "duplicate"))
    return g_strdup (_("Already imported"));
  if (g_str_equal (s, "cancelled"))
    return g_strdup (_("Cancelled"));
  if (g_str_equal (s, "infected"))
    /* Translators: %s is the virus signature name */
    return g_strdup_printf (_("Infected, not opened: %s"), self->error ? self->error : _("unknown signature"));
  if (g_str_equal (s, "failed"))
    return g_strdup (self->error ? self->error : _("Failed"));
  return g_strdup (s);
}

static void
sl_import_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlImportItem *self = SL_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_PROFILE_ID:
      g_value_set_int64 (value, self->profile_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_import_item_finalize (GObject *object)
{
  SlImportItem *self = SL_IMPORT_ITEM (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->archive_path);
  g_free (self->source);
  g_free (self->status);
  g_free (self->error);

  G_OBJECT_CLASS (sl_import_item_parent_class)->finalize (object);
}

static void
sl_import_item_class_init (SlImportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_import_item_finalize;
  object_class->get_property = sl_import_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties[PROP_PROFILE_ID] = g_param_spec_int64 ("profile-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_import_item_init (SlImportItem *self)
{
}
