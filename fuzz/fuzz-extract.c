/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-extract: a libFuzzer harness for one extractor, chosen at build time
 * with -DFUZZ_MIME="..." (see fuzz/build.sh), or the whole dispatcher
 * (sniffing included) when FUZZ_MIME is not defined.
 */
#include "config.h"

#include <stdint.h>

#include "extract/sl-extract-private.h"

#ifdef FUZZ_ZIP_MEMBER
#include <archive.h>
#include <archive_entry.h>

/* The fuzzer cannot get through deflate and CRCs on its own: wrap its bytes
 * as the XML member of a fresh zip so the XML walkers get the mutations. */
static GBytes *
wrap_in_zip (const uint8_t *data, size_t size)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  gsize cap = size + 4096, used = 0;
  guint8 *buf = g_malloc (cap);

  archive_write_set_format_zip (a);
  archive_write_zip_set_compression_store (a);
  archive_write_open_memory (a, buf, cap, &used);
  archive_entry_set_pathname (e, FUZZ_ZIP_MEMBER);
  archive_entry_set_size (e, size);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_write_header (a, e);
  archive_write_data (a, data, size);
  archive_write_close (a);
  archive_write_free (a);
  archive_entry_free (e);
  return g_bytes_new_take (buf, used);
}
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static SlExtractOptions *opts;
#ifdef FUZZ_ZIP_MEMBER
  g_autoptr(GBytes) bytes = wrap_in_zip (data, size);
#else
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
#endif
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
