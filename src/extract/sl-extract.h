/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract.h: text extraction for every format a recruiter receives.
 *
 * The dispatcher sniffs the content type from the bytes (never the file
 * name), optionally scans them with ClamAV, and hands them to one extractor
 * (PDF, DOCX, ODT, RTF, HTML, plain text, images via OCR, e-mail).  The
 * result is one or more SlDocument: an e-mail yields one document per resume
 * attachment (or its body when it has none).
 *
 * All functions are thread-safe; OCR keeps one tesseract engine per thread
 * and the ClamAV engine is loaded once and shared.
 */
#pragma once

#include <gio/gio.h>

#include "core/sl-document.h"

G_BEGIN_DECLS

#define SL_EXTRACT_ERROR (sl_extract_error_quark ())

typedef enum
{
  SL_EXTRACT_ERROR_UNSUPPORTED,  /* a format we cannot read (or a legacy .doc without antiword) */
  SL_EXTRACT_ERROR_ENCRYPTED,    /* password-protected PDF / office file */
  SL_EXTRACT_ERROR_CORRUPT,      /* damaged or truncated file */
  SL_EXTRACT_ERROR_TOO_LARGE,    /* a configured limit was hit (size, pages, zip bomb, time) */
  SL_EXTRACT_ERROR_EMPTY,        /* the file holds no text at all (0 bytes, blank pages) */
  SL_EXTRACT_ERROR_INFECTED,     /* ClamAV found a virus; the message names the signature */
  SL_EXTRACT_ERROR_CANCELLED,    /* the GCancellable fired */
  SL_EXTRACT_ERROR_CONFIG,       /* missing virus signatures, missing OCR language data */
} SlExtractError;

GQuark sl_extract_error_quark (void);

/* Fewer words than this: the document gets the warning SL_EXTRACT_WARNING_NO_TEXT
 * and must not be sent to an LLM. */
#define SL_EXTRACT_MIN_WORDS 20
#define SL_EXTRACT_WARNING_NO_TEXT "no text found"

typedef struct
{
  gsize     max_file_size;     /* bytes; default 50 MB */
  int       max_pages;         /* PDF pages read; default 60 (more: warning, rest skipped) */
  gsize     max_unzipped_size; /* total decompressed bytes of a zip container; default 64 MB */
  int       max_unzip_ratio;   /* decompressed/compressed per entry; default 200 */
  int       max_ocr_pages;     /* pages OCRed per file; default 10 */
  int       timeout_seconds;   /* wall time per file; 0 = none; default 120 */
  gboolean  ocr;               /* OCR images and pages without a text layer; default TRUE */
  char     *ocr_languages;     /* tesseract languages, "eng" or "eng+deu"; default "eng" */
  char     *ocr_datapath;      /* tessdata directory; NULL = tesseract's default */
  gboolean  clamav;            /* scan before extracting; default FALSE */
  char     *clamav_dir;        /* signature directory; default /var/lib/clamav */
} SlExtractOptions;

SlExtractOptions *sl_extract_options_new  (void) G_GNUC_WARN_UNUSED_RESULT;
SlExtractOptions *sl_extract_options_copy (const SlExtractOptions *opts) G_GNUC_WARN_UNUSED_RESULT;
void              sl_extract_options_free (SlExtractOptions *opts);

/* Sniffs the MIME type of @data (magic numbers, zip contents, text
 * heuristics).  Returns e.g. "application/pdf",
 * "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
 * "application/vnd.oasis.opendocument.text", "application/rtf", "text/html",
 * "text/plain", "image/png", "image/jpeg", "image/tiff", "message/rfc822",
 * "application/mbox", "application/msword", or "application/octet-stream". */
char *sl_extract_sniff (const guint8 *data,
                        gsize         len) G_GNUC_WARN_UNUSED_RESULT;

/* Extracts the file at @path.  @opts may be NULL (defaults).  Returns an
 * array of SlDocument (free with g_ptr_array_unref), at least one element,
 * or NULL with @error set in SL_EXTRACT_ERROR. */
GPtrArray *sl_extract_file  (const char             *path,
                             const SlExtractOptions *opts,
                             GCancellable           *cancellable,
                             GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same on bytes in memory; @filename is only the display name (may be NULL). */
GPtrArray *sl_extract_bytes (GBytes                 *bytes,
                             const char             *filename,
                             const SlExtractOptions *opts,
                             GCancellable           *cancellable,
                             GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same for a caller that has already hashed @bytes (the intake does
 * when it queues a file): @sha256 (64 hex digits) becomes the document's
 * sha256 instead of hashing the bytes a second time.  Attachments of an
 * e-mail are still hashed on their own. */
GPtrArray *sl_extract_bytes_hashed (GBytes                 *bytes,
                                    const char             *filename,
                                    const char             *sha256,
                                    const SlExtractOptions *opts,
                                    GCancellable           *cancellable,
                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* Runs sl_extract_file() in a worker thread. */
void       sl_extract_file_async  (const char             *path,
                                   const SlExtractOptions *opts,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
GPtrArray *sl_extract_file_finish (GAsyncResult           *result,
                                   GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* Scans @bytes with ClamAV using @opts->clamav_dir (whether or not
 * opts->clamav is set).  TRUE when clean; FALSE with INFECTED (the message
 * names the signature) or CONFIG (no usable signatures). */
gboolean   sl_extract_scan_bytes  (GBytes                 *bytes,
                                   const SlExtractOptions *opts,
                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlExtractOptions, sl_extract_options_free)

G_END_DECLS
