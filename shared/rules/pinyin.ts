import { pinyin } from 'pinyin-pro';

/**
 * A name's pinyin, toneless and lower-case, for counter search by pinyin ("zhangsan") or its
 * initials ("zs"). Surname readings come first (曾 → zeng, 单 → shan). Latin letters in a name are
 * kept; anything else is dropped.
 */
export function namePinyin(name: string): { full: string; initials: string } {
  const text = name.replace(/\s+/g, '');
  if (!text) return { full: '', initials: '' };
  const syllables = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
  // ü is typed v on every pinyin keyboard (女 → nv).
  const clean = syllables
    .map((s) =>
      s
        .toLowerCase()
        .replace(/ü/g, 'v')
        .replace(/[^a-z]/g, ''),
    )
    .filter(Boolean);
  const latin = /[a-zA-Z]/.test(text) && !/[\u4e00-\u9fff]/.test(text) ? text.toLowerCase().replace(/[^a-z]/g, '') : '';
  return {
    full: latin || clean.join(''),
    initials: latin ? '' : clean.map((s) => s[0]).join(''),
  };
}
