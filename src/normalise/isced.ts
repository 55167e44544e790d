import { ISCED_LEVELS, MEASURE_TYPES, type IscedLevel, type MeasureType } from '../schema/vocabularies.ts';
import educationLevelData from '../schema/vocab/education-levels.json' with { type: 'json' };
import measureTypeData from '../schema/vocab/measure-types.json' with { type: 'json' };
import { createPhraseMatcher } from './phrase-matcher.ts';
import { execAll, foldAccents } from './text.ts';
import { synonymTable } from './vocab.ts';

// Education levels (ISCED 2011) and the EU's three kinds of ELET measure, read from the words
// Cedefop and project pages use ("Lower secondary vocational education", "Intervention").

const levelMatcher = createPhraseMatcher(synonymTable('education-levels.json', ISCED_LEVELS, educationLevelData));
const measureMatcher = createPhraseMatcher(synonymTable('measure-types.json', MEASURE_TYPES, measureTypeData));

// "ISCED 2", "ISCED level 3", "ISCED 2-3", "CINE 3", "CITE 3", "niveau 3": levels given by number.
const EXPLICIT_LEVEL =
  /(?<![\p{L}])(?:isced(?:\s*2011)?|cine|cite|niveau)\s*(?:level|niveau|nivel|livello|nivel|niveau|stufe)?\s*([0-8])(?:\s*(?:-|–|to|a|à|bis|al|tot|and|et|y|e|en|und)\s*([0-8]))?(?![\p{N}])/giu;

const inVocabularyOrder = <T extends string>(order: readonly T[]) => (a: T, b: T) => order.indexOf(a) - order.indexOf(b);

/**
 * The ISCED levels a text names, by words ("lower secondary" -> isced-2, "Upper secondary" ->
 * isced-3, "doctoral" -> isced-8) or by number ("ISCED 2", "CINE 3", "niveau 3"). "Secondary
 * education" or "Adult education" alone name no single level and give none. Sorted, unique.
 */
export function iscedLevelsIn(text: string): IscedLevel[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const levels = new Set<IscedLevel>(levelMatcher.matchAll(text).map((m) => m.code));
  for (const m of execAll(EXPLICIT_LEVEL, foldAccents(text))) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let level = Math.min(from, to); level <= Math.max(from, to); level++) levels.add(ISCED_LEVELS[level]);
  }
  return [...levels].sort(inVocabularyOrder(ISCED_LEVELS));
}

/**
 * The kinds of measure a text names, in the EU framework's order: prevention, intervention,
 * compensation ("Prävention", "intervención", "compensatie", "second chance").
 */
export function measureTypesIn(text: string): MeasureType[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const types = new Set<MeasureType>(measureMatcher.matchAll(text).map((m) => m.code));
  return [...types].sort(inVocabularyOrder(MEASURE_TYPES));
}
