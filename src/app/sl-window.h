/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-window.h: the main window: a view switcher over the Candidates, Imports
 * and Statistics pages, a toast overlay, and a drop target for files and
 * folders anywhere on the window.
 */
#pragma once

#include <adwaita.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW (sl_window_get_type ())
G_DECLARE_FINAL_TYPE (SlWindow, sl_window, SL, WINDOW, AdwApplicationWindow)

SlWindow *sl_window_new          (SlApplication *application) G_GNUC_WARN_UNUSED_RESULT;

/* Queues files and folders (GFile) for import; @source is the intake source
 * ("drop", "folder", ...). Never blocks. */
void      sl_window_import_files (SlWindow      *self,
                                  GPtrArray     *files,
                                  const char    *source);

void      sl_window_add_toast    (SlWindow      *self,
                                  const char    *title);

/* "candidates", "imports", "statistics", "jobs", or a tab of the Jobs
 * page: "jobs/details", "jobs/ranking", "jobs/shortlist". */
void      sl_window_show_page    (SlWindow      *self,
                                  const char    *name);

/* Selects the first candidate of the list and shows the profile. */
void      sl_window_open_first_candidate (SlWindow *self);

G_END_DECLS
