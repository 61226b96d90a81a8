/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-extras.h: what a recruiter adds to candidates: notes, tags, and
 * saved searches.  Tags are case-insensitive names; the search language
 * filters by them with tag:NAME.
 */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  candidate_id;
  char   *body;
  char   *created_at;
  char   *updated_at;
} SlNote;

void        sl_note_free (SlNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlNote, sl_note_free)

/* Returns the note id, or 0 with @error (NOT_FOUND for a missing candidate). */
gint64      sl_store_add_note     (SlStore     *self,
                                   gint64       candidate_id,
                                   const char  *body,
                                   GError     **error);
gboolean    sl_store_update_note  (SlStore     *self,
                                   gint64       note_id,
                                   const char  *body,
                                   GError     **error);
gboolean    sl_store_delete_note  (SlStore     *self,
                                   gint64       note_id,
                                   GError     **error);
/* (element-type SlNote), newest first. */
GPtrArray  *sl_store_list_notes   (SlStore     *self,
                                   gint64       candidate_id,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Creates the tag when new; tagging twice is not an error. */
gboolean    sl_store_add_tag      (SlStore     *self,
                                   gint64       candidate_id,
                                   const char  *tag,
                                   GError     **error);
gboolean    sl_store_remove_tag   (SlStore     *self,
                                   gint64       candidate_id,
                                   const char  *tag,
                                   GError     **error);
/* A candidate's tags (@candidate_id > 0) or every tag (0), sorted. */
GStrv       sl_store_list_tags    (SlStore     *self,
                                   gint64       candidate_id,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

typedef struct
{
  gint64  id;
  char   *name;
  char   *query;
  char   *updated_at;
} SlSavedSearch;

void        sl_saved_search_free (SlSavedSearch *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSavedSearch, sl_saved_search_free)

/* Saves (or replaces, by name) a search; the query must parse. */
gboolean    sl_store_save_search          (SlStore     *self,
                                           const char  *name,
                                           const char  *query,
                                           GError     **error);
gboolean    sl_store_delete_saved_search  (SlStore     *self,
                                           const char  *name,
                                           GError     **error);
/* (element-type SlSavedSearch), by name. */
GPtrArray  *sl_store_list_saved_searches  (SlStore     *self,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
