/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-time-format.h"

char *
sl_format_local_time (const char *iso,
                      const char *format)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}
