/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm.h: the LLM room's public headers in one include.
 */
#pragma once

#include "sl-llm-error.h"
#include "sl-llm-config.h"
#include "sl-llm-client.h"
#include "sl-llm-parser.h"
