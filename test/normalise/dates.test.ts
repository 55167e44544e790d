import { describe, expect, it } from 'vitest';
import { parseDate, parseDateRange, parseStatus, statusFromDates } from '../../src/normalise/dates.ts';

describe('parseDate', () => {
  it.each([
    // numeric, European day first
    ['15/09/2015', '2015-09-15'],
    ['03/05/2018', '2018-05-03'],
    ['3.5.2018', '2018-05-03'],
    ['15-09-2015', '2015-09-15'],
    ['09/2015', '2015-09'],
    ['2016-11-03', '2016-11-03'],
    ['2016/11/03', '2016-11-03'],
    ['2016-11', '2016-11'],
    ['2014', '2014'],
    // en
    ['1st of May 2019', '2019-05-01'],
    ['May 2019', '2019-05'],
    ['May 1, 2019', '2019-05-01'],
    ['Monday, 3 October 2016', '2016-10-03'],
    ['Nov 2016', '2016-11'],
    ['Sept. 2014', '2014-09'],
    // fr (seed 002: "Date du début: 31 déc. 2011," / "Date de fin: 29 sept. 2014")
    ['31 déc. 2011', '2011-12-31'],
    ['Date du début: 31 déc. 2011,', '2011-12-31'],
    ['Date de fin: 29 sept. 2014', '2014-09-29'],
    ['lundi 3 octobre 2016', '2016-10-03'],
    ['1er janvier 2016', '2016-01-01'],
    ['31 decembre 2017', '2017-12-31'],
    ['février 2015', '2015-02'],
    ['15 août 2016', '2016-08-15'],
    // de
    ['3. März 2017', '2017-03-03'],
    ['3. Mär. 2017', '2017-03-03'],
    ['Mär 2017', '2017-03'],
    ['1. Dezember 2019', '2019-12-01'],
    ['Donnerstag, 5. Okt. 2017', '2017-10-05'],
    // es
    ['12 de enero de 2016', '2016-01-12'],
    ['1 de septiembre del 2016', '2016-09-01'],
    ['marzo de 2018', '2018-03'],
    ['15 dic. 2020', '2020-12-15'],
    // it
    ['1 gennaio 2018', '2018-01-01'],
    ['1° gennaio 2018', '2018-01-01'],
    ['30 giugno 2019', '2019-06-30'],
    ['settembre 2017', '2017-09'],
    // pt
    ['5 de março de 2019', '2019-03-05'],
    ['5 de marco de 2019', '2019-03-05'],
    ['31 de dezembro de 2020', '2020-12-31'],
    ['outubro de 2018', '2018-10'],
    // nl
    ['3 januari 2018', '2018-01-03'],
    ['17 mrt 2019', '2019-03-17'],
    ['1 mei 2020', '2020-05-01'],
    ['oktober 2016', '2016-10'],
    // messy input
    ['  31\u00a0déc.\u00a02011 ', '2011-12-31'],
    ['15/09/2015.', '2015-09-15'],
    ['(May 2019)', '2019-05'],
    ['DÉC. 2011', '2011-12'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([['31/02/2015'], ['29/02/2015'], ['2015-13-01'], ['no date here'], [''], ['13/2015'], ['31 juin 2015']])(
    'rejects %s',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );

  it('accepts a leap day in a leap year', () => {
    expect(parseDate('29/02/2016')).toBe('2016-02-29');
  });

  it('never throws on hostile input', () => {
    expect(parseDate(undefined as unknown as string)).toBeNull();
    expect(parseDate('9'.repeat(10_000))).toBeNull();
  });
});

describe('parseDateRange', () => {
  it.each([
    // seed 000 (URBACT): the two dates printed side by side
    ['15/09/2015 03/05/2018', '2015-09-15', '2018-05-03'],
    ['Nov 2016 - June 2019', '2016-11', '2019-06'],
    ['2014-2020', '2014', '2020'],
    ['2014 – 2020', '2014', '2020'],
    ['from 1 March 2016 to 31 August 2018', '2016-03-01', '2018-08-31'],
    ['1 March - 31 August 2018', '2018-03-01', '2018-08-31'],
    ['du 1er janvier 2016 au 31 décembre 2017', '2016-01-01', '2017-12-31'],
    ['du 3 au 5 mars 2017', '2017-03-03', '2017-03-05'],
    ['von 1. März 2016 bis 31. August 2018', '2016-03-01', '2018-08-31'],
    ['von März bis Juni 2017', '2017-03', '2017-06'],
    ['desde el 1 de marzo de 2016 hasta el 31 de agosto de 2018', '2016-03-01', '2018-08-31'],
    ['dal 1 marzo 2016 al 31 agosto 2018', '2016-03-01', '2018-08-31'],
    ['de 1 de março de 2016 a 31 de agosto de 2018', '2016-03-01', '2018-08-31'],
    ['van 1 maart 2016 tot 31 augustus 2018', '2016-03-01', '2018-08-31'],
    ['Date du début: 31 déc. 2011,\nDate de fin: 29 sept. 2014', '2011-12-31', '2014-09-29'],
    ['01/09/2017\u00a0–\u00a031/08/2019', '2017-09-01', '2019-08-31'],
  ])('%s', (input, start, end) => {
    expect(parseDateRange(input)).toEqual({ start, end });
  });

  it('reads a lone date as a start unless the words before it say it ends the period', () => {
    expect(parseDateRange('Start: 2016')).toEqual({ start: '2016', end: null });
    expect(parseDateRange('until June 2019')).toEqual({ start: null, end: '2019-06' });
    expect(parseDateRange('bis 2020')).toEqual({ start: null, end: '2020' });
    expect(parseDateRange("jusqu'au 31 décembre 2017")).toEqual({ start: null, end: '2017-12-31' });
  });

  it('keeps an impossible date as null in its place rather than shifting the other date', () => {
    expect(parseDateRange('31/02/2015 03/05/2018')).toEqual({ start: null, end: '2018-05-03' });
    expect(parseDateRange('31/02/2015 31/04/2018')).toBeNull();
  });

  it('gives null when there is no date', () => {
    expect(parseDateRange('no dates at all')).toBeNull();
    expect(parseDateRange('')).toBeNull();
  });
});

describe('parseStatus', () => {
  it.each([
    ['Closed', 'completed'],
    ['Completed', 'completed'],
    ['Finished', 'completed'],
    ['PROJET\nTERMINÉ', 'completed'],
    ['terminé', 'completed'],
    ['Projet terminé.', 'completed'],
    ['abgeschlossen', 'completed'],
    ['finalizado', 'completed'],
    ['concluso', 'completed'],
    ['concluído', 'completed'],
    ['afgerond', 'completed'],
    ['ongoing', 'ongoing'],
    ['On-going', 'ongoing'],
    ['en cours', 'ongoing'],
    ['laufend', 'ongoing'],
    ['en curso', 'ongoing'],
    ['in corso', 'ongoing'],
    ['em curso', 'ongoing'],
    ['lopend', 'ongoing'],
    ['Active', 'ongoing'],
    ['planned', 'planned'],
    ['Upcoming', 'planned'],
    ['prévu', 'planned'],
    ['geplant', 'planned'],
    ['previsto', 'planned'],
    ['gepland', 'planned'],
    ['  Status:\u00a0Closed. ', 'completed'],
  ])('%s -> %s', (input, expected) => {
    expect(parseStatus(input)).toBe(expected);
  });

  it.each([['interactive tools'], ['Stay Tuned'], ['']])('finds no status in %s', (input) => {
    expect(parseStatus(input)).toBeNull();
  });
});

describe('statusFromDates', () => {
  const today = new Date('2020-06-15T12:00:00Z');
  it.each([
    ['2015-09-15', '2018-05-03', 'completed'],
    ['2019', '2020', 'ongoing'],
    ['2019', '2020-06', 'ongoing'],
    ['2019', '2020-05', 'completed'],
    ['2020-07', '2022', 'planned'],
    ['2021', null, 'planned'],
    ['2018', null, 'ongoing'],
    [null, '2019-12-31', 'completed'],
    [null, '2021', null],
    [null, null, null],
  ] as const)('%s .. %s -> %s', (start, end, expected) => {
    expect(statusFromDates(start, end, today)).toBe(expected);
  });
});
