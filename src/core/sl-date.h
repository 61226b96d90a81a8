/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-date.h: partial ISO dates ("YYYY", "YYYY-MM", "YYYY-MM-DD").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @date is a well-formed partial ISO date with a plausible year
 * (1900..2100), month (1..12) and day (1..31). */
gboolean  sl_date_is_valid       (const char *date);

/* Months since year 0 (year * 12 + month - 1).  A year-only date counts as
 * January when @as_end is FALSE and December when TRUE.  -1 when invalid. */
int       sl_date_to_month_index (const char *date,
                                  gboolean    as_end);

/* Builds "YYYY", "YYYY-MM" or "YYYY-MM-DD"; month/day 0 = unknown. NULL when
 * the parts are out of range. */
char     *sl_date_format         (int year,
                                  int month,
                                  int day) G_GNUC_WARN_UNUSED_RESULT;

/* The current month as "YYYY-MM" (UTC). */
char     *sl_date_this_month     (void) G_GNUC_WARN_UNUSED_RESULT;

/* Orders two partial dates; a missing date sorts first. Compares the known
 * prefix; "2019" < "2019-03". */
int       sl_date_compare        (const char *a,
                                  const char *b);

G_END_DECLS
