import isoCountries from 'i18n-iso-countries';

// Codes the EU writes differently from ISO 3166-1 (Greece "EL", United Kingdom "UK").
const EU_CODES: Record<string, string> = { EL: 'GR', UK: 'GB' };
const NAME_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] as const;

/** The ISO alpha-2 code a partner suffix such as "(BE)" or "- Belgium" names, or null. */
export function countryCodeOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    const code = EU_CODES[upper] ?? upper;
    return isoCountries.isValid(code) ? code : null;
  }
  if (trimmed.length < 4) return null;
  for (const language of NAME_LANGUAGES) {
    const code = isoCountries.getAlpha2Code(trimmed, language);
    if (code) return code;
  }
  return null;
}
