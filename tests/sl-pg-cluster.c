/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-pg-cluster.c: see sl-pg-cluster.h.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pwd.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sl-pg-cluster.h"

struct _SlPgCluster
{
  char     *dir;        /* owned by the server's user */
  char     *data;
  char     *bindir;
  int       port;
  gboolean  as_root;
  int       watchdog_fd;
  GPid      watchdog;
  char     *ca_path;
  char     *foreign_ca_path;
};

static char *
find_bindir (void)
{
  const char *env = g_getenv ("SHORTLIST_PG_BINDIR");
  const char *candidates[] = { "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
                               "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/14/bin",
                               "/usr/lib/postgresql/13/bin", NULL };

  if (env != NULL)
    {
      g_autofree char *initdb = g_build_filename (env, "initdb", NULL);
      return g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (env) : NULL;
    }
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_autofree char *initdb = g_build_filename (candidates[i], "initdb", NULL);
      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return g_strdup (candidates[i]);
    }
  {
    g_autofree char *initdb = g_find_program_in_path ("initdb");
    return initdb != NULL ? g_path_get_dirname (initdb) : NULL;
  }
}

static int
free_port (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t len = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  int port = -1;

  if (fd < 0)
    return -1;
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (bind (fd, (struct sockaddr *) &addr, sizeof addr) == 0 &&
      getsockname (fd, (struct sockaddr *) &addr, &len) == 0)
    port = ntohs (addr.sin_port);
  close (fd);
  return port;
}

/* Runs @program (a path, or a name looked up in PATH) as the server's
 * user, in the cluster folder. */
static gboolean
run_as_server (SlPgCluster  *c,
               const char   *program,
               const char  **args,
               GError      **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (c->as_root)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_strdup (program));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (c->dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s failed (%s): ", program, err != NULL ? g_strstrip (err) : "");
      return FALSE;
    }
  return TRUE;
}

/* Runs a server binary as the server's user. */
static gboolean
run_tool (SlPgCluster  *c,
          const char   *tool,
          const char  **args,
          GError      **error)
{
  g_autofree char *program = g_build_filename (c->bindir, tool, NULL);
  return run_as_server (c, program, args, error);
}

gboolean
sl_pg_cluster_start_server (SlPgCluster  *c,
                            GError      **error)
{
  /* SHORTLIST_PG_OPTS: extra server options (e.g. auto_explain settings). */
  const char *extra = g_getenv ("SHORTLIST_PG_OPTS");
  g_autofree char *opts = g_strdup_printf ("-k %s -c listen_addresses=127.0.0.1 -p %d "
                                           "-c fsync=off "
                                           "-c full_page_writes=off -c max_connections=30 "
                                           "-c shared_buffers=64MB %s",
                                           c->dir, c->port, extra != NULL ? extra : "");
  g_autofree char *log = g_build_filename (c->dir, "log", NULL);
  const char *args[] = { "-D", c->data, "-l", log, "-w", "-t", "60", "-o", opts, "start", NULL };

  return run_tool (c, "pg_ctl", args, error);
}

gboolean
sl_pg_cluster_stop_server (SlPgCluster  *c,
                           GError      **error)
{
  const char *args[] = { "-D", c->data, "-m", "immediate", "-w", "stop", NULL };
  return run_tool (c, "pg_ctl", args, error);
}

/* The watchdog: a child that waits for this process to end (its pipe
 * reaches EOF), then stops the server and removes the folder. */
static void
start_watchdog (SlPgCluster *c)
{
  g_autofree char *pg_ctl = g_build_filename (c->bindir, "pg_ctl", NULL);
  /* Built before fork: the child only reads, then execs. */
  g_autofree char *cmd = g_strdup_printf ("%s%s -D '%s' -m immediate -w stop >/dev/null 2>&1; rm -rf '%s'",
                                          c->as_root ? "runuser -u postgres -- " : "", pg_ctl,
                                          c->data, c->dir);
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0)
    return;
  pid = fork ();
  if (pid < 0)
    {
      close (fds[0]);
      close (fds[1]);
      return;
    }
  if (pid == 0)
    {
      char b;

      int null = open ("/dev/null", O_RDWR);

      close (fds[1]);
      if (null >= 0)
        {
          /* never hold the test's output pipes open */
          dup2 (null, 0);
          dup2 (null, 1);
          dup2 (null, 2);
        }
      setsid ();   /* Ctrl-C on the test must not kill the cleaner first */
      while (read (fds[0], &b, 1) > 0 || errno == EINTR)
        ;
      execl ("/bin/sh", "sh", "-c", cmd, (char *) NULL);
      _exit (1);
    }
  close (fds[0]);
  fcntl (fds[1], F_SETFD, FD_CLOEXEC);
  c->watchdog_fd = fds[1];
  c->watchdog = pid;
}

static PGconn *
admin_connect (SlPgCluster *c,
               const char  *dbname,
               GError     **error)
{
  g_autofree char *uri = sl_pg_cluster_uri (c, "postgres", NULL, dbname);
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "connecting as postgres: %s",
                   PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  PQclear (PQexec (conn, "SET client_min_messages = warning"));
  return conn;
}

SlPgCluster *
sl_pg_cluster_start (GError **error)
{
  g_autofree char *bindir = find_bindir ();
  g_autofree char *tmpl = NULL;
  SlPgCluster *c;
  struct passwd *pw = NULL;
  gboolean as_root = geteuid () == 0;

  if (bindir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PostgreSQL's server programs (initdb, pg_ctl) are not installed; "
                   "install the 'postgresql' package to run the sync tests");
      return NULL;
    }
  if (as_root && (pw = getpwnam ("postgres")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Running as root but there is no 'postgres' user to run the server as");
      return NULL;
    }

  c = g_new0 (SlPgCluster, 1);
  c->bindir = g_steal_pointer (&bindir);
  c->as_root = as_root;
  c->watchdog_fd = -1;
  tmpl = g_build_filename (g_get_tmp_dir (), "shortlist-pg-XXXXXX", NULL);
  /* g_mkdtemp_full fills in and returns the template itself */
  if (g_mkdtemp_full (tmpl, 0700) != NULL)
    c->dir = g_steal_pointer (&tmpl);
  if (c->dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "mkdtemp: %s", g_strerror (errno));
      g_free (c->bindir);
      g_free (c);
      return NULL;
    }
  if (as_root && chown (c->dir, pw->pw_uid, pw->pw_gid) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "chown: %s", g_strerror (errno));
      sl_pg_cluster_free (c);
      return NULL;
    }
  c->data = g_build_filename (c->dir, "data", NULL);
  c->port = free_port ();

  {
    const char *args[] = { "-D", c->data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                           "--locale=C.UTF-8", "--no-sync", NULL };
    if (!run_tool (c, "initdb", args, error))
      {
        sl_pg_cluster_free (c);
        return NULL;
      }
  }
  {
    g_autofree char *hba = g_build_filename (c->data, "pg_hba.conf", NULL);
    FILE *f = fopen (hba, "w");   /* keeps the file's owner */
    if (f == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "writing pg_hba.conf: %s", g_strerror (errno));
        sl_pg_cluster_free (c);
        return NULL;
      }
    fputs ("local all all trust\n"
           "host all postgres 127.0.0.1/32 trust\n"
           "host all shortlist_owner 127.0.0.1/32 trust\n"
           "host all all 127.0.0.1/32 scram-sha-256\n", f);
    fclose (f);
  }

  start_watchdog (c);
  if (!sl_pg_cluster_start_server (c, error))
    {
      sl_pg_cluster_free (c);
      return NULL;
    }
  return c;
}

void
sl_pg_cluster_free (SlPgCluster *c)
{
  if (c == NULL)
    return;
  if (c->watchdog_fd >= 0)
    {
      int status;
      /* EOF on the pipe: the watchdog stops the server and cleans up. */
      close (c->watchdog_fd);
      waitpid (c->watchdog, &status, 0);
    }
  else if (c->dir != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", c->dir);
      if (system (cmd) != 0)
        g_debug ("could not remove %s", c->dir);
    }
  g_free (c->dir);
  g_free (c->data);
  g_free (c->bindir);
  g_free (c->ca_path);
  g_free (c->foreign_ca_path);
  g_free (c);
}

const char *
sl_pg_cluster_dir (SlPgCluster *c)
{
  return c->dir;
}

int
sl_pg_cluster_port (SlPgCluster *c)
{
  return c->port;
}

char *
sl_pg_cluster_uri (SlPgCluster *c,
                   const char  *user,
                   const char  *password,
                   const char  *dbname)
{
  return g_strdup_printf ("postgresql://%s%s%s@127.0.0.1:%d/%s",
                          user, password != NULL ? ":" : "", password != NULL ? password : "",
                          c->port, dbname);
}

gboolean
sl_pg_cluster_exec (SlPgCluster *c,
                    const char  *dbname,
                    const char  *sql,
                    GError     **error)
{
  PGconn *conn = admin_connect (c, dbname, error);
  PGresult *res;
  gboolean ok;

  if (conn == NULL)
    return FALSE;
  res = PQexec (conn, sql);
  ok = PQresultStatus (res) == PGRES_COMMAND_OK || PQresultStatus (res) == PGRES_TUPLES_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
  return ok;
}

GPtrArray *
sl_pg_cluster_query_column (SlPgCluster *c,
                            const char  *dbname,
                            const char  *sql)
{
  PGconn *conn = admin_connect (c, dbname, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  PGresult *res;

  if (conn == NULL)
    return out;
  res = PQexec (conn, sql);
  if (PQresultStatus (res) == PGRES_TUPLES_OK)
    for (int i = 0; i < PQntuples (res); i++)
      g_ptr_array_add (out, PQgetisnull (res, i, 0) ? NULL : g_strdup (PQgetvalue (res, i, 0)));
  PQclear (res);
  PQfinish (conn);
  return out;
}

gint64
sl_pg_cluster_query_int (SlPgCluster *c,
                         const char  *dbname,
                         const char  *sql)
{
  g_autoptr(GPtrArray) col = sl_pg_cluster_query_column (c, dbname, sql);

  if (col->len == 0 || g_ptr_array_index (col, 0) == NULL)
    return -1;
  return g_ascii_strtoll (g_ptr_array_index (col, 0), NULL, 10);
}

/* TLS ------------------------------------------------------------------------ */

static gboolean
have_openssl (GError **error)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "openssl is not installed; install the 'openssl' package to run the TLS tests");
  return FALSE;
}

/* A self-signed CA NAME.crt / NAME.key (EC P-256: quick to make). */
static gboolean
make_ca (SlPgCluster  *c,
         const char   *name,
         GError      **error)
{
  g_autofree char *key = g_strdup_printf ("%s.key", name);
  g_autofree char *crt = g_strdup_printf ("%s.crt", name);
  g_autofree char *subj = g_strdup_printf ("/CN=Shortlist test %s", name);
  const char *args[] = { "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                         "-nodes", "-keyout", key, "-out", crt, "-days", "2", "-subj", subj, NULL };

  return run_as_server (c, "openssl", args, error);
}

/* Sets server parameters one by one (ALTER SYSTEM cannot run in a
 * transaction), reloads, and waits until a new session sees ssl = @want. */
static gboolean
set_ssl (SlPgCluster  *c,
         const char  **statements,
         const char   *want,
         GError      **error)
{
  for (guint i = 0; statements[i] != NULL; i++)
    if (!sl_pg_cluster_exec (c, "postgres", statements[i], error))
      return FALSE;
  if (!sl_pg_cluster_exec (c, "postgres", "SELECT pg_reload_conf ()", error))
    return FALSE;
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GPtrArray) v = sl_pg_cluster_query_column (c, "postgres", "SHOW ssl");
      if (v->len == 1 && g_strcmp0 (g_ptr_array_index (v, 0), want) == 0)
        return TRUE;
      g_usleep (50000);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "the server did not switch ssl to %s (see %s/log)", want, c->dir);
  return FALSE;
}

const char *
sl_pg_cluster_enable_tls (SlPgCluster  *c,
                          GError      **error)
{
  g_autofree char *ext = g_build_filename (c->dir, "san.ext", NULL);
  g_autofree char *key = g_build_filename (c->dir, "server.key", NULL);
  g_autofree char *crt = g_build_filename (c->dir, "server.crt", NULL);
  g_autofree char *set_cert = g_strdup_printf ("ALTER SYSTEM SET ssl_cert_file = '%s'", crt);
  g_autofree char *set_key = g_strdup_printf ("ALTER SYSTEM SET ssl_key_file = '%s'", key);
  const char *csr_args[] = { "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-nodes", "-keyout", "server.key", "-out", "server.csr",
                             "-subj", "/CN=127.0.0.1", NULL };
  const char *sign_args[] = { "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                              "-CAcreateserial", "-out", "server.crt", "-days", "2",
                              "-extfile", "san.ext", NULL };
  const char *statements[] = { set_cert, set_key, "ALTER SYSTEM SET ssl = on", NULL };

  if (c->ca_path != NULL)
    return c->ca_path;
  if (!have_openssl (error) ||
      !g_file_set_contents (ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n", -1, error) ||
      g_chmod (ext, 0644) != 0 ||
      !make_ca (c, "ca", error) ||
      !run_as_server (c, "openssl", csr_args, error) ||
      !run_as_server (c, "openssl", sign_args, error))
    return NULL;
  /* The server refuses a private key others can read. */
  if (g_chmod (key, 0600) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "chmod %s: %s", key, g_strerror (errno));
      return NULL;
    }
  if (!set_ssl (c, statements, "on", error))
    return NULL;
  c->ca_path = g_build_filename (c->dir, "ca.crt", NULL);
  return c->ca_path;
}

gboolean
sl_pg_cluster_disable_tls (SlPgCluster  *c,
                           GError      **error)
{
  const char *statements[] = { "ALTER SYSTEM RESET ssl", NULL };
  return set_ssl (c, statements, "off", error);
}

const char *
sl_pg_cluster_foreign_ca (SlPgCluster  *c,
                          GError      **error)
{
  if (c->foreign_ca_path != NULL)
    return c->foreign_ca_path;
  if (!have_openssl (error) || !make_ca (c, "foreign-ca", error))
    return NULL;
  c->foreign_ca_path = g_build_filename (c->dir, "foreign-ca.crt", NULL);
  return c->foreign_ca_path;
}
