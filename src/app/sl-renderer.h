/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sl_renderer_for_devices (const char *dev_dir);
void        sl_renderer_choose      (void);

G_END_DECLS
