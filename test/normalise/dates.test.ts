import { describe, expect, it } from 'vitest';
import { mentionsEvent, parseDate, parseDateRange, parsePeriodAfterName, parsePeriodInText, parseStatus, projectDateInText, saysCompleted, statusFromDates } from '../../src/normalise/dates.ts';

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

describe('DATES: messy forms on real pages', () => {
  it.each([
    // Polish and Greek month names, genitive and nominative
    ['1 maja 2014', '2014-05-01'],
    ['stycznia 2019 r.', '2019-01'],
    ['19 grudzień 2018', '2018-12-19'],
    ['27 Απριλίου 2018', '2018-04-27'],
    ['τον Ιανουάριο του 2020', '2020-01'],
    // a letter o typed for the zero of 30
    ['3o kwietnia 2017 r', '2017-04-30'],
    // day names and abbreviations with and without dots
    ['Mittwoch, 3. Mär 2021', '2021-03-03'],
    ['mer. 5 sept 2018', '2018-09-05'],
    ['martes 4 dic 2018', '2018-12-04'],
    ['5 ott. 2016', '2016-10-05'],
    ['1st of May 2019', '2019-05-01'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('keeps an ordinal 1o and a stray 2o that no month follows', () => {
    expect(parseDate('1o de maio de 2019')).toBe('2019-05-01');
    expect(parseDate('Το 2o EK Ηρακλείου')).toBeNull();
  });

  it.each([
    ['11/2014 – 10/2017', '2014-11', '2017-10'],
    ['01-11-2017 tot 05-04-2020', '2017-11-01', '2020-04-05'],
    ['entre octobre 2018 et février 2021', '2018-10', '2021-02'],
    ['Nov 2016 - June 2019', '2016-11', '2019-06'],
    ['Sept. 2014 – Aug. 2016', '2014-09', '2016-08'],
    ['2009–2011', '2009', '2011'],
    ['od 1 maja 2014 do 3o kwietnia 2017 r', '2014-05-01', '2017-04-30'],
  ])('range %s', (input, start, end) => {
    expect(parseDateRange(input)).toEqual({ start, end });
  });
});

describe('DATES: periods in running text (parsePeriodInText)', () => {
  it.each([
    ['Het project loopt van december 2019 tot september 2022.', '2019-12', '2022-09'],
    ['Pendant trente mois, entre Octobre 2018 et Février 2021, les partenaires ont travaillé.', '2018-10', '2021-02'],
    ['Projekt będzie realizowany od stycznia 2019 r. do maja 2021 r. w konsorcjum.', '2019-01', '2021-05'],
    ['Projekt realizowany jest od 1 maja 2014 r do 3o kwietnia 2017 r.', '2014-05-01', '2017-04-30'],
    ['Duur van het project: 01-11-2017 tot 05-04-2020.', '2017-11-01', '2020-04-05'],
    ['das Blickpunkt Identität in den Jahren 2009 bis 2011 koordinierte', '2009', '2011'],
    ['The project runs from 1st of May 2019 to 30 April 2021.', '2019-05-01', '2021-04-30'],
    ['dal 1 marzo 2016 al 31 agosto 2018', '2016-03-01', '2018-08-31'],
    ['desde enero de 2020 hasta diciembre de 2022', '2020-01', '2022-12'],
  ])('%s', (input, start, end) => {
    expect(parsePeriodInText(input)).toEqual({ start, end });
  });

  it.each([
    ['W dniach 3-4.07.2014 w Cagliari odbyło się spotkanie.'],
    ['Published on 3 May 2019 and updated on 5 June 2019.'],
    ['Im September 2023 hat der IB ein Projekt gestartet.'],
    ['In 2012 and 2013 the products won an award.'],
    [''],
  ])('finds no period in %s', (input) => {
    expect(parsePeriodInText(input)).toBeNull();
  });
});

describe('STATUS: completion said in running text (saysCompleted)', () => {
  it.each([
    ['The project was successfully completed and positively evaluated.'],
    ['A finales del año 2022 finalizó el Proyecto Erasmus+.'],
    ['Projet lancé en 2014 et cloturé en 2015.'],
    ['Projekty zakończone'],
    ['Das Projekt ist abgeschlossen.'],
    ['Il progetto si è concluso nel 2019.'],
    ['Het project is afgerond.'],
  ])('%s', (input) => {
    expect(saysCompleted(input)).toBe(true);
  });

  it.each([['The project is active in five countries.'], ['Projet en cours de réalisation'], ['Completion rates of upper secondary'], ['']])(
    'says nothing of %s',
    (input) => {
      expect(saysCompleted(input)).toBe(false);
    },
  );

  it.each([
    ['Projekty zakończone', 'completed'],
    ['w trakcie realizacji', 'ongoing'],
  ])('status word %s -> %s', (input, expected) => {
    expect(parseStatus(input)).toBe(expected);
  });
});

describe('DATES: every messy form of the issue', () => {
  it.each([
    // day names in the seven languages and Greek and Polish
    ['Monday, 3 May 2019', '2019-05-03'],
    ['lundi 3 mai 2019', '2019-05-03'],
    ['Montag, 3. Mai 2019', '2019-05-03'],
    ['lunes, 3 de mayo de 2019', '2019-05-03'],
    ['lunedì 3 maggio 2019', '2019-05-03'],
    ['segunda-feira, 3 de maio de 2019', '2019-05-03'],
    ['maandag 3 mei 2019', '2019-05-03'],
    ['Δευτέρα 3 Μαΐου 2019', '2019-05-03'],
    ['poniedziałek, 3 maja 2019', '2019-05-03'],
    // abbreviations with and without dots
    ['3 déc. 2019', '2019-12-03'],
    ['3 dec 2019', '2019-12-03'],
    ['5 sept 2018', '2018-09-05'],
    ['5 sept. 2018', '2018-09-05'],
    ['3. Mär. 2017', '2017-03-03'],
    ['3. Mär 2017', '2017-03-03'],
    ['3. Mrz. 2017', '2017-03-03'],
    ['12 gen. 2018', '2018-01-12'],
    ['12 gen 2018', '2018-01-12'],
    ['4 dic 2018', '2018-12-04'],
    ['4 dic. 2018', '2018-12-04'],
    ['5 out. 2018', '2018-10-05'],
    ['5 out 2018', '2018-10-05'],
    ['févr. 2015', '2015-02'],
    ['janv 2016', '2016-01'],
    ['ago. 2017', '2017-08'],
    ['set. 2019', '2019-09'],
    ['mrt. 2019', '2019-03'],
    ['juil. 2016', '2016-07'],
    ['Jän. 2020', '2020-01'],
    // ordinals
    ['1st of May 2019', '2019-05-01'],
    ['May 1st, 2019', '2019-05-01'],
    ['the 22nd of March 2018', '2018-03-22'],
    ['le 1er mai 2019', '2019-05-01'],
    ['3. Mai 2019', '2019-05-03'],
    ['1.º de maio de 2019', '2019-05-01'],
    ['1º de mayo de 2019', '2019-05-01'],
    ['1ste mei 2019', '2019-05-01'],
    // partial precision kept
    ['Mai 2019', '2019-05'],
    ['2019', '2019'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['Nov 2016 - June 2019', '2016-11', '2019-06'],
    ['Nov 2016 - 2019', '2016-11', '2019'],
    ['2014-2020', '2014', '2020'],
    ['2019/2020', '2019', '2020'],
    ['from May 2017 to October 2019', '2017-05', '2019-10'],
    ['from 3 to 5 May 2019', '2019-05-03', '2019-05-05'],
    ['3-5 May 2019', '2019-05-03', '2019-05-05'],
    ['du 1er mars 2016 au 31 août 2018', '2016-03-01', '2018-08-31'],
    ['vom 1. März 2016 bis zum 31. August 2018', '2016-03-01', '2018-08-31'],
    ['vom 3. Mai bis 5. Juni 2019', '2019-05-03', '2019-06-05'],
    ['del 1 de marzo de 2016 al 31 de agosto de 2018', '2016-03-01', '2018-08-31'],
    ['del 3 al 5 de marzo de 2017', '2017-03-03', '2017-03-05'],
    ['dal 3 al 5 marzo 2017', '2017-03-03', '2017-03-05'],
    ['de março de 2016 a agosto de 2018', '2016-03', '2018-08'],
    ['van 3 tot 5 maart 2017', '2017-03-03', '2017-03-05'],
    ['van september 2019 tot augustus 2021', '2019-09', '2021-08'],
  ])('range %s', (input, start, end) => {
    expect(parseDateRange(input)).toEqual({ start, end });
  });

  it('reads no year out of a project number', () => {
    expect(parseDate('2019-1-BG01-KA201-062278')).toBeNull();
    expect(parseDate('κωδικό 2019-1-BG01-KA201-062278, από τον Ιανουάριο του 2020')).toBe('2020-01');
  });
});

describe('DATES: event dates are not the project\'s', () => {
  it.each([
    ['From 14/06/2018 to 16/06/2018, staff of the organisations taking part in the project came together in London for the first Training.'],
    ['The project training course took place from 14 to 16 June 2018 in London.'],
    ['The kick-off meeting of the project was held from March 2017 to April 2017.'],
    ['La réunion de lancement du projet a eu lieu du 3 au 5 mars 2017.'],
    ['Das Projekttreffen fand vom 3. bis 5. Mai 2019 in Berlin statt.'],
    ['La conferencia del proyecto se celebró del 3 al 5 de marzo de 2017.'],
    ['La visita di studio del progetto si è svolta dal 3 al 5 marzo 2017.'],
    ['A cerimónia de entrega do prémio do projeto decorreu de 3 a 5 de março de 2017.'],
    ['De projectbijeenkomst vond plaats van 3 tot 5 maart 2017.'],
    ['Spotkanie projektu odbyło się od 3 do 5 marca 2017 r.'],
    ['Η συνάντηση του έργου έγινε από 3 έως 5 Μαρτίου 2017.'],
  ])('no project period in %s', (input) => {
    expect(parsePeriodInText(input)).toBeNull();
  });

  it.each([
    ['the second transnational meeting'], ['Schulung'], ['réunion de lancement'], ['jornada de formación'], ['convegno'], ['conferência'],
    ['bijeenkomst'], ['spotkanie'], ['εκδήλωση'], ['award ceremony'], ['study visit'], ['Kick-off'],
  ])('%s names an event', (input) => {
    expect(mentionsEvent(input)).toBe(true);
  });

  it.each([['The project develops tools for schools.'], ['ένα δίκτυο για τους νέους'], ['']])('%s names none', (input) => {
    expect(mentionsEvent(input)).toBe(false);
  });
});

describe('DATES: a lone start or end date in a sentence about the project (projectDateInText)', () => {
  it.each([
    ['Im September 2023 hat der IB in Neuenhagen ein neues europäisches Projekt gestartet, das Schulabbruch vorbeugen soll.', '2023-09', null],
    ['Bis August 2026 sollen im Projekt neue Wege entwickelt werden.', null, '2026-08'],
    ['In September 2023, the IB launched a new European project on early school leaving.', '2023-09', null],
    ['Running until August 2026, the project develops holistic approaches.', null, '2026-08'],
    ['Η σχολή συμμετέχει από τον Ιανουάριο του 2020 σε ευρωπαϊκό πρόγραμμα Erasmus+.', '2020-01', null],
    ['που από το 2017 ανήκουν στο εταιρικό σχήμα του ευρωπαϊκού προγράμματος', '2017', null],
    ['A finales del año 2022 finalizó el Proyecto Erasmus+.', null, '2022'],
    ['By the end of 2022 the Erasmus+ project was completed.', null, '2022'],
    ['Le projet a démarré en janvier 2019.', '2019-01', null],
    ['Le projet se poursuit jusqu\'en juin 2021.', null, '2021-06'],
    ['El proyecto comenzó en octubre de 2018.', '2018-10', null],
    ['Il progetto è iniziato nel marzo 2020.', '2020-03', null],
    ['O projeto começou em setembro de 2019.', '2019-09', null],
    ['Het project is gestart in januari 2020.', '2020-01', null],
    ['Het project loopt tot december 2022.', null, '2022-12'],
    ['Projekt rozpoczął się w styczniu 2019, a zakończył w maju 2021.', '2019-01', '2021-05'],
    ['The project started in May 2019 and ended in April 2021.', '2019-05', '2021-04'],
    ['Seit Oktober 2020 läuft das Projekt.', '2020-10', null],
  ])('%s', (input, start, end) => {
    expect(projectDateInText(input)).toEqual({ start, end });
  });

  it.each([
    ['The project was presented at a conference in Rome in May 2019.'],
    ['In May 2019 the project partners met in Rome for the kick-off meeting.'],
    ['Published: 10 February 2020'],
    ['The project involved 300 students in 2019.'],
    ['Am 5. Mai 2019 fand die Auftaktveranstaltung des Projekts statt, die das Projekt gestartet hat.'],
    ['Το 2o EK συμμετέχει σε πρόγραμμα με κωδικό 2019-1-BG01-KA201-062278.'],
    [''],
  ])('nothing of the project in %s', (input) => {
    expect(projectDateInText(input)).toBeNull();
  });
});

describe('STATUS: the closing of the project\'s own plan', () => {
  it.each([
    ['Los técnicos presentaron los resultados del proyecto en el acto de clausura del plan en Villa Melania.'],
    ['Con la clausura del programa, el proyecto entregó su informe.'],
    ['Le bilan a été présenté lors de la clôture du projet.'],
    ['Zum Projektabschluss trafen sich alle Partner.'],
    ['Alla chiusura del progetto i partner hanno presentato i risultati.'],
    ['No encerramento do projeto foram apresentados os resultados.'],
    ['Bij de afsluiting van het project werden de resultaten voorgesteld.'],
    ['After the closure of the project the toolkit stays online.'],
  ])('%s', (input) => {
    expect(saysCompleted(input)).toBe(true);
  });

  it.each([
    ['The closing conference of the project will take place in Rome.'],
    ['At the end of the project, students receive a certificate.'],
    ['Plan de acción del proyecto'],
    ['La clôture du projet aura lieu en juin.'],
    ['The project will be completed in 2025.'],
  ])('says nothing yet of %s', (input) => {
    expect(saysCompleted(input)).toBe(false);
  });
});

describe('DATES: the period written right after the project\'s name (parsePeriodAfterName)', () => {
  it.each([
    ['Ολοκληρώθηκε με επιτυχία το ευρωπαϊκό πρόγραμμα Erasmus+ ROAD 2019-2021 (κωδικός 2019-1-IT02-KA229-062779).', 'ROAD', { start: '2019', end: '2021' }],
    ['Le réseau Stop Dropout (2009–2011) a réuni six pays européens.', 'Stop Dropout', { start: '2009', end: '2011' }],
    ['Das Projekt NEETS at Risk, 09/2015 – 08/2018, wurde von Erasmus+ gefördert.', 'NEETS at Risk', { start: '2015-09', end: '2018-08' }],
  ])('%s', (text, name, period) => {
    expect(parsePeriodAfterName(text, name)).toEqual(period);
  });

  it.each([
    // the period of another thing, or not right after the name
    ['Das Projekt ROAD wurde im Rahmen von Erasmus+ 2014-2020 gefördert.', 'ROAD'],
    // a meeting's days, however close to the name
    ['ROAD 14/06/2018 - 16/06/2018: Treffen der Partner in Tripoli.', 'ROAD'],
    // a name inside another word
    ['ROADMAP 2019-2021 der Stadt.', 'ROAD'],
  ])('gives nothing for %s', (text, name) => {
    expect(parsePeriodAfterName(text, name)).toBeNull();
  });
});

describe('DATES: lone dates around a period, an aside in brackets, German starting verbs', () => {
  it('never reads the two years of a dashed period as a lone end', () => {
    // "Ολοκληρώθηκε" (was completed) before "2019-2021" would otherwise make 2019 the end.
    expect(projectDateInText('Ολοκληρώθηκε με επιτυχία το ευρωπαϊκό πρόγραμμα Erasmus+ ROAD 2019-2021, στο οποίο πήρε μέρος και το σχολείο.')).toBeNull();
  });

  it('reads a starting verb across an aside in brackets', () => {
    expect(
      projectDateInText('„Outreach Youth Work“ ist im Januar 2016 als zusätzliche Maßnahme im Rahmen der Jugendgarantie (Garantie pour la jeunesse) und des Jugendpaktes angelaufen, um Jugendliche zu begleiten.'),
    ).toEqual({ start: '2016-01', end: null });
    expect(projectDateInText('It started in 2016 at the Blaise Pascal school (Massy, Essonne) on the initiative of a research institute.')).toEqual({ start: '2016', end: null });
  });
});

describe('STATUS: completion in running text, in more languages and tenses', () => {
  it.each([
    ['Im Sommer 2011 ging diese erste Comenius-Regio-Partnerschaft mit Berliner Beteiligung zu Ende.'],
    ['Das Projekt ist im Juli 2019 zu Ende gegangen.'],
    ['Ολοκληρώθηκε με επιτυχία το ευρωπαϊκό πρόγραμμα Erasmus+ ROAD.'],
    ['Le projet s’est achevé en mai 2015.'],
  ])('%s', (input) => {
    expect(saysCompleted(input)).toBe(true);
  });

  it.each([
    // French reflexive present: the end is still ahead
    ["Où en est-on au Luxembourg, alors que ce projet soutenu par l'Europe s'achève le 31 mai"],
    ['Le projet se termine en juin avec une conférence finale.'],
    ['Die Kinder gingen gern zur Schule, am Ende des Tages.'],
  ])('says nothing yet of %s', (input) => {
    expect(saysCompleted(input)).toBe(false);
  });
});
