import { describe, expect, it } from 'vitest';
import { countriesIn, countriesInProse, countryCode, countryOfAdjective, countryOfCity, sortedUnique } from '../../src/normalise/countries.ts';
import { countryOfName } from '../../src/normalise/partners.ts';

describe('countryCode', () => {
  it.each([
    // names in the seven languages, any case, with or without accents
    ['Belgium', 'BE'], ['Belgique', 'BE'], ['Belgien', 'BE'], ['Bélgica', 'BE'], ['Belgio', 'BE'], ['België', 'BE'], ['Belgie', 'BE'],
    ['Germany', 'DE'], ['Allemagne', 'DE'], ['Deutschland', 'DE'], ['Alemania', 'DE'], ['Germania', 'DE'], ['Alemanha', 'DE'], ['Duitsland', 'DE'],
    ['Greece', 'GR'], ['Grèce', 'GR'], ['GRECE', 'GR'], ['Griechenland', 'GR'], ['Grecia', 'GR'], ['Grécia', 'GR'], ['Griekenland', 'GR'],
    ['Spain', 'ES'], ['Espagne', 'ES'], ['Spanien', 'ES'], ['España', 'ES'], ['Espana', 'ES'], ['Spagna', 'ES'], ['Espanha', 'ES'], ['Spanje', 'ES'],
    ['Sweden', 'SE'], ['Suède', 'SE'], ['Schweden', 'SE'], ['Suecia', 'SE'], ['Svezia', 'SE'], ['Suécia', 'SE'], ['Zweden', 'SE'],
    ['Netherlands', 'NL'], ['the Netherlands', 'NL'], ['Pays-Bas', 'NL'], ['Pays Bas', 'NL'], ['Niederlande', 'NL'], ['Países Bajos', 'NL'], ['Paesi Bassi', 'NL'], ['Nederland', 'NL'], ['Holland', 'NL'],
    ['United Kingdom', 'GB'], ['Royaume-Uni', 'GB'], ['Vereinigtes Königreich', 'GB'], ['Reino Unido', 'GB'], ['Regno Unito', 'GB'], ['Verenigd Koninkrijk', 'GB'], ['England', 'GB'],
    ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['North Macedonia', 'MK'], ['Türkiye', 'TR'],
    ['portugal', 'PT'], ['ESTONIA', 'EE'], ['Bulgarie', 'BG'],
    // codes
    ['BE', 'BE'], ['be', 'BE'], ['DEU', 'DE'], ['ESP', 'ES'], ['GRC', 'GR'],
    ['EL', 'GR'], ['UK', 'GB'],
    // vehicle-style suffixes from project PDFs
    ['E', 'ES'], ['N', 'NO'], ['NO', 'NO'], ['S', 'SE'], ['SE', 'SE'], ['D', 'DE'], ['F', 'FR'], ['I', 'IT'], ['P', 'PT'],
    ['NL', 'NL'], ['B', 'BE'], ['A', 'AT'], ['RO', 'RO'], ['IRL', 'IE'], ['FIN', 'FI'], ['SLO', 'SI'], ['H', 'HU'],
    // messy
    ['  Belgium\u00a0', 'BE'], ['(BE)', 'BE'], ['Greece.', 'GR'], ['–NO', 'NO'], ['"Italy"', 'IT'],
  ])('%s -> %s', (input, expected) => {
    expect(countryCode(input)).toBe(expected);
  });

  it.each([['Atlantis'], ['Q'], ['Ghent'], [''], ['   '], ['Europe'], ['Assembly of European Regions']])('%s is no country', (input) => {
    expect(countryCode(input)).toBeNull();
  });

  it('survives non-string input', () => {
    expect(countryCode(null as unknown as string)).toBeNull();
  });
});

describe('countriesIn', () => {
  it('reads seed 001’s country list, one a line with stray spaces', () => {
    const seed001 = ' Greece\n  Belgium\n  Bulgaria\n  Portugal\n  Spain\n  Germany\n  France\n  Estonia\n  Sweden\n';
    expect(countriesIn(seed001)).toEqual(['BE', 'BG', 'DE', 'EE', 'ES', 'FR', 'GR', 'PT', 'SE']);
  });

  it.each([
    ['Belgique, France, Allemagne', ['BE', 'DE', 'FR']],
    ['BE, FR, EL, UK', ['BE', 'FR', 'GB', 'GR']],
    ['Spanien; Italien; Österreich', ['AT', 'ES', 'IT']],
    ['• Grèce • Belgique', ['BE', 'GR']],
    ['partners from Spain, Portugal and the United Kingdom', ['ES', 'GB', 'PT']],
    ['Bosnia and Herzegovina', ['BA']],
    ['Ampelokipi - Menemeni - Greece', ['GR']],
    ['Belgium\nbelgium\nBELGIUM', ['BE']],
  ])('%s', (input, expected) => {
    expect(countriesIn(input)).toEqual(expected);
  });

  it('does not take code-like words in prose for countries', () => {
    // seed 002 speaks of "IT technologies"; "A" and "I" are words, not Austria and Italy.
    expect(countriesIn('to enhance their use of IT technologies. A plan I like.')).toEqual([]);
  });

  it('does not take lower-case common words for names', () => {
    expect(countriesIn('we ate turkey and chad went home')).toEqual([]);
  });

  it('gives an empty list for empty or hostile input', () => {
    expect(countriesIn('')).toEqual([]);
    expect(countriesIn(undefined as unknown as string)).toEqual([]);
  });
});

describe('sortedUnique', () => {
  it('sorts, de-duplicates, upper-cases and maps EU codes', () => {
    expect(sortedUnique(['se', 'BE', 'EL', 'UK', 'BE', 'GR', ' de '])).toEqual(['BE', 'DE', 'GB', 'GR', 'SE']);
  });

  it('drops what is not a two-letter code', () => {
    expect(sortedUnique(['BEL', '', 'B', 'FR'])).toEqual(['FR']);
  });

  it('accepts any iterable', () => {
    expect(sortedUnique(new Set(['PT', 'ES']))).toEqual(['ES', 'PT']);
  });
});

describe('COUNTRIES: messy forms on real pages', () => {
  it.each([
    ['Slowenien', 'SI'],
    ['Tschechische Republik', 'CZ'],
    ['République Tchèque', 'CZ'],
    ['Βουλγαρία', 'BG'],
    ['Ελλάδα', 'GR'],
    ['Τουρκία', 'TR'],
    ['Włochy', 'IT'],
    ['het Verenigd Koninkrijk', 'GB'],
    ['Vlaanderen', 'BE'],
    ['Island', 'IS'],
    ['-E', 'ES'],
    ['-NO', 'NO'],
    ['–UK', 'GB'],
    ['XK', 'XK'],
  ])('countryCode(%j) is %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it.each([
    ['Kraków', 'PL'],
    ['Brno', 'CZ'],
    ['Sofia', 'BG'],
    ['Θεσσαλονίκη', 'GR'],
    ['Ghent', 'BE'],
    ['Atlantis', null],
  ])('countryOfCity(%j) is %s', (text, code) => {
    expect(countryOfCity(text)).toBe(code);
  });

  it('reads countries in running text in the seven languages plus Greek and Polish', () => {
    expect(countriesInProse('partners from Spain, Italy and Portugal')).toEqual(['ES', 'IT', 'PT']);
    expect(countriesInProse('met 13 projectpartners uit Frankrijk, België, Nederland en het VK.')).toEqual(['BE', 'FR', 'GB', 'NL']);
    expect(countriesInProse('στη Βουλγαρία, την Ελλάδα και την Τουρκία')).toEqual(['BG', 'GR', 'TR']);
    expect(countriesInProse('CIOFS (Włochy); Centre for Social Innovation (Austria); partnera z Finlandii')).toEqual(['AT', 'FI', 'IT']);
  });

  it('reads nationality adjectives only next to an organisation word', () => {
    expect(countriesInProse('The Danish organisation is Youth Guidance Center UU-Nord.')).toEqual(['DK']);
    expect(countriesInProse('On the Hungarian side the Tempus Public Foundation led the consortium.')).toEqual(['HU']);
    expect(countriesInProse('a entidade irlandesa Irish Rural Link e a associação espanhola Building Bridges')).toEqual(['ES', 'IE']);
    expect(countriesInProse('due partner italiani')).toEqual(['IT']);
    expect(countriesInProse("Met hun Spaanse collega's spraken ze over schoolverlaten.")).toEqual([]);
    expect(countriesInProse('They improve their Italian and Spanish.')).toEqual([]);
  });

  it('reads bracketed runs of codes, EL and the user-assigned XK included', () => {
    expect(countriesInProse('4 Partner from EU countries (BG, EL, PL, RO) and 6 from acceding countries (AL, MK, XK, ME, RS, TR)')).toEqual([
      'AL', 'BG', 'GR', 'ME', 'MK', 'PL', 'RO', 'RS', 'TR', 'XK',
    ]);
    expect(countriesInProse('IT technologies and a DE facto standard')).toEqual([]);
  });

  it('leaves out statistics and programme names made of country names', () => {
    expect(countriesInProse('In 2019, 11.2% UK youth were NEET.')).toEqual([]);
    expect(countriesInProse('in Sicilia il 26% dei giovani, Italia 22,5 %')).toEqual([]);
    expect(countriesInProse('Programa: Interreg VI-A España-Francia-Andorra POCTEFA')).toEqual([]);
    expect(countriesInProse('Interreg V - A Italia - Francia (ALCOTRA), sperimentata in Francia')).toEqual(['FR']);
  });
});

describe('COUNTRIES: nationality adjectives', () => {
  it.each([
    ['irlandesa', 'IE'],
    ['espanhola', 'ES'],
    ['Danish', 'DK'],
    ['internazionale', null],
    ['', null],
  ])('countryOfAdjective(%j) is %j', (word, code) => {
    expect(countryOfAdjective(word)).toBe(code);
  });

  it('reads the country of a name from an adjective in ordinary case, not from an acronym', () => {
    expect(countryOfName('União das Mutualidades Portuguesas')).toBe('PT');
    expect(countryOfName('Irish Rural Link')).toBe('IE');
    expect(countryOfName('CECOA')).toBeNull();
    expect(countryOfName('Ελληνο-Ιταλικό Επιμελητήριο Θεσσαλονίκης')).toBeNull();
  });
});
