import type { TargetGroup } from '../schema/record.ts';
import { TARGET_GROUP_CODES } from '../schema/vocabularies.ts';
import targetGroupData from '../schema/vocab/target-groups.json' with { type: 'json' };
import { createPhraseMatcher } from './phrase-matcher.ts';
import { normaliseWhitespace, trimChars } from './text.ts';
import { synonymTable } from './vocab.ts';

// Target groups named in a page's own words ("young at risk of school dropout", "décrocheurs",
// "Schulabbrecher") to the target-group vocabulary of DESIGN.md. The synonyms live in
// src/schema/vocab/target-groups.json, one list per language, so adding one never touches code.

const targetGroupMatcher = createPhraseMatcher(synonymTable('target-groups.json', TARGET_GROUP_CODES, targetGroupData));

/**
 * Every target group a text names, one entry per code in order of first appearance, each labelled
 * with the phrase as the text writes it. Where phrases overlap the longest wins, so "young at risk
 * of school dropout" is an at-risk group and not also young people and dropouts.
 */
export function targetGroupsIn(text: string): TargetGroup[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const groups: TargetGroup[] = [];
  const seen = new Set<string>();
  for (const match of targetGroupMatcher.matchAll(text)) {
    if (seen.has(match.code)) continue;
    seen.add(match.code);
    groups.push({ code: match.code, label: normaliseWhitespace(match.label) });
  }
  return groups;
}

/**
 * The one code that best describes a label (a "Beneficiaries" line): the group named by the longest
 * phrase in it, the first on a tie. The label is kept whole, as the source wrote it.
 */
export function targetGroupFor(label: string): TargetGroup | null {
  if (typeof label !== 'string') return null;
  if (label.length > 2000) return null;
  const cleaned = trimChars(normaliseWhitespace(label), ';,.:', 'end');
  if (!cleaned) return null;
  const matches = targetGroupMatcher.matchAll(cleaned);
  if (matches.length === 0) return null;
  const best = matches.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return { code: best.code, label: cleaned };
}
