import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'liuke.language';

export function savedLanguage(): Language {
  const v = localStorage.getItem(storageKey);
  return v === 'en' ? 'en' : 'zh';
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lng);
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
