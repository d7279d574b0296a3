import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const languages = ['zh', 'en'] as const;
/** Each language named in itself, as language pickers do: the same in every UI language. */
export const languageNames: Record<(typeof languages)[number], string> = { zh: '中文', en: 'EN' };
export type Language = (typeof languages)[number];
const storageKey = 'liuke.language';

export function savedLanguage(): Language {
  const v = localStorage.getItem(storageKey);
  return v === 'en' ? 'en' : 'zh';
}

export function setLanguage(lng: Language): void {
  // Messages already on screen were written in the old language.
  notifications.clean();
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lng);
}

// The page's language decides punctuation widths and fonts: set it before the first paint.
document.documentElement.lang = savedLanguage() === 'zh' ? 'zh-CN' : 'en';

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
