/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-dates.h: dates and date ranges as people write them in resumes, in
 * English, German, French, Spanish, Portuguese, Italian and Dutch.
 *
 * "Jan 2019 – Present", "2019-2021", "03/2018 - 11/2020", "since 2020",
 * "2015 to date", "Mai 2017 – heute", "depuis 2019", "desde marzo de 2018",
 * "dal 2020", "sinds 2016", "Summer 2009", "2012-13" …
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *start;    /* partial ISO date ("YYYY" or "YYYY-MM"), never NULL */
  char     *end;      /* partial ISO date, or NULL (current, or a lone date) */
  gboolean  current;  /* "– Present", "since 2019", "seit 2019" … */
  gboolean  single;   /* a lone date, not a range */
  gsize     offset;   /* byte span of the match in the searched text */
  gsize     length;
} SlDateRange;

SlDateRange *sl_date_range_copy (const SlDateRange *range) G_GNUC_WARN_UNUSED_RESULT;
void         sl_date_range_free (SlDateRange *range);

/* Every date range and lone date in @text, in order of appearance.
 * (transfer full) (element-type SlDateRange) */
GPtrArray   *sl_dates_find       (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* sl_dates_find() without its quick rejection of texts that cannot hold a
 * date: the same result, slower (for tests that check they agree). */
GPtrArray   *sl_dates_find_unfiltered (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* The first range (or lone date when @allow_single) in @text, or NULL. */
SlDateRange *sl_dates_parse_range (const char *text,
                                   gboolean    allow_single) G_GNUC_WARN_UNUSED_RESULT;

/* 1..12 for a month name or abbreviation in any of the seven languages
 * (case and accents ignored, trailing dot allowed), else 0. */
int          sl_dates_month_from_name (const char *word);

/* TRUE for "present", "heute", "aujourd'hui", "actualidad", "atual", "oggi",
 * "heden", "current", "now" … (case and accents ignored). */
gboolean     sl_dates_is_present_word (const char *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlDateRange, sl_date_range_free)

G_END_DECLS
