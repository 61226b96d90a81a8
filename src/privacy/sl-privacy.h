/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-privacy.h: the privacy room: what a data controller owes the people in
 * the database (GDPR).
 *
 * - Erase: a candidate and everything held about them (profiles, history,
 *   notes, tags, intake rows with their parsed output, archived originals no
 *   other candidate uses, search index entries, audit details naming them),
 *   with a sync tombstone per profile.  SQLite's secure_delete is on for the
 *   erase, the search index is rewritten and the WAL checkpointed and
 *   truncated, so no byte of their name or e-mail stays in the database
 *   files or the archive.
 * - Subject access export: one JSON file plus their archived originals.
 * - Consent: legal basis + date per candidate (set on creation from the
 *   default basis), editable; retention: who has not been updated for N
 *   months (listing only; erasing is a separate, explicit call).
 * - Audit log: listing as structs or JSON (field names, never values).
 *
 * Candidates are addressed by candidates.id; sl_privacy_resolve() turns what
 * a user types (profile id, candidate or profile uuid, e-mail) into one.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "store/sl-store.h"

G_BEGIN_DECLS

#define SL_PRIVACY_ERROR (sl_privacy_error_quark ())

typedef enum
{
  SL_PRIVACY_ERROR_NOT_FOUND,   /* no such candidate */
  SL_PRIVACY_ERROR_INVALID,     /* a bad argument (legal basis, months, ...) */
  SL_PRIVACY_ERROR_IO,          /* writing the export or deleting a file */
  SL_PRIVACY_ERROR_BUSY,        /* the WAL could not be truncated (another reader) */
} SlPrivacyError;

GQuark sl_privacy_error_quark (void);

/* Legal bases (GDPR art. 6); any of these is accepted by set_consent. */
#define SL_CONSENT_LEGITIMATE_INTEREST "legitimate-interest"
#define SL_CONSENT_CONSENT             "consent"
#define SL_CONSENT_CONTRACT            "contract"
#define SL_CONSENT_LEGAL_OBLIGATION    "legal-obligation"

/* NULL-terminated list of the accepted legal bases. */
const char * const *sl_privacy_legal_bases (void);

/* @key: a profile id (digits, as `show`/`search` print), a candidate or
 * profile uuid, or an e-mail address.  Returns the candidate id, or 0 with
 * SL_PRIVACY_ERROR_NOT_FOUND. */
gint64      sl_privacy_resolve            (SlStore     *store,
                                           const char  *key,
                                           GError     **error);

typedef struct
{
  guint     profiles;        /* profiles erased (each queued a sync tombstone) */
  guint     intake_rows;     /* intake rows deleted */
  guint     files_removed;   /* archived originals deleted */
  guint     files_kept;      /* archived originals kept: another candidate's row uses them */
  gboolean  wal_truncated;   /* FALSE: another connection kept the WAL open */
} SlEraseReport;

/* Erases the candidates in @candidate_ids (gint64) in one transaction, then
 * rewrites the search index and checkpoints the WAL.  @archive_dir: the
 * archive of originals (nullable: files are not touched); only files inside
 * it are deleted.  @report is nullable.  An audit row "erase"/"candidate" with
 * counts (no personal data) is written per candidate. */
gboolean    sl_privacy_erase_candidates   (SlStore       *store,
                                           GArray        *candidate_ids,
                                           const char    *archive_dir,
                                           SlEraseReport *report,
                                           GError       **error);

gboolean    sl_privacy_erase_candidate    (SlStore       *store,
                                           gint64         candidate_id,
                                           const char    *archive_dir,
                                           SlEraseReport *report,
                                           GError       **error);

/* sl_privacy_erase_candidates on a worker thread, on a connection of its
 * own to @store's database (the app's way: the UI never waits).
 * @candidate_ids is copied. */
void        sl_privacy_erase_candidates_async  (SlStore             *store,
                                                GArray              *candidate_ids,
                                                const char          *archive_dir,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* @report (nullable) as above. */
gboolean    sl_privacy_erase_candidates_finish (GAsyncResult        *result,
                                                SlEraseReport       *report,
                                                GError             **error);

/* Subject access export: everything held about the candidate as a JSON
 * object (candidate, consent, profiles with their history, notes, tags,
 * intake rows with their processing history, audit entries about them). */
JsonNode   *sl_privacy_subject_json       (SlStore     *store,
                                           gint64       candidate_id,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Writes @out_dir/subject.json and copies their archived originals into
 * @out_dir/originals/ (created 0700; files 0600).  Audited as "export".
 * @n_files (nullable): originals copied. */
gboolean    sl_privacy_export_subject     (SlStore     *store,
                                           gint64       candidate_id,
                                           const char  *archive_dir,
                                           const char  *out_dir,
                                           guint       *n_files,
                                           GError     **error);

typedef struct
{
  gint64  candidate_id;
  char   *legal_basis;
  char   *recorded_at;   /* ISO 8601 UTC: the day given, else when first recorded */
  char   *note;          /* nullable */
  char   *superseded_at; /* history only: when another basis replaced it; NULL for the current */
} SlConsent;

void        sl_consent_free               (SlConsent *consent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlConsent, sl_consent_free)

SlConsent  *sl_privacy_get_consent        (SlStore     *store,
                                           gint64       candidate_id,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Records @legal_basis (one of sl_privacy_legal_bases) with an optional
 * @note (NULL clears it).  A basis other than the current one is a new
 * record of consent, dated now: the record it replaces moves to the
 * history.  The same basis keeps its record and its date; only the note
 * changes.  Audited as "update"/"consent" with the names of the fields that
 * changed; nothing changed writes nothing. */
gboolean    sl_privacy_set_consent        (SlStore     *store,
                                           gint64       candidate_id,
                                           const char  *legal_basis,
                                           const char  *note,
                                           GError     **error);
/* The same, dated @recorded_at (stored in UTC), e.g. the day the candidate
 * signed a form: for a new basis the new record's date, for the same basis
 * a correction of its date.  NULL: as sl_privacy_set_consent.  A date in
 * the future fails with SL_PRIVACY_ERROR_INVALID. */
gboolean    sl_privacy_set_consent_full   (SlStore     *store,
                                           gint64       candidate_id,
                                           const char  *legal_basis,
                                           const char  *note,
                                           GDateTime   *recorded_at,
                                           GError     **error);

/* The records a new basis replaced, oldest first (SlConsent, with
 * superseded_at set); empty when the basis never changed. */
GPtrArray  *sl_privacy_get_consent_history (SlStore    *store,
                                            gint64      candidate_id,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* The basis new candidates get (store_state 'consent_default'). */
char       *sl_privacy_get_default_basis  (SlStore     *store) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sl_privacy_set_default_basis  (SlStore     *store,
                                           const char  *legal_basis,
                                           GError     **error);

typedef struct
{
  gint64  candidate_id;
  char   *uuid;
  char   *name;          /* nullable */
  char   *email;         /* nullable */
  char   *last_update;   /* newest updated_at of the candidate and its profiles */
  char   *legal_basis;   /* nullable */
} SlRetentionItem;

void        sl_retention_item_free        (SlRetentionItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRetentionItem, sl_retention_item_free)

/* Candidates whose newest update is more than @months months before
 * @now (nullable = the current time), oldest first.
 * (element-type SlRetentionItem) */
GPtrArray  *sl_privacy_retention_due      (SlStore     *store,
                                           guint        months,
                                           GDateTime   *now,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

typedef struct
{
  gint64  id;
  char   *at;
  char   *action;
  char   *entity;
  char   *entity_uuid;   /* nullable */
  char   *details;       /* JSON text, nullable */
} SlAuditEntry;

void        sl_audit_entry_free           (SlAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlAuditEntry, sl_audit_entry_free)

/* Audit rows with id > @after_id, oldest first, at most @limit (0 = all).
 * (element-type SlAuditEntry) */
GPtrArray  *sl_privacy_audit_list         (SlStore     *store,
                                           gint64       after_id,
                                           guint        limit,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same as a JSON array of objects (details parsed back to JSON). */
JsonNode   *sl_privacy_audit_json         (GPtrArray   *entries) G_GNUC_WARN_UNUSED_RESULT;

/* Writes an audit row (for rooms that do not link the store internals:
 * export, sync).  @details: a JSON object of field names/counts, never
 * personal data; nullable. */
gboolean    sl_privacy_audit              (SlStore     *store,
                                           const char  *action,
                                           const char  *entity,
                                           const char  *entity_uuid,
                                           const char  *details,
                                           GError     **error);

/* An export of candidates as one audit row "export": @entity_uuid NULL =
 * a bulk export (entity "candidates"), else the one candidate's profile
 * (entity "profile").  Details: {"kind":"bulk"|"single", "format": @format
 * ("csv", "json-resume", ...), "candidates": @n, "filtered": whether a
 * search narrowed it, "columns": [@columns...] (nullable), "via": @via
 * ("cli", "app")}.  Never the search text or the file name, which can
 * name a person. */
gboolean    sl_privacy_audit_export       (SlStore            *store,
                                           const char         *format,
                                           const char         *entity_uuid,
                                           guint64             n,
                                           gboolean            filtered,
                                           const char * const *columns,
                                           const char         *via,
                                           GError            **error);

G_END_DECLS
