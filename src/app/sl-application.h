/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-application.h: the Shortlist application: owns the settings, the
 * database path, the store and (when it exists) the intake pipeline; opens
 * windows and hosts the app-wide actions (preferences, about, quit).
 */
#pragma once

#include <adwaita.h>

#include "intake/sl-pipeline.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_APPLICATION (sl_application_get_type ())
G_DECLARE_FINAL_TYPE (SlApplication, sl_application, SL, APPLICATION, AdwApplication)

/* The GSettings schema id; the same for the default and .Devel builds. */
#define SL_SCHEMA_ID "io.github.shortlist.Shortlist"

SlApplication *sl_application_new              (const char        *database_path,
                                                GApplicationFlags  flags) G_GNUC_WARN_UNUSED_RESULT;

/* $XDG_DATA_HOME/shortlist/shortlist.db (shortlist-devel for .Devel builds). */
char          *sl_application_default_database (void) G_GNUC_WARN_UNUSED_RESULT;

const char    *sl_application_get_database_path (SlApplication *self);
GSettings     *sl_application_get_settings      (SlApplication *self);

/* The page the first window shows ("candidates", "imports", "statistics"),
 * and whether it opens the first candidate: for screenshots and demos. */
void           sl_application_set_start_page    (SlApplication *self,
                                                 const char    *page,
                                                 gboolean       open_first);

/* The main thread's connection to the database, opened (and created) on
 * first use. NULL with @error when it cannot be opened. (transfer none) */
SlStore       *sl_application_get_store         (SlApplication *self,
                                                 GError       **error);

/* The intake pipeline on this database, started on first use and set up
 * from the settings (workers, virus scan, OCR languages, watched folder,
 * archive retention), which it follows while it runs. (transfer none) */
SlPipeline    *sl_application_get_pipeline      (SlApplication *self,
                                                 GError       **error);

/* The language-model client the pipeline parses with, as built from the
 * settings (parser = "llm"), or NULL for the rules. (transfer none) */
SlLlmClient   *sl_application_get_llm_client    (SlApplication *self);

/* Tells the desktop (GNotification) with @body as the text. Emits
 * ::desktop-notification (id, notification, body) first; its default handler
 * sends it when there is a session bus; a handler returning TRUE has
 * delivered it itself. */
void           sl_application_notify            (SlApplication *self,
                                                 const char    *id,
                                                 const char    *title,
                                                 const char    *body,
                                                 const char    *default_action);

G_END_DECLS
