import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { appEnglish } from './app-en';
import { appSpanish, raSpanish } from './es';
import { appPortuguese, raPortuguese } from './pt';

/**
 * English, Spanish and Portuguese. No react-admin 5 translation of Spanish or
 * Portuguese is on npm (ra-language-spanish and -portuguese are for
 * react-admin 1–4 and pin their ra-core), so ours cover what the console
 * shows, over the English messages for any key they leave out. The chosen
 * language is kept in react-admin's store (localStorage): it survives a reload.
 */
export const LOCALES = [
  { locale: 'en', name: 'English', tag: 'en-US' },
  { locale: 'es', name: 'Español', tag: 'es-ES' },
  { locale: 'pt', name: 'Português', tag: 'pt-PT' },
] as const;
export type ConsoleLocale = (typeof LOCALES)[number]['locale'];

const messages: Record<ConsoleLocale, TranslationMessages> = {
  en: mergeTranslations(englishMessages, appEnglish) as TranslationMessages,
  es: mergeTranslations(englishMessages, raSpanish, appSpanish) as TranslationMessages,
  pt: mergeTranslations(englishMessages, raPortuguese, appPortuguese) as TranslationMessages,
};

/**
 * Every text asked for that no catalogue has (a label written in the code
 * instead of a key, a key without words), in the order asked. It still shows
 * as written; the browser tests read this list (`window.aftersaleMissingTranslations`)
 * and fail on any entry, so every word on screen goes through a catalogue.
 */
const missingTranslations: string[] = [];
if (typeof window !== 'undefined') Object.assign(window, { aftersaleMissingTranslations: missingTranslations });

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale as ConsoleLocale] ?? messages.en,
  'en',
  LOCALES.map(({ locale, name }) => ({ locale, name })),
  {
    onMissingKey: (key: string, _options: unknown, locale: string) => {
      // Words, not marks such as "—" or an empty label.
      if (/[A-Za-z]{2}/.test(key) && !missingTranslations.includes(`${locale}: ${key}`)) missingTranslations.push(`${locale}: ${key}`);
      return key;
    },
  },
);

/** The BCP 47 tag that formats dates and money in the console's current language. */
export function currentLocaleTag(): string {
  const locale = i18nProvider.getLocale();
  return LOCALES.find((l) => l.locale === locale)?.tag ?? 'en-US';
}
