// The up2europe description is one run of text copied from the programme's database; Interreg
// entries carry their form's questions inline ("Expected Results: What are the key results of the
// project?…Target groups & beneficiaries:…"), sometimes twice. These helpers cut it into the parts
// the record needs, taking each part at its first occurrence.

const SUMMARY_END = [
  /Expected Results\s*:/i,
  /What are the key results of the project\s*\?/i,
  /R[ée]sultats attendus\s*:/i,
  /Quels sont les (principaux )?r[ée]sultats/i,
];

const RESULTS_START = [/What are the key results of the project\s*\?/i, /Expected Results\s*:/i, /R[ée]sultats attendus\s*:/i];
const TARGET_START = [/Target groups?\s*(?:&|and)\s*beneficiaries\s*:/i, /Target groups?\s*:/i, /Groupes? cibles?\s*(?:et b[ée]n[ée]ficiaires)?\s*:/i, /Public cible\s*:/i];
// The next form question ends a part; so does the next labelled part.
const PART_END = [/(?:What|Are|How|Which|Who|Quels?|Quelles?|Comment)\b[^?.:]{0,160}\?/, ...TARGET_START, /Expected Results\s*:/i];

function firstMatch(text: string, patterns: RegExp[], from = 0): { index: number; end: number } | null {
  let best: { index: number; end: number } | null = null;
  for (const pattern of patterns) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    const re = new RegExp(pattern.source, flags);
    re.lastIndex = from;
    const match = re.exec(text);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, end: match.index + match[0].length };
  }
  return best;
}

function partAfter(text: string, starts: RegExp[]): string | null {
  const start = firstMatch(text, starts);
  if (!start) return null;
  const end = firstMatch(text, PART_END, start.end);
  const part = text.slice(start.end, end ? end.index : undefined).trim();
  return part.length > 0 ? part : null;
}

/** The description proper: everything before the results and form questions. */
export function summaryPart(description: string): string | null {
  const end = firstMatch(description, SUMMARY_END);
  const summary = (end ? description.slice(0, end.index) : description).trim();
  return summary.length > 0 ? summary : null;
}

/** The list of key results, once, as written ("Activity 1- 1 report - learning cities- …"). */
export function resultsPart(description: string): string | null {
  // "Expected Results: What are the key results…?" names one part twice; start after the question.
  const question = firstMatch(description, [RESULTS_START[0]]);
  if (question) return partAfter(description.slice(question.index), [RESULTS_START[0]]);
  return partAfter(description, RESULTS_START);
}

export function targetGroupPart(description: string): string | null {
  return partAfter(description, TARGET_START);
}

/** Sentences that say where the partners come from ("involves five partner countries (…)"). */
export function partnerCountrySentences(description: string): string[] {
  return description
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => /partner countr|partners? from|pays partenaires|partenaires (de|d')|countries involved/i.test(sentence));
}
