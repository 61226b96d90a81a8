/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-private.h: what the dispatcher and the per-format extractors
 * share.  Each extractor takes the bytes and a context and returns one
 * SlDocument (the dispatcher fills in sha256, mime type, file name and the
 * "no text found" warning) or NULL with an SL_EXTRACT_ERROR.
 */
#pragma once

#include "sl-extract.h"

G_BEGIN_DECLS

typedef struct
{
  const SlExtractOptions *opts;
  GCancellable           *cancellable;
  gint64                  deadline;   /* g_get_monotonic_time() limit; 0 = none */
  int                     depth;      /* nesting (an attachment inside an e-mail) */
  const char             *sha256;     /* of the top-level bytes when the caller has it */
} SlExtractContext;

#define SL_MIME_PDF   "application/pdf"
#define SL_MIME_DOCX  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define SL_MIME_ODT   "application/vnd.oasis.opendocument.text"
#define SL_MIME_RTF   "application/rtf"
#define SL_MIME_HTML  "text/html"
#define SL_MIME_TEXT  "text/plain"
#define SL_MIME_PNG   "image/png"
#define SL_MIME_JPEG  "image/jpeg"
#define SL_MIME_TIFF  "image/tiff"
#define SL_MIME_EML   "message/rfc822"
#define SL_MIME_MBOX  "application/mbox"
#define SL_MIME_DOC   "application/msword"
#define SL_MIME_ZIP   "application/zip"
#define SL_MIME_OTHER "application/octet-stream"

/* TRUE (and sets CANCELLED or TOO_LARGE) when the work must stop. */
gboolean    sl_extract_check_stop (SlExtractContext *ctx,
                                   GError          **error);

/* Normalises extracted text: ligatures expanded, soft hyphens and control
 * characters dropped, NUL-free valid UTF-8. */
char       *sl_extract_clean_text (const char *text,
                                   gssize      len) G_GNUC_WARN_UNUSED_RESULT;

/* Builds the document text from its lines ('\f' between pages) when an
 * extractor only filled lines. */
void        sl_extract_text_from_lines (SlDocument *doc);

/* Dispatches on an already-sniffed type; used by the e-mail extractor for
 * attachments.  Returns an array of SlDocument. */
GPtrArray  *sl_extract_dispatch (SlExtractContext *ctx,
                                 GBytes           *bytes,
                                 const char       *mime,
                                 const char       *filename,
                                 GError          **error);

/* TRUE when @mime is a format that can hold a resume (for attachments). */
gboolean    sl_extract_is_resume_mime (const char *mime);

/* Extractors. */
SlDocument *sl_extract_pdf   (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_plain (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_html  (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_rtf   (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_docx  (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_odt   (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_image (SlExtractContext *ctx, GBytes *bytes, GError **error);
SlDocument *sl_extract_doc   (SlExtractContext *ctx, GBytes *bytes, GError **error);
GPtrArray  *sl_extract_email (SlExtractContext *ctx, GBytes *bytes, const char *mime, GError **error);

/* Plain-text decoding with BOM / UTF-8 / UTF-16 / Windows-1252 detection. */
char       *sl_extract_decode_text (const guint8 *data,
                                    gsize         len) G_GNUC_WARN_UNUSED_RESULT;

/* Zip reading with the bomb guard: returns the named member, NULL with
 * CORRUPT/TOO_LARGE, or NULL without error when the member is absent. */
GBytes     *sl_extract_zip_member (SlExtractContext *ctx,
                                   GBytes           *zip,
                                   const char       *name,
                                   GError          **error);
typedef gboolean (*SlZipWant) (const char *name, gpointer data);
/* Reads every member @want accepts: name → GBytes; NULL with an error. */
GHashTable *sl_extract_zip_read (SlExtractContext *ctx,
                                 GBytes           *zip,
                                 SlZipWant         want,
                                 gpointer          want_data,
                                 GError          **error);
/* TRUE when the zip has a member @name (no decompression). */
gboolean    sl_extract_zip_has (GBytes     *zip,
                                const char *name);

/* OCR of one image in memory (any format leptonica reads) or of raw RGB/ARGB
 * pixels.  Returns the text, NULL with an error. */
char       *sl_extract_ocr_encoded (SlExtractContext *ctx,
                                    const guint8     *data,
                                    gsize             len,
                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sl_extract_ocr_argb    (SlExtractContext *ctx,
                                    const guint8     *pixels,
                                    int               width,
                                    int               height,
                                    int               stride,
                                    int               dpi,
                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
