/* SPDX-License-Identifier: GPL-3.0-or-later
 * Included inside the command table in main.c: one line per command. */
{ "validate", "check that profile JSON files are well-formed", sl_cli_validate },
{ "extract", "print the text of resumes (PDF, Word, ODT, RTF, HTML, text, images, e-mail)", sl_cli_extract },
