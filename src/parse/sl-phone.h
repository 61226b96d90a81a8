/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-phone.h: phone numbers as written in resumes → E.164.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The E.164 form ("+4930123456") of @raw, or NULL when it cannot be
 * normalised with confidence.  Numbers written with "+" or "00" keep their
 * country code ("(0)" trunk digits inside are dropped); numbers without one
 * take @default_region's (ISO 3166 alpha-2, e.g. "DE", "US"; NULL = none)
 * after its trunk prefix is removed.  Only the national lengths that the
 * region allows are accepted. */
char       *sl_phone_to_e164       (const char *raw,
                                    const char *default_region) G_GNUC_WARN_UNUSED_RESULT;

/* The calling code of a region ("DE" → 49), or 0 when unknown. */
int         sl_phone_region_code   (const char *region);

/* Finds phone-number-like spans in @text (7..15 digits, separators
 * " -./()", optional leading "+"), skipping date ranges and years.
 * Returns the first one after @from (a byte offset) and its span, or FALSE. */
gboolean    sl_phone_find          (const char *text,
                                    gsize       from,
                                    gsize      *out_offset,
                                    gsize      *out_length);

/* The default region from the locale (LC_ADDRESS, LC_ALL, LANG: "de_DE.UTF-8"
 * → "DE"), or NULL.  (transfer full) */
char       *sl_phone_region_from_locale (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
