import { describe, expect, it } from 'vitest';
import { iscedLevelsIn, measureTypesIn } from '../../src/normalise/isced.ts';

// Seed 001 (Cedefop VET toolkit, Stay Tuned): "Education level and sector" as printed.
const SEED_001_LEVELS = `Secondary education\tLower secondary education\tLower secondary general education\t
Lower secondary vocational education and training (school-based)\tLower secondary vocational education and training (work-based learning)\tUpper secondary general education\tUpper secondary vocational education and training (school-based)
Upper secondary general education\tUpper secondary vocational education and training (work-based learning)\tAdult education\t`;

describe('iscedLevelsIn', () => {
  it('reads seed 001 as lower and upper secondary', () => {
    expect(iscedLevelsIn(SEED_001_LEVELS)).toEqual(['isced-2', 'isced-3']);
  });

  it.each([
    ['Early childhood education', ['isced-0']],
    ['Pre-primary education', ['isced-0']],
    ['Primary education', ['isced-1']],
    ['Lower secondary education', ['isced-2']],
    ['Upper secondary education', ['isced-3']],
    ['Post-secondary non-tertiary education', ['isced-4']],
    ['Short-cycle tertiary education', ['isced-5']],
    ["Bachelor's or equivalent level", ['isced-6']],
    ["Master's or equivalent level", ['isced-7']],
    ['Doctoral or equivalent level', ['isced-8']],
    // other languages
    ['enseignement secondaire inférieur et secondaire supérieur', ['isced-2', 'isced-3']],
    ['Sekundarstufe I und Sekundarstufe II', ['isced-2', 'isced-3']],
    ['educación secundaria obligatoria y bachillerato', ['isced-2', 'isced-3']],
    ['scuola secondaria di primo grado', ['isced-2']],
    ['ensino secundário', ['isced-3']],
    ['primair onderwijs en mbo', ['isced-1', 'isced-3']],
    ['éducation de la petite enfance', ['isced-0']],
    ['dottorato di ricerca', ['isced-8']],
    // explicit numbers
    ['ISCED 2', ['isced-2']],
    ['ISCED level 3', ['isced-3']],
    ['ISCED 2-3', ['isced-2', 'isced-3']],
    ['ISCED 2011 level 4', ['isced-4']],
    ['CINE 3', ['isced-3']],
    ['CITE 2 à 3', ['isced-2', 'isced-3']],
    ['niveau 3', ['isced-3']],
    // nothing specific
    ['Adult education', []],
    ['Secondary education', []],
    ['our primary aim', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(iscedLevelsIn(text)).toEqual(expected);
  });

  it('sorts and de-duplicates', () => {
    expect(iscedLevelsIn('Upper secondary; lower secondary; upper secondary; ISCED 3')).toEqual(['isced-2', 'isced-3']);
  });
});

describe('measureTypesIn', () => {
  it.each([
    ['Intervention', ['intervention']],
    ['prevention, intervention and compensation', ['prevention', 'intervention', 'compensation']],
    ['compensation and prevention', ['prevention', 'compensation']],
    ['prévention et compensation', ['prevention', 'compensation']],
    ['Prävention, Intervention, Kompensation', ['prevention', 'intervention', 'compensation']],
    ['prevención, intervención y compensación', ['prevention', 'intervention', 'compensation']],
    ['prevenzione, intervento e compensazione', ['prevention', 'intervention', 'compensation']],
    ['prevenção, intervenção e compensação', ['prevention', 'intervention', 'compensation']],
    ['preventie, interventie en compensatie', ['prevention', 'intervention', 'compensation']],
    ['PREVENTION', ['prevention']],
    ['Second chance schools', ['compensation']],
    ['early intervention', ['intervention']],
    ['nothing of the kind', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(measureTypesIn(text)).toEqual(expected);
  });
});
