/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-extract-email.c: .eml and .mbox via GMime 3 — the desktop form of the
 * e-mail intake channel.  Every attachment in a resume format becomes its own
 * document; a message without one yields its body text.  Sender, subject and
 * date go into source_details ("email.from", "email.subject", "email.date").
 */
#include "config.h"

#include <string.h>

#include <gmime/gmime.h>

#include "sl-extract-private.h"

#define MAX_MESSAGES 1000

typedef struct
{
  SlExtractContext *ctx;
  GPtrArray        *docs;       /* SlDocument for this message */
  GPtrArray        *errors;     /* char*: why an attachment was skipped */
  GMimeTextPart    *plain;
  GMimeTextPart    *html;
  gboolean          stop;
  GError           *fatal;
} Walk;

static void
gmime_init_once (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_mime_init ();
      g_once_init_leave (&once, 1);
    }
}

static GBytes *
part_bytes (GMimePart *part)
{
  GMimeDataWrapper *w = g_mime_part_get_content (part);
  GMimeStream *mem;
  GByteArray *arr;
  GBytes *b;

  if (w == NULL)
    return NULL;
  mem = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (w, mem);
  arr = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
  b = g_bytes_new (arr->data, arr->len);
  g_object_unref (mem);
  return b;
}

static void
visit_part (GMimeObject *parent,
            GMimeObject *part,
            gpointer     user_data)
{
  Walk *w = user_data;
  GMimeContentType *ct;
  const char *filename, *disposition;
  gboolean attachment;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  SlExtractContext sub;

  if (w->stop || !GMIME_IS_PART (part))
    return;
  if (sl_extract_check_stop (w->ctx, &w->fatal))
    {
      w->stop = TRUE;
      return;
    }
  ct = g_mime_object_get_content_type (part);
  filename = g_mime_part_get_filename (GMIME_PART (part));
  disposition = g_mime_object_get_disposition (part);
  attachment = (disposition && g_ascii_strcasecmp (disposition, "attachment") == 0) ||
               (filename && *filename && !(disposition && g_ascii_strcasecmp (disposition, "inline") == 0 &&
                                          g_mime_content_type_is_type (ct, "text", "*")));

  if (!attachment)
    {
      if (GMIME_IS_TEXT_PART (part))
        {
          if (w->plain == NULL && g_mime_content_type_is_type (ct, "text", "plain"))
            w->plain = GMIME_TEXT_PART (part);
          else if (w->html == NULL && g_mime_content_type_is_type (ct, "text", "html"))
            w->html = GMIME_TEXT_PART (part);
        }
      return;
    }
  /* pictures embedded in the HTML body (logos, signatures) */
  if (g_mime_content_type_is_type (ct, "image", "*") && g_mime_object_get_content_id (part))
    return;

  bytes = part_bytes (GMIME_PART (part));
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return;
  mime = sl_extract_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!sl_extract_is_resume_mime (mime))
    return;
  /* small images are logos and icons, not resumes */
  if (g_str_has_prefix (mime, "image/") && g_bytes_get_size (bytes) < 8 * 1024)
    return;

  sub = *w->ctx;
  sub.depth++;
  docs = sl_extract_dispatch (&sub, bytes, mime, filename, &error);
  if (docs == NULL)
    {
      if (g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED) ||
          g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG))
        {
          w->fatal = g_steal_pointer (&error);
          w->stop = TRUE;
          return;
        }
      g_ptr_array_add (w->errors, g_strdup_printf ("%s: %s", filename ? filename : "attachment",
                                                   error->message));
      return;
    }
  for (guint i = 0; i < docs->len; i++)
    g_ptr_array_add (w->docs, g_ptr_array_steal_index (docs, i--));
}

static void
set_details (SlDocument *doc, GMimeMessage *msg)
{
  InternetAddressList *from = g_mime_message_get_from (msg);
  const char *subject = g_mime_message_get_subject (msg);
  GDateTime *date = g_mime_message_get_date (msg);

  if (from && internet_address_list_length (from) > 0)
    g_hash_table_replace (doc->source_details, g_strdup ("email.from"),
                          internet_address_list_to_string (from, NULL, FALSE));
  if (subject)
    g_hash_table_replace (doc->source_details, g_strdup ("email.subject"), g_utf8_make_valid (subject, -1));
  if (date)
    g_hash_table_replace (doc->source_details, g_strdup ("email.date"), g_date_time_format_iso8601 (date));
}

static gboolean
message_docs (SlExtractContext *ctx, GMimeMessage *msg, GPtrArray *out, GPtrArray *skipped, GError **error)
{
  Walk w = { ctx, NULL, skipped, NULL, NULL, FALSE, NULL };

  w.docs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_document_free);
  g_mime_message_foreach (msg, visit_part, &w);
  if (w.fatal)
    {
      g_propagate_error (error, w.fatal);
      g_ptr_array_unref (w.docs);
      return FALSE;
    }
  if (w.docs->len == 0 && (w.plain || w.html))
    {
      g_autofree char *body = g_mime_text_part_get_text (w.plain ? w.plain : w.html);
      SlDocument *doc = NULL;
      if (body)
        {
          g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
          doc = w.plain ? sl_extract_plain (ctx, b, NULL) : sl_extract_html (ctx, b, NULL);
        }
      if (doc && sl_count_words (doc->text) > 0)
        {
          g_free (doc->method);
          doc->method = g_strdup ("email");
          doc->mime_type = g_strdup (SL_MIME_EML);
          g_ptr_array_add (w.docs, doc);
        }
      else
        sl_document_free (doc);
    }
  for (guint i = 0; i < w.docs->len; i++)
    {
      SlDocument *doc = g_ptr_array_index (w.docs, i);
      set_details (doc, msg);
      g_ptr_array_add (out, g_ptr_array_steal_index (w.docs, i--));
    }
  g_ptr_array_unref (w.docs);
  return TRUE;
}

GPtrArray *
sl_extract_email (SlExtractContext *ctx,
                  GBytes           *bytes,
                  const char       *mime,
                  GError          **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_document_free);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  GMimeStream *stream;
  GMimeParser *parser;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gboolean mbox = g_strcmp0 (mime, SL_MIME_MBOX) == 0;
  int n_messages = 0;
  gboolean ok = TRUE;

  gmime_init_once ();
  stream = g_mime_stream_mem_new_with_buffer ((const char *) data, len);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  while (ok && !g_mime_parser_eos (parser) && n_messages < MAX_MESSAGES)
    {
      GMimeMessage *msg = g_mime_parser_construct_message (parser, NULL);
      if (msg == NULL)
        break;
      n_messages++;
      ok = message_docs (ctx, msg, out, skipped, error);
      g_object_unref (msg);
      if (!mbox)
        break;
    }
  g_object_unref (parser);
  g_object_unref (stream);
  if (!ok)
    return NULL;

  if (n_messages == 0)
    {
      g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT,
                           "This e-mail file is damaged and cannot be read.");
      return NULL;
    }
  if (out->len == 0)
    {
      if (skipped->len > 0)
        g_set_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED,
                     "No attachment of this e-mail could be read (%s).",
                     (char *) g_ptr_array_index (skipped, 0));
      else
        g_set_error_literal (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_EMPTY,
                             "This e-mail has no resume attached and no text in its body.");
      return NULL;
    }
  for (guint i = 0; i < skipped->len; i++)
    {
      g_autofree char *w = g_strdup_printf ("attachment skipped: %s", (char *) g_ptr_array_index (skipped, i));
      for (guint d = 0; d < out->len; d++)
        sl_document_add_warning (g_ptr_array_index (out, d), w);
    }
  return g_steal_pointer (&out);
}
