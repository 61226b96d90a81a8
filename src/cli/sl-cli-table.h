/* SPDX-License-Identifier: GPL-3.0-or-later
 * Included inside the command table in main.c: one line per command. */
{ "validate", "check that profile JSON files are well-formed", sl_cli_validate },
{ "extract", "print the text of resumes (PDF, Word, ODT, RTF, HTML, text, images, e-mail)", sl_cli_extract },
{ "import", "import resumes, folders, .eml/.mbox and profile JSON files", sl_cli_import },
{ "archive", "clean up the archive of imported originals (--cleanup --older-than DAYS)", sl_cli_archive },
{ "search", "search profiles with the query language", sl_cli_search },
{ "show", "show a stored profile by id, uuid or e-mail", sl_cli_show },
{ "stats", "totals, sources, intake status, top skills", sl_cli_stats },
{ "check", "verify the database: schema, integrity, search index", sl_cli_check },
{ "export", "export candidates as CSV or JSON Resume", sl_cli_export },
{ "parse", "parse resumes into profiles without storing them", sl_cli_parse },
