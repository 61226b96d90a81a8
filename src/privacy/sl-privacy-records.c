/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-privacy-records.c: subject access export (GDPR art. 15), consent,
 * retention review and the audit log listing.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-privacy.h"
#include "store/sl-store-private.h"

static const char * const legal_bases[] = {
  SL_CONSENT_LEGITIMATE_INTEREST,
  SL_CONSENT_CONSENT,
  SL_CONSENT_CONTRACT,
  SL_CONSENT_LEGAL_OBLIGATION,
  NULL,
};

const char * const *
sl_privacy_legal_bases (void)
{
  return legal_bases;
}

static gboolean
check_basis (const char  *basis,
             GError     **error)
{
  if (basis != NULL && g_strv_contains (legal_bases, basis))
    return TRUE;
  g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID,
               "Unknown legal basis “%s” (one of legitimate-interest, consent, contract, legal-obligation)",
               basis != NULL ? basis : "");
  return FALSE;
}

/* Rows as JSON ------------------------------------------------------------- */

/* The current row as an object keyed by column name; columns named in
 * @json_cols hold JSON text and are parsed (kept as text when invalid). */
static JsonNode *
row_to_json (SlStmt             *st,
             const char * const *json_cols)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int n = sqlite3_column_count (st);

  json_builder_begin_object (b);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (st, i);

      json_builder_set_member_name (b, name);
      switch (sqlite3_column_type (st, i))
        {
        case SQLITE_NULL:
          json_builder_add_null_value (b);
          break;
        case SQLITE_INTEGER:
          json_builder_add_int_value (b, sqlite3_column_int64 (st, i));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (b, sqlite3_column_double (st, i));
          break;
        default:
          {
            const char *text = (const char *) sqlite3_column_text (st, i);
            JsonNode *parsed = NULL;

            if (json_cols != NULL && g_strv_contains (json_cols, name))
              parsed = json_from_string (text, NULL);
            if (parsed != NULL)
              json_builder_add_value (b, parsed);
            else
              json_builder_add_string_value (b, text);
          }
        }
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Every row of @sql (one int64 bind, ?1) as a JSON array. */
static JsonArray *
rows_to_array (SlStore             *store,
               const char          *sql,
               gint64               bind,
               const char * const  *json_cols,
               GError             **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, sql, error);
  g_autoptr(JsonArray) arr = NULL;
  int rc;

  if (st == NULL)
    return NULL;
  arr = json_array_new ();
  sqlite3_bind_int64 (st, 1, bind);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    json_array_add_element (arr, row_to_json (st, json_cols));
  if (rc != SQLITE_DONE)
    {
      sl_store_set_sqlite_error (store, rc, "Could not read the candidate's data", error);
      return NULL;
    }
  return g_steal_pointer (&arr);
}

static const char * const profile_json_cols[] = {
  "personal_info", "work_experience", "education", "skills", "certifications", "languages",
  "projects", "achievements", "interests", "metadata", NULL,
};
static const char * const history_json_cols[] = { "profile", NULL };
static const char * const intake_json_cols[] = { "metadata", NULL };
static const char * const audit_json_cols[] = { "details", NULL };

JsonNode *
sl_privacy_subject_json (SlStore     *store,
                         gint64       candidate_id,
                         GError     **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonArray) cand = NULL;
  g_autoptr(JsonArray) consent = NULL;
  g_autoptr(JsonArray) consent_history = NULL;
  g_autoptr(JsonArray) profiles = NULL;
  g_autoptr(JsonArray) notes = NULL;
  g_autoptr(JsonArray) tags = NULL;
  g_autoptr(JsonArray) intake = NULL;
  g_autoptr(JsonArray) audit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  JsonNode *node;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cand = rows_to_array (store, "SELECT id, uuid, name, email, phone, created_at, updated_at"
                        " FROM candidates WHERE id = ?1", candidate_id, NULL, error);
  if (cand == NULL)
    return NULL;
  if (json_array_get_length (cand) == 0)
    {
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND,
                   "There is no candidate %" G_GINT64_FORMAT, candidate_id);
      return NULL;
    }
  if ((consent = rows_to_array (store, "SELECT legal_basis, recorded_at, note FROM candidate_consent"
                                " WHERE candidate_id = ?1", candidate_id, NULL, error)) == NULL ||
      (consent_history = rows_to_array (store, "SELECT legal_basis, recorded_at, note, superseded_at"
                                        " FROM candidate_consent_history WHERE candidate_id = ?1 ORDER BY id",
                                        candidate_id, NULL, error)) == NULL ||
      (profiles = rows_to_array (store, "SELECT id, uuid, revision, deleted, source, device_id, created_at,"
                                 " updated_at, personal_info, work_experience, education, skills,"
                                 " certifications, languages, projects, achievements, interests, metadata,"
                                 " raw_text FROM candidate_profiles WHERE candidate_id = ?1 ORDER BY id",
                                 candidate_id, profile_json_cols, error)) == NULL ||
      (notes = rows_to_array (store, "SELECT uuid, body, created_at, updated_at FROM candidate_notes"
                              " WHERE candidate_id = ?1 ORDER BY id", candidate_id, NULL, error)) == NULL ||
      (tags = rows_to_array (store, "SELECT t.name, ct.created_at FROM candidate_tags ct"
                             " JOIN tags t ON t.id = ct.tag_id WHERE ct.candidate_id = ?1 ORDER BY t.name",
                             candidate_id, NULL, error)) == NULL ||
      (intake = rows_to_array (store, "SELECT qid, uuid, path, original_name, sha256, size, mime, source,"
                               " status, error, profile_id, archive_path, archived_at, metadata,"
                               " created_at, updated_at FROM file_intake_queue WHERE profile_id IN"
                               " (SELECT id FROM candidate_profiles WHERE candidate_id = ?1) ORDER BY qid",
                               candidate_id, intake_json_cols, error)) == NULL ||
      (audit = rows_to_array (store, "SELECT id, at, action, entity, entity_uuid, details FROM audit_log"
                              " WHERE entity_uuid IN (SELECT uuid FROM candidates WHERE id = ?1"
                              " UNION SELECT uuid FROM candidate_profiles WHERE candidate_id = ?1)"
                              " ORDER BY id", candidate_id, audit_json_cols, error)) == NULL)
    return NULL;

  /* Each profile with its history, oldest revision first. */
  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonObject *p = json_array_get_object_element (profiles, i);
      JsonArray *hist = rows_to_array (store, "SELECT revision, reason, changed_at, profile_json AS profile"
                                       " FROM profile_history WHERE profile_id = ?1 ORDER BY revision, id",
                                       json_object_get_int_member (p, "id"), history_json_cols, error);
      if (hist == NULL)
        return NULL;
      json_object_set_array_member (p, "history", hist);
    }

  root = json_object_new ();
  json_object_set_string_member (root, "format", "shortlist-subject-access/1");
  json_object_set_string_member (root, "exported_at", now_text);
  json_object_set_member (root, "candidate", json_node_copy (json_array_get_element (cand, 0)));
  if (json_array_get_length (consent) > 0)
    json_object_set_member (root, "consent", json_node_copy (json_array_get_element (consent, 0)));
  else
    json_object_set_null_member (root, "consent");
  json_object_set_array_member (root, "consent_history", g_steal_pointer (&consent_history));
  json_object_set_array_member (root, "profiles", g_steal_pointer (&profiles));
  json_object_set_array_member (root, "notes", g_steal_pointer (&notes));
  json_object_set_array_member (root, "tags", g_steal_pointer (&tags));
  json_object_set_array_member (root, "intake", g_steal_pointer (&intake));
  json_object_set_array_member (root, "audit", g_steal_pointer (&audit));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

static gboolean
copy_private (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (from, &data, &len, error))
    return FALSE;
  return g_file_set_contents_full (to, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
sl_privacy_export_subject (SlStore     *store,
                           gint64       candidate_id,
                           const char  *archive_dir,
                           const char  *out_dir,
                           guint       *n_files,
                           GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *originals = NULL;
  g_autofree char *root = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *obj;
  JsonArray *intake;
  guint copied = 0;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_files != NULL)
    *n_files = 0;
  node = sl_privacy_subject_json (store, candidate_id, error);
  if (node == NULL)
    return FALSE;
  obj = json_node_get_object (node);
  if (g_mkdir_with_parents (out_dir, 0700) != 0)
    {
      int e = errno;
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_IO,
                   "Could not create %s: %s", out_dir, g_strerror (e));
      return FALSE;
    }

  /* Originals: content-addressed names, so one copy per distinct file;
   * each intake row gets "export_file" naming its copy. */
  intake = json_object_get_array_member (obj, "intake");
  originals = g_build_filename (out_dir, "originals", NULL);
  root = archive_dir != NULL ? g_canonicalize_filename (archive_dir, NULL) : NULL;
  for (guint i = 0; i < json_array_get_length (intake); i++)
    {
      JsonObject *row = json_array_get_object_element (intake, i);
      const char *ap = json_object_get_string_member_with_default (row, "archive_path", NULL);
      g_autofree char *canon = NULL;
      g_autofree char *base = NULL;
      g_autofree char *dest = NULL;

      if (ap == NULL || root == NULL)
        continue;
      canon = g_canonicalize_filename (ap, NULL);
      if (!g_str_has_prefix (canon, root) || canon[strlen (root)] != G_DIR_SEPARATOR ||
          !g_file_test (canon, G_FILE_TEST_IS_REGULAR))
        continue;
      base = g_path_get_basename (canon);
      json_object_set_string_member (row, "export_file", base);
      if (g_hash_table_contains (seen, json_object_get_string_member (row, "export_file")))
        continue;
      g_hash_table_add (seen, (gpointer) json_object_get_string_member (row, "export_file"));
      if (copied == 0 && g_mkdir_with_parents (originals, 0700) != 0)
        {
          int e = errno;
          g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_IO,
                       "Could not create %s: %s", originals, g_strerror (e));
          return FALSE;
        }
      dest = g_build_filename (originals, base, NULL);
      if (!copy_private (canon, dest, error))
        return FALSE;
      copied++;
    }

  json_path = g_build_filename (out_dir, "subject.json", NULL);
  {
    g_autofree char *text = sl_json_node_to_string (node, TRUE);
    if (!g_file_set_contents_full (json_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
      return FALSE;
  }
  details = g_strdup_printf ("{\"kind\":\"subject-access\",\"profiles\":%u,\"files\":%u}",
                             json_array_get_length (json_object_get_array_member (obj, "profiles")), copied);
  if (!sl_store_audit (store, "export", "candidate",
                       json_object_get_string_member (json_object_get_object_member (obj, "candidate"), "uuid"),
                       details, error))
    return FALSE;
  if (n_files != NULL)
    *n_files = copied;
  return TRUE;
}

/* Consent ------------------------------------------------------------------ */

void
sl_consent_free (SlConsent *consent)
{
  if (consent == NULL)
    return;
  g_free (consent->legal_basis);
  g_free (consent->recorded_at);
  g_free (consent->note);
  g_free (consent->superseded_at);
  g_free (consent);
}

/* A consent from columns legal_basis, recorded_at, note[, superseded_at[,
 * candidate_id]]. */
static gpointer
read_consent (SlStmt *st)
{
  SlConsent *c = g_new0 (SlConsent, 1);

  c->candidate_id = sqlite3_column_count (st) > 4 ? sqlite3_column_int64 (st, 4) : 0;
  c->legal_basis = sl_stmt_dup_text (st, 0);
  c->recorded_at = sl_stmt_dup_text (st, 1);
  c->note = sl_stmt_dup_text (st, 2);
  if (sqlite3_column_count (st) > 3)
    c->superseded_at = sl_stmt_dup_text (st, 3);
  return c;
}

SlConsent *
sl_privacy_get_consent (SlStore     *store,
                        gint64       candidate_id,
                        GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  st = sl_store_stmt (store, "SELECT legal_basis, recorded_at, note FROM candidate_consent WHERE candidate_id = ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, candidate_id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND,
                   "No consent record for candidate %" G_GINT64_FORMAT, candidate_id);
      return NULL;
    }
  {
    SlConsent *c = read_consent (st);
    c->candidate_id = candidate_id;
    return c;
  }
}

GPtrArray *
sl_privacy_get_consent_history (SlStore  *store,
                                gint64    candidate_id,
                                GError  **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (store, "SELECT legal_basis, recorded_at, note, superseded_at, candidate_id"
                      " FROM candidate_consent_history WHERE candidate_id = ? ORDER BY id", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, candidate_id);
  return sl_store_read_rows (store, st, read_consent, (GDestroyNotify) sl_consent_free,
                             "the consent history", error);
}

gboolean
sl_privacy_set_consent (SlStore     *store,
                        gint64       candidate_id,
                        const char  *legal_basis,
                        const char  *note,
                        GError     **error)
{
  return sl_privacy_set_consent_full (store, candidate_id, legal_basis, note, NULL, error);
}

/* Runs @sql with ?1 = @candidate_id and ?2, ?3, ?4 = @a, @b, @c (each
 * nullable); FALSE with @error set on failure. */
static gboolean
consent_exec (SlStore     *store,
              const char  *sql,
              gint64       candidate_id,
              const char  *a,
              const char  *b,
              const char  *c,
              GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (store, sql, error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, candidate_id);
  sl_stmt_bind_text (st, 2, a);
  sl_stmt_bind_text (st, 3, b);
  sl_stmt_bind_text (st, 4, c);
  return sl_store_step_done (store, st, "Could not record the consent", error);
}

/* Writes the consent of @candidate_id (inside a transaction) and names the
 * fields that changed in @fields. */
static gboolean
write_consent (SlStore     *store,
               gint64       candidate_id,
               const char  *legal_basis,
               const char  *note,
               const char  *date,
               const char  *now,
               GPtrArray   *fields,
               GError     **error)
{
  g_autoptr(SlConsent) cur = sl_privacy_get_consent (store, candidate_id, NULL);

  if (cur == NULL || !g_str_equal (cur->legal_basis, legal_basis))
    {
      /* A new record of consent; the one it replaces is kept. */
      g_ptr_array_add (fields, (char *) "legal_basis");
      g_ptr_array_add (fields, (char *) "recorded_at");
      if (g_strcmp0 (cur != NULL ? cur->note : NULL, note) != 0)
        g_ptr_array_add (fields, (char *) "note");
      return (cur == NULL ||
              consent_exec (store, "INSERT INTO candidate_consent_history"
                            " (candidate_id, legal_basis, recorded_at, note, superseded_at)"
                            " SELECT candidate_id, legal_basis, recorded_at, note, ?2"
                            " FROM candidate_consent WHERE candidate_id = ?1",
                            candidate_id, now, NULL, NULL, error)) &&
             consent_exec (store, "INSERT INTO candidate_consent (candidate_id, legal_basis, recorded_at, note)"
                           " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (candidate_id) DO UPDATE SET"
                           " legal_basis = ?2, recorded_at = ?3, note = ?4",
                           candidate_id, legal_basis, date != NULL ? date : now, note, error);
    }
  /* The same basis: its date stays unless a new one is given. */
  if (date != NULL && g_strcmp0 (cur->recorded_at, date) != 0)
    g_ptr_array_add (fields, (char *) "recorded_at");
  if (g_strcmp0 (cur->note, note) != 0)
    g_ptr_array_add (fields, (char *) "note");
  if (fields->len == 0)
    return TRUE;
  return consent_exec (store, "UPDATE candidate_consent SET recorded_at = coalesce (?2, recorded_at), note = ?3"
                       " WHERE candidate_id = ?1", candidate_id, date, note, NULL, error);
}

gboolean
sl_privacy_set_consent_full (SlStore     *store,
                             gint64       candidate_id,
                             const char  *legal_basis,
                             const char  *note,
                             GDateTime   *recorded_at,
                             GError     **error)
{
  g_autoptr(GDateTime) current = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *uuid = NULL;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_basis (legal_basis, error))
    return FALSE;
  if (recorded_at != NULL)
    {
      when = g_date_time_to_utc (recorded_at);
      if (g_date_time_compare (when, current) > 0)
        {
          g_set_error_literal (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID,
                               "The consent date is in the future");
          return FALSE;
        }
      date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S.%fZ");
    }
  now = g_date_time_format (current, "%Y-%m-%dT%H:%M:%S.%fZ");
  if (!sl_store_tx_begin (store, error))
    return FALSE;
  {
    g_autoptr(SlStmt) st = sl_store_stmt (store, "SELECT uuid FROM candidates WHERE id = ?", error);
    ok = st != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (st, 1, candidate_id);
        if (sqlite3_step (st) == SQLITE_ROW)
          uuid = sl_stmt_dup_text (st, 0);
      }
  }
  if (ok && uuid == NULL)
    {
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_NOT_FOUND,
                   "There is no candidate %" G_GINT64_FORMAT, candidate_id);
      ok = FALSE;
    }
  if (ok)
    ok = write_consent (store, candidate_id, legal_basis, note, date, now, fields, error);
  if (ok && fields->len > 0)
    {
      /* Field names only: the note may name people. */
      g_autoptr(GString) details = g_string_new ("{\"fields\":[");
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (details, "%s\"%s\"", i > 0 ? "," : "", (char *) g_ptr_array_index (fields, i));
      g_string_append (details, "]}");
      ok = sl_store_audit (store, "update", "consent", uuid, details->str, error);
    }
  return sl_store_tx_end (store, ok, ok ? error : NULL) && ok;
}

char *
sl_privacy_get_default_basis (SlStore *store)
{
  char *basis;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  basis = sl_store_get_state (store, "consent_default");
  return basis != NULL ? basis : g_strdup (SL_CONSENT_LEGITIMATE_INTEREST);
}

gboolean
sl_privacy_set_default_basis (SlStore     *store,
                              const char  *legal_basis,
                              GError     **error)
{
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *details = NULL;
  gboolean ok;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);

  if (!check_basis (legal_basis, error))
    return FALSE;
  if (!sl_store_tx_begin (store, error))
    return FALSE;
  st = sl_store_stmt (store, "INSERT OR REPLACE INTO store_state (key, value) VALUES ('consent_default', ?)", error);
  ok = st != NULL;
  if (ok)
    {
      sl_stmt_bind_text (st, 1, legal_basis);
      ok = sl_store_step_done (store, st, "Could not set the default legal basis", error);
    }
  /* A legal basis is not personal data: its value may be audited. */
  details = g_strdup_printf ("{\"fields\":[\"consent_default\"],\"value\":\"%s\"}", legal_basis);
  if (ok)
    ok = sl_store_audit (store, "update", "settings", NULL, details, error);
  return sl_store_tx_end (store, ok, ok ? error : NULL) && ok;
}

/* Retention ---------------------------------------------------------------- */

void
sl_retention_item_free (SlRetentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->name);
  g_free (item->email);
  g_free (item->last_update);
  g_free (item->legal_basis);
  g_free (item);
}

static gpointer
read_retention_item (SlStmt *st)
{
  SlRetentionItem *it = g_new0 (SlRetentionItem, 1);

  it->candidate_id = sqlite3_column_int64 (st, 0);
  it->uuid = sl_stmt_dup_text (st, 1);
  it->name = sl_stmt_dup_text (st, 2);
  it->email = sl_stmt_dup_text (st, 3);
  it->last_update = sl_stmt_dup_text (st, 4);
  it->legal_basis = sl_stmt_dup_text (st, 5);
  return it;
}

GPtrArray *
sl_privacy_retention_due (SlStore     *store,
                          guint        months,
                          GDateTime   *now,
                          GError     **error)
{
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  g_autoptr(SlStmt) st = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (months == 0 || months > 1200)
    {
      g_set_error (error, SL_PRIVACY_ERROR, SL_PRIVACY_ERROR_INVALID,
                   "The retention period must be 1 to 1200 months, not %u", months);
      return NULL;
    }
  here = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  cutoff = g_date_time_add_months (here, -(int) months);
  before = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%S");

  st = sl_store_stmt (store,
                      "SELECT c.id, c.uuid, c.name, c.email, l.last, cc.legal_basis FROM candidates c"
                      " JOIN (SELECT c2.id AS cid, max (c2.updated_at, coalesce ((SELECT max (p.updated_at)"
                      "   FROM candidate_profiles p WHERE p.candidate_id = c2.id), '')) AS last"
                      "   FROM candidates c2) l ON l.cid = c.id"
                      " LEFT JOIN candidate_consent cc ON cc.candidate_id = c.id"
                      " WHERE l.last < ? ORDER BY l.last, c.id", error);
  if (st == NULL)
    return NULL;
  sl_stmt_bind_text (st, 1, before);
  return sl_store_read_rows (store, st, read_retention_item, (GDestroyNotify) sl_retention_item_free,
                             "the candidates for retention", error);
}

/* Audit log ---------------------------------------------------------------- */

void
sl_audit_entry_free (SlAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_uuid);
  g_free (entry->details);
  g_free (entry);
}

static gpointer
read_audit_entry (SlStmt *st)
{
  SlAuditEntry *e = g_new0 (SlAuditEntry, 1);

  e->id = sqlite3_column_int64 (st, 0);
  e->at = sl_stmt_dup_text (st, 1);
  e->action = sl_stmt_dup_text (st, 2);
  e->entity = sl_stmt_dup_text (st, 3);
  e->entity_uuid = sl_stmt_dup_text (st, 4);
  e->details = sl_stmt_dup_text (st, 5);
  return e;
}

GPtrArray *
sl_privacy_audit_list (SlStore     *store,
                       gint64       after_id,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(SlStmt) st = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = sl_store_stmt (store, "SELECT id, at, action, entity, entity_uuid, details FROM audit_log"
                      " WHERE id > ? ORDER BY id LIMIT ?", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, after_id);
  sqlite3_bind_int64 (st, 2, limit == 0 ? G_MAXINT64 : (gint64) limit);
  return sl_store_read_rows (store, st, read_audit_entry, (GDestroyNotify) sl_audit_entry_free,
                             "the audit log", error);
}

JsonNode *
sl_privacy_audit_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      SlAuditEntry *e = g_ptr_array_index (entries, i);
      JsonNode *details = e->details != NULL ? json_from_string (e->details, NULL) : NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, e->id);
      json_builder_set_member_name (b, "at");
      json_builder_add_string_value (b, e->at);
      json_builder_set_member_name (b, "action");
      json_builder_add_string_value (b, e->action);
      json_builder_set_member_name (b, "entity");
      json_builder_add_string_value (b, e->entity);
      json_builder_set_member_name (b, "entity_uuid");
      if (e->entity_uuid != NULL)
        json_builder_add_string_value (b, e->entity_uuid);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "details");
      if (details != NULL)
        json_builder_add_value (b, details);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
