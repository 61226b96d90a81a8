/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-util.h: small helpers shared by every room.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
sl_str_empty (const char *s)
{
  return s == NULL || s[0] == '\0';
}

/* Trimmed, case-folded e-mail address, or NULL when @email does not look like
 * one (no '@', no dot in the domain, spaces inside). */
char     *sl_normalize_email     (const char *email) G_GNUC_WARN_UNUSED_RESULT;

/* A key for matching phone numbers: "+" and digits for numbers written with a
 * country code, otherwise digits only.  NULL when fewer than 7 digits. */
char     *sl_normalize_phone_key (const char *phone) G_GNUC_WARN_UNUSED_RESULT;

/* A copy of @s that is valid UTF-8, trimmed, with runs of white space folded
 * to one space; NULL when the result is empty. */
char     *sl_strdup_clean        (const char *s) G_GNUC_WARN_UNUSED_RESULT;

/* The current time as an ISO 8601 UTC string with microseconds
 * ("2026-11-29T07:05:55.123456Z"). */
char     *sl_now_iso8601         (void) G_GNUC_WARN_UNUSED_RESULT;
/* The same for @usec microseconds since 1970 (years 1000 to 9999). */
char     *sl_iso8601_from_unix_usec (gint64 usec) G_GNUC_WARN_UNUSED_RESULT;

/* Hex SHA-256 of a buffer. */
char     *sl_sha256_hex          (const guint8 *data,
                                  gsize         len) G_GNUC_WARN_UNUSED_RESULT;

/* Monotonic milliseconds, for stage timings. */
double    sl_monotonic_ms        (void);

G_END_DECLS
