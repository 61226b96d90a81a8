/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-time-format.h: the store's ISO 8601 UTC times as the user's local time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @iso (nullable) in local time with g_date_time_format's @format, e.g.
 * "%x %X"; @iso itself (or "") when it is not an ISO 8601 time. */
char *sl_format_local_time (const char *iso,
                            const char *format) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
