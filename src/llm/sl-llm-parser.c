/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/sl-document.h"
#include "core/sl-util.h"
#include "sl-llm-answer.h"
#include "sl-llm-error.h"
#include "sl-llm-parser.h"
#include "sl-llm-redact.h"
#include "sl-llm-text.h"

SlProfile *
sl_llm_parse (SlLlmClient   *client,
              const char    *text,
              GCancellable  *cancellable,
              GError       **error)
{
  const SlLlmConfig *config;
  g_autofree char *cut_text = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *user = NULL;
  g_autoptr(SlLlmRedactionMap) map = NULL;
  g_autoptr(SlLlmReply) reply = NULL;
  SlProfile *profile;
  gboolean cut = FALSE;
  gboolean redacted;

  g_return_val_if_fail (SL_IS_LLM_CLIENT (client), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  config = sl_llm_client_get_config (client);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CANCELLED, "The LLM request was cancelled");
      return NULL;
    }

  if (sl_count_words (text) == 0)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_REQUEST,
                   "The resume has no text to send to the model");
      return NULL;
    }

  cut_text = sl_llm_cut_text (text, config->char_budget, &cut);
  redacted = sl_llm_config_should_redact (config);
  if (redacted)
    sent_text = sl_llm_redact (cut_text, &map);
  else
    sent_text = g_strdup (cut_text);
  user = g_strconcat ("Resume text:\n\n", sent_text, NULL);

  reply = sl_llm_client_complete (client, sl_llm_prompt_text (), user, sl_llm_schema (),
                                  cancellable, error);
  if (reply == NULL)
    return NULL;

  profile = sl_llm_answer_parse (reply->content, map, text, error);
  if (profile == NULL)
    return NULL;
  profile->meta.model = g_strdup (reply->model);
  profile->meta.prompt_tokens = reply->prompt_tokens;
  profile->meta.completion_tokens = reply->completion_tokens;
  profile->meta.llm_latency_ms = reply->latency_ms;
  sl_profile_add_timing (profile, "llm", reply->latency_ms);
  sl_profile_set_extra (profile, "llm.provider", config->preset);
  sl_profile_set_extra (profile, "llm.redaction", redacted ? "redacted" : "not redacted");
  if (reply->attempts > 1)
    {
      g_autofree char *n = g_strdup_printf ("%u", reply->attempts);
      sl_profile_set_extra (profile, "llm.attempts", n);
    }
  if (cut)
    {
      g_autofree char *w = g_strdup_printf ("llm: the resume text was cut to %" G_GSIZE_FORMAT
                                            " characters for the model", config->char_budget);
      sl_profile_add_warning (profile, w);
    }
  return profile;
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  SlProfile *profile = sl_llm_parse (SL_LLM_CLIENT (source), task_data, cancellable, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) sl_profile_free);
}

void
sl_llm_parse_async (SlLlmClient         *client,
                    const char          *text,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SL_IS_LLM_CLIENT (client));
  g_return_if_fail (text != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_llm_parse_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  sl_llm_client_run_task (client, task, parse_thread);
}

SlProfile *
sl_llm_parse_finish (SlLlmClient   *client,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (SL_IS_LLM_CLIENT (client), NULL);
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_llm_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- merge -------------------------------------------------------------- */

static void
keep_note (SlProfile       *out,
           const SlProfile *from,
           const char      *field,
           const char      *source,
           double           confidence)
{
  const SlFieldNote *n = sl_profile_get_field_note (from, field);

  if (n != NULL)
    sl_profile_set_field_note (out, field, n->confidence, source, n->provenance);
  else
    sl_profile_set_field_note (out, field, confidence, source, NULL);
}

/* Takes the string from @llm unless @prefer_rules and the rules have one;
 * records where it came from. */
static void
merge_str (SlProfile       *out,
           char           **dest,
           const char      *rules_value,
           const char      *llm_value,
           const SlProfile *rules,
           const SlProfile *llm,
           const char      *field,
           gboolean         prefer_rules)
{
  gboolean take_rules = rules_value != NULL && (prefer_rules || llm_value == NULL);

  g_free (*dest);
  if (take_rules)
    {
      *dest = g_strdup (rules_value);
      keep_note (out, rules, field, "rules", 0.7);
    }
  else if (llm_value != NULL)
    {
      *dest = g_strdup (llm_value);
      keep_note (out, llm, field, "llm", 0.7);
    }
  else
    *dest = NULL;
}

#define COPY_ARRAY(dst, src, copy_fn)                                  \
  G_STMT_START {                                                       \
    g_ptr_array_set_size ((dst), 0);                                   \
    for (guint _i = 0; _i < (src)->len; _i++)                          \
      g_ptr_array_add ((dst), copy_fn (g_ptr_array_index ((src), _i)));\
  } G_STMT_END

static void
merge_section (SlProfile       *out,
               GPtrArray       *dst,
               const GPtrArray *rules_arr,
               const GPtrArray *llm_arr,
               const SlProfile *rules,
               const SlProfile *llm,
               const char      *name,
               gboolean         per_entry,
               gpointer        (*copy) (gconstpointer))
{
  gboolean from_llm = llm_arr->len > 0;
  const GPtrArray *src = from_llm ? llm_arr : rules_arr;
  const SlProfile *owner = from_llm ? llm : rules;
  const char *source = from_llm ? "llm" : "rules";

  g_ptr_array_set_size (dst, 0);
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dst, copy (g_ptr_array_index (src, i)));
  if (src->len == 0)
    return;
  if (per_entry)
    for (guint i = 0; i < src->len; i++)
      {
        g_autofree char *field = g_strdup_printf ("%s[%u]", name, i);
        keep_note (out, owner, field, source, 0.6);
      }
  else
    keep_note (out, owner, name, source, 0.6);
}

static gpointer copy_work (gconstpointer p) { return sl_work_entry_copy (p); }
static gpointer copy_edu (gconstpointer p) { return sl_education_entry_copy (p); }
static gpointer copy_cert (gconstpointer p) { return sl_certification_copy (p); }
static gpointer copy_lang (gconstpointer p) { return sl_language_copy (p); }
static gpointer copy_proj (gconstpointer p) { return sl_project_copy (p); }
static gpointer copy_str (gconstpointer p) { return g_strdup (p); }

SlProfile *
sl_llm_merge (const SlProfile *rules,
              const SlProfile *llm)
{
  SlProfile *out;
  const SlPersonalInfo *rp, *lp;
  SlPersonalInfo *op;
  g_autoptr(GHashTable) seen = NULL;
  const SlFieldNote *llm_name_note;
  gboolean llm_name_verified;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (llm != NULL, NULL);

  /* Start from the rules profile: extraction metadata, timings, source. */
  out = sl_profile_copy (rules);
  rp = &rules->personal;
  lp = &llm->personal;
  op = &out->personal;

  /* The name: the LLM's when it occurs in the text, else the rules'. */
  llm_name_note = sl_profile_get_field_note (llm, "personal.name");
  llm_name_verified = lp->name != NULL && (llm_name_note == NULL || llm_name_note->confidence >= 0.5);
  merge_str (out, &op->name, rp->name, llm_name_verified ? lp->name : NULL, rules, llm,
             "personal.name", FALSE);
  if (op->name == NULL && lp->name != NULL)
    merge_str (out, &op->name, NULL, lp->name, rules, llm, "personal.name", FALSE);
  /* Contacts: the rules' when both have one. */
  merge_str (out, &op->email, rp->email, lp->email, rules, llm, "personal.email", TRUE);
  merge_str (out, &op->phone, rp->phone, lp->phone, rules, llm, "personal.phone", TRUE);
  /* Descriptive fields: the LLM's when it has them. */
  merge_str (out, &op->location, rp->location, lp->location, rules, llm, "personal.location", FALSE);
  merge_str (out, &op->city, rp->city, lp->city, rules, llm, "personal.city", FALSE);
  merge_str (out, &op->region, rp->region, lp->region, rules, llm, "personal.region", FALSE);
  merge_str (out, &op->country, rp->country, lp->country, rules, llm, "personal.country", FALSE);
  merge_str (out, &op->headline, rp->headline, lp->headline, rules, llm, "personal.headline", FALSE);
  merge_str (out, &op->summary, rp->summary, lp->summary, rules, llm, "personal.summary", FALSE);

  /* Links: the union, rules first. */
  for (guint i = 0; i < lp->links->len; i++)
    {
      const char *link = g_ptr_array_index (lp->links, i);
      gboolean dup = FALSE;

      for (guint j = 0; j < op->links->len && !dup; j++)
        dup = g_ascii_strcasecmp (g_ptr_array_index (op->links, j), link) == 0;
      if (!dup)
        g_ptr_array_add (op->links, g_strdup (link));
    }
  if (op->links->len > 0)
    sl_profile_set_field_note (out, "personal.links", 0.8,
                               lp->links->len && rp->links->len ? "rules+llm" : lp->links->len ? "llm" : "rules",
                               NULL);

  /* Structure from the LLM. */
  merge_section (out, out->work, rules->work, llm->work, rules, llm, "work", TRUE, copy_work);
  merge_section (out, out->education, rules->education, llm->education, rules, llm, "education", TRUE, copy_edu);
  merge_section (out, out->certifications, rules->certifications, llm->certifications, rules, llm, "certifications", FALSE, copy_cert);
  merge_section (out, out->languages, rules->languages, llm->languages, rules, llm, "languages", FALSE, copy_lang);
  merge_section (out, out->projects, rules->projects, llm->projects, rules, llm, "projects", FALSE, copy_proj);
  merge_section (out, out->achievements, rules->achievements, llm->achievements, rules, llm, "achievements", FALSE, copy_str);
  merge_section (out, out->interests, rules->interests, llm->interests, rules, llm, "interests", FALSE, copy_str);

  /* Skills: the LLM's, then any the rules found that it missed. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_set_size (out->skills, 0);
  for (int pass = 0; pass < 2; pass++)
    {
      const GPtrArray *src = pass == 0 ? llm->skills : rules->skills;

      for (guint i = 0; i < src->len; i++)
        {
          const SlSkill *s = g_ptr_array_index (src, i);
          char *key = g_utf8_casefold (s->canonical ? s->canonical : s->name, -1);

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (out->skills, sl_skill_copy (s));
        }
    }
  if (out->skills->len > 0)
    sl_profile_set_field_note (out, "skills", 0.8,
                               llm->skills->len && rules->skills->len ? "rules+llm"
                               : llm->skills->len ? "llm" : "rules", NULL);

  /* Metadata: what the LLM run was. */
  g_free (out->meta.parser);
  out->meta.parser = g_strdup ("rules+llm");
  g_free (out->meta.model);
  out->meta.model = g_strdup (llm->meta.model);
  g_free (out->meta.prompt_version);
  out->meta.prompt_version = g_strdup (llm->meta.prompt_version);
  out->meta.prompt_tokens = llm->meta.prompt_tokens;
  out->meta.completion_tokens = llm->meta.completion_tokens;
  out->meta.llm_latency_ms = llm->meta.llm_latency_ms;
  for (guint i = 0; i < llm->meta.timings->len; i++)
    {
      const SlTiming *t = g_ptr_array_index (llm->meta.timings, i);
      sl_profile_add_timing (out, t->stage, t->ms);
    }
  for (guint i = 0; i < llm->meta.warnings->len; i++)
    sl_profile_add_warning (out, g_ptr_array_index (llm->meta.warnings, i));
  {
    GHashTableIter iter;
    gpointer k, v;

    g_hash_table_iter_init (&iter, llm->meta.extras);
    while (g_hash_table_iter_next (&iter, &k, &v))
      sl_profile_set_extra (out, k, v);
  }
  out->meta.experience_months = sl_profile_compute_experience_months (out, NULL);
  return out;
}

/* ---- fallback ----------------------------------------------------------- */

static SlProfile *
fallback_profile (const SlProfile *rules,
                  const GError    *error)
{
  SlProfile *out = sl_profile_copy (rules);
  g_autofree char *w = g_strdup_printf ("llm: %s (used the rule parser's result)", error->message);

  sl_profile_add_warning (out, w);
  sl_profile_set_extra (out, "llm.error", error->message);
  return out;
}

SlProfile *
sl_llm_parse_with_fallback (SlLlmClient      *client,
                            const char       *text,
                            const SlProfile  *rules,
                            GCancellable     *cancellable,
                            GError          **llm_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) llm = NULL;

  g_return_val_if_fail (SL_IS_LLM_CLIENT (client), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  llm = sl_llm_parse (client, text, cancellable, &error);
  if (llm == NULL)
    {
      SlProfile *out = fallback_profile (rules, error);
      g_debug ("llm: falling back to the rule parser: %s", error->message);
      g_propagate_error (llm_error, g_steal_pointer (&error));
      return out;
    }
  return sl_llm_merge (rules, llm);
}

typedef struct
{
  char      *text;
  SlProfile *rules;
} FallbackData;

typedef struct
{
  SlProfile *profile;
  GError    *error;
} FallbackResult;

static void
fallback_data_free (FallbackData *d)
{
  g_free (d->text);
  sl_profile_free (d->rules);
  g_free (d);
}

static void
fallback_result_free (FallbackResult *r)
{
  sl_profile_free (r->profile);
  g_clear_error (&r->error);
  g_free (r);
}

static void
fallback_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FallbackData *d = task_data;
  FallbackResult *r = g_new0 (FallbackResult, 1);

  r->profile = sl_llm_parse_with_fallback (SL_LLM_CLIENT (source), d->text, d->rules,
                                           cancellable, &r->error);
  g_task_return_pointer (task, r, (GDestroyNotify) fallback_result_free);
}

void
sl_llm_parse_with_fallback_async (SlLlmClient         *client,
                                  const char          *text,
                                  const SlProfile     *rules,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FallbackData *d;

  g_return_if_fail (SL_IS_LLM_CLIENT (client));
  g_return_if_fail (text != NULL);
  g_return_if_fail (rules != NULL);

  d = g_new0 (FallbackData, 1);
  d->text = g_strdup (text);
  d->rules = sl_profile_copy (rules);
  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_llm_parse_with_fallback_async);
  /* The result is always a profile; never drop it because of cancellation. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, d, (GDestroyNotify) fallback_data_free);
  sl_llm_client_run_task (client, task, fallback_thread);
}

SlProfile *
sl_llm_parse_with_fallback_finish (SlLlmClient   *client,
                                   GAsyncResult  *result,
                                   GError       **llm_error)
{
  FallbackResult *r;
  SlProfile *profile;

  g_return_val_if_fail (SL_IS_LLM_CLIENT (client), NULL);
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_llm_parse_with_fallback_async, NULL);

  r = g_task_propagate_pointer (G_TASK (result), NULL);
  g_return_val_if_fail (r != NULL, NULL);
  profile = g_steal_pointer (&r->profile);
  if (r->error != NULL)
    g_propagate_error (llm_error, g_steal_pointer (&r->error));
  fallback_result_free (r);
  return profile;
}
