/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-profile-view.h: one candidate, every section laid out for reading,
 * beside the original document. Contact fields edit in place and save as a
 * new revision (the old one goes to the profile's history); uncertain
 * fields carry a warning mark with their confidence.
 */
#pragma once

#include <adwaita.h>

#include "store/sl-store.h"
#include "sl-document-view.h"

G_BEGIN_DECLS

#define SL_TYPE_PROFILE_VIEW (sl_profile_view_get_type ())
G_DECLARE_FINAL_TYPE (SlProfileView, sl_profile_view, SL, PROFILE_VIEW, GtkWidget)

/* Below this confidence a field is marked uncertain. */
#define SL_PROFILE_VIEW_UNCERTAIN 0.6

void     sl_profile_view_set_store      (SlProfileView *self,
                                         SlStore       *store);
/* Shows profile @profile_id (0 = none); FALSE with @error when it cannot be
 * read. */
gboolean sl_profile_view_show_profile   (SlProfileView *self,
                                         gint64         profile_id,
                                         GError       **error);
gint64   sl_profile_view_get_profile_id (SlProfileView *self);
/* The original beside the profile: the file last given by
 * sl_profile_view_set_original () for this profile, else the archived copy
 * of the newest import that made it, else the extracted text. */
SlDocumentView *sl_profile_view_get_document_view (SlProfileView *self);
/* How many imports touched the shown candidate (its "Imports" section). */
guint    sl_profile_view_get_n_imports  (SlProfileView *self);
/* The original file of the shown profile, when the caller knows it (the
 * Imports page does); otherwise the extracted text stands in for it. */
void     sl_profile_view_set_original   (SlProfileView *self,
                                         GFile         *file);
void     sl_profile_view_set_show_back  (SlProfileView *self,
                                         gboolean       show);
/* Narrower than the profile and the original side by side, the view
 * folds: the original is one press of the toolbar's toggle away (and Back
 * returns to the profile). */
gboolean sl_profile_view_get_document_folded    (SlProfileView *self);
/* Whether the original is on screen (beside the profile, or turned to). */
gboolean sl_profile_view_get_document_on_screen (SlProfileView *self);
GtkToggleButton *sl_profile_view_get_document_toggle (SlProfileView *self);
GtkWidget       *sl_profile_view_get_back_button     (SlProfileView *self);

/* Saves one personal field ("name", "email", "phone", "location",
 * "headline", "summary") as the user's edit. */
gboolean sl_profile_view_save_field     (SlProfileView *self,
                                         const char    *field,
                                         const char    *value,
                                         GError       **error);

/* Tags and notes of the shown candidate. */
gboolean sl_profile_view_add_tag        (SlProfileView *self,
                                         const char    *tag,
                                         GError       **error);
gboolean sl_profile_view_add_note       (SlProfileView *self,
                                         const char    *body,
                                         GError       **error);

/* Blind review (@alias non-NULL, e.g. "Candidate #12"): the profile is shown
 * through sl_profile_blind_copy() under @alias, without contact details,
 * the original document, notes, editing, export or erasure.  NULL shows
 * everything again. */
void     sl_profile_view_set_blind       (SlProfileView *self,
                                          const char    *alias);

/* Puts the shown candidate on job @job_id's shortlist (stage New, no
 * score): what the toolbar's "Add to Shortlist…" menu does. */
gboolean sl_profile_view_add_to_shortlist (SlProfileView *self,
                                           gint64         job_id,
                                           GError       **error);

/* Originals of an erased candidate are deleted from here (nullable). */
void     sl_profile_view_set_archive_dir (SlProfileView *self,
                                          const char    *archive_dir);
/* GDPR erasure of the shown candidate, in a thread; "changed" and "back"
 * follow when it is done. The Erase button asks first. */
void     sl_profile_view_erase           (SlProfileView *self);
/* Writes the shown profile to @file as JSON Resume (private file mode)
 * and records the export in the audit log. */
gboolean sl_profile_view_export_json_resume (SlProfileView *self,
                                             GFile         *file,
                                             GError       **error);

G_END_DECLS
