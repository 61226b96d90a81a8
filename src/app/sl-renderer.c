/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which GSK renderer to draw with.  GTK 4.8 draws with OpenGL by default.
 * On a machine without a GPU (a virtual desktop, a VM, a sandbox without
 * the GPU device) OpenGL is Mesa's software rasteriser, and for an app made
 * of lists and text that is slower and bigger than GTK's cairo renderer:
 * measured here without a GPU, an empty libadwaita window takes ~545 ms and
 * 172 MB to its first frame with GL and ~330 ms and 101 MB with cairo
 * (docs/BENCHMARKS.md, App).  So when no GPU device is there and the user
 * has not chosen a renderer (GSK_RENDERER), Shortlist uses cairo.
 */
#include "config.h"

#include "sl-renderer.h"

/* "cairo" when @dev_dir (normally /dev) shows no GPU: no DRM node in dri/
 * and no NVIDIA device; NULL (GTK's default) otherwise. */
const char *
sl_renderer_for_devices (const char *dev_dir)
{
  g_autofree char *dri = NULL;
  g_autofree char *nvidia = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dev_dir != NULL, NULL);

  nvidia = g_build_filename (dev_dir, "nvidia0", NULL);
  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return NULL;
  dri = g_build_filename (dev_dir, "dri", NULL);
  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return NULL;
  return "cairo";
}

/* Call first thing in main(), before GTK starts and before any thread. */
void
sl_renderer_choose (void)
{
  const char *renderer;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  renderer = sl_renderer_for_devices ("/dev");
  if (renderer != NULL)
    {
      g_debug ("no GPU device: drawing with the %s renderer", renderer);
      g_setenv ("GSK_RENDERER", renderer, TRUE);
    }
}
