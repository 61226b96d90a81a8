/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-zip.c: reading members of DOCX/ODT containers with libarchive,
 * guarded against zip bombs (total decompressed bytes and the ratio of
 * decompressed to compressed size are both capped).
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "sl-extract-private.h"

static struct archive *
open_zip (GBytes *zip)
{
  struct archive *a = archive_read_new ();
  gsize len;
  const void *data = g_bytes_get_data (zip, &len);

  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      archive_read_free (a);
      return NULL;
    }
  return a;
}

gboolean
sl_extract_zip_has (GBytes     *zip,
                    const char *name)
{
  struct archive *a;
  struct archive_entry *entry;
  gboolean found = FALSE;
  int guard = 0;

  a = open_zip (zip);
  if (a == NULL)
    return FALSE;
  while (!found && guard++ < 100000 && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      const char *n = archive_entry_pathname (entry);
      found = n != NULL && g_str_equal (n, name);
    }
  archive_read_free (a);
  return found;
}

/* Reads every member for which @want returns TRUE into @out (name → GBytes). */
static gboolean
zip_read_members (SlExtractContext *ctx,
                  GBytes           *zip,
                  SlZipWant         want,
                  gpointer          want_data,
                  GHashTable       *out,
                  GError          **error)
{
  struct archive *a;
  struct archive_entry *entry;
  gsize zip_len = g_bytes_get_size (zip);
  gsize total = 0;
  gsize ratio_cap = MAX ((gsize) ctx->opts->max_unzip_ratio * zip_len, (gsize) 1024 * 1024);
  gsize cap = MIN (ctx->opts->max_unzipped_size, ratio_cap);
  gboolean ok = TRUE;
  int r, guard = 0;

  a = open_zip (zip);
  if (a == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This document is damaged (its zip container cannot be opened).");
      return FALSE;
    }
  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      GByteArray *buf;
      char chunk[65536];
      la_ssize_t n;

      if (guard++ > 100000)
        break;
      if (name == NULL || !want (name, want_data) || g_hash_table_contains (out, name))
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_ENCRYPTED,
                               "This document is password-protected; remove the password "
                               "and import it again.");
          ok = FALSE;
          break;
        }
      buf = g_byte_array_new ();
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        {
          total += n;
          if (total > cap)
            {
              g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                           "This document unpacks to more than %zu MB (or %d times its size); "
                           "it may be a zip bomb and was not read.",
                           ctx->opts->max_unzipped_size / (1024 * 1024), ctx->opts->max_unzip_ratio);
              ok = FALSE;
              break;
            }
          g_byte_array_append (buf, (const guint8 *) chunk, n);
          if (sl_extract_check_stop (ctx, error))
            {
              ok = FALSE;
              break;
            }
        }
      if (ok && n < 0)
        {
          g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                               "This document is damaged (a part of it cannot be unpacked).");
          ok = FALSE;
        }
      if (ok)
        g_hash_table_insert (out, g_strdup (name), g_byte_array_free_to_bytes (buf));
      else
        g_byte_array_unref (buf);
    }
  if (ok && r != ARCHIVE_EOF && r != ARCHIVE_OK)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This document is damaged (its zip container is broken).");
      ok = FALSE;
    }
  archive_read_free (a);
  return ok;
}

static gboolean
want_exact (const char *name, gpointer data)
{
  return g_str_equal (name, data);
}

GHashTable *
sl_extract_zip_read (SlExtractContext *ctx,
                     GBytes           *zip,
                     SlZipWant         want,
                     gpointer          want_data,
                     GError          **error)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_bytes_unref);
  if (!zip_read_members (ctx, zip, want, want_data, out, error))
    {
      g_hash_table_unref (out);
      return NULL;
    }
  return out;
}

GBytes *
sl_extract_zip_member (SlExtractContext *ctx,
                       GBytes           *zip,
                       const char       *name,
                       GError          **error)
{
  g_autoptr(GHashTable) members = sl_extract_zip_read (ctx, zip, want_exact, (gpointer) name, error);
  GBytes *b;

  if (members == NULL)
    return NULL;
  b = g_hash_table_lookup (members, name);
  return b ? g_bytes_ref (b) : NULL;
}
