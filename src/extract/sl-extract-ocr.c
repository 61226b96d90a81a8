/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-ocr.c: OCR with libtesseract's C API; images decoded by
 * leptonica.
 *
 * Tesseract's own OpenMP threading makes it slower on a small machine, so
 * each recognition runs with one OpenMP thread (omp_set_num_threads (1) in
 * the calling thread; OMP_THREAD_LIMIT=1 in the environment works too) and
 * work is parallelised across files instead.  Each thread keeps one engine (loading
 * the language data takes a while), re-initialised when the languages change.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "sl-extract-private.h"

#define MAX_PIXELS (100 * 1000 * 1000)

typedef struct
{
  TessBaseAPI *api;
  char        *key;   /* datapath|languages */
} Engine;

static void
engine_free (gpointer data)
{
  Engine *e = data;

  if (e == NULL)
    return;
  if (e->api)
    {
      TessBaseAPIEnd (e->api);
      TessBaseAPIDelete (e->api);
    }
  g_free (e->key);
  g_free (e);
}

/* Idle engines; a thread takes one for a recognition and puts it back, so
 * each engine is only ever used by one thread at a time.  Freed at exit
 * (tesseract complains about leaked language data otherwise). */
static GMutex pool_lock;
static GSList *pool;

static void
pool_free_all (void)
{
  g_mutex_lock (&pool_lock);
  g_slist_free_full (g_steal_pointer (&pool), engine_free);
  g_mutex_unlock (&pool_lock);
}

static Engine *
pool_take (const char *key)
{
  Engine *e = NULL;

  g_mutex_lock (&pool_lock);
  for (GSList *l = pool; l; l = l->next)
    if (g_str_equal (((Engine *) l->data)->key, key))
      {
        e = l->data;
        pool = g_slist_delete_link (pool, l);
        break;
      }
  g_mutex_unlock (&pool_lock);
  return e;
}

static void
pool_give (Engine *e)
{
  g_mutex_lock (&pool_lock);
  /* keep at most a few idle engines (one per worker thread is plenty) */
  if (g_slist_length (pool) >= 8)
    {
      g_mutex_unlock (&pool_lock);
      engine_free (e);
      return;
    }
  pool = g_slist_prepend (pool, e);
  g_mutex_unlock (&pool_lock);
}

static void (*omp_set_threads) (int);

static void
ocr_global_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      setMsgSeverity (L_SEVERITY_NONE);
      /* libgomp read OMP_THREAD_LIMIT when it was loaded, before main():
       * setting the variable now would change nothing.  Find its setter
       * instead (it is loaded with libtesseract when tesseract uses OpenMP). */
      omp_set_threads = (void (*) (int)) dlsym (RTLD_DEFAULT, "omp_set_num_threads");
      g_once_init_leave (&once, 1);
    }
}

static const char *
default_datapath (const SlExtractOptions *opts)
{
  if (opts->ocr_datapath && *opts->ocr_datapath)
    return opts->ocr_datapath;
  return NULL;
}

/* The language whose data is missing, for the error message. */
static char *
missing_language (const SlExtractOptions *opts, const char *langs)
{
  g_auto(GStrv) parts = g_strsplit (langs, "+", -1);
  const char *dirs[4] = { 0 };
  int nd = 0;

  if (default_datapath (opts))
    dirs[nd++] = default_datapath (opts);
  else
    {
      if (g_getenv ("TESSDATA_PREFIX"))
        dirs[nd++] = g_getenv ("TESSDATA_PREFIX");
      dirs[nd++] = "/usr/share/tesseract-ocr/5/tessdata";
      dirs[nd++] = "/usr/share/tessdata";
    }
  for (int i = 0; parts[i]; i++)
    {
      gboolean found = FALSE;
      g_autofree char *file = g_strdup_printf ("%s.traineddata", parts[i]);
      for (int d = 0; d < nd && !found; d++)
        {
          g_autofree char *p = g_build_filename (dirs[d], file, NULL);
          found = g_file_test (p, G_FILE_TEST_EXISTS);
        }
      if (!found)
        return g_strdup (parts[i]);
    }
  return NULL;
}

static Engine *
get_engine (SlExtractContext *ctx, GError **error)
{
  const SlExtractOptions *opts = ctx->opts;
  const char *langs = opts->ocr_languages && *opts->ocr_languages ? opts->ocr_languages : "eng";
  g_autofree char *key = g_strdup_printf ("%s|%s", default_datapath (opts) ? default_datapath (opts) : "", langs);
  g_autofree char *missing = NULL;
  Engine *e;

  ocr_global_init ();
  if ((e = pool_take (key)) != NULL)
    return e;

  /* Language names are file names: refuse anything else. */
  for (const char *p = langs; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '+' || *p == '_' || *p == '-'))
      {
        g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                     "The OCR language setting “%s” is not valid; use names like eng or eng+deu.", langs);
        return NULL;
      }
  missing = missing_language (opts, langs);
  if (missing)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                   "The OCR data for the language “%s” is not installed "
                   "(on Debian: apt install tesseract-ocr-%s).", missing, missing);
      return NULL;
    }

  e = g_new0 (Engine, 1);
  e->key = g_steal_pointer (&key);
  e->api = TessBaseAPICreate ();
  if (TessBaseAPIInit3 (e->api, default_datapath (opts), langs) != 0)
    {
      engine_free (e);
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                   "The OCR engine could not start with the languages “%s”; "
                   "check that their tesseract data is installed.", langs);
      return NULL;
    }
  TessBaseAPISetPageSegMode (e->api, PSM_AUTO);
  {
    /* Registered after tesseract's own static caches exist, so that it runs
     * before their destructors. */
    static gsize registered = 0;
    if (g_once_init_enter (&registered))
      {
        atexit (pool_free_all);
        g_once_init_leave (&registered, 1);
      }
  }
  return e;
}

static bool
cancel_cb (void *data, int words)
{
  SlExtractContext *ctx = data;

  return g_cancellable_is_cancelled (ctx->cancellable) ||
         (ctx->deadline > 0 && g_get_monotonic_time () > ctx->deadline);
}

/* Runs recognition on whatever image is set. */
static char *
recognize (SlExtractContext *ctx, Engine *e, GError **error)
{
  TessBaseAPI *api = e->api;
  ETEXT_DESC *monitor = TessMonitorCreate ();
  char *raw, *text = NULL;
  int rc;

  /* one thread per recognition: per-thread setting, so set it each time */
  if (omp_set_threads)
    omp_set_threads (1);
  TessMonitorSetCancelFunc (monitor, cancel_cb);
  TessMonitorSetCancelThis (monitor, ctx);
  rc = TessBaseAPIRecognize (api, monitor);
  TessMonitorDelete (monitor);
  if (sl_extract_check_stop (ctx, error))
    {
      TessBaseAPIClear (api);
      pool_give (e);
      return NULL;
    }
  if (rc != 0)
    {
      TessBaseAPIClear (api);
      pool_give (e);
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "The image could not be read by the OCR engine.");
      return NULL;
    }
  raw = TessBaseAPIGetUTF8Text (api);
  if (raw)
    {
      text = sl_extract_clean_text (raw, -1);
      TessDeleteText (raw);
    }
  TessBaseAPIClear (api);
  pool_give (e);
  return text ? text : g_strdup ("");
}

char *
sl_extract_ocr_argb (SlExtractContext *ctx,
                     const guint8     *pixels,
                     int               width,
                     int               height,
                     int               stride,
                     int               dpi,
                     GError          **error)
{
  Engine *e = get_engine (ctx, error);
  g_autofree guint8 *gray = NULL;

  if (e == NULL)
    return NULL;
  /* Cairo's RGB24 is B,G,R,X in memory on little-endian machines: make it
   * 8-bit gray, which is also what tesseract would do first. */
  gray = g_malloc ((gsize) width * height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);
      guint8 *out = gray + (gsize) y * width;
      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
          out[x] = (guint8) ((r * 77 + g * 150 + b * 29) >> 8);
        }
    }
  TessBaseAPISetImage (e->api, gray, width, height, 1, width);
  TessBaseAPISetSourceResolution (e->api, dpi);
  return recognize (ctx, e, error);
}

static char *
ocr_pix (SlExtractContext *ctx, PIX *pix, GError **error)
{
  Engine *e = get_engine (ctx, error);
  int res;

  if (e == NULL)
    return NULL;
  TessBaseAPISetImage2 (e->api, pix);
  res = pixGetXRes (pix);
  TessBaseAPISetSourceResolution (e->api, res >= 70 && res <= 1200 ? res : 300);
  return recognize (ctx, e, error);
}

char *
sl_extract_ocr_encoded (SlExtractContext *ctx,
                        const guint8     *data,
                        gsize             len,
                        GError          **error)
{
  PIX *pix;
  char *text;

  ocr_global_init ();
  pix = pixReadMem (data, len);
  if (pix == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This image is damaged and cannot be read.");
      return NULL;
    }
  text = ocr_pix (ctx, pix, error);
  pixDestroy (&pix);
  return text;
}

SlDocument *
sl_extract_image (SlExtractContext *ctx,
                  GBytes           *bytes,
                  GError          **error)
{
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0;
  gboolean tiff;
  int pages = 0;

  ocr_global_init ();
  if (!ctx->opts->ocr)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                           "This is an image and OCR is turned off; turn OCR on to read scans and photos.");
      return NULL;
    }
  if (pixReadHeaderMem (data, len, &format, &w, &h, &bps, &spp, &iscmap) != 0 || w <= 0 || h <= 0)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This image is damaged and cannot be read.");
      return NULL;
    }
  if ((gint64) w * h > MAX_PIXELS)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_TOO_LARGE,
                   "This image is %d × %d pixels, too large to read; scan it at 300 dpi.", w, h);
      return NULL;
    }

  doc = sl_document_new ();
  tiff = len >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0);
  for (int n = 0; ; n++)
    {
      g_autoptr(GError) local = NULL;
      PIX *pix;
      char *t;

      if (sl_extract_check_stop (ctx, error))
        return NULL;
      pix = tiff ? pixReadMemTiff (data, len, n) : (n == 0 ? pixReadMem (data, len) : NULL);
      if (pix == NULL)
        {
          if (n == 0)
            {
              g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                                   "This image is damaged and cannot be read.");
              return NULL;
            }
          break;
        }
      if (n >= ctx->opts->max_ocr_pages || (gint64) pixGetWidth (pix) * pixGetHeight (pix) > MAX_PIXELS)
        {
          pixDestroy (&pix);
          sl_document_add_warning (doc, "only the first pages of this image were read");
          break;
        }
      t = ocr_pix (ctx, pix, &local);
      pixDestroy (&pix);
      if (t == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (n > 0)
        g_string_append_c (text, '\f');
      g_strstrip (t);
      g_string_append (text, t);
      g_free (t);
      pages++;
    }
  sl_document_set_text (doc, text->str);
  {
    g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);
    int page = 0;
    for (int i = 0; lines[i]; i++)
      {
        char **pp = g_strsplit (lines[i], "\f", -1);
        for (int k = 0; pp[k]; k++)
          {
            if (k > 0)
              page++;
            g_strstrip (pp[k]);
            if (*pp[k])
              {
                SlLine *l = sl_line_new (pp[k]);
                l->page = page;
                g_ptr_array_add (doc->lines, l);
              }
          }
        g_strfreev (pp);
      }
  }
  doc->n_pages = pages;
  doc->method = g_strdup ("ocr");
  return g_steal_pointer (&doc);
}
