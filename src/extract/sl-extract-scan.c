/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-scan.c: virus scanning with libclamav.
 *
 * One engine per signature folder, loaded once and shared by every thread (a
 * compiled engine is read-only and safe to scan with concurrently).  No
 * signatures is a configuration error, never a silent pass.
 */
#include "config.h"

#include <clamav.h>

#include "sl-extract-private.h"

static GMutex engines_lock;
static GHashTable *engines;   /* dir → struct cl_engine* (kept for the process) */

static void
quiet_msg (enum cl_msg severity, const char *fullmsg, const char *msg, void *context)
{
  g_debug ("clamav: %s", msg ? msg : "");
}

static struct cl_engine *
get_engine (const char *dir, GError **error)
{
  struct cl_engine *engine;
  unsigned int sigs = 0;
  cl_error_t rc;

  g_mutex_lock (&engines_lock);
  if (engines == NULL)
    {
      cl_set_clcb_msg (quiet_msg);
      rc = cl_init (CL_INIT_DEFAULT);
      if (rc != CL_SUCCESS)
        {
          g_mutex_unlock (&engines_lock);
          g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                       "The virus scanner could not start: %s.", cl_strerror (rc));
          return NULL;
        }
      engines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  engine = g_hash_table_lookup (engines, dir);
  if (engine != NULL)
    {
      g_mutex_unlock (&engines_lock);
      return engine;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_mutex_unlock (&engines_lock);
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                   "Virus scanning is on, but the signature folder %s does not exist; "
                   "install ClamAV's signatures (freshclam) or choose the folder in Preferences.", dir);
      return NULL;
    }
  engine = cl_engine_new ();
  rc = cl_load (dir, engine, &sigs, CL_DB_STDOPT);
  if (rc == CL_SUCCESS && sigs > 0)
    rc = cl_engine_compile (engine);
  if (rc != CL_SUCCESS || sigs == 0)
    {
      cl_engine_free (engine);
      g_mutex_unlock (&engines_lock);
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                   "Virus scanning is on, but no usable signatures were found in %s (%s); "
                   "update them with freshclam or choose another folder in Preferences.",
                   dir, sigs == 0 && rc == CL_SUCCESS ? "the folder is empty" : cl_strerror (rc));
      return NULL;
    }
  g_hash_table_insert (engines, g_strdup (dir), engine);
  g_mutex_unlock (&engines_lock);
  return engine;
}

gboolean
sl_extract_scan_bytes (GBytes                 *bytes,
                       const SlExtractOptions *opts,
                       GError                **error)
{
  struct cl_engine *engine;
  struct cl_scan_options options = { 0 };
  const char *virname = NULL;
  unsigned long scanned = 0;
  cl_fmap_t *map;
  cl_error_t rc;
  gsize len;
  const void *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  engine = get_engine (opts->clamav_dir ? opts->clamav_dir : "/var/lib/clamav", error);
  if (engine == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    return TRUE;
  map = cl_fmap_open_memory (data, len);
  if (map == NULL)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG,
                           "The virus scanner could not read this file.");
      return FALSE;
    }
  options.parse = ~0u;
  rc = cl_scanmap_callback (map, NULL, &virname, &scanned, engine, &options, NULL);
  cl_fmap_close (map);
  if (rc == CL_VIRUS)
    {
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_INFECTED,
                   "This file contains a virus (%s) and was not opened; delete it and "
                   "ask the sender for a clean copy.", virname ? virname : "unknown");
      return FALSE;
    }
  if (rc != CL_CLEAN)
    {
      /* A scanner failure on a damaged file is not a pass either. */
      g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                   "The virus scanner could not check this file (%s); it was not opened.",
                   cl_strerror (rc));
      return FALSE;
    }
  return TRUE;
}
