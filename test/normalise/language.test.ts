import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/normalise/language.ts';

describe('detectLanguage', () => {
  it.each([
    // seed 000's summary (URBACT, English)
    ['European cities face higher levels of Early Leaving from Education and Training (ELET) than their national averages, meaning that some urban areas have more ELET rates.', 'en'],
    ['Le projet vise à réduire le décrochage scolaire des jeunes dans les quartiers prioritaires de la ville.', 'fr'],
    ['Das Projekt unterstützt Jugendliche, die die Schule ohne Abschluss verlassen haben, bei der Rückkehr in die Ausbildung.', 'de'],
    ['El proyecto tiene como objetivo reducir el abandono escolar temprano en las ciudades europeas participantes.', 'es'],
    ['Il progetto mira a ridurre la dispersione scolastica attraverso attività di orientamento e tutoraggio.', 'it'],
    ['O projeto pretende reduzir o abandono escolar precoce através de atividades de orientação e tutoria.', 'pt'],
    ['Het project wil voortijdig schoolverlaten verminderen door betere begeleiding van leerlingen op school.', 'nl'],
    ['Το έργο στοχεύει στη μείωση της πρόωρης εγκατάλειψης του σχολείου στις ευρωπαϊκές πόλεις.', 'el'],
  ])('%s -> %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('reads an English text on a French site as English', () => {
    const seed002 = 'Social exclusion and deprivation can be strongly linked to the lack of opportunities in education and training.';
    expect(detectLanguage(seed002, 'fr')).toBe('en');
  });

  it.each([['Stay Tuned'], [''], ['12/09/2015 – 03/05/2018 https://urbact.eu/x info@x.eu'], ['…']])('falls back on %j', (text) => {
    expect(detectLanguage(text)).toBe('en');
    expect(detectLanguage(text, 'fr')).toBe('fr');
  });

  it('survives non-string input', () => {
    expect(detectLanguage(undefined as unknown as string, 'de')).toBe('de');
  });
});
