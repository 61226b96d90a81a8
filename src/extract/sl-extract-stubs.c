/* SPDX-License-Identifier: GPL-3.0-or-later
 * Temporary: formats not landed yet answer UNSUPPORTED. */
#include "config.h"

#include "sl-extract-private.h"

static gpointer
unsupported (GError **error)
{
  g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                       "This format is not supported yet.");
  return NULL;
}

SlDocument *sl_extract_image (SlExtractContext *ctx, GBytes *bytes, GError **error) { return unsupported (error); }
SlDocument *sl_extract_doc (SlExtractContext *ctx, GBytes *bytes, GError **error) { return unsupported (error); }
GPtrArray *sl_extract_email (SlExtractContext *ctx, GBytes *bytes, const char *mime, GError **error) { return unsupported (error); }
char *sl_extract_ocr_argb (SlExtractContext *ctx, const guint8 *pixels, int width, int height, int stride, int dpi, GError **error) { return unsupported (error); }
gboolean sl_extract_scan_bytes (GBytes *bytes, const SlExtractOptions *opts, GError **error) { unsupported (error); return FALSE; }
