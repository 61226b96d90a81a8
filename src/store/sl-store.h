/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store.h: the SQLite store.  One SlStore is one connection; use one per
 * thread (a worker opens its own).  Every write is a short transaction.
 *
 * This header is the whole public API of the store room:
 *   - opening, schema version, transactions, integrity check  (this file)
 *   - the profile writer and candidate look-ups               (this file)
 *   - the intake repository on file_intake_queue             (sl-store-intake.h)
 *   - search with the query language                           (sl-query.h, sl-store-search.h)
 *   - statistics                                               (sl-store-stats.h)
 *   - notes, tags and saved searches                           (sl-store-extras.h)
 */
#pragma once

#include <gio/gio.h>

#include "core/sl-profile.h"

G_BEGIN_DECLS

#define SL_STORE_ERROR (sl_store_error_quark ())

typedef enum
{
  SL_STORE_ERROR_OPEN,        /* cannot open or create the file */
  SL_STORE_ERROR_TOO_NEW,     /* written by a newer Shortlist; left untouched */
  SL_STORE_ERROR_CORRUPT,     /* not a database, or an integrity problem */
  SL_STORE_ERROR_NOT_FOUND,   /* no such profile / candidate / record */
  SL_STORE_ERROR_INVALID,     /* bad argument value (e.g. empty status) */
  SL_STORE_ERROR_BUSY,        /* another writer held the lock too long */
  SL_STORE_ERROR_QUERY,       /* malformed search query (see sl-query.h) */
  SL_STORE_ERROR_FAILED,      /* any other SQLite failure */
} SlStoreError;

GQuark sl_store_error_quark (void);

/* The schema version this code writes (PRAGMA user_version). */
#define SL_STORE_SCHEMA_VERSION 11

#define SL_TYPE_STORE (sl_store_get_type ())
G_DECLARE_FINAL_TYPE (SlStore, sl_store, SL, STORE, GObject)

typedef enum
{
  SL_STORE_OPEN_DEFAULT  = 0,
  /* No migrations, no writes: a worker's read connection.  The schema must
   * already be at SL_STORE_SCHEMA_VERSION. */
  SL_STORE_OPEN_READONLY = 1 << 0,
} SlStoreOpenFlags;

/* Opens (creating it and its parent folder, mode 0700/0600, when missing) and
 * migrates the database at @path.  A database whose user_version is newer
 * than SL_STORE_SCHEMA_VERSION is refused with SL_STORE_ERROR_TOO_NEW and not
 * modified.  SHORTLIST_SQL_TRACE=1 logs every statement with its time at
 * debug level in the shortlist-store domain. */
SlStore    *sl_store_open              (const char        *path,
                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;
SlStore    *sl_store_open_full         (const char        *path,
                                        SlStoreOpenFlags   flags,
                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;

const char *sl_store_get_path          (SlStore           *self);
int         sl_store_get_schema_version (SlStore          *self);

/* Explicit transactions for callers that group several operations (the
 * intake finalize step).  Operations called inside one join it instead of
 * opening their own.  begin uses BEGIN IMMEDIATE (takes the write lock). */
gboolean    sl_store_begin             (SlStore           *self,
                                        GError           **error);
gboolean    sl_store_commit            (SlStore           *self,
                                        GError           **error);
void        sl_store_rollback          (SlStore           *self);

/* `check`: schema version, PRAGMA integrity_check, the FTS index in step
 * with candidate_profiles.  Returns FALSE with SL_STORE_ERROR_CORRUPT and a
 * message naming the first problem; @report (nullable) gets one line per
 * check either way. */
gboolean    sl_store_check             (SlStore           *self,
                                        GString           *report,
                                        GError           **error);

/* Candidates ------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *email;          /* normalised (trimmed, case-folded) or NULL */
  char   *phone;          /* normalised phone key (sl_normalize_phone_key) or NULL */
  char   *created_at;     /* ISO 8601 UTC */
  char   *updated_at;
} SlCandidate;

SlCandidate *sl_candidate_copy (const SlCandidate *candidate) G_GNUC_WARN_UNUSED_RESULT;
void         sl_candidate_free (SlCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCandidate, sl_candidate_free)

/* By e-mail as typed (normalised here); NULL + SL_STORE_ERROR_NOT_FOUND. */
SlCandidate *sl_store_get_candidate_by_email (SlStore     *self,
                                              const char  *email,
                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SlCandidate *sl_store_get_candidate          (SlStore     *self,
                                              gint64       candidate_id,
                                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Profiles: the profile writer ------------------------------------------- */

typedef struct
{
  gint64     id;
  char      *uuid;
  gint64     candidate_id;
  int        revision;      /* 1 for a new profile, +1 per update */
  gboolean   deleted;
  char      *source;
  char      *raw_text;      /* the extracted text the profile came from, or NULL */
  char      *device_id;
  char      *created_at;
  char      *updated_at;
  SlProfile *profile;       /* the stored sections, as a model */
} SlStoredProfile;

SlStoredProfile *sl_stored_profile_copy (const SlStoredProfile *sp) G_GNUC_WARN_UNUSED_RESULT;
void             sl_stored_profile_free (SlStoredProfile *sp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStoredProfile, sl_stored_profile_free)

typedef enum
{
  SL_WRITE_CREATED,
  SL_WRITE_UPDATED,
  SL_WRITE_FAILED,
} SlWriteOutcome;

/* Stores a parsed profile.  The candidate is found by normalised e-mail,
 * else by normalised phone (only a candidate without a different e-mail),
 * else created; there is never a second candidate for one e-mail.
 *
 * Decision: one candidate has one live profile.  When the candidate found
 * already has a profile, this call becomes an update of that profile (the
 * previous version goes to profile_history with reason "reimport") and
 * @outcome says SL_WRITE_UPDATED.
 *
 * @raw_text (nullable): the extracted text, kept for full-text search.
 * Returns the profile id, or 0 with @error set. */
gint64      sl_store_create_profile_from_parsed_data (SlStore         *self,
                                                      const SlProfile *profile,
                                                      const char      *raw_text,
                                                      SlWriteOutcome  *outcome,
                                                      GError         **error);

/* Replaces profile @profile_id's sections with @profile; the previous
 * version goes to profile_history with @reason ("reparse", "edit", ...;
 * NULL = "update"), revision + 1.  @raw_text NULL keeps the stored text.
 * The candidate's e-mail/phone/name follow the new profile where that
 * does not collide with another candidate. */
gboolean    sl_store_update_profile_from_parsed_data (SlStore         *self,
                                                      gint64           profile_id,
                                                      const SlProfile *profile,
                                                      const char      *raw_text,
                                                      const char      *reason,
                                                      GError         **error);

typedef struct
{
  SlWriteOutcome  outcome;
  gint64          profile_id;     /* 0 when failed */
  gint64          candidate_id;
  GError         *error;          /* set when failed */
} SlWriteResult;

void        sl_write_result_free (SlWriteResult *result);

/* Creates (or, per the rule above, updates) @n profiles in ONE transaction;
 * the full-text index is written in one batch at the end instead of row by
 * row through the triggers.  A failing item is rolled back alone (savepoint)
 * and reported; the others are kept.  @raw_texts may be NULL.
 * Returns (element-type SlWriteResult) one result per item in order, or
 * NULL with @error when the transaction itself failed. */
GPtrArray  *sl_store_bulk_create_profiles (SlStore                  *self,
                                           const SlProfile * const  *profiles,
                                           const char * const       *raw_texts,
                                           guint                     n,
                                           GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same, plus the audit entry per profile ("create" or "update", with
 * its uuid) that the one-by-one writer makes, so the profiles show up in a
 * subject's audit trail (the intake pipeline's finalize uses this). */
GPtrArray  *sl_store_bulk_create_profiles_audited (SlStore                  *self,
                                                   const SlProfile * const  *profiles,
                                                   const char * const       *raw_texts,
                                                   guint                     n,
                                                   GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

/* A profile's stored columns (its sections as JSON, the search and sort
 * columns, the skill keys of the derived tables), worked out from the
 * profile alone: made on any thread ahead of the write (the intake's
 * workers do), so that the writer only binds them. */
typedef struct _SlProfileRow SlProfileRow;

SlProfileRow *sl_profile_row_new  (const SlProfile *profile) G_GNUC_WARN_UNUSED_RESULT;
void          sl_profile_row_free (SlProfileRow    *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlProfileRow, sl_profile_row_free)

/* sl_store_bulk_create_profiles_audited() with each profile's row made
 * beforehand: @rows[i] = sl_profile_row_new (@profiles[i]) (@rows NULL,
 * or an entry NULL, makes it here).  The same rows as without. */
GPtrArray  *sl_store_bulk_create_prepared (SlStore                  *self,
                                           const SlProfile * const  *profiles,
                                           SlProfileRow * const     *rows,
                                           const char * const       *raw_texts,
                                           guint                     n,
                                           GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

SlStoredProfile *sl_store_get_profile         (SlStore     *self,
                                               gint64       profile_id,
                                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SlStoredProfile *sl_store_get_profile_by_uuid (SlStore     *self,
                                               const char  *uuid,
                                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The live profile of the candidate with this e-mail. */
SlStoredProfile *sl_store_get_profile_by_email (SlStore    *self,
                                                const char *email,
                                                GError    **error) G_GNUC_WARN_UNUSED_RESULT;

typedef struct
{
  gint64  id;
  gint64  profile_id;
  int     revision;        /* the revision this version had */
  char   *profile_json;    /* sl_profile_to_json of that version */
  char   *reason;
  char   *changed_at;
} SlProfileVersion;

void        sl_profile_version_free (SlProfileVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlProfileVersion, sl_profile_version_free)

/* Previous versions of a profile, newest first. (element-type SlProfileVersion) */
GPtrArray  *sl_store_get_profile_history (SlStore     *self,
                                          gint64       profile_id,
                                          GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Number of live profiles and candidates (cheap). */
gint64      sl_store_count_live_profiles (SlStore *self);

G_END_DECLS
