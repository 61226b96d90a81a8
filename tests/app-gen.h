/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * app-gen.h: generated candidate profiles for the app's tests and its
 * benchmark: varied, deterministic (seeded), invented — no real person.
 */
#pragma once

#include "store/sl-store.h"

G_BEGIN_DECLS

/* Profile number @i of a generated set with @seed. */
SlProfile *app_gen_profile  (guint32 seed,
                             guint   i) G_GNUC_WARN_UNUSED_RESULT;

/* Bulk-creates @n generated profiles into @store in batches; FALSE with
 * @error if a batch fails. */
gboolean   app_gen_fill     (SlStore  *store,
                             guint32   seed,
                             guint     n,
                             GError  **error);

G_END_DECLS
