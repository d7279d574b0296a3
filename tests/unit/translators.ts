import i18next, { type TFunction } from 'i18next';
import { en } from '../../renderer/i18n/en.js';
import { zh } from '../../renderer/i18n/zh.js';

/** The app's own Chinese and English resources, each as a `t` of its own instance, for pure UI helpers. */
export async function translators(): Promise<{ zh: TFunction; en: TFunction }> {
  const make = async (lng: 'zh' | 'en') => {
    const i = i18next.createInstance();
    await i.init({
      resources: { zh: { translation: zh }, en: { translation: en } },
      lng,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false },
    });
    return i.t;
  };
  return { zh: await make('zh'), en: await make('en') };
}
