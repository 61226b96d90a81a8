/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract.c: options, content sniffing and the dispatcher.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "core/sl-util.h"
#include "sl-extract-private.h"

G_DEFINE_QUARK (sl-extract-error-quark, sl_extract_error)

#define MB (1024 * 1024)

SlExtractOptions *
sl_extract_options_new (void)
{
  SlExtractOptions *o = g_new0 (SlExtractOptions, 1);

  o->max_file_size = 50 * MB;
  o->max_pages = 60;
  o->max_unzipped_size = 64 * MB;
  o->max_unzip_ratio = 200;
  o->max_ocr_pages = 10;
  o->timeout_seconds = 120;
  o->ocr = TRUE;
  o->ocr_languages = g_strdup ("eng");
  o->clamav = FALSE;
  o->clamav_dir = g_strdup ("/var/lib/clamav");
  return o;
}

SlExtractOptions *
sl_extract_options_copy (const SlExtractOptions *opts)
{
  SlExtractOptions *c;

  g_return_val_if_fail (opts != NULL, NULL);
  c = g_memdup2 (opts, sizeof *opts);
  c->ocr_languages = g_strdup (opts->ocr_languages);
  c->ocr_datapath = g_strdup (opts->ocr_datapath);
  c->clamav_dir = g_strdup (opts->clamav_dir);
  return c;
}

void
sl_extract_options_free (SlExtractOptions *opts)
{
  if (opts == NULL)
    return;
  g_free (opts->ocr_languages);
  g_free (opts->ocr_datapath);
  g_free (opts->clamav_dir);
  g_free (opts);
}

/* ---- sniffing ----------------------------------------------------------- */

static gboolean
has_prefix_bytes (const guint8 *data, gsize len, const char *magic, gsize mlen)
{
  return len >= mlen && memcmp (data, magic, mlen) == 0;
}

/* Case-insensitive search in the first @limit bytes. */
static gboolean
head_contains (const guint8 *data, gsize len, gsize limit, const char *needle)
{
  gsize n = strlen (needle);
  gsize end = MIN (len, limit);

  for (gsize i = 0; i + n <= end; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_email (const guint8 *data, gsize len)
{
  static const char *const headers[] = {
    "from", "to", "subject", "date", "message-id", "mime-version", "received",
    "return-path", "delivered-to", "content-type", "reply-to", "cc",
    "x-mailer", "user-agent", "dkim-signature", "authentication-results",
  };
  gsize end = MIN (len, 16384);
  gsize pos = 0;
  int known = 0, lines = 0;

  while (pos < end)
    {
      gsize eol = pos, colon = 0;

      while (eol < end && data[eol] != '\n')
        eol++;
      if (eol == pos || (eol == pos + 1 && data[pos] == '\r'))
        break;                            /* blank line: end of headers */
      lines++;
      if (data[pos] == ' ' || data[pos] == '\t')
        {
          if (lines == 1)
            return FALSE;
          pos = eol + 1;
          continue;                       /* folded header */
        }
      for (gsize i = pos; i < eol; i++)
        {
          guint8 c = data[i];
          if (c == ':')
            {
              colon = i;
              break;
            }
          if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
            return FALSE;
        }
      if (colon == 0 || colon == pos)
        return FALSE;
      for (gsize h = 0; h < G_N_ELEMENTS (headers); h++)
        if (colon - pos == strlen (headers[h]) &&
            g_ascii_strncasecmp ((const char *) data + pos, headers[h], colon - pos) == 0)
          known++;
      pos = eol + 1;
    }
  return known >= 2;
}

static gboolean
looks_like_html (const guint8 *data, gsize len)
{
  gsize i = 0;

  if (has_prefix_bytes (data, len, "\xEF\xBB\xBF", 3))
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  return head_contains (data + i, len - i, 4096, "<html") ||
         head_contains (data + i, len - i, 4096, "<!doctype html") ||
         head_contains (data + i, len - i, 4096, "<body") ||
         head_contains (data + i, len - i, 4096, "<head") ||
         head_contains (data + i, len - i, 4096, "<p>") ||
         head_contains (data + i, len - i, 4096, "<div");
}

/* Text if it has a UTF-16 BOM, or no NUL bytes and few control characters. */
static gboolean
looks_like_text (const guint8 *data, gsize len)
{
  gsize end = MIN (len, 65536), bad = 0;

  if (has_prefix_bytes (data, len, "\xFF\xFE", 2) || has_prefix_bytes (data, len, "\xFE\xFF", 2))
    return TRUE;
  if (end >= 4)
    {
      /* UTF-16 without a BOM: NUL in every other byte. */
      gsize even0 = 0, odd0 = 0, n = end & ~(gsize) 1;
      for (gsize i = 0; i < n; i += 2)
        {
          even0 += data[i] == 0;
          odd0 += data[i + 1] == 0;
        }
      if ((odd0 * 10 >= n / 2 * 7 && even0 * 10 < n / 2) ||
          (even0 * 10 >= n / 2 * 7 && odd0 * 10 < n / 2))
        return TRUE;
    }
  for (gsize i = 0; i < end; i++)
    {
      guint8 c = data[i];
      if (c == 0)
        return FALSE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
        bad++;
    }
  return bad * 50 <= end;
}

char *
sl_extract_sniff (const guint8 *data,
                  gsize         len)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    return g_strdup (SL_MIME_TEXT);
  if (head_contains (data, len, 1024, "%PDF-"))
    return g_strdup (SL_MIME_PDF);
  if (has_prefix_bytes (data, len, "PK\x03\x04", 4))
    {
      g_autoptr(GBytes) b = g_bytes_new_static (data, len);

      if (sl_extract_zip_has (b, "word/document.xml"))
        return g_strdup (SL_MIME_DOCX);
      /* OpenDocument stores its mimetype first and uncompressed; a
       * spreadsheet or a presentation says so there. */
      if (sl_extract_zip_has (b, "content.xml") &&
          (head_contains (data, len, 200, "application/vnd.oasis.opendocument.text") ||
           !head_contains (data, len, 200, "application/vnd.oasis.opendocument.")))
        return g_strdup (SL_MIME_ODT);
      return g_strdup (SL_MIME_ZIP);
    }
  if (has_prefix_bytes (data, len, "{\\rtf", 5))
    return g_strdup (SL_MIME_RTF);
  if (has_prefix_bytes (data, len, "\x89PNG\r\n\x1a\n", 8))
    return g_strdup (SL_MIME_PNG);
  if (has_prefix_bytes (data, len, "\xFF\xD8\xFF", 3))
    return g_strdup (SL_MIME_JPEG);
  if (has_prefix_bytes (data, len, "II*\0", 4) || has_prefix_bytes (data, len, "MM\0*", 4))
    return g_strdup (SL_MIME_TIFF);
  if (has_prefix_bytes (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return g_strdup (SL_MIME_DOC);
  if (has_prefix_bytes (data, len, "From ", 5))
    return g_strdup (SL_MIME_MBOX);
  if (looks_like_email (data, len))
    return g_strdup (SL_MIME_EML);
  if (looks_like_html (data, len))
    return g_strdup (SL_MIME_HTML);
  if (looks_like_text (data, len))
    return g_strdup (SL_MIME_TEXT);
  return g_strdup (SL_MIME_OTHER);
}

gboolean
sl_extract_is_resume_mime (const char *mime)
{
  static const char *const ok[] = {
    SL_MIME_PDF, SL_MIME_DOCX, SL_MIME_ODT, SL_MIME_RTF, SL_MIME_HTML, SL_MIME_TEXT,
    SL_MIME_PNG, SL_MIME_JPEG, SL_MIME_TIFF, SL_MIME_DOC,
  };
  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    if (g_strcmp0 (mime, ok[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---- shared helpers ------------------------------------------------------ */

gboolean
sl_extract_check_stop (SlExtractContext *ctx,
                       GError          **error)
{
  if (g_cancellable_is_cancelled (ctx->cancellable))
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED,
                           "Reading this file was cancelled.");
      return TRUE;
    }
  if (ctx->deadline > 0 && g_get_monotonic_time () > ctx->deadline)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                   "Reading this file took longer than the limit of %d seconds; "
                   "it may be very large or damaged.", ctx->opts->timeout_seconds);
      return TRUE;
    }
  return FALSE;
}

char *
sl_extract_clean_text (const char *text,
                       gssize      len)
{
  GString *out;
  const char *p, *end;
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (len < 0)
    len = strlen (text);
  valid = g_utf8_make_valid (text, len);
  out = g_string_sized_new (len + 16);
  end = valid + strlen (valid);
  for (p = valid; p < end; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;
      gunichar c;

      /* ASCII (most of any text): what the general case below does to it */
      if (b >= 0x20 && b < 0x7f)
        {
          g_string_append_c (out, b);
          continue;
        }
      c = g_utf8_get_char (p);
      switch (c)
        {
        case 0xFB00: g_string_append (out, "ff"); break;
        case 0xFB01: g_string_append (out, "fi"); break;
        case 0xFB02: g_string_append (out, "fl"); break;
        case 0xFB03: g_string_append (out, "ffi"); break;
        case 0xFB04: g_string_append (out, "ffl"); break;
        case 0xFB05:
        case 0xFB06: g_string_append (out, "st"); break;
        case 0x00AD:                      /* soft hyphen */
        case 0x200B:                      /* zero-width space */
        case 0xFEFF:
        case 0xFFFD:
          break;
        case 0x00A0:
        case 0x2007:
        case 0x202F:
          g_string_append_c (out, ' ');
          break;
        case 0x2028:
        case 0x2029:
          g_string_append_c (out, '\n');
          break;
        default:
          if (c == '\n' || c == '\t' || c == '\f')
            g_string_append_unichar (out, c);
          else if (c == '\r')
            {
              if (p[1] != '\n')
                g_string_append_c (out, '\n');
            }
          else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            ;
          else if (c >= 0xE000 && c <= 0xF8FF)
            g_string_append (out, "•");   /* private use: icon fonts, bullets */
          else
            g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

void
sl_extract_text_from_lines (SlDocument *doc)
{
  GString *s = g_string_new (NULL);
  int page = doc->lines->len > 0 ? ((SlLine *) g_ptr_array_index (doc->lines, 0))->page : -1;

  for (guint i = 0; i < doc->lines->len; i++)
    {
      SlLine *l = g_ptr_array_index (doc->lines, i);

      if (i > 0)
        {
          while (page >= 0 && l->page > page)
            {
              g_string_append_c (s, '\f');
              page++;
            }
          if (s->len > 0 && s->str[s->len - 1] != '\f')
            g_string_append_c (s, '\n');
        }
      g_string_append (s, l->text);
    }
  sl_document_set_text (doc, s->str);
  g_string_free (s, TRUE);
}

/* ---- dispatch ------------------------------------------------------------ */

static void
finish_document (SlExtractContext *ctx,
                 SlDocument       *doc,
                 GBytes           *bytes,
                 const char       *mime,
                 const char       *filename)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (doc->sha256 == NULL)
    doc->sha256 = ctx->depth == 0 && ctx->sha256 != NULL ? g_strdup (ctx->sha256)
                                                         : sl_sha256_hex (data, len);
  if (doc->mime_type == NULL)
    doc->mime_type = g_strdup (mime);
  if (doc->filename == NULL && filename != NULL)
    doc->filename = g_strdup (filename);
  /* Extractors count the words when they set the text
   * (sl_document_set_text()); count only what they left uncounted. */
  if (doc->word_count == 0)
    doc->word_count = sl_count_words (doc->text);
  if (doc->word_count < SL_EXTRACT_MIN_WORDS)
    sl_document_add_warning (doc, SL_EXTRACT_WARNING_NO_TEXT);
}

static const char *
describe_mime (const guint8 *data, gsize len, const char *mime)
{
  if (g_str_equal (mime, SL_MIME_ZIP))
    return "a zip archive that is not a Word or LibreOffice document";
  return NULL;
}

GPtrArray *
sl_extract_dispatch (SlExtractContext *ctx,
                     GBytes           *bytes,
                     const char       *mime,
                     const char       *filename,
                     GError          **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  SlDocument *doc = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_EMPTY,
                           "This file is empty (0 bytes).");
      return NULL;
    }
  if (len > ctx->opts->max_file_size)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                   "This file is %.1f MB, more than the limit of %.1f MB.",
                   len / (double) MB, ctx->opts->max_file_size / (double) MB);
      return NULL;
    }
  if (sl_extract_check_stop (ctx, error))
    return NULL;

  if (g_str_equal (mime, SL_MIME_EML) || g_str_equal (mime, SL_MIME_MBOX))
    {
      if (ctx->depth > 0)
        {
          g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                               "E-mails attached to e-mails are not read; "
                               "save the inner e-mail and import it on its own.");
          return NULL;
        }
      docs = sl_extract_email (ctx, bytes, mime, error);
      if (docs == NULL)
        return NULL;
      for (guint i = 0; i < docs->len; i++)
        finish_document (ctx, g_ptr_array_index (docs, i), bytes, mime, filename);
      return g_steal_pointer (&docs);
    }

  if (g_str_equal (mime, SL_MIME_PDF))
    doc = sl_extract_pdf (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_TEXT))
    doc = sl_extract_plain (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_HTML))
    doc = sl_extract_html (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_RTF))
    doc = sl_extract_rtf (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_DOCX))
    doc = sl_extract_docx (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_ODT))
    doc = sl_extract_odt (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_PNG) || g_str_equal (mime, SL_MIME_JPEG) ||
           g_str_equal (mime, SL_MIME_TIFF))
    doc = sl_extract_image (ctx, bytes, error);
  else if (g_str_equal (mime, SL_MIME_DOC))
    doc = sl_extract_doc (ctx, bytes, error);
  else
    {
      const char *what = describe_mime (data, len, mime);
      g_autofree char *guess = NULL;
      g_autofree char *desc = NULL;

      if (what == NULL)
        {
          gboolean uncertain = TRUE;
          guess = g_content_type_guess (filename, data, MIN (len, 4096), &uncertain);
          if (!uncertain && guess && !g_content_type_is_unknown (guess))
            desc = g_content_type_get_description (guess);
          /* Only the name says so (random bytes named .pdf): do not claim
           * the file is a PDF and then refuse PDFs. */
          if (desc != NULL && filename != NULL)
            {
              g_autofree char *by_content = g_content_type_guess (NULL, data, MIN (len, 4096), NULL);
              if (by_content == NULL || g_content_type_is_unknown (by_content) ||
                  !g_content_type_is_a (by_content, guess))
                {
                  g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                               "This file is named like a %s, but its contents are not one; "
                               "it may be damaged or renamed.", desc);
                  return NULL;
                }
            }
        }
      if (what == NULL && desc != NULL)
        what = desc;
      if (what != NULL)
        g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                     "This file is %s; Shortlist reads PDF, Word, LibreOffice, RTF, "
                     "HTML, text, images and e-mails.", what);
      else
        g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                             "This file is not in a format Shortlist can read "
                             "(PDF, Word, LibreOffice, RTF, HTML, text, images, e-mails).");
      return NULL;
    }

  if (doc == NULL)
    return NULL;
  finish_document (ctx, doc, bytes, mime, filename);
  if (doc->word_count == 0)
    {
      sl_document_free (doc);
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_EMPTY,
                           "No text was found in this file. If it is a scan or a photo, "
                           "check that it is readable and that OCR is enabled.");
      return NULL;
    }
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_document_free);
  g_ptr_array_add (docs, doc);
  return g_steal_pointer (&docs);
}

GPtrArray *
sl_extract_bytes (GBytes                 *bytes,
                  const char             *filename,
                  const SlExtractOptions *opts,
                  GCancellable           *cancellable,
                  GError                **error)
{
  return sl_extract_bytes_hashed (bytes, filename, NULL, opts, cancellable, error);
}

GPtrArray *
sl_extract_bytes_hashed (GBytes                 *bytes,
                         const char             *filename,
                         const char             *sha256,
                         const SlExtractOptions *opts,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(SlExtractOptions) defaults = NULL;
  g_autofree char *mime = NULL;
  SlExtractContext ctx = { 0 };
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (sha256 == NULL || strlen (sha256) == 64, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  {
    /* libxml2 must be initialised once before threads use it. */
    static gsize once = 0;
    if (g_once_init_enter (&once))
      {
        xmlInitParser ();
        g_once_init_leave (&once, 1);
      }
  }
  if (opts == NULL)
    opts = defaults = sl_extract_options_new ();
  ctx.opts = opts;
  ctx.cancellable = cancellable;
  ctx.sha256 = sha256;
  if (opts->timeout_seconds > 0)
    ctx.deadline = g_get_monotonic_time () + (gint64) opts->timeout_seconds * G_USEC_PER_SEC;

  data = g_bytes_get_data (bytes, &len);
  if (len > opts->max_file_size)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                   "This file is %.1f MB, more than the limit of %.1f MB.",
                   len / (double) MB, opts->max_file_size / (double) MB);
      return NULL;
    }
  if (opts->clamav && !sl_extract_scan_bytes (bytes, opts, error))
    return NULL;

  mime = sl_extract_sniff (data, len);
  return sl_extract_dispatch (&ctx, bytes, mime, filename, error);
}

GPtrArray *
sl_extract_file (const char             *path,
                 const SlExtractOptions *opts,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(SlExtractOptions) defaults = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *basename = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (opts == NULL)
    opts = defaults = sl_extract_options_new ();

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                   "The file could not be opened: %s.", g_strerror (errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                           "This is not a regular file (a folder or a device?).");
      return NULL;
    }
  if ((guint64) st.st_size > opts->max_file_size)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                   "This file is %.1f MB, more than the limit of %.1f MB.",
                   st.st_size / (double) MB, opts->max_file_size / (double) MB);
      return NULL;
    }
  if (st.st_size == 0)
    bytes = g_bytes_new_static ("", 0);
  else
    {
      mapped = g_mapped_file_new (path, FALSE, &local);
      if (mapped == NULL)
        {
          g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                       "The file could not be read: %s.", local->message);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (mapped);
    }
  basename = g_path_get_basename (path);
  return sl_extract_bytes (bytes, basename, opts, cancellable, error);
}

typedef struct
{
  char             *path;
  SlExtractOptions *opts;
} AsyncData;

static void
async_data_free (AsyncData *d)
{
  g_free (d->path);
  sl_extract_options_free (d->opts);
  g_free (d);
}

static void
extract_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  GPtrArray *docs = sl_extract_file (d->path, d->opts, cancellable, &error);

  if (docs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, docs, (GDestroyNotify) g_ptr_array_unref);
}

void
sl_extract_file_async (const char             *path,
                       const SlExtractOptions *opts,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (path != NULL);

  d = g_new0 (AsyncData, 1);
  d->path = g_strdup (path);
  d->opts = opts ? sl_extract_options_copy (opts) : sl_extract_options_new ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_extract_file_async);
  g_task_set_name (task, "[shortlist] extract");
  g_task_set_task_data (task, d, (GDestroyNotify) async_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, extract_thread);
}

GPtrArray *
sl_extract_file_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_extract_file_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
