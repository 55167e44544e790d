import { describe, expect, it } from 'vitest';
import { foldAccents, foldWithOffsets, normaliseWhitespace, splitListItems, stripBullet } from '../../src/normalise/text.ts';

describe('text helpers', () => {
  it.each([
    ['Grèce', 'Grece'], ['België', 'Belgie'], ['Østfold', 'Ostfold'], ['Straße', 'Strasse'], ['décrochage', 'decrochage'], ['Ação', 'Acao'],
  ])('folds %s to %s', (text, expected) => {
    expect(foldAccents(text)).toBe(expected);
  });

  it('collapses NBSP, thin and zero-width spaces', () => {
    expect(normaliseWhitespace(' a\u00a0\u00a0b\u202fc\u200b d\n\te ')).toBe('a b c d e');
  });

  it('maps folded positions back to the original', () => {
    const { folded, offsets } = foldWithOffsets('Straße Ü');
    expect(folded).toBe('strasse u');
    expect(offsets[folded.indexOf('u')]).toBe(7);
  });

  it('strips one leading bullet or enumerator', () => {
    expect(stripBullet('• item')).toBe('item');
    expect(stripBullet('3) item')).toBe('item');
    expect(stripBullet('- 1 report')).toBe('1 report');
    expect(stripBullet('2014 report')).toBe('2014 report');
  });

  it('splits lists in every typography the seeds use', () => {
    expect(splitListItems('  • Implementation Network\n  • Social cohesion\n□\nAveiro\n- to develop a toolbox;\n– en dash item\n* star item\n1. first\n2) second\n\n')).toEqual([
      'Implementation Network', 'Social cohesion', 'Aveiro', 'to develop a toolbox', 'en dash item', 'star item', 'first', 'second',
    ]);
    expect(splitListItems('Greece • Belgium')).toEqual(['Greece', 'Belgium']);
  });
});
