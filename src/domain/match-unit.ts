import { foldName } from './fold.js';

export interface NamedUnit {
  readonly id: number;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface UnitSuggestion {
  readonly unitId: number;
  readonly name: string;
  /** 1 for an exact (folded) name or alias match; otherwise the share of words in common. */
  readonly score: number;
}

/** Words that say nothing about which body is meant. */
const FILLER = new Set(['cac', 'cua', 'va', 'cap', 'ban', 'tinh', 'hung', 'yen']);

function words(folded: string): Set<string> {
  return new Set(folded.split(' ').filter((w) => w && !FILLER.has(w)));
}

/**
 * Units a lead or support name from a directive may mean, best first: exact matches on name or
 * alias (diacritics, case and abbreviations like UBND, HĐND, MTTQ ignored), then units sharing
 * most of their words. Names that match nothing well enough give no suggestion.
 */
export function suggestUnits(name: string, units: readonly NamedUnit[], limit = 3): UnitSuggestion[] {
  const wanted = foldName(name);
  // "Các cấp ủy, tổ chức đảng", "các sở, ngành": a plural names many bodies, never one unit.
  if (!wanted || /^cac /.test(wanted)) return [];
  const wantedWords = words(wanted);
  const scored: UnitSuggestion[] = [];
  for (const unit of units) {
    const forms = [unit.name, ...unit.aliases].map(foldName);
    if (forms.includes(wanted)) {
      scored.push({ unitId: unit.id, name: unit.name, score: 1 });
      continue;
    }
    let best = 0;
    for (const form of forms) {
      const theirs = words(form);
      if (theirs.size === 0 || wantedWords.size === 0) continue;
      let common = 0;
      for (const w of wantedWords) if (theirs.has(w)) common++;
      best = Math.max(best, common / Math.max(theirs.size, wantedWords.size));
    }
    if (best >= 0.6) scored.push({ unitId: unit.id, name: unit.name, score: Math.round(best * 100) / 100 });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi')).slice(0, limit);
}
