const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHARP_OR_HEAVY = /[\u0301\u0323]/;
const STOP_FINAL = /(?:c|ch|p|t)$/;

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
/** Rhymes that end the syllable (vowels, or vowels closed by a semivowel). */
const OPEN_RHYMES =
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi ưu ' +
  'iêu yêu oai oay oao oeo uây uôi uya uyu ươi ươu';
/** Vowel nuclei that a final consonant may follow. */
const CLOSED_NUCLEI = 'a ă â e ê i o ô ơ u ư y iê yê oa oă oe oo uâ uê uô ươ uy uyê';
const FINALS = '(?:ch|c|m|ng|nh|n|p|t)';
const SYLLABLE = new RegExp(
  `^${INITIAL}(?:${OPEN_RHYMES.replace(/ /g, '|')}|(?:${CLOSED_NUCLEI.replace(/ /g, '|')})${FINALS})$`,
);

/**
 * Whether `word` (letters only, any case, NFC or NFD) is a well-formed
 * Vietnamese syllable: optional initial consonant, a known rhyme, at most one
 * tone mark, and only the sắc or nặng tone before a final c, ch, p or t.
 * Used to judge which legacy decoding of a file reads as Vietnamese.
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const toneless = decomposed.replace(TONES, '').normalize('NFC');
  if (!SYLLABLE.test(toneless)) return false;
  return !STOP_FINAL.test(toneless) || (tones.length === 1 && SHARP_OR_HEAVY.test(tones[0] ?? ''));
}
