/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-job-private.h: what the files of the rank room share about jobs (JSON
 * columns of the jobs table).  Not for other rooms.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sl-job.h"

G_BEGIN_DECLS

/* Replaces *@field with a copy of @value (GLib 2.74 has no g_set_str). */
static inline void
sl_rank_set_str (char       **field,
                 const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static inline void
sl_rank_take_str (char **field,
                  char  *value)
{
  g_free (*field);
  *field = value;
}

/* Case-insensitive (ASCII) membership, and adding a copy when absent. */
gboolean  sl_rank_strv_has_ci             (GPtrArray   *arr,
                                           const char  *s);
void      sl_rank_strv_add_unique         (GPtrArray   *arr,
                                           const char  *s);

char     *sl_job_strv_to_json             (GPtrArray   *arr) G_GNUC_WARN_UNUSED_RESULT;
char     *sl_job_languages_to_json        (GPtrArray   *languages) G_GNUC_WARN_UNUSED_RESULT;
gboolean  sl_job_strv_from_json_node      (JsonNode    *node,
                                           const char  *name,
                                           GPtrArray   *out,
                                           GError     **error);
gboolean  sl_job_languages_from_json_node (JsonNode    *node,
                                           GPtrArray   *out,
                                           GError     **error);

G_END_DECLS
