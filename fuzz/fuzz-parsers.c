/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-parsers: the libFuzzer harness for one parser target, chosen at
 * build time with -DFUZZ_TARGET="rules" etc. (fuzz/build.sh); the targets
 * live in sl-fuzz-targets.c, which tests/test-fuzz-regressions.c replays.
 */
#include "config.h"

#include <stdint.h>

#include "sl-fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean init;

  if (!init)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
      init = TRUE;
    }
  sl_fuzz_run (FUZZ_TARGET, data, size);
  return 0;
}
