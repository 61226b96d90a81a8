/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-import.c: CSV import with a guessed column mapping, JSON Resume and
 * profile JSON import.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-import.h"

#define BATCH 500

/* Fields ------------------------------------------------------------------- */

static const struct
{
  const char *id;
  const char *label;
} fields[SL_IMPORT_N_FIELDS] = {
  [SL_IMPORT_FIELD_IGNORE] = { "ignore", N_("Do not import") },
  [SL_IMPORT_FIELD_NAME] = { "name", N_("Name") },
  [SL_IMPORT_FIELD_FIRST_NAME] = { "first-name", N_("First name") },
  [SL_IMPORT_FIELD_LAST_NAME] = { "last-name", N_("Last name") },
  [SL_IMPORT_FIELD_EMAIL] = { "email", N_("E-mail") },
  [SL_IMPORT_FIELD_PHONE] = { "phone", N_("Phone") },
  [SL_IMPORT_FIELD_LOCATION] = { "location", N_("Location") },
  [SL_IMPORT_FIELD_CITY] = { "city", N_("City") },
  [SL_IMPORT_FIELD_COUNTRY] = { "country", N_("Country") },
  [SL_IMPORT_FIELD_TITLE] = { "title", N_("Current title") },
  [SL_IMPORT_FIELD_COMPANY] = { "company", N_("Current company") },
  [SL_IMPORT_FIELD_YEARS] = { "years", N_("Years of experience") },
  [SL_IMPORT_FIELD_SKILLS] = { "skills", N_("Skills") },
  [SL_IMPORT_FIELD_LANGUAGES] = { "languages", N_("Languages") },
  [SL_IMPORT_FIELD_EDUCATION] = { "education", N_("Education") },
  [SL_IMPORT_FIELD_LINKS] = { "links", N_("Links") },
  [SL_IMPORT_FIELD_HEADLINE] = { "headline", N_("Headline") },
  [SL_IMPORT_FIELD_SUMMARY] = { "summary", N_("Summary") },
};

const char *
sl_import_field_id (SlImportField field)
{
  g_return_val_if_fail (field < SL_IMPORT_N_FIELDS, NULL);
  return fields[field].id;
}

const char *
sl_import_field_label (SlImportField field)
{
  g_return_val_if_fail (field < SL_IMPORT_N_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, fields[field].label);
}

SlImportField
sl_import_field_from_id (const char *id)
{
  g_return_val_if_fail (id != NULL, SL_IMPORT_FIELD_IGNORE);

  for (guint i = 0; i < SL_IMPORT_N_FIELDS; i++)
    if (g_ascii_strcasecmp (fields[i].id, id) == 0)
      return i;
  return SL_IMPORT_FIELD_IGNORE;
}

/* Header words, compared after folding case, dropping accents and keeping
 * only letters and digits ("E-Mail-Adresse" → "emailadresse"). */
static const struct
{
  const char    *word;
  SlImportField  field;
} exact_words[] = {
  { "name", SL_IMPORT_FIELD_NAME }, { "fullname", SL_IMPORT_FIELD_NAME },
  { "candidate", SL_IMPORT_FIELD_NAME }, { "candidatename", SL_IMPORT_FIELD_NAME },
  { "nombre", SL_IMPORT_FIELD_NAME }, { "nom", SL_IMPORT_FIELD_NAME },
  { "nomcomplet", SL_IMPORT_FIELD_NAME }, { "nombrecompleto", SL_IMPORT_FIELD_NAME },
  { "bewerber", SL_IMPORT_FIELD_NAME }, { "kandidat", SL_IMPORT_FIELD_NAME },
  { "vollstandigername", SL_IMPORT_FIELD_NAME },
  { "firstname", SL_IMPORT_FIELD_FIRST_NAME }, { "givenname", SL_IMPORT_FIELD_FIRST_NAME },
  { "forename", SL_IMPORT_FIELD_FIRST_NAME }, { "vorname", SL_IMPORT_FIELD_FIRST_NAME },
  { "prenom", SL_IMPORT_FIELD_FIRST_NAME },
  { "lastname", SL_IMPORT_FIELD_LAST_NAME }, { "surname", SL_IMPORT_FIELD_LAST_NAME },
  { "familyname", SL_IMPORT_FIELD_LAST_NAME }, { "nachname", SL_IMPORT_FIELD_LAST_NAME },
  { "apellido", SL_IMPORT_FIELD_LAST_NAME }, { "apellidos", SL_IMPORT_FIELD_LAST_NAME },
  { "nomdefamille", SL_IMPORT_FIELD_LAST_NAME },
  { "email", SL_IMPORT_FIELD_EMAIL }, { "mail", SL_IMPORT_FIELD_EMAIL },
  { "emailaddress", SL_IMPORT_FIELD_EMAIL }, { "emailadresse", SL_IMPORT_FIELD_EMAIL },
  { "correo", SL_IMPORT_FIELD_EMAIL }, { "correoelectronico", SL_IMPORT_FIELD_EMAIL },
  { "courriel", SL_IMPORT_FIELD_EMAIL },
  { "phone", SL_IMPORT_FIELD_PHONE }, { "tel", SL_IMPORT_FIELD_PHONE },
  { "telephone", SL_IMPORT_FIELD_PHONE }, { "mobile", SL_IMPORT_FIELD_PHONE },
  { "cell", SL_IMPORT_FIELD_PHONE }, { "telefon", SL_IMPORT_FIELD_PHONE },
  { "handy", SL_IMPORT_FIELD_PHONE }, { "telefono", SL_IMPORT_FIELD_PHONE },
  { "movil", SL_IMPORT_FIELD_PHONE }, { "portable", SL_IMPORT_FIELD_PHONE },
  { "location", SL_IMPORT_FIELD_LOCATION }, { "address", SL_IMPORT_FIELD_LOCATION },
  { "ort", SL_IMPORT_FIELD_LOCATION }, { "wohnort", SL_IMPORT_FIELD_LOCATION },
  { "standort", SL_IMPORT_FIELD_LOCATION }, { "adresse", SL_IMPORT_FIELD_LOCATION },
  { "ubicacion", SL_IMPORT_FIELD_LOCATION }, { "direccion", SL_IMPORT_FIELD_LOCATION },
  { "lieu", SL_IMPORT_FIELD_LOCATION },
  { "city", SL_IMPORT_FIELD_CITY }, { "town", SL_IMPORT_FIELD_CITY },
  { "stadt", SL_IMPORT_FIELD_CITY }, { "ciudad", SL_IMPORT_FIELD_CITY },
  { "ville", SL_IMPORT_FIELD_CITY },
  { "country", SL_IMPORT_FIELD_COUNTRY }, { "land", SL_IMPORT_FIELD_COUNTRY },
  { "pais", SL_IMPORT_FIELD_COUNTRY }, { "pays", SL_IMPORT_FIELD_COUNTRY },
  { "title", SL_IMPORT_FIELD_TITLE }, { "jobtitle", SL_IMPORT_FIELD_TITLE },
  { "position", SL_IMPORT_FIELD_TITLE }, { "role", SL_IMPORT_FIELD_TITLE },
  { "currenttitle", SL_IMPORT_FIELD_TITLE }, { "berufsbezeichnung", SL_IMPORT_FIELD_TITLE },
  { "stelle", SL_IMPORT_FIELD_TITLE }, { "cargo", SL_IMPORT_FIELD_TITLE },
  { "puesto", SL_IMPORT_FIELD_TITLE }, { "poste", SL_IMPORT_FIELD_TITLE },
  { "company", SL_IMPORT_FIELD_COMPANY }, { "employer", SL_IMPORT_FIELD_COMPANY },
  { "currentcompany", SL_IMPORT_FIELD_COMPANY }, { "organisation", SL_IMPORT_FIELD_COMPANY },
  { "organization", SL_IMPORT_FIELD_COMPANY }, { "firma", SL_IMPORT_FIELD_COMPANY },
  { "unternehmen", SL_IMPORT_FIELD_COMPANY }, { "arbeitgeber", SL_IMPORT_FIELD_COMPANY },
  { "empresa", SL_IMPORT_FIELD_COMPANY }, { "entreprise", SL_IMPORT_FIELD_COMPANY },
  { "years", SL_IMPORT_FIELD_YEARS }, { "experience", SL_IMPORT_FIELD_YEARS },
  { "yearsofexperience", SL_IMPORT_FIELD_YEARS }, { "berufserfahrung", SL_IMPORT_FIELD_YEARS },
  { "jahre", SL_IMPORT_FIELD_YEARS }, { "experiencia", SL_IMPORT_FIELD_YEARS },
  { "skills", SL_IMPORT_FIELD_SKILLS }, { "skill", SL_IMPORT_FIELD_SKILLS },
  { "kenntnisse", SL_IMPORT_FIELD_SKILLS }, { "fahigkeiten", SL_IMPORT_FIELD_SKILLS },
  { "kompetenzen", SL_IMPORT_FIELD_SKILLS }, { "competencias", SL_IMPORT_FIELD_SKILLS },
  { "habilidades", SL_IMPORT_FIELD_SKILLS }, { "competences", SL_IMPORT_FIELD_SKILLS },
  { "languages", SL_IMPORT_FIELD_LANGUAGES }, { "sprachen", SL_IMPORT_FIELD_LANGUAGES },
  { "idiomas", SL_IMPORT_FIELD_LANGUAGES }, { "langues", SL_IMPORT_FIELD_LANGUAGES },
  { "education", SL_IMPORT_FIELD_EDUCATION }, { "degree", SL_IMPORT_FIELD_EDUCATION },
  { "school", SL_IMPORT_FIELD_EDUCATION }, { "university", SL_IMPORT_FIELD_EDUCATION },
  { "ausbildung", SL_IMPORT_FIELD_EDUCATION }, { "studium", SL_IMPORT_FIELD_EDUCATION },
  { "abschluss", SL_IMPORT_FIELD_EDUCATION }, { "educacion", SL_IMPORT_FIELD_EDUCATION },
  { "formation", SL_IMPORT_FIELD_EDUCATION },
  { "links", SL_IMPORT_FIELD_LINKS }, { "url", SL_IMPORT_FIELD_LINKS },
  { "website", SL_IMPORT_FIELD_LINKS }, { "linkedin", SL_IMPORT_FIELD_LINKS },
  { "github", SL_IMPORT_FIELD_LINKS }, { "profile", SL_IMPORT_FIELD_LINKS },
  { "headline", SL_IMPORT_FIELD_HEADLINE },
  { "summary", SL_IMPORT_FIELD_SUMMARY }, { "notes", SL_IMPORT_FIELD_SUMMARY },
  { "zusammenfassung", SL_IMPORT_FIELD_SUMMARY }, { "resumen", SL_IMPORT_FIELD_SUMMARY },
};

/* Parts of longer headers ("Candidate e-mail address", "Mobile phone"),
 * most specific first. */
static const struct
{
  const char    *part;
  SlImportField  field;
} partial_words[] = {
  { "firstname", SL_IMPORT_FIELD_FIRST_NAME }, { "vorname", SL_IMPORT_FIELD_FIRST_NAME },
  { "lastname", SL_IMPORT_FIELD_LAST_NAME }, { "nachname", SL_IMPORT_FIELD_LAST_NAME },
  { "surname", SL_IMPORT_FIELD_LAST_NAME },
  { "mail", SL_IMPORT_FIELD_EMAIL },
  { "phone", SL_IMPORT_FIELD_PHONE }, { "telef", SL_IMPORT_FIELD_PHONE },
  { "mobil", SL_IMPORT_FIELD_PHONE },
  { "linkedin", SL_IMPORT_FIELD_LINKS }, { "github", SL_IMPORT_FIELD_LINKS },
  { "url", SL_IMPORT_FIELD_LINKS }, { "website", SL_IMPORT_FIELD_LINKS },
  { "skill", SL_IMPORT_FIELD_SKILLS }, { "kenntnis", SL_IMPORT_FIELD_SKILLS },
  { "language", SL_IMPORT_FIELD_LANGUAGES }, { "sprach", SL_IMPORT_FIELD_LANGUAGES },
  { "company", SL_IMPORT_FIELD_COMPANY }, { "employer", SL_IMPORT_FIELD_COMPANY },
  { "arbeitgeber", SL_IMPORT_FIELD_COMPANY },
  { "title", SL_IMPORT_FIELD_TITLE }, { "position", SL_IMPORT_FIELD_TITLE },
  { "city", SL_IMPORT_FIELD_CITY }, { "country", SL_IMPORT_FIELD_COUNTRY },
  { "location", SL_IMPORT_FIELD_LOCATION }, { "address", SL_IMPORT_FIELD_LOCATION },
  { "wohnort", SL_IMPORT_FIELD_LOCATION },
  { "experience", SL_IMPORT_FIELD_YEARS }, { "erfahrung", SL_IMPORT_FIELD_YEARS },
  { "years", SL_IMPORT_FIELD_YEARS },
  { "educat", SL_IMPORT_FIELD_EDUCATION }, { "degree", SL_IMPORT_FIELD_EDUCATION },
  { "university", SL_IMPORT_FIELD_EDUCATION }, { "ausbildung", SL_IMPORT_FIELD_EDUCATION },
  { "name", SL_IMPORT_FIELD_NAME },
};

static char *
fold_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *s = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (s, g_ascii_tolower (*c));
  return g_string_free (s, FALSE);
}

SlImportField
sl_import_guess_field (const char *header)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (header != NULL, SL_IMPORT_FIELD_IGNORE);

  folded = fold_header (header);
  if (folded[0] == '\0')
    return SL_IMPORT_FIELD_IGNORE;
  for (guint i = 0; i < G_N_ELEMENTS (exact_words); i++)
    if (g_str_equal (folded, exact_words[i].word))
      return exact_words[i].field;
  for (guint i = 0; i < G_N_ELEMENTS (partial_words); i++)
    if (strstr (folded, partial_words[i].part) != NULL)
      return partial_words[i].field;
  return SL_IMPORT_FIELD_IGNORE;
}

static gboolean
field_is_multi (SlImportField f)
{
  return f == SL_IMPORT_FIELD_SKILLS || f == SL_IMPORT_FIELD_LINKS;
}

GArray *
sl_csv_import_guess_mapping (const SlCsvTable *table)
{
  GArray *mapping = g_array_new (FALSE, TRUE, sizeof (int));
  gboolean used[SL_IMPORT_N_FIELDS] = { FALSE, };
  char **header;

  g_return_val_if_fail (table != NULL && table->rows->len > 0, mapping);

  header = g_ptr_array_index (table->rows, 0);
  for (guint i = 0; header[i] != NULL; i++)
    {
      SlImportField f = sl_import_guess_field (header[i]);
      if (f != SL_IMPORT_FIELD_IGNORE && used[f] && !field_is_multi (f))
        f = SL_IMPORT_FIELD_IGNORE;
      used[f] = TRUE;
      g_array_append_val (mapping, f);
    }
  return mapping;
}

static int
find_header (char      **header,
             const char *name)
{
  g_autofree char *want = g_utf8_casefold (name, -1);

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[i]));
      g_autofree char *have = g_utf8_casefold (trimmed, -1);
      if (g_str_equal (have, want))
        return i;
    }
  return -1;
}

gboolean
sl_csv_import_apply_map (const SlCsvTable *table,
                         GArray           *mapping,
                         const char       *spec,
                         GError          **error)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(GArray) result = NULL;
  g_autofree gboolean *explicit = NULL;
  char **header;

  g_return_val_if_fail (table != NULL && table->rows->len > 0, FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  header = g_ptr_array_index (table->rows, 0);
  result = g_array_copy (mapping);
  explicit = g_new0 (gboolean, mapping->len);
  entries = g_strsplit (spec, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *eq;
      const char *field_id;
      SlImportField field;
      int column;

      if (g_strstrip (entries[i])[0] == '\0')
        continue;
      /* Field ids never hold '=', a header might: split at the last one. */
      eq = strrchr (entries[i], '=');
      if (eq == NULL)
        {
          g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN,
                       "“%s” is not Header=field", entries[i]);
          return FALSE;
        }
      *eq = '\0';
      field_id = g_strstrip (eq + 1);
      field = sl_import_field_from_id (field_id);
      if (field == SL_IMPORT_FIELD_IGNORE && g_ascii_strcasecmp (field_id, "ignore") != 0)
        {
          g_autoptr(GString) ids = g_string_new (NULL);
          for (guint f = 0; f < SL_IMPORT_N_FIELDS; f++)
            g_string_append_printf (ids, "%s%s", f > 0 ? ", " : "", fields[f].id);
          g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN,
                       "Unknown field “%s”: use one of %s", field_id, ids->str);
          return FALSE;
        }
      column = find_header (header, g_strstrip (entries[i]));
      if (column < 0 || (guint) column >= result->len)
        {
          g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN,
                       "The file has no column “%s”", entries[i]);
          return FALSE;
        }
      if (field != SL_IMPORT_FIELD_IGNORE && !field_is_multi (field))
        for (guint c = 0; c < result->len; c++)
          if (c != (guint) column && g_array_index (result, int, c) == (int) field)
            {
              if (explicit[c])
                {
                  g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN,
                               "Two columns are mapped to “%s”", fields[field].id);
                  return FALSE;
                }
              g_array_index (result, int, c) = SL_IMPORT_FIELD_IGNORE;
            }
      g_array_index (result, int, column) = field;
      explicit[column] = TRUE;
    }
  for (guint c = 0; c < mapping->len; c++)
    g_array_index (mapping, int, c) = g_array_index (result, int, c);
  return TRUE;
}

/* Rows --------------------------------------------------------------------- */

void
sl_import_result_free (SlImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->profile, sl_profile_free);
  g_clear_error (&result->error);
  g_free (result);
}

/* "a; b; c" (or comma or pipe separated when there is no semicolon). */
void
sl_import_results_count (GPtrArray *results,
                         guint     *created,
                         guint     *updated,
                         guint     *failed)
{
  guint c = 0, u = 0, f = 0;

  g_return_if_fail (results != NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const SlImportResult *r = g_ptr_array_index (results, i);

      if (r->error != NULL)
        f++;
      else if (r->outcome == SL_WRITE_UPDATED)
        u++;
      else
        c++;
    }
  if (created != NULL)
    *created = c;
  if (updated != NULL)
    *updated = u;
  if (failed != NULL)
    *failed = f;
}

static GStrv
split_list (const char *value)
{
  const char *sep = strchr (value, ';') != NULL ? ";"
                    : strchr (value, '|') != NULL ? "|"
                    : strchr (value, '\n') != NULL ? "\n" : ",";
  g_auto(GStrv) parts = g_strsplit (value, sep, -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *clean = sl_strdup_clean (parts[i]);
      if (clean != NULL)
        g_strv_builder_add (b, clean);
    }
  return g_strv_builder_end (b);
}

/* "German (C1)", "German: C1", "German - native" */
static SlLanguage *
parse_language (const char *text)
{
  const char *open = strchr (text, '(');
  const char *colon = strchr (text, ':');
  const char *dash = strstr (text, " - ");

  if (open != NULL && open > text)
    {
      g_autofree char *lang = g_strndup (text, open - text);
      g_autofree char *level = g_strdup (open + 1);
      char *close = strchr (level, ')');
      if (close != NULL)
        *close = '\0';
      return sl_language_new (g_strstrip (lang), sl_str_empty (g_strstrip (level)) ? NULL : level);
    }
  if (colon != NULL || dash != NULL)
    {
      const char *cut = colon != NULL ? colon : dash;
      g_autofree char *lang = g_strndup (text, cut - text);
      g_autofree char *level = g_strdup (cut + (colon != NULL ? 1 : 3));
      return sl_language_new (g_strstrip (lang), sl_str_empty (g_strstrip (level)) ? NULL : level);
    }
  return sl_language_new (text, NULL);
}

/* A leading number: "5", "5.5", "5,5", "7 years". */
static gboolean
parse_years (const char *text,
             double     *years)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  *years = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (*years) || *years < 0 || *years > 80)
    return FALSE;
  while (*end == ' ' || *end == '+')
    end++;
  return *end == '\0' || g_ascii_isalpha (*end);
}

/* @what already says what is wrong; the line number goes in front. */
static void
row_error (GError    **error,
           guint       line,
           const char *what)
{
  /* Translators: a spreadsheet row that was not imported, and why */
  g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW, _("Line %u: %s"), line, what);
}

const char *
sl_import_result_reason (const SlImportResult *result)
{
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (result->error == NULL)
    return NULL;
  /* The message row_error() made, minus its "Line N: " (in any language
   * whose format ends with the reason). */
  prefix = g_strdup_printf (_("Line %u: %s"), result->line, "");
  if (prefix[0] != '\0' && g_str_has_prefix (result->error->message, prefix))
    return result->error->message + strlen (prefix);
  return result->error->message;
}

SlProfile *
sl_csv_import_row (const SlCsvTable *table,
                   guint             index,
                   const GArray     *mapping,
                   GError          **error)
{
  g_autoptr(SlProfile) p = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  g_autofree char *company = NULL;
  char **cells;
  guint line;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index >= 1 && index < table->rows->len, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);

  cells = g_ptr_array_index (table->rows, index);
  line = g_array_index (table->line_numbers, guint, index);
  p = sl_profile_new ();

  for (guint col = 0; cells[col] != NULL && col < mapping->len; col++)
    {
      SlImportField f = g_array_index (mapping, int, col);
      g_autofree char *value = sl_strdup_clean (cells[col]);
      g_auto(GStrv) items = NULL;

      if (value == NULL || f == SL_IMPORT_FIELD_IGNORE)
        continue;

      switch (f)
        {
        case SL_IMPORT_FIELD_NAME:
          g_free (p->personal.name);
          p->personal.name = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_FIRST_NAME:
          g_free (first);
          first = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_LAST_NAME:
          g_free (last);
          last = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_EMAIL:
          {
            g_autofree char *normal = sl_normalize_email (value);
            if (normal == NULL)
              {
                g_autofree char *m = g_strdup_printf (_("“%s” is not an e-mail address"), value);
                row_error (error, line, m);
                return NULL;
              }
            g_free (p->personal.email);
            p->personal.email = g_steal_pointer (&value);
          }
          break;
        case SL_IMPORT_FIELD_PHONE:
          {
            g_autofree char *key = sl_normalize_phone_key (value);
            if (key == NULL)
              {
                g_autofree char *m = g_strdup_printf (_("“%s” is not a phone number"), value);
                row_error (error, line, m);
                return NULL;
              }
            g_free (p->personal.phone);
            p->personal.phone = g_steal_pointer (&value);
          }
          break;
        case SL_IMPORT_FIELD_LOCATION:
          g_free (p->personal.location);
          p->personal.location = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_CITY:
          g_free (p->personal.city);
          p->personal.city = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_COUNTRY:
          g_free (p->personal.country);
          p->personal.country = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_TITLE:
          g_free (title);
          title = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_COMPANY:
          g_free (company);
          company = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_YEARS:
          {
            double years;
            if (!parse_years (value, &years))
              {
                g_autofree char *m = g_strdup_printf (_("“%s” is not a number of years"), value);
                row_error (error, line, m);
                return NULL;
              }
            p->meta.experience_months = (int) lround (years * 12.0);
          }
          break;
        case SL_IMPORT_FIELD_SKILLS:
          items = split_list (cells[col]);
          for (guint i = 0; items[i] != NULL; i++)
            g_ptr_array_add (p->skills, sl_skill_new (items[i], NULL));
          break;
        case SL_IMPORT_FIELD_LANGUAGES:
          items = split_list (cells[col]);
          for (guint i = 0; items[i] != NULL; i++)
            g_ptr_array_add (p->languages, parse_language (items[i]));
          break;
        case SL_IMPORT_FIELD_EDUCATION:
          items = split_list (cells[col]);
          for (guint i = 0; items[i] != NULL; i++)
            {
              SlEducationEntry *e = sl_education_entry_new ();
              e->institution = g_strdup (items[i]);
              g_ptr_array_add (p->education, e);
            }
          break;
        case SL_IMPORT_FIELD_LINKS:
          {
            g_auto(GStrv) words = g_strsplit_set (cells[col], " \t\r\n;,|", -1);
            for (guint i = 0; words[i] != NULL; i++)
              if (strchr (words[i], '.') != NULL || g_str_has_prefix (words[i], "http"))
                g_ptr_array_add (p->personal.links, g_strdup (words[i]));
          }
          break;
        case SL_IMPORT_FIELD_HEADLINE:
          g_free (p->personal.headline);
          p->personal.headline = g_steal_pointer (&value);
          break;
        case SL_IMPORT_FIELD_SUMMARY:
          g_free (p->personal.summary);
          p->personal.summary = g_strstrip (g_strdup (cells[col]));
          break;
        case SL_IMPORT_FIELD_IGNORE:
        case SL_IMPORT_N_FIELDS:
        default:
          break;
        }
    }

  if (p->personal.name == NULL && (first != NULL || last != NULL))
    p->personal.name = g_strjoin (" ", first != NULL ? first : last,
                                  first != NULL ? last : NULL, NULL);
  if (title != NULL || company != NULL)
    {
      SlWorkEntry *w = sl_work_entry_new ();
      w->title = g_steal_pointer (&title);
      w->company = g_steal_pointer (&company);
      w->current = TRUE;
      g_ptr_array_add (p->work, w);
    }
  if (p->personal.name == NULL && p->personal.email == NULL)
    {
      row_error (error, line, _("no name and no e-mail address"));
      return NULL;
    }
  p->source = g_strdup ("import");
  p->meta.parser = g_strdup ("import");
  return g_steal_pointer (&p);
}

GPtrArray *
sl_csv_import_preview (const SlCsvTable *table,
                       const GArray     *mapping,
                       guint             n)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_import_result_free);

  g_return_val_if_fail (table != NULL, results);
  g_return_val_if_fail (mapping != NULL, results);

  for (guint i = 1; i < table->rows->len && results->len < n; i++)
    {
      SlImportResult *r = g_new0 (SlImportResult, 1);
      r->line = g_array_index (table->line_numbers, guint, i);
      r->profile = sl_csv_import_row (table, i, mapping, &r->error);
      r->outcome = r->profile != NULL ? SL_WRITE_CREATED : SL_WRITE_FAILED;
      g_ptr_array_add (results, r);
    }
  return results;
}

/* Stores the results that hold a profile, in batches; fills in outcome,
 * profile_id and error, and drops the profiles. */
static gboolean
store_results (SlStore      *store,
               GPtrArray    *results,
               GCancellable *cancellable,
               GError      **error)
{
  guint stored = 0, attempted = 0;
  g_autoptr(GError) last_error = NULL;

  for (guint start = 0; start < results->len; start += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();
      g_autoptr(GPtrArray) owners = g_ptr_array_new ();
      g_autoptr(GPtrArray) written = NULL;
      g_autoptr(GError) local = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local))
        {
          for (guint i = start; i < results->len; i++)
            {
              SlImportResult *r = g_ptr_array_index (results, i);
              if (r->error == NULL)
                {
                  r->outcome = SL_WRITE_FAILED;
                  r->error = g_error_copy (local);
                }
            }
          break;
        }

      for (guint i = start; i < MIN (results->len, start + BATCH); i++)
        {
          SlImportResult *r = g_ptr_array_index (results, i);
          if (r->profile != NULL)
            {
              g_ptr_array_add (batch, r->profile);
              g_ptr_array_add (owners, r);
            }
        }
      if (batch->len == 0)
        continue;
      attempted += batch->len;
      written = sl_store_bulk_create_profiles_audited (store, (const SlProfile * const *) batch->pdata,
                                                       NULL, batch->len, &local);
      for (guint i = 0; i < owners->len; i++)
        {
          SlImportResult *r = g_ptr_array_index (owners, i);
          if (written == NULL)
            {
              r->outcome = SL_WRITE_FAILED;
              r->error = g_error_copy (local);
            }
          else
            {
              SlWriteResult *w = g_ptr_array_index (written, i);
              r->outcome = w->outcome;
              r->profile_id = w->profile_id;
              if (w->error != NULL)
                r->error = g_error_copy (w->error);
              else
                stored++;
            }
          g_clear_pointer (&r->profile, sl_profile_free);
        }
      if (local != NULL)
        {
          g_clear_error (&last_error);
          g_propagate_error (&last_error, g_steal_pointer (&local));
        }
    }

  if (attempted > 0 && stored == 0 && last_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&last_error));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
sl_csv_import (SlStore          *store,
               const SlCsvTable *table,
               const GArray     *mapping,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);

  results = sl_csv_import_preview (table, mapping, G_MAXUINT);
  if (!store_results (store, results, cancellable, error))
    return NULL;
  return g_steal_pointer (&results);
}

/* Files -------------------------------------------------------------------- */

SlImportKind
sl_import_detect (const char *path,
                  const char *data,
                  gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, SL_CSV_BOM, 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && (data[i] == '{' || data[i] == '['))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, data + i, length - i, NULL))
        return SL_IMPORT_KIND_UNKNOWN;
      root = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
        root = json_array_get_element (json_node_get_array (root), 0);
      return sl_json_resume_detect (root) ? SL_IMPORT_KIND_JSON_RESUME : SL_IMPORT_KIND_PROFILE_JSON;
    }
  if (path != NULL && (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV") ||
                       g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".TSV")))
    return SL_IMPORT_KIND_CSV;
  return SL_IMPORT_KIND_UNKNOWN;
}

static SlImportResult *
json_item (JsonNode *node,
           guint     item)
{
  SlImportResult *r = g_new0 (SlImportResult, 1);
  g_autoptr(GError) local = NULL;

  r->line = item;
  if (sl_json_resume_detect (node))
    r->profile = sl_json_resume_to_profile (node, SL_JSON_RESUME_KEEP_RESIDUAL, &local);
  else
    r->profile = sl_profile_from_json_node (node, &local);
  if (r->profile == NULL)
    {
      r->outcome = SL_WRITE_FAILED;
      g_set_error (&r->error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW, "Item %u: %s", item, local->message);
      return r;
    }
  if (r->profile->source == NULL)
    r->profile->source = g_strdup ("import");
  if (r->profile->meta.parser == NULL)
    r->profile->meta.parser = g_strdup ("import");
  return r;
}

/* @mapping (nullable) replaces the guess for a CSV file; @map_spec
 * (nullable) then overrides columns of it. */
static GPtrArray *
import_file (SlStore       *store,
             const char    *path,
             const GArray  *given_mapping,
             const char    *map_spec,
             SlImportKind  *kind_out,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) local = NULL;
  SlImportKind kind;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  kind = sl_import_detect (path, data, length);
  if (kind_out != NULL)
    *kind_out = kind;

  switch (kind)
    {
    case SL_IMPORT_KIND_CSV:
      {
        g_autoptr(SlCsvTable) table = sl_csv_table_parse (data, length, 0, error);
        g_autoptr(GArray) mapping = NULL;
        if (table == NULL)
          return NULL;
        mapping = sl_csv_import_guess_mapping (table);
        if (given_mapping != NULL)
          {
            if (given_mapping->len != mapping->len)
              {
                g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                             "The file changed: it has %u columns now, not %u",
                             mapping->len, given_mapping->len);
                return NULL;
              }
            g_clear_pointer (&mapping, g_array_unref);
            mapping = g_array_copy ((GArray *) given_mapping);
          }
        if (map_spec != NULL && !sl_csv_import_apply_map (table, mapping, map_spec, error))
          return NULL;
        return sl_csv_import (store, table, mapping, cancellable, error);
      }
    case SL_IMPORT_KIND_JSON_RESUME:
    case SL_IMPORT_KIND_PROFILE_JSON:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        JsonNode *root;

        if (!json_parser_load_from_data (parser, data, length, &local))
          {
            g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                         "Not valid JSON: %s", local->message);
            return NULL;
          }
        root = json_parser_get_root (parser);
        results = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_import_result_free);
        if (JSON_NODE_HOLDS_ARRAY (root))
          {
            JsonArray *a = json_node_get_array (root);
            for (guint i = 0; i < json_array_get_length (a); i++)
              g_ptr_array_add (results, json_item (json_array_get_element (a, i), i + 1));
          }
        else
          g_ptr_array_add (results, json_item (root, 1));
        if (!store_results (store, results, cancellable, error))
          return NULL;
        return g_steal_pointer (&results);
      }
    case SL_IMPORT_KIND_UNKNOWN:
    default:
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                   "Not a CSV, JSON Resume or profile JSON file");
      return NULL;
    }
}

GPtrArray *
sl_import_file (SlStore       *store,
                const char    *path,
                SlImportKind  *kind_out,
                GCancellable  *cancellable,
                GError       **error)
{
  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return import_file (store, path, NULL, NULL, kind_out, cancellable, error);
}

gboolean
sl_import_path_is_exchange (const char *path)
{
  g_autofree char *lower = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"))
    return TRUE;
  if (!g_str_has_suffix (lower, ".json") || !g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  return sl_import_detect (path, data, length) == SL_IMPORT_KIND_JSON_RESUME;
}

gboolean
sl_import_file_summarised (SlStore     *store,
                           const char  *path,
                           const char  *csv_map,
                           guint       *created,
                           guint       *updated,
                           gint64      *profile_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_created = 0, n_updated = 0, n_failed = 0;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  results = import_file (store, path, NULL, csv_map, NULL, NULL, error);
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      SlImportResult *r = g_ptr_array_index (results, i);
      if (r->error != NULL)
        {
          if (n_failed++ < 10)
            g_string_append_printf (failures, "%s%s", failures->len > 0 ? "; " : "", r->error->message);
          continue;
        }
      if (r->outcome == SL_WRITE_UPDATED)
        n_updated++;
      else
        n_created++;
      if (profile_id != NULL)
        *profile_id = r->profile_id;
    }
  if (created != NULL)
    *created = n_created;
  if (updated != NULL)
    *updated = n_updated;
  if (n_failed > 0)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_ROW, "%u of %u rows not imported: %s%s",
                   n_failed, results->len, failures->str, n_failed > 10 ? "; …" : "");
      return FALSE;
    }
  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  GArray *mapping = g_object_get_data (G_OBJECT (task), "mapping");
  GFile *file = task_data;
  g_autoptr(SlStore) store = NULL;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  GPtrArray *results;

  if (path == NULL)
    {
      g_task_return_new_error (task, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                               "Only local files can be imported");
      return;
    }
  if ((store = sl_store_open (db_path, &error)) == NULL ||
      (results = import_file (store, path, mapping, NULL, NULL, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
start_import (SlStore             *store,
              GFile               *file,
              const GArray        *mapping,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  /* Only the path goes to the worker; the store object stays on its thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (sl_store_get_path (store)), g_free);
  if (mapping != NULL)
    g_object_set_data_full (G_OBJECT (task), "mapping", g_array_copy ((GArray *) mapping),
                            (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, import_thread);
}

void
sl_import_file_async (SlStore             *store,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (SL_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  start_import (store, file, NULL, cancellable, callback, user_data);
}

void
sl_csv_import_file_async (SlStore             *store,
                          GFile               *file,
                          const GArray        *mapping,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (SL_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (mapping != NULL);

  start_import (store, file, mapping, cancellable, callback, user_data);
}

GPtrArray *
sl_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
