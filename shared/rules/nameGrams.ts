/**
 * The distinct 1- and 2-character pieces of a name, lower-cased. A search for any one- or
 * two-character fragment is then an index lookup instead of a scan of every name.
 */
export function nameGrams(name: string): string[] {
  const chars = Array.from(name.toLowerCase().replace(/\s+/g, ''));
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}
