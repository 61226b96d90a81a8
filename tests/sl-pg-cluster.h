/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-pg-cluster.h: a throwaway PostgreSQL cluster for tests and benchmarks:
 * initdb in a temp dir, listening on 127.0.0.1 only on a free port,
 * fsync off.  As root it runs the server as the postgres user (runuser);
 * as anyone else it runs it as that user.  A watchdog process stops the
 * server and removes the folder when this process ends in any way (also
 * on a failed assertion).
 *
 * pg_hba: the superuser "postgres" and "shortlist_owner" are trusted on
 * loopback; every other role must give its password (scram-sha-256).
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct _SlPgCluster SlPgCluster;

/* NULL with G_IO_ERROR_NOT_FOUND when PostgreSQL's server binaries are not
 * installed (or, as root, there is no postgres user): the caller skips. */
SlPgCluster *sl_pg_cluster_start       (GError     **error);
void         sl_pg_cluster_free        (SlPgCluster *cluster);

int          sl_pg_cluster_port        (SlPgCluster *cluster);
/* The temp folder (the server log is "log" in it). */
const char  *sl_pg_cluster_dir         (SlPgCluster *cluster);

/* postgresql://USER[:PASSWORD]@127.0.0.1:PORT/DBNAME */
char        *sl_pg_cluster_uri         (SlPgCluster *cluster,
                                        const char  *user,
                                        const char  *password,
                                        const char  *dbname);

/* Runs SQL as the superuser in @dbname; FALSE with @error on failure. */
gboolean     sl_pg_cluster_exec        (SlPgCluster *cluster,
                                        const char  *dbname,
                                        const char  *sql,
                                        GError     **error);

/* The first column of the first row as an integer (-1 on failure). */
gint64       sl_pg_cluster_query_int   (SlPgCluster *cluster,
                                        const char  *dbname,
                                        const char  *sql);

/* The first column of every row, in order. (element-type utf8) */
GPtrArray   *sl_pg_cluster_query_column (SlPgCluster *cluster,
                                         const char  *dbname,
                                         const char  *sql);

/* TLS: makes a throwaway CA and a server certificate for 127.0.0.1 and
 * "localhost" signed by it (openssl, in the cluster folder), and turns
 * ssl on (reload, no restart).  Returns the CA certificate's path (owned by
 * the cluster), or NULL with @error (G_IO_ERROR_NOT_FOUND: no openssl). */
const char  *sl_pg_cluster_enable_tls  (SlPgCluster *cluster,
                                        GError     **error);
/* ssl off again (reload). */
gboolean     sl_pg_cluster_disable_tls (SlPgCluster *cluster,
                                        GError     **error);
/* Another CA (not the server's) with a certificate: for "wrong CA" tests.
 * Returns its path (owned by the cluster). */
const char  *sl_pg_cluster_foreign_ca  (SlPgCluster *cluster,
                                        GError     **error);

/* Stop (immediate: like a crash or a pulled cable) and start again. */
gboolean     sl_pg_cluster_stop_server  (SlPgCluster *cluster,
                                         GError     **error);
gboolean     sl_pg_cluster_start_server (SlPgCluster *cluster,
                                         GError     **error);

G_END_DECLS
