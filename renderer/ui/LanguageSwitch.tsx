import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(v) => setLanguage(v as Language)}
      data={languages.map((value) => ({ value, label: languageNames[value] }))}
    />
  );
}
