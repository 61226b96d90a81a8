/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-doc.c: legacy Word (.doc, OLE compound files) through antiword
 * or catdoc when one is installed.  A password-protected DOCX is also an OLE
 * file (an "EncryptionInfo" stream), and gets the encrypted error.
 */
#include "config.h"

#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>

#include "sl-extract-private.h"

static gboolean
has_utf16 (const guint8 *data, gsize len, const char *ascii)
{
  gsize n = strlen (ascii);

  for (gsize i = 0; i + 2 * n <= len; i++)
    {
      gsize k;
      for (k = 0; k < n; k++)
        if (data[i + 2 * k] != (guint8) ascii[k] || data[i + 2 * k + 1] != 0)
          break;
      if (k == n)
        return TRUE;
    }
  return FALSE;
}

SlDocument *
sl_extract_doc (SlExtractContext *ctx,
                GBytes           *bytes,
                GError          **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *antiword = NULL;
  g_autofree char *catdoc = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(SlDocument) doc = NULL;
  g_autofree char *text = NULL;
  int fd;

  if (has_utf16 (data, MIN (len, (gsize) 1 << 20), "EncryptionInfo") ||
      has_utf16 (data, MIN (len, (gsize) 1 << 20), "EncryptedPackage"))
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_ENCRYPTED,
                           "This Word document is password-protected; remove the password "
                           "and import it again.");
      return NULL;
    }
  if (!has_utf16 (data, MIN (len, (gsize) 1 << 20), "WordDocument"))
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                           "This is an old Microsoft Office file that is not a Word document "
                           "(Excel or PowerPoint?); save it as PDF and import it again.");
      return NULL;
    }
  antiword = g_find_program_in_path ("antiword");
  if (antiword == NULL)
    catdoc = g_find_program_in_path ("catdoc");
  if (antiword == NULL && catdoc == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                           "Old Word (.doc) files need antiword or catdoc installed; "
                           "or save the file as .docx or PDF and import it again.");
      return NULL;
    }

  fd = g_file_open_tmp ("shortlist-XXXXXX.doc", &tmp, &local);
  if (fd < 0 || !g_file_set_contents (tmp, (const char *) data, len, &local))
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                   "A temporary file could not be written: %s.", local->message);
      return NULL;
    }
  close (fd);
  if (antiword)
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &local,
                             antiword, "-w", "0", "-m", "UTF-8.txt", tmp, NULL);
  else
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &local,
                             catdoc, "-d", "utf-8", "-w", tmp, NULL);
  if (proc == NULL || !g_subprocess_communicate (proc, NULL, ctx->cancellable, &out, NULL, &local))
    {
      g_unlink (tmp);
      if (g_cancellable_is_cancelled (ctx->cancellable))
        g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED,
                             "Reading this file was cancelled.");
      else
        g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                     "This Word document could not be read: %s.", local ? local->message : "unknown error");
      return NULL;
    }
  g_unlink (tmp);
  if (!g_subprocess_get_successful (proc))
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This Word document is damaged and cannot be read.");
      return NULL;
    }
  doc = sl_extract_plain (ctx, out, error);
  if (doc)
    {
      g_free (doc->method);
      doc->method = g_strdup (antiword ? "doc-antiword" : "doc-catdoc");
    }
  return g_steal_pointer (&doc);
}
