/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-schema.c: the central PostgreSQL schema, versioned in
 * shortlist_schema.  The layout follows the original design (candidates;
 * candidate_profiles with one JSONB column per section; file_intake_queue
 * with profile_id) so other tools can read it, plus what sync needs: uuid
 * keys, revision, device_id, deleted, a change number (seq) that a trigger
 * takes from one sequence on every insert and update, tombstones for
 * erased profiles and a record of every conflict.
 */
#include "config.h"

#include <string.h>

#include "sl-sync-private.h"

/* Entry N (1-based) takes the schema from version N-1 to N.  Append only. */
static const char * const server_migrations[] = {
  /* 1 */
  "CREATE SEQUENCE shortlist_change_seq;"

  /* The writer lock first, then the number: a transaction that takes a
   * number holds the lock until it commits, so numbers become visible in
   * order.  Other tools writing these tables get the same treatment: a
   * statement-level trigger takes the lock before any row is written;
   * inserts number rows by the column default, updates by a row trigger. */
  "CREATE FUNCTION shortlist_writer_lock () RETURNS trigger LANGUAGE plpgsql AS $$"
  " BEGIN"
  "  PERFORM pg_advisory_xact_lock (" SL_SYNC_LOCK_KEY ");"
  "  RETURN NULL;"
  " END $$;"
  "CREATE FUNCTION shortlist_take_seq () RETURNS trigger LANGUAGE plpgsql AS $$"
  " BEGIN"
  "  NEW.seq := nextval ('shortlist_change_seq');"
  "  RETURN NEW;"
  " END $$;"

  "CREATE TABLE candidates ("
  "  id uuid PRIMARY KEY,"
  "  name text,"
  "  email text UNIQUE,"
  "  phone text,"
  "  created_at timestamptz NOT NULL DEFAULT now (),"
  "  updated_at timestamptz NOT NULL DEFAULT now (),"
  "  seq bigint NOT NULL DEFAULT nextval ('shortlist_change_seq'));"

  "CREATE TABLE candidate_profiles ("
  "  id uuid PRIMARY KEY,"
  "  candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  personal_info jsonb NOT NULL DEFAULT '{}',"
  "  work_experience jsonb NOT NULL DEFAULT '[]',"
  "  education jsonb NOT NULL DEFAULT '[]',"
  "  skills jsonb NOT NULL DEFAULT '[]',"
  "  certifications jsonb NOT NULL DEFAULT '[]',"
  "  languages jsonb NOT NULL DEFAULT '[]',"
  "  projects jsonb NOT NULL DEFAULT '[]',"
  "  achievements jsonb NOT NULL DEFAULT '[]',"
  "  interests jsonb NOT NULL DEFAULT '[]',"
  "  metadata jsonb NOT NULL DEFAULT '{}',"
  "  source text,"
  "  raw_text text,"
  "  revision integer NOT NULL DEFAULT 1,"
  "  device_id text,"
  "  deleted boolean NOT NULL DEFAULT false,"
  "  created_at timestamptz NOT NULL DEFAULT now (),"
  "  updated_at timestamptz NOT NULL DEFAULT now (),"
  "  seq bigint NOT NULL DEFAULT nextval ('shortlist_change_seq'));"
  /* lz4 (where the server has it) compresses the large values several
   * times faster than the default pglz. */
  "DO $$ BEGIN"
  "  ALTER TABLE candidate_profiles ALTER raw_text SET COMPRESSION lz4,"
  "    ALTER work_experience SET COMPRESSION lz4, ALTER personal_info SET COMPRESSION lz4,"
  "    ALTER metadata SET COMPRESSION lz4;"
  " EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;"
  " END $$;"
  "CREATE INDEX candidate_profiles_candidate ON candidate_profiles (candidate_id);"
  "CREATE INDEX candidate_profiles_seq ON candidate_profiles (seq);"
  "CREATE INDEX candidate_profiles_skills ON candidate_profiles USING gin (skills jsonb_path_ops);"

  "CREATE TABLE file_intake_queue ("
  "  id uuid PRIMARY KEY,"
  "  path text,"
  "  original_name text,"
  "  sha256 text,"
  "  size bigint NOT NULL DEFAULT 0,"
  "  mime text,"
  "  source text,"
  "  status text NOT NULL DEFAULT 'queued',"
  "  error text,"
  "  profile_id varchar(255),"
  "  metadata jsonb NOT NULL DEFAULT '{}',"
  "  created_at timestamptz NOT NULL DEFAULT now (),"
  "  updated_at timestamptz NOT NULL DEFAULT now (),"
  "  seq bigint NOT NULL DEFAULT nextval ('shortlist_change_seq'));"
  "CREATE INDEX file_intake_queue_profile ON file_intake_queue (profile_id);"

  /* An erased profile: every laptop deletes its copy when it pulls this. */
  "CREATE TABLE tombstones ("
  "  id uuid PRIMARY KEY,"
  "  entity text NOT NULL DEFAULT 'profile',"
  "  device_id text,"
  "  deleted_at timestamptz NOT NULL DEFAULT now (),"
  "  seq bigint NOT NULL DEFAULT nextval ('shortlist_change_seq'));"
  "CREATE INDEX tombstones_seq ON tombstones (seq);"

  /* Every conflict, with the losing version: nothing is silently dropped. */
  "CREATE TABLE sync_conflicts ("
  "  id bigserial PRIMARY KEY,"
  "  profile_id uuid NOT NULL,"
  "  loser_device text NOT NULL,"
  "  loser_revision integer NOT NULL,"
  "  loser_updated_at timestamptz NOT NULL,"
  "  loser_data jsonb NOT NULL,"
  "  winner_device text,"
  "  winner_revision integer,"
  "  winner_updated_at timestamptz,"
  "  resolved_by text,"
  "  resolved_at timestamptz NOT NULL DEFAULT now (),"
  "  seq bigint NOT NULL DEFAULT nextval ('shortlist_change_seq'),"
  "  UNIQUE (profile_id, loser_device, loser_revision, loser_updated_at));"
  "CREATE INDEX sync_conflicts_seq ON sync_conflicts (seq);"

  /* A profile deleted by anyone (a cascade, another tool) leaves a tombstone. */
  "CREATE FUNCTION shortlist_profile_tombstone () RETURNS trigger LANGUAGE plpgsql AS $$"
  " BEGIN"
  "  INSERT INTO tombstones (id, device_id) VALUES (OLD.id, OLD.device_id)"
  "   ON CONFLICT (id) DO NOTHING;"
  "  RETURN OLD;"
  " END $$;"

  "CREATE TRIGGER candidate_profiles_tombstone AFTER DELETE ON candidate_profiles"
  "  FOR EACH ROW EXECUTE FUNCTION shortlist_profile_tombstone ();"
  "DO $$ DECLARE t text; BEGIN"
  "  FOREACH t IN ARRAY ARRAY['candidates', 'candidate_profiles', 'file_intake_queue',"
  "                           'tombstones', 'sync_conflicts'] LOOP"
  "    EXECUTE format ('CREATE TRIGGER %1$s_lock BEFORE INSERT OR UPDATE ON %1$I"
  "      FOR EACH STATEMENT EXECUTE FUNCTION shortlist_writer_lock ()', t);"
  "    EXECUTE format ('CREATE TRIGGER %1$s_seq BEFORE UPDATE ON %1$I"
  "      FOR EACH ROW EXECUTE FUNCTION shortlist_take_seq ()', t);"
  "  END LOOP;"
  " END $$;"

  /* What a recruiter's role needs, through the group role: no DDL, no
   * superuser. */
  "GRANT SELECT ON shortlist_schema TO " SL_SYNC_GROUP_ROLE ";"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON candidates, candidate_profiles, file_intake_queue,"
  "  tombstones, sync_conflicts TO " SL_SYNC_GROUP_ROLE ";"
  "GRANT USAGE ON SEQUENCE shortlist_change_seq, sync_conflicts_id_seq TO " SL_SYNC_GROUP_ROLE ";"
  "DO $$ BEGIN"
  "  EXECUTE format ('GRANT CONNECT, TEMPORARY ON DATABASE %I TO " SL_SYNC_GROUP_ROLE "', current_database ());"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO " SL_SYNC_GROUP_ROLE "', current_schema ());"
  " END $$;",

  /* 2: one live profile per person.  A profile another laptop made of a
   * person the server already had is merged into the server's; its uuid
   * becomes a tombstone that says where it went, so a resent batch finds
   * the survivor. */
  "ALTER TABLE tombstones ADD COLUMN merged_into uuid;",
};

static int
server_version (PGconn  *conn,
                GError **error)
{
  g_autoptr(SlPgResult) res = NULL;

  res = PQexec (conn, "SELECT to_regclass ('shortlist_schema') IS NOT NULL");
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      sl_sync_pg_error (conn, res, "Could not read the server schema", error);
      return -1;
    }
  if (g_strcmp0 (PQgetvalue (res, 0, 0), "t") != 0)
    return 0;
  g_clear_pointer (&res, PQclear);
  res = PQexec (conn, "SELECT coalesce (max (version), 0) FROM shortlist_schema");
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      sl_sync_pg_error (conn, res, "Could not read the server schema version", error);
      return -1;
    }
  return (int) g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
}

static gboolean
ensure_group_role (PGconn  *conn,
                   GError **error)
{
  g_autoptr(SlPgResult) res = NULL;

  res = PQexec (conn, "SELECT 1 FROM pg_roles WHERE rolname = '" SL_SYNC_GROUP_ROLE "'");
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    return sl_sync_pg_error (conn, res, "Could not look up the " SL_SYNC_GROUP_ROLE " role", error);
  if (PQntuples (res) == 1)
    return TRUE;
  g_clear_pointer (&res, PQclear);
  res = PQexec (conn, "CREATE ROLE " SL_SYNC_GROUP_ROLE " NOLOGIN");
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The group role %s does not exist and user “%s” may not create it. "
                   "Ask the database administrator to run: CREATE ROLE %s NOLOGIN;",
                   SL_SYNC_GROUP_ROLE, PQuser (conn), SL_SYNC_GROUP_ROLE);
      return FALSE;
    }
  return TRUE;
}

/* A missing right while installing is not a missing grant of the sync
 * group: say what installing needs instead. */
static void
install_rights_error (PGconn  *conn,
                      GError **error)
{
  if (error == NULL || *error == NULL || (*error)->code != SL_SYNC_ERROR_AUTH)
    return;
  g_clear_error (error);
  g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_AUTH,
               "User “%s” may not create the Shortlist schema in database “%s”: installing "
               "needs the database owner (or a role that may create tables there). "
               "Recruiters only sync, with their own roles in the %s group.",
               PQuser (conn), PQdb (conn), SL_SYNC_GROUP_ROLE);
}

gboolean
sl_sync_schema_install (PGconn  *conn,
                        GError **error)
{
  int version;

  if (!ensure_group_role (conn, error))
    return FALSE;

  if (!sl_sync_pg_exec (conn, "BEGIN", "Could not start the installation", error))
    return FALSE;
  /* Two installers at once: the second waits, then finds the work done. */
  if (!sl_sync_pg_exec (conn, "SELECT pg_advisory_xact_lock (" SL_SYNC_LOCK_KEY ")",
                        "Could not lock the schema", error))
    goto fail;
  version = server_version (conn, error);
  if (version < 0)
    goto fail;
  /* Only when missing: a current schema needs no rights to "install". */
  if (version == 0 &&
      !sl_sync_pg_exec (conn,
                        "CREATE TABLE IF NOT EXISTS shortlist_schema ("
                        "  version integer PRIMARY KEY,"
                        "  installed_at timestamptz NOT NULL DEFAULT now (),"
                        "  installed_by text NOT NULL DEFAULT current_user)",
                        "Could not create the schema version table", error))
    {
      install_rights_error (conn, error);
      goto fail;
    }
  if (version > SL_SYNC_SCHEMA_VERSION)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The server's Shortlist schema (version %d) is newer than this Shortlist "
                   "understands (%d); update Shortlist", version, SL_SYNC_SCHEMA_VERSION);
      goto fail;
    }
  for (; version < SL_SYNC_SCHEMA_VERSION; version++)
    {
      g_autofree char *mark = g_strdup_printf ("INSERT INTO shortlist_schema (version) VALUES (%d)",
                                               version + 1);
      g_autofree char *what = g_strdup_printf ("Could not install server schema version %d", version + 1);

      g_debug ("installing server schema version %d", version + 1);
      if (!sl_sync_pg_exec (conn, server_migrations[version], what, error) ||
          !sl_sync_pg_exec (conn, mark, what, error))
        {
          install_rights_error (conn, error);
          goto fail;
        }
    }
  return sl_sync_pg_exec (conn, "COMMIT", "Could not finish the installation", error);

fail:
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}

gboolean
sl_sync_schema_check (PGconn  *conn,
                      GError **error)
{
  int version = server_version (conn, error);

  if (version < 0)
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The database “%s” has no Shortlist schema yet. The database owner must "
                   "install it once: shortlist-cli sync --pg URI --install-schema",
                   PQdb (conn));
      return FALSE;
    }
  if (version < SL_SYNC_SCHEMA_VERSION)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The server's Shortlist schema is version %d; this Shortlist needs %d. "
                   "The database owner must upgrade it: shortlist-cli sync --pg URI --install-schema",
                   version, SL_SYNC_SCHEMA_VERSION);
      return FALSE;
    }
  if (version > SL_SYNC_SCHEMA_VERSION)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SCHEMA,
                   "The server's Shortlist schema (version %d) is newer than this Shortlist "
                   "understands (%d); update Shortlist", version, SL_SYNC_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

G_STATIC_ASSERT (G_N_ELEMENTS (server_migrations) == SL_SYNC_SCHEMA_VERSION);
