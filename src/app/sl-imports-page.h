/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_IMPORTS_PAGE (sl_imports_page_get_type ())
G_DECLARE_FINAL_TYPE (SlImportsPage, sl_imports_page, SL, IMPORTS_PAGE, GtkWidget)

void sl_imports_page_set_application (SlImportsPage *self,
                                   SlApplication *application);

/* Starts importing @files (GFile); FALSE when this build has no intake
 * pipeline to import with. */
gboolean sl_imports_page_import (SlImportsPage *self,
                                GPtrArray     *files,
                                const char    *source);

G_END_DECLS
