/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-intake-files.c: the file side of intake: walking folders, hashing and
 * sniffing inputs, the content-addressed archive and its retention.
 */
/* O_TMPFILE */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sl-util.h"
#include "sl-intake-private.h"

static const char * const supported_extensions[] = {
  "pdf", "docx", "doc", "odt", "rtf", "html", "htm", "xhtml", "txt", "text", "md",
  "png", "jpg", "jpeg", "tif", "tiff", "eml", "mbox", "mbx", NULL
};

static char *
lower_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name || dot[1] == '\0' || strchr (dot, '/') != NULL)
    return NULL;
  return g_ascii_strdown (dot + 1, -1);
}

gboolean
sl_intake_is_supported_name (const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *ext = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  base = g_path_get_basename (name);
  if (base[0] == '.' || base[0] == '~' || g_str_has_prefix (base, "~$"))
    return FALSE;
  ext = lower_extension (base);
  return ext != NULL && g_strv_contains (supported_extensions, ext);
}

char *
sl_intake_default_archive_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "archive", NULL);
}

static gboolean
is_email_mime (const char *mime)
{
  return g_strcmp0 (mime, "message/rfc822") == 0 || g_strcmp0 (mime, "application/mbox") == 0;
}

/* Files larger than this are queued without reading them: extraction
 * refuses them anyway (its limit is far lower), with a message. */
#define HASH_LIMIT ((gsize) 512 * 1024 * 1024)

/* Files up to this size are read into memory; larger ones are mapped. */
#define READ_LIMIT ((gsize) 64 * 1024 * 1024)

GBytes *
sl_intake_read_file (const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize len = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* read() into the heap, not mmap: unmapping a file in a process with
   * several busy threads flushes the other cores' TLBs (an IPI each time),
   * which cost ~0.4 ms a file here, more than reading 30 KB. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not open %s: %s", path, g_strerror (e));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (gsize) st.st_size > READ_LIMIT)
    {
      g_autoptr(GMappedFile) map = NULL;

      close (fd);
      map = g_mapped_file_new (path, FALSE, error);
      return map != NULL ? g_mapped_file_get_bytes (map) : NULL;
    }
  data = g_malloc ((gsize) st.st_size + 1);
  while (len <= (gsize) st.st_size)
    {
      /* One byte more than the size, to see a file that grew meanwhile. */
      gssize n = read (fd, data + len, (gsize) st.st_size + 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                       "Could not read %s: %s", path, g_strerror (e));
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  close (fd);
  if (len > (gsize) st.st_size)
    {
      /* Still growing: take it as it is now, mapped. */
      g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, error);
      return map != NULL ? g_mapped_file_get_bytes (map) : NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* Reads, hashes and sniffs one file into a queued record.  A file that
 * cannot be read still gets its row (without hash or type): the worker then
 * fails it with the reason, so the user sees it and can retry. */
static SlIntakeRecord *
record_for_file (const char *path,
                 const char *source)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SlIntakeRecord) r = sl_intake_record_new ();
  GStatBuf st;

  r->path = g_canonicalize_filename (path, NULL);
  r->original_name = g_path_get_basename (path);
  r->status = g_strdup (SL_INTAKE_STATUS_QUEUED);
  if (g_stat (path, &st) == 0)
    r->size = st.st_size;
  if (r->size >= 0 && (gsize) r->size <= HASH_LIMIT)
    bytes = sl_intake_read_file (path, NULL);
  if (bytes != NULL)
    {
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (bytes, &len);

      r->size = (gint64) len;
      r->sha256 = sl_sha256_hex (data != NULL ? data : (const guint8 *) "", len);
      r->mime = sl_extract_sniff (data, len);
    }
  r->source = g_strdup (is_email_mime (r->mime) ? SL_INTAKE_SOURCE_EMAIL : source);
  return g_steal_pointer (&r);
}

typedef struct
{
  const char        *source;
  guint              chunk;
  guint              limit;     /* of the chunk being filled: grows to chunk */
  SlIntakeChunkFunc  emit;
  gpointer           user_data;
  GPtrArray         *pending;
  GPtrArray         *skipped;
  guint              n_found;
  GCancellable      *cancellable;
} Collect;

static gboolean
collect_flush (Collect  *c,
               GError  **error)
{
  gboolean ok;

  if (c->pending->len == 0)
    return TRUE;
  ok = c->emit (c->pending, c->user_data, error);
  g_ptr_array_set_size (c->pending, 0);
  /* Small chunks first, so the workers start after a few files are hashed
   * instead of waiting for the first 256; larger ones later for fewer
   * round trips to the writer. */
  c->limit = MIN (c->limit * 2, c->chunk);
  return ok;
}

static void
skip (Collect     *c,
      const char  *path,
      const char  *reason)
{
  if (c->skipped != NULL)
    g_ptr_array_add (c->skipped, g_strdup_printf ("%s: %s", path, reason));
}

static gboolean
collect_file (Collect     *c,
              const char  *path,
              GError     **error)
{
  g_ptr_array_add (c->pending, record_for_file (path, c->source));
  c->n_found++;
  if (c->pending->len >= c->limit)
    return collect_flush (c, error);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
collect_dir (Collect     *c,
             const char  *dir_path,
             int          depth,
             GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  const char *name;

  if (depth > 32)
    {
      skip (c, dir_path, "folders nested too deep");
      return TRUE;
    }
  dir = g_dir_open (dir_path, 0, &local);
  if (dir == NULL)
    {
      skip (c, dir_path, local->message);
      return TRUE;
    }
  /* Sorted, so that a folder is always queued in the same order. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
        return FALSE;
      /* lstat: symbolic links to folders are not followed (no loops). */
      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISLNK (st.st_mode) && g_stat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          GStatBuf lst;
          if (g_lstat (child, &lst) == 0 && S_ISLNK (lst.st_mode))
            continue;
          if (!collect_dir (c, child, depth + 1, error))
            return FALSE;
        }
      else if (S_ISREG (st.st_mode) && sl_intake_is_supported_name (child))
        {
          if (!collect_file (c, child, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
sl_intake_collect (const char * const  *paths,
                   const char          *source,
                   guint                chunk,
                   SlIntakeChunkFunc    emit,
                   gpointer             user_data,
                   GPtrArray           *skipped,
                   guint               *n_found,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_intake_record_free);
  Collect c = { source, MAX (chunk, 1), MIN (MAX (chunk, 1), 8), emit, user_data, pending, skipped, 0, cancellable };
  gboolean ok = TRUE;

  for (guint i = 0; paths[i] != NULL && ok; i++)
    {
      GStatBuf st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (g_stat (paths[i], &st) != 0)
        {
          skip (&c, paths[i], g_strerror (errno));
          continue;
        }
      if (S_ISDIR (st.st_mode))
        ok = collect_dir (&c, paths[i], 0, error);
      else if (S_ISREG (st.st_mode))
        /* A file named explicitly is taken whatever its name: extraction
         * sniffs the bytes and says when it cannot read them. */
        ok = collect_file (&c, paths[i], error);
      else
        skip (&c, paths[i], "not a regular file or folder");
    }
  if (ok)
    ok = collect_flush (&c, error);
  if (n_found != NULL)
    *n_found = c.n_found;
  return ok;
}

/* Archive ------------------------------------------------------------------ */

static const char *
extension_for_mime (const char *mime)
{
  static const struct { const char *mime, *ext; } map[] = {
    { "application/pdf", "pdf" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx" },
    { "application/vnd.oasis.opendocument.text", "odt" },
    { "application/rtf", "rtf" },
    { "text/html", "html" },
    { "text/plain", "txt" },
    { "image/png", "png" },
    { "image/jpeg", "jpg" },
    { "image/tiff", "tif" },
    { "message/rfc822", "eml" },
    { "application/mbox", "mbox" },
    { "application/msword", "doc" },
  };

  for (gsize i = 0; mime != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (mime, map[i].mime))
      return map[i].ext;
  return "bin";
}

/* Whether @archive_dir holds folders of the older layout (a folder per two
 * hex digits).  Asked once per archive folder and process: only versions
 * before the one-digit layout made such folders, so a folder without them
 * never gets any, and the copy of each file need not look for one. */
static gboolean
archive_has_legacy (const char *archive_dir)
{
  static GMutex lock;
  static GHashTable *known;   /* archive folder → GINT_TO_POINTER (1 + has legacy) */
  gpointer v;
  gboolean legacy = FALSE;

  g_mutex_lock (&lock);
  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v = g_hash_table_lookup (known, archive_dir);
  g_mutex_unlock (&lock);
  if (v != NULL)
    return GPOINTER_TO_INT (v) - 1;

  {
    g_autoptr(GDir) dir = g_dir_open (archive_dir, 0, NULL);
    const char *name;

    while (dir != NULL && !legacy && (name = g_dir_read_name (dir)) != NULL)
      legacy = strlen (name) == 2 && g_ascii_isxdigit (name[0]) && g_ascii_isxdigit (name[1]);
  }
  g_mutex_lock (&lock);
  g_hash_table_insert (known, g_strdup (archive_dir), GINT_TO_POINTER (1 + legacy));
  g_mutex_unlock (&lock);
  return legacy;
}

/* Makes the archive folder and its shard @dir (0700 both). */
static gboolean
archive_make_dir (const char  *archive_dir,
                  const char  *dir,
                  GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not create the archive folder %s: %s", dir, g_strerror (e));
      return FALSE;
    }
  /* g_mkdir_with_parents leaves existing folders alone: tighten both. */
  g_chmod (archive_dir, 0700);
  g_chmod (dir, 0700);
  return TRUE;
}

static gboolean
write_all (int            fd,
           GBytes        *bytes)
{
  gsize len = 0;
  gconstpointer data = g_bytes_get_data (bytes, &len);

  for (gsize off = 0; off < len;)
    {
      gssize n = write (fd, (const char *) data + off, len - off);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      off += (gsize) n;
    }
  return TRUE;
}

/* The copy through an unnamed file (O_TMPFILE) given its name only when it
 * is complete (linkat): no other process ever sees a half copy, a crash
 * leaves no temporary file behind, and it costs four system calls (open,
 * write, link, close) instead of a stat, an open of a named temporary
 * file, a rename and a stat for the older layout.  An existing copy of the
 * same content makes the link fail with EEXIST, and is kept.
 * Returns 1 when done, 0 when the system cannot do it (no O_TMPFILE, no
 * /proc): the caller then takes the named temporary file; -1 on error. */
static int
archive_write_unnamed (const char  *archive_dir,
                       const char  *dir,
                       const char  *file,
                       GBytes      *bytes,
                       GError     **error)
{
#ifdef O_TMPFILE
  char proc[64];
  int fd;
  int e;

  fd = open (dir, O_WRONLY | O_TMPFILE | O_CLOEXEC, 0600);
  if (fd < 0 && errno == ENOENT)
    {
      /* a fresh archive, or a shard folder deleted meanwhile */
      if (!archive_make_dir (archive_dir, dir, error))
        return -1;
      fd = open (dir, O_WRONLY | O_TMPFILE | O_CLOEXEC, 0600);
    }
  if (fd < 0)
    {
      e = errno;
      if (e == EOPNOTSUPP || e == EISDIR || e == EINVAL)
        return 0;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not archive %s: %s", file, g_strerror (e));
      return -1;
    }
  if (!write_all (fd, bytes))
    {
      e = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not archive %s: %s", file, g_strerror (e));
      return -1;
    }
  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc, AT_FDCWD, file, AT_SYMLINK_FOLLOW) == 0)
    {
      close (fd);
      return 1;
    }
  e = errno;
  close (fd);
  if (e == EEXIST)
    {
      /* the same content is there already (another worker, or an earlier
       * import); anything but a regular file there is an error */
      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return 1;
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   "Could not archive %s: %s", file, g_strerror (e));
      return -1;
    }
  if (e == ENOENT && !g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    return 0;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
               "Could not archive %s: %s", file, g_strerror (e));
  return -1;
#else
  return 0;
#endif
}

char *
sl_intake_archive_copy (const char  *archive_dir,
                        const char  *sha256,
                        const char  *original_name,
                        const char  *mime,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autofree char *ext = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmp = NULL;
  char sub[2];
  int fd;

  g_return_val_if_fail (archive_dir != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) >= 8, NULL);

  /* The extension of the original when it is a plain short word, so that
   * a file manager opens the copy; else one from the sniffed type. */
  if (original_name != NULL)
    ext = lower_extension (original_name);
  if (ext != NULL)
    {
      gboolean plain = strlen (ext) <= 8;
      for (const char *p = ext; *p && plain; p++)
        plain = g_ascii_isalnum (*p);
      if (!plain)
        g_clear_pointer (&ext, g_free);
    }
  if (ext == NULL)
    ext = g_strdup (extension_for_mime (mime));

  /* One folder per first hex digit of the hash: 16 folders, so a fresh
   * archive makes 16 folders instead of 256 (a mkdir costs ~0.3 ms here,
   * more than the copy of a small file), and no folder holds more than
   * about a sixteenth of the copies. */
  sub[0] = sha256[0];
  sub[1] = '\0';
  dir = g_build_filename (archive_dir, sub, NULL);
  name = g_strconcat (sha256, ".", ext, NULL);
  file = g_build_filename (dir, name, NULL);

  /* Few system calls: they are what this costs (about 1 ms a file with
   * mkdir -p and chmod every time).  The folder is made only when the
   * first open says it is missing. */
  if (archive_has_legacy (archive_dir))
    {
      /* Earlier versions kept a folder per two hex digits: a copy made
       * then is the same content, and rows name it by its full path. */
      char legacy_sub[3] = { sha256[0], sha256[1], '\0' };
      g_autofree char *legacy = g_build_filename (archive_dir, legacy_sub, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&file);
      if (g_file_test (legacy, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&legacy);
    }
  else
    {
      /* The files that get here are new (the worker skipped the ones
       * imported before), so no stat first: an existing copy shows as
       * the link failing. */
      switch (archive_write_unnamed (archive_dir, dir, file, bytes, error))
        {
        case 1:
          return g_steal_pointer (&file);
        case -1:
          return NULL;
        default:
          break;
        }
      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&file);
    }

  tmp = g_strdup_printf ("%s.tmp-%p", file, (void *) g_thread_self ());
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 && errno == ENOENT)
    {
      if (!archive_make_dir (archive_dir, dir, error))
        return NULL;
      fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    }
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not archive %s: %s", file, g_strerror (e));
      return NULL;
    }

  /* Written beside its final name and renamed, so a reader never sees a
   * half copy.  No fsync: that cost ~6 ms a file here, and a copy lost in a
   * power cut only means a retry reads the original again. */
  if (!write_all (fd, bytes))
    {
      int e = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not archive %s: %s", file, g_strerror (e));
      return NULL;
    }
  if (close (fd) != 0 || g_rename (tmp, file) != 0)
    {
      int e = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "Could not archive %s: %s", file, g_strerror (e));
      return NULL;
    }
  return g_steal_pointer (&file);
}

gboolean
sl_intake_cleanup_archives (SlStore     *store,
                            const char  *archive_dir,
                            guint        days,
                            guint       *n_removed,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *before = NULL;
  g_autofree char *root = NULL;
  guint removed = 0;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (archive_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  cutoff = g_date_time_add_days (now, -(int) MIN (days, 100000u));
  before = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%S.%fZ");
  /* %f gives microseconds; the store writes milliseconds, and ISO strings
   * compare fine either way. */
  rows = sl_store_intake_get_old_archives (store, before, error);
  if (rows == NULL)
    return FALSE;

  root = g_canonicalize_filename (archive_dir, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SlIntakeRecord *r = g_ptr_array_index (rows, i);
      g_autofree char *path = NULL;
      gint64 refs;

      if (r->archive_path == NULL)
        continue;
      path = g_canonicalize_filename (r->archive_path, NULL);
      if (!sl_store_intake_clear_archive (store, r->qid, error))
        return FALSE;
      refs = sl_store_intake_count_archive_refs (store, r->archive_path, error);
      if (refs < 0)
        return FALSE;
      if (refs > 0)
        continue;
      /* Never delete anything outside the archive, whatever a row says. */
      if (!g_str_has_prefix (path, root) || path[strlen (root)] != G_DIR_SEPARATOR)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  if (n_removed != NULL)
    *n_removed = removed;
  g_debug ("archive clean-up: %u of %u old copies deleted", removed, rows->len);
  return TRUE;
}
