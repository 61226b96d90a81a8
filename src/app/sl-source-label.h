/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-source-label.h: the words for where a profile or an import came from.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "drop" → "Dropped", "watch" → "Watched folder", … (translated, the same
 * words as the Candidates page's source filter); an unknown source is
 * returned as it is.  Never NULL for a non-NULL @source. */
const char *sl_source_label (const char *source);

G_END_DECLS
