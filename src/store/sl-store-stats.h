/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-stats.h: the original design's get_profile_statistics.
 */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *key;
  gint64  count;
} SlStatCount;

typedef struct
{
  char   *stage;
  double  avg_ms;
  gint64  samples;
} SlStageTime;

typedef struct
{
  gint64     candidates;
  gint64     profiles;            /* live (not deleted) */
  gint64     deleted_profiles;
  gint64     profile_versions;    /* rows in profile_history */
  gint64     intake_total;
  gint64     intake_failed;
  double     error_rate;          /* intake_failed / intake_total, 0 when none */
  gint64     notes;
  gint64     tags;
  GPtrArray *by_source;           /* (element-type SlStatCount) live profiles per source, most first */
  GPtrArray *by_status;           /* (element-type SlStatCount) intake records per status */
  GPtrArray *top_skills;          /* (element-type SlStatCount) profiles per skill (case-folded) */
  GPtrArray *per_day;             /* (element-type SlStatCount) profiles created per UTC day, newest first */
  GPtrArray *stage_times;         /* (element-type SlStageTime) from processing reports' "timings" */
} SlStoreStats;

void          sl_store_stats_free (SlStoreStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStoreStats, sl_store_stats_free)

/* @top_n: how many skills (0 = 20); @days: how many days of per_day
 * (0 = 30).  Reads only; safe on a read-only connection. */
SlStoreStats *sl_store_get_profile_statistics (SlStore  *self,
                                               guint     top_n,
                                               guint     days,
                                               GError  **error) G_GNUC_WARN_UNUSED_RESULT;

/* The statistics as a JSON object (for `stats --json`). */
char         *sl_store_stats_to_json (const SlStoreStats *stats,
                                      gboolean            pretty) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
