/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One declaration per command; the table of names is sl-cli-table.h.
 */
#pragma once

#include "sl-cli.h"

int sl_cli_validate (SlCliContext *ctx, int argc, char **argv);
int sl_cli_extract (SlCliContext *ctx, int argc, char **argv);
int sl_cli_import (SlCliContext *ctx, int argc, char **argv);
int sl_cli_search (SlCliContext *ctx, int argc, char **argv);
int sl_cli_show (SlCliContext *ctx, int argc, char **argv);
int sl_cli_stats (SlCliContext *ctx, int argc, char **argv);
int sl_cli_check (SlCliContext *ctx, int argc, char **argv);
int sl_cli_export (SlCliContext *ctx, int argc, char **argv);
int sl_cli_parse (SlCliContext *ctx, int argc, char **argv);
int sl_cli_archive (SlCliContext *ctx, int argc, char **argv);
int sl_cli_erase (SlCliContext *ctx, int argc, char **argv);
int sl_cli_export_subject (SlCliContext *ctx, int argc, char **argv);
int sl_cli_consent (SlCliContext *ctx, int argc, char **argv);
int sl_cli_retention (SlCliContext *ctx, int argc, char **argv);
int sl_cli_audit (SlCliContext *ctx, int argc, char **argv);
int sl_cli_match (SlCliContext *ctx, int argc, char **argv);
int sl_cli_jobs (SlCliContext *ctx, int argc, char **argv);
int sl_cli_shortlist (SlCliContext *ctx, int argc, char **argv);
int sl_cli_sync (SlCliContext *ctx, int argc, char **argv);
