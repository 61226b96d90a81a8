/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-source-label.h"

#include <glib/gi18n.h>

const char *
sl_source_label (const char *source)
{
  static const struct { const char *source; const char *label; } labels[] = {
    { "drop", N_("Dropped") },
    { "folder", N_("Folder") },
    { "watch", N_("Watched folder") },
    { "email", N_("E-mail") },
    { "cli", N_("Command line") },
    { "import", N_("Imported data") },
  };

  g_return_val_if_fail (source != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (source, labels[i].source))
      return _(labels[i].label);
  return source;
}
