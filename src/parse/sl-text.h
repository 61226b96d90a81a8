/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-text.h: small text helpers shared inside the parse room (internal).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @len bytes of @s to @out lower-cased with Latin diacritics removed
 * ("Über" → "uber", "Ç" → "c", "ß" → "ss").  Other characters are lower-cased
 * as Unicode.  Invalid bytes are skipped. */
void      sl_text_fold_append (GString    *out,
                               const char *s,
                               gssize      len);

/* A new folded copy of @s. */
char     *sl_text_fold        (const char *s) G_GNUC_WARN_UNUSED_RESULT;

/* The folded character of @c (diacritics removed, lower-case) as ASCII when
 * one exists, else 0. */
char      sl_text_fold_ascii  (gunichar c);

/* TRUE for a letter or digit (Unicode). */
gboolean  sl_text_is_alnum    (gunichar c);

/* TRUE for dash-like characters: - – — − ‒ and the mojibake "â" of a
 * UTF-8 en dash read as Latin-1. */
gboolean  sl_text_is_dash     (gunichar c);

G_END_DECLS
