import { Rng, Weighted } from './random.js';

/**
 * Surnames with their approximate share of the population in per cent (rounded from published
 * household-registration rankings). Realistic skew matters here: 王 and 李 each match ~9% of the
 * generated members, the densest one-character searches, while the rare surnames give small
 * result sets.
 */
// Prettier would put every pair on its own line: a hundred lines for one table.
// prettier-ignore
const surnameShares: readonly (readonly [string, number])[] = [
  ['王', 7.12], ['李', 7.06], ['张', 6.38], ['刘', 5.38], ['陈', 4.53], ['杨', 3.08], ['黄', 2.23],
  ['赵', 2.14], ['吴', 2.05], ['周', 2.0], ['徐', 1.45], ['孙', 1.38], ['马', 1.29], ['朱', 1.26],
  ['胡', 1.16], ['郭', 1.15], ['何', 1.05], ['林', 0.97], ['高', 0.96], ['罗', 0.86], ['郑', 0.83],
  ['梁', 0.82], ['谢', 0.71], ['宋', 0.64], ['唐', 0.62], ['许', 0.6], ['韩', 0.59], ['冯', 0.56],
  ['邓', 0.55], ['曹', 0.53], ['彭', 0.52], ['曾', 0.51], ['肖', 0.5], ['田', 0.49], ['董', 0.48],
  ['袁', 0.47], ['潘', 0.46], ['于', 0.45], ['蒋', 0.44], ['蔡', 0.43], ['余', 0.42], ['杜', 0.41],
  ['叶', 0.4], ['程', 0.39], ['苏', 0.38], ['魏', 0.37], ['吕', 0.36], ['丁', 0.35], ['任', 0.34],
  ['沈', 0.33], ['姚', 0.32], ['卢', 0.31], ['姜', 0.3], ['崔', 0.29], ['钟', 0.28], ['谭', 0.27],
  ['陆', 0.26], ['汪', 0.25], ['范', 0.24], ['金', 0.23], ['石', 0.22], ['廖', 0.21], ['贾', 0.2],
  ['夏', 0.2], ['韦', 0.19], ['付', 0.19], ['方', 0.18], ['白', 0.17], ['邹', 0.17], ['孟', 0.16],
  ['熊', 0.16], ['秦', 0.15], ['邱', 0.15], ['江', 0.14], ['尹', 0.14], ['薛', 0.13], ['闫', 0.13],
  ['段', 0.12], ['雷', 0.12], ['侯', 0.11], ['龙', 0.11], ['史', 0.11], ['陶', 0.1], ['黎', 0.1],
  ['贺', 0.1], ['顾', 0.1], ['毛', 0.1], ['郝', 0.09], ['龚', 0.09], ['邵', 0.09], ['万', 0.09],
  ['钱', 0.08], ['严', 0.08], ['覃', 0.07], ['武', 0.07], ['戴', 0.07], ['莫', 0.06], ['孔', 0.06],
  ['向', 0.06], ['常', 0.05], ['欧阳', 0.02], ['司马', 0.005], ['诸葛', 0.004], ['上官', 0.004],
  // Less common surnames, each at the bottom of the ranking above. The hundreds of rarer ones are
  // left out, so the shares are normalised over ~80%: 王 comes out at 8.8%, a little denser than in
  // the population (and than in some provinces, a little less) — if anything harder on search.
  ...Array.from('邢汤易乔葛单殷施柳祝庞樊俞翟岳齐康伍安颜倪牛温芦季鲁柴房穆纪古焦蒲左甘祁申关聂耿柯宁阮苗喻詹凌鲍盛童滕解卜车景裴洪欧查简宫缪曲利成蓝柏谷符辛桂佘封储靳屈祖井邝麦饶甄尚阳隋丛荣霍晏褚', (s) => [s, 0.05] as const),
];

/** Characters common in given names; the lists overlap on purpose, as real names do. */
const femaleChars = Array.from(
  '芳娜敏静丽艳秀英华慧婷雪琳玲燕霞红梅兰颖洁晶莉倩欣怡佳悦婉萍琴云媛璐涵梦诗雨思晓月彤琪萱妍婧岚凤春霖冰丹',
);
const maleChars = Array.from(
  '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳峰建国志文博海东亮成新德永庆兵星振荣',
);
const sharedChars = Array.from('子一嘉晨天家宏金玉小立乐安瑞泽');

export const surnames = surnameShares.map(([s]) => s);
export const givenChars = [...new Set([...femaleChars, ...maleChars, ...sharedChars])];

const surnamePicker = new Weighted(surnameShares);

export type Gender = 'female' | 'male' | 'unspecified';

function givenChar(rng: Rng, gender: Gender): string {
  if (rng.chance(0.15)) return rng.pick(sharedChars);
  if (gender === 'female') return rng.pick(femaleChars);
  if (gender === 'male') return rng.pick(maleChars);
  return rng.pick(rng.chance(0.5) ? femaleChars : maleChars);
}

/**
 * A name as a clerk would type it: mostly surname + one or two given characters, sometimes just
 * 王女士 / 李先生 when the customer did not give a full name, and sometimes nothing at all.
 */
export function chineseName(rng: Rng, gender: Gender): string {
  const surname = surnamePicker.pick(rng);
  const r = rng.next();
  if (r < 0.02) return '';
  if (r < 0.1) {
    if (gender === 'female') return `${surname}女士`;
    if (gender === 'male') return `${surname}先生`;
    return `${surname}${rng.chance(0.5) ? '女士' : '先生'}`;
  }
  const given = rng.chance(0.25) ? givenChar(rng, gender) : givenChar(rng, gender) + givenChar(rng, gender);
  return surname + given;
}

export function gender(rng: Rng): Gender {
  const r = rng.next();
  // Retail loyalty programmes skew female; some clerks skip the field.
  if (r < 0.56) return 'female';
  if (r < 0.95) return 'male';
  return 'unspecified';
}
