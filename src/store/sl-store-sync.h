/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-sync.h: the local half of team sync.
 *
 * - Every create, update and erase of a profile writes a row to the outbox
 *   (sync_outbox) in the SAME transaction as the change: SQLite triggers on
 *   candidate_profiles do it, so every writer (the profile writer, bulk
 *   import, an erase, future code) is covered without calling anything.
 *   One outbox row per profile uuid: a newer change replaces the older row
 *   (with a new, larger id, so a push in flight never deletes it).
 * - A device id (random uuid, made by the migration) marks which laptop made
 *   a revision: the triggers stamp candidate_profiles.device_id.
 * - Rows pulled from the server are applied with the triggers switched off
 *   inside that transaction, so they are never queued back.
 *
 * The app needs only the first block (status line); the rest is for
 * src/sync.
 */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

/* This laptop's device id (a uuid).  NULL only on a failed read. */
char       *sl_store_get_device_id        (SlStore     *self) G_GNUC_WARN_UNUSED_RESULT;

/* Local changes not yet pushed (profile and intake outbox rows), or -1. */
gint64      sl_store_sync_pending_count   (SlStore     *self);

/* What the last sync left behind, kept in the database so a restarted app
 * shows it.  Strings are NULL when never synced / no error. */
typedef struct
{
  char   *last_sync_at;     /* ISO 8601 UTC of the last successful sync */
  char   *last_attempt_at;  /* ISO 8601 UTC of the last attempt */
  char   *last_error;       /* message of the last failed attempt, NULL after a success */
  gint64  last_seq;         /* server change number seen */
  gint64  pending;          /* outbox rows */
  gint64  conflicts;        /* conflicts recorded in history so far */
} SlStoreSyncStatus;

void        sl_store_sync_status_free     (SlStoreSyncStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStoreSyncStatus, sl_store_sync_status_free)

SlStoreSyncStatus *sl_store_sync_get_status (SlStore   *self,
                                             GError   **error) G_GNUC_WARN_UNUSED_RESULT;

/* Erases profile @profile_id: the row, its history (cascade), the FTS row,
 * and the candidate when no other profile is left.  The outbox gets an
 * erase tombstone in the same transaction, so the sync deletes it on the
 * server and on every other laptop.  (The privacy room's full GDPR erase
 * builds on this; any DELETE of candidate_profiles queues a tombstone.) */
gboolean    sl_store_erase_profile        (SlStore     *self,
                                           gint64       profile_id,
                                           GError     **error);

/* ---- for src/sync ------------------------------------------------------ */

#define SL_SYNC_N_SECTIONS 10   /* sl_profile_section_names () order */

/* One profile as it travels between the store and the server. */
typedef struct
{
  gint64    outbox_id;        /* push: the outbox row; 0 for pulled rows */
  gboolean  erase;            /* push: a tombstone (only uuid is set) */
  char     *uuid;
  gint64    seq;              /* push: the server change number this edit is
                                 based on (0 = never synced); pull: the row's */
  char     *candidate_uuid;
  char     *candidate_name;
  char     *candidate_email;  /* normalised */
  char     *candidate_phone;
  char     *sections[SL_SYNC_N_SECTIONS];  /* JSON text */
  char     *source;
  char     *raw_text;
  int       revision;
  gboolean  deleted;
  char     *device_id;
  char     *created_at;       /* ISO 8601 UTC */
  char     *updated_at;
} SlSyncRow;

void        sl_sync_row_free              (SlSyncRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSyncRow, sl_sync_row_free)

/* A conflict the server recorded: the losing version of a profile. */
typedef struct
{
  gint64  id;                 /* server id, unique */
  char   *profile_uuid;
  char   *loser_device;
  int     loser_revision;
  char   *loser_updated_at;
  char   *loser_json;         /* sections + source, as profile_history keeps them */
} SlSyncConflict;

void        sl_sync_conflict_free         (SlSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSyncConflict, sl_sync_conflict_free)

/* Up to @limit outbox rows with id > @after_id, oldest first, with the
 * current state of each profile. (element-type SlSyncRow) */
GPtrArray  *sl_store_sync_read_outbox     (SlStore     *self,
                                           gint64       after_id,
                                           guint        limit,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* What the server did with one pushed row. */
typedef enum
{
  SL_PUSH_ACCEPTED,   /* stored (new, fast-forward, won a conflict, or already there) */
  SL_PUSH_LOST,       /* lost a conflict: @winner is applied locally, ours goes to history */
  SL_PUSH_ERASED,     /* the profile was erased centrally: delete it here too */
  SL_PUSH_MERGED,     /* another laptop's profile of the same person (same e-mail) was
                       * there first: ours was merged into @merged_into.  @winner (the
                       * server's row under that uuid) is applied here, ours is removed
                       * (its history and intake rows move along) and, when it lost
                       * (@conflict_id set), kept in the survivor's history. */
} SlPushOutcome;

typedef struct
{
  gint64         outbox_id;
  char          *uuid;
  SlPushOutcome  outcome;
  gint64         seq;          /* the server's change number for the row now */
  gint64         conflict_id;  /* LOST: the server's conflict record */
  SlSyncRow     *winner;       /* LOST, MERGED: the server's version */
  char          *merged_into;  /* MERGED: the surviving profile's uuid */
} SlPushAck;

void        sl_push_ack_free              (SlPushAck *ack);

/* After the server committed a batch: in one local transaction, removes
 * the acknowledged outbox rows (by id: a row replaced meanwhile by a newer
 * change has a new id and stays), records the server change numbers, applies
 * the winners of lost conflicts (our version into history as
 * "sync-conflict") and erases what the server had erased.
 * (element-type SlPushAck).  @conflicts_out: how many conflicts were
 * recorded locally. */
gboolean    sl_store_sync_finish_push     (SlStore     *self,
                                           GPtrArray   *acks,
                                           guint       *conflicts_out,
                                           GError     **error);

/* Applies pulled rows in one transaction without queuing them: profiles
 * (element-type SlSyncRow; a profile with a pending local change is left for
 * the next push, where the server resolves the conflict), erased uuids
 * (element-type utf8) and conflict records (element-type SlSyncConflict;
 * each is applied once: the loser goes to the profile's history with reason
 * "sync-conflict").  Pulls may come in pages: pass the same @conflicts with
 * every page and @last_seq = -1 except with the last page, where @last_seq
 * (>= 0) is stored as the new last seen change and the losers of conflicts
 * not met in any page are added to history.
 * Counts are added to @applied, @erased, @conflicts (all nullable). */
gboolean    sl_store_sync_apply_pulled    (SlStore     *self,
                                           GPtrArray   *rows,
                                           GPtrArray   *erased_uuids,
                                           GPtrArray   *conflicts,
                                           gint64       last_seq,
                                           guint       *applied,
                                           guint       *erased,
                                           guint       *conflicts_out,
                                           GError     **error);

gint64      sl_store_sync_get_last_seq    (SlStore     *self);

/* Remembers the outcome of an attempt (error NULL = success) for the
 * status line, and writes an audit row "sync" with @audit_details (a JSON
 * object of counts, never personal data; nullable) in the same
 * transaction. */
gboolean    sl_store_sync_record_attempt  (SlStore     *self,
                                           const char  *error_message,
                                           const char  *audit_details,
                                           GError     **error);

/* Intake records (file_intake_queue) travel one way, to the server: every
 * insert, update and delete queues the record's uuid in
 * sync_intake_outbox (same transaction, triggers). */
typedef struct
{
  gint64    outbox_id;
  gboolean  erase;            /* the record is gone here: only uuid is set */
  char     *uuid;
  char     *path;
  char     *original_name;
  char     *sha256;
  gint64    size;
  char     *mime;
  char     *source;
  char     *status;
  char     *error;
  char     *profile_uuid;     /* the profile it made, by uuid */
  char     *metadata;         /* JSON text */
  char     *created_at;
  char     *updated_at;
} SlSyncIntakeRow;

void        sl_sync_intake_row_free       (SlSyncIntakeRow *row);

/* Up to @limit queued intake records, oldest first.
 * (element-type SlSyncIntakeRow) */
GPtrArray  *sl_store_sync_read_intake_outbox (SlStore   *self,
                                              guint      limit,
                                              GError   **error) G_GNUC_WARN_UNUSED_RESULT;

/* After the server committed them: removes these outbox rows (by id: a
 * record changed meanwhile stays queued). */
gboolean    sl_store_sync_finish_intake   (SlStore     *self,
                                           GPtrArray   *rows,
                                           GError     **error);

G_END_DECLS
