/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-consent-group.h: the "Privacy" group of the profile view: the legal
 * basis on which a candidate's data is held (GDPR art. 6), when it was
 * recorded and an optional note, editable.  A change is saved at once
 * (src/privacy records it dated now, and audits it).
 */
#pragma once

#include <adwaita.h>

#include "store/sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CONSENT_GROUP (sl_consent_group_get_type ())
G_DECLARE_FINAL_TYPE (SlConsentGroup, sl_consent_group, SL, CONSENT_GROUP, AdwPreferencesGroup)

GtkWidget  *sl_consent_group_new        (SlStore        *store,
                                         gint64          candidate_id);

/* The shown basis (one of sl_privacy_legal_bases), or NULL when none is
 * recorded; choosing one saves it, as the combo does. */
const char *sl_consent_group_get_basis  (SlConsentGroup *self);
gboolean    sl_consent_group_set_basis  (SlConsentGroup *self,
                                         const char     *legal_basis,
                                         GError        **error);
/* What the row under the combo says ("Recorded on …"). */
const char *sl_consent_group_get_recorded_text (SlConsentGroup *self);

/* A legal basis in words ("Legitimate interest"); @basis itself when
 * unknown. */
const char *sl_consent_basis_label      (const char     *basis);

G_END_DECLS
