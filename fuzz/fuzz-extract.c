/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-extract: a libFuzzer harness for one extractor, chosen at build time
 * with -DFUZZ_MIME="..." (see fuzz/build.sh), or the whole dispatcher
 * (sniffing included) when FUZZ_MIME is not defined.
 */
#include "config.h"

#include <stdint.h>

#include "extract/sl-extract-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static SlExtractOptions *opts;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  if (opts == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
      opts = sl_extract_options_new ();
      opts->ocr = FALSE;            /* tesseract is far too slow to fuzz through */
      opts->timeout_seconds = 10;
      opts->max_pages = 5;
    }
#ifdef FUZZ_MIME
  {
    SlExtractContext ctx = { opts, NULL, g_get_monotonic_time () + 10 * G_USEC_PER_SEC, 0 };
    docs = sl_extract_dispatch (&ctx, bytes, FUZZ_MIME, "fuzz", &error);
  }
#else
  docs = sl_extract_bytes (bytes, "fuzz", opts, NULL, &error);
#endif
  /* Either documents or an error in our domain, never both, never neither. */
  if ((docs == NULL) == (error == NULL))
    __builtin_trap ();
  if (error && error->domain != SL_EXTRACT_ERROR)
    __builtin_trap ();
  if (docs)
    for (guint i = 0; i < docs->len; i++)
      {
        SlDocument *d = g_ptr_array_index (docs, i);
        if (!g_utf8_validate (d->text, -1, NULL))
          __builtin_trap ();
      }
  return 0;
}
