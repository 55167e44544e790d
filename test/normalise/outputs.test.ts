import { describe, expect, it } from 'vitest';
import { announcesOutputs, isProductName, outputsInProse, outputsOfAnnouncedList, outputType, parseOutput, parseOutputList, withoutProjectMentions } from '../../src/normalise/outputs.ts';
import { outputSchema } from '../../src/schema/record.ts';

// Seed 002 (up2europe, Learning Cities): the results block as the page prints it, run together,
// followed by the next heading glued to the last item.
const SEED_002_RESULTS =
  'Expected Results: What are the key results of the project?Activity 1- 1 report - learning cities- 1 educational guide- 1 training module for frontline staffmembers- 1 compendium of good practices - for volunteers- 1 common specification for education oriented spaces/facilitiesActivity 2- 1 compendium of good practices- 1 Report on existing practices of early intervention of young people at risk of dropping out of school- 1 Summary Report to PP3 Long and Short Time Out- 1 refined specification of Long and Short Time Out- 1 Summary report on IAG methodology- 1 Compendium of good practices of family involvement- 1 Summary report on life skills concept- 3 models of Life skills courses- 2 peer mentoring models- 3 models of bridging courses- 1 bridging course dedicated to NEET- 2 bridging courses for socially excluded adults- 1 virtual learning project platform- 6 case studies - innovative ICT based engagement and progression toolsAre all partners and territories benefitting from the results?Target groups & beneficiaries:These include local authorities and NGO involving in informal and formal education sector in each partner territory.';

// Seed 003 (AER PDF): bullets on lines, one line printed twice.
const SEED_003_OUTPUTS = `Outputs:

- Study report on dropout in regional context and about the result of the inventory work regarding best practices for prevention, intervention and compensation measures.
- Joint methodology to prevent dropout by cross sectoral cooperation
- Joint methodology to detect early school leavers and to identify their needs for re-motivate and re-engage them
- Joint methods and solutions for compensation measures to re-enter early school leavers the education
- Joint methods and solutions for compensation measures to re-enter early school leavers the education
- Policy recommendation for combat school dropout`;

describe('outputType', () => {
  it.each([
    // head nouns from the seeds
    ['1 training module for frontline staffmembers', 'training'],
    ['3 models of bridging courses', 'course'],
    ['3 models of Life skills courses', 'course'],
    ['2 peer mentoring models', 'methodology'],
    ['1 Summary report on IAG methodology', 'report'],
    ['1 Compendium of good practices of family involvement', 'compendium'],
    ['6 case studies - innovative ICT based engagement and progression tools', 'case-study'],
    ['1 virtual learning project platform', 'platform'],
    ['Policy recommendation for combat school dropout', 'policy-recommendation'],
    ['Joint methodology to prevent dropout by cross sectoral cooperation', 'methodology'],
    ['Study report on dropout in regional context', 'report'],
    ['1 educational guide', 'guide'],
    ['toolbox of successful methodologies', 'toolkit'],
    ['1 common specification for education oriented spaces/facilities', 'other'],
    // en
    ['Handbook for teachers', 'guide'], ['Final conference', 'event'], ['European network of second-chance schools', 'network'],
    ['Policy brief', 'policy-recommendation'], ['Collection of good practices', 'compendium'], ['Online course for mentors', 'course'],
    // fr
    ['Rapport final', 'report'], ['Guide pédagogique', 'guide'], ['Boîte à outils pour les écoles', 'toolkit'], ['Méthodologie commune', 'methodology'],
    ['Module de formation', 'training'], ['Recueil de bonnes pratiques', 'compendium'], ['Recommandations politiques', 'policy-recommendation'],
    ['Cours passerelle', 'course'], ['Plateforme en ligne', 'platform'], ['Étude de cas sur le décrochage', 'case-study'], ['Séminaire final', 'event'], ['Réseau régional', 'network'],
    // de
    ['Abschlussbericht zur Evaluation', 'report'], ['Leitfaden für Lehrkräfte', 'guide'], ['Werkzeugkasten', 'toolkit'], ['Methodik der Beratung', 'methodology'],
    ['Schulung für Ausbilder', 'training'], ['Kompendium', 'compendium'], ['Politikempfehlungen', 'policy-recommendation'], ['Kurs für Eltern', 'course'],
    ['Online-Plattform', 'platform'], ['Fallstudie', 'case-study'], ['Abschlussveranstaltung', 'event'], ['Netzwerk der Schulen', 'network'],
    // es
    ['Informe final', 'report'], ['Guía para docentes', 'guide'], ['Caja de herramientas', 'toolkit'], ['Metodología común', 'methodology'],
    ['Formación de formadores', 'training'], ['Compendio de buenas prácticas', 'compendium'], ['Recomendaciones políticas', 'policy-recommendation'],
    ['Curso de verano', 'course'], ['Plataforma digital', 'platform'], ['Estudio de caso', 'case-study'], ['Jornada final', 'event'], ['Red europea', 'network'],
    // it
    ['Rapporto finale', 'report'], ['Guida per insegnanti', 'guide'], ['Kit di strumenti', 'toolkit'], ['Metodologia condivisa', 'methodology'],
    ['Formazione per docenti', 'training'], ['Raccolta di buone pratiche', 'compendium'], ['Raccomandazioni politiche', 'policy-recommendation'],
    ['Corso di formazione per insegnanti', 'course'], ['Piattaforma online', 'platform'], ['Casi di studio', 'case-study'], ['Convegno finale', 'event'], ['Rete di scuole', 'network'],
    // pt
    ['Relatório final', 'report'], ['Guia para professores', 'guide'], ['Caixa de ferramentas', 'toolkit'], ['Metodologia comum', 'methodology'],
    ['Formação de professores', 'training'], ['Compêndio de boas práticas', 'compendium'], ['Recomendações políticas', 'policy-recommendation'],
    ['Curso de verão', 'course'], ['Plataforma online', 'platform'], ['Estudo de caso', 'case-study'], ['Conferência final', 'event'], ['Rede de escolas', 'network'],
    // nl
    ['Eindrapport', 'report'], ['Handleiding voor leraren', 'guide'], ['Gereedschapskist', 'toolkit'], ['Gezamenlijke methodologie', 'methodology'],
    ['Opleiding voor begeleiders', 'training'], ['Verzameling goede praktijken', 'compendium'], ['Beleidsaanbevelingen', 'policy-recommendation'],
    ['Cursus voor ouders', 'course'], ['Online platform', 'platform'], ['Gevalstudie', 'case-study'], ['Slotconferentie', 'event'], ['Netwerk van scholen', 'network'],
    // nothing known
    ['Something else entirely', 'other'], ['', 'other'],
  ])('%s -> %s', (text, expected) => {
    expect(outputType(text)).toBe(expected);
  });
});

describe('parseOutput', () => {
  it.each([
    ['3 models of bridging courses', { title: 'models of bridging courses', type: 'course', count: 3 }],
    ['1 report - learning cities', { title: 'report - learning cities', type: 'report', count: 1 }],
    ['- 2 peer mentoring models;', { title: 'peer mentoring models', type: 'methodology', count: 2 }],
    ['• Joint methodology to prevent dropout.', { title: 'Joint methodology to prevent dropout', type: 'methodology', count: null }],
    ['two guides', { title: 'guides', type: 'guide', count: 2 }],
    ['deux guides pour enseignants', { title: 'guides pour enseignants', type: 'guide', count: 2 }],
    ['drei Leitfäden', { title: 'Leitfäden', type: 'guide', count: 3 }],
    ['cinco cursos de verano', { title: 'cursos de verano', type: 'course', count: 5 }],
    ['\u00a0 6\u00a0case studies ', { title: 'case studies', type: 'case-study', count: 6 }],
    ['1. Report on dropout', { title: 'Report on dropout', type: 'report', count: null }],
    ['une formation', { title: 'une formation', type: 'training', count: null }],
  ])('%j', (text, expected) => {
    const parsed = parseOutput(text);
    expect(parsed).toEqual(expected);
    expect(outputSchema.safeParse(parsed).success).toBe(true);
  });

  it.each([[''], ['  - '], ['12'], [undefined as unknown as string]])('gives null for %j', (text) => {
    expect(parseOutput(text)).toBeNull();
  });
});

describe('parseOutputList', () => {
  it('splits seed 002’s run-together block into 19 outputs (5 in activity 1, 14 in activity 2)', () => {
    const outputs = parseOutputList(SEED_002_RESULTS);
    expect(outputs).toHaveLength(19);
    expect(outputs.slice(0, 5).map((o) => o.title)).toEqual([
      'report - learning cities',
      'educational guide',
      'training module for frontline staffmembers',
      'compendium of good practices - for volunteers',
      'common specification for education oriented spaces/facilities',
    ]);
    expect(outputs[18]).toEqual({ title: 'case studies - innovative ICT based engagement and progression tools', type: 'case-study', count: 6 });
    expect(outputs.map((o) => o.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 2, 3, 1, 2, 1, 6]);
    expect(outputs.some((o) => /Activity|\?/.test(o.title))).toBe(false);
  });

  it('drops seed 002’s whole block printed a second time', () => {
    const twice = `${SEED_002_RESULTS} What are the effects / outcomes for the territories involved?The outcomes include improving the quality. ${SEED_002_RESULTS}`;
    expect(parseOutputList(twice)).toEqual(parseOutputList(SEED_002_RESULTS));
  });

  it('reads seed 003’s bullets, skipping the heading and the repeated line', () => {
    const outputs = parseOutputList(SEED_003_OUTPUTS);
    expect(outputs.map((o) => o.type)).toEqual(['report', 'methodology', 'methodology', 'methodology', 'policy-recommendation']);
    expect(outputs.every((o) => o.count === null)).toBe(true);
  });

  it('treats differently cased repeats as one and different counts as two', () => {
    expect(parseOutputList('- 1 Guide\n- 1 guide\n- 2 guide')).toEqual([
      { title: 'Guide', type: 'guide', count: 1 },
      { title: 'guide', type: 'guide', count: 2 },
    ]);
  });

  it('reads headings in other languages as headings', () => {
    const outputs = parseOutputList('Activité 1 - 2 guides- 1 rapport final\nAktivität 2: - 3 Schulungen');
    expect(outputs).toEqual([
      { title: 'guides', type: 'guide', count: 2 },
      { title: 'rapport final', type: 'report', count: 1 },
      { title: 'Schulungen', type: 'training', count: 3 },
    ]);
  });

  it('gives an empty list for empty input', () => {
    expect(parseOutputList('')).toEqual([]);
    expect(parseOutputList('Outputs:')).toEqual([]);
  });
});

// Outputs and target groups part: products named in prose, in every language the generic adapter reads.
describe('outputs and target groups part: outputsInProse', () => {
  const kinds = (text: string, options = {}) => outputsInProse(text, options).map((o) => `${o.type}${o.count ? ` x${o.count}` : ''}`);

  it('reads a prose list with counts into one output each ("1 report, 2 ... and 3 ...")', () => {
    expect(kinds('The partners developed 1 report, 2 peer mentoring models and 3 bridging courses.')).toEqual([
      'report x1',
      'methodology x2',
      'course x3',
    ]);
  });

  it('counts spelled-out numbers in the seven languages and more', () => {
    expect(kinds('The project produced three guides for teachers.')).toEqual(['guide x3']);
    expect(kinds('Das Projekt hat drei Leitfäden erarbeitet.')).toEqual(['guide x3']);
    expect(kinds('Desenvolver duas intervenções piloto (em Trentino e em Lisboa).')).toEqual(['other x2']);
    expect(kinds('Le projet a créé deux guides et une plateforme en ligne.')).toEqual(['guide x2', 'platform']);
  });

  it('types products by their head noun, in head-first and head-last languages', () => {
    expect(kinds('Vient ensuite la création d’un guide de techniques d’éducation non-formelle destiné aux professeurs.')).toEqual(['guide']);
    // A report written for those who decide is a policy recommendation.
    expect(kinds('The project will build a prevention strategy for schools and a strategy report for decision-makers.')).toEqual([
      'methodology',
      'policy-recommendation',
    ]);
    expect(kinds('Se ha dado lugar a una Guía de buenas prácticas en prevención del abandono escolar, y a un decálogo de buenas prácticas.')).toEqual([
      'guide',
      'guide',
    ]);
    expect(kinds('Het project creëert ook ondernemershubs op middelbare scholen.')).toEqual(['other']);
    expect(kinds('Projekt ma przygotować nowe narzędzia wspierające aktywizację młodzieży NEET.')).toEqual(['toolkit']);
  });

  it('reads only sentences that say the project makes something, unless the section is labelled', () => {
    expect(kinds('Teachers need many tools in class every day.')).toEqual([]);
    expect(kinds('Teachers need many tools in class every day.', { labelled: true })).toEqual(['toolkit']);
  });

  it('takes the items of a list that a making sentence introduces', () => {
    const text = 'Die Broschüren des Projektes zum Herunterladen:\nPDF Broschüre – Risikocheck\nPDF Broschüre – Beratungsprofil';
    expect(outputsInProse(text).map((o) => o.title)).toEqual(['PDF Broschüre – Risikocheck', 'PDF Broschüre – Beratungsprofil']);
  });

  it('is not fooled by idioms, definitions, meetings, back-references and relative clauses', () => {
    expect(kinds('Dans le cadre du projet, nous avons développé des activités.')).toEqual([]);
    expect(kinds('The project develops new tools for young people not in employment, education or training.')).toEqual(['toolkit']);
    expect(kinds('The first meeting was organised in Rome to develop the work plan.')).toEqual([]);
    expect(kinds('El proyecto ha producido una guía y un decálogo, que es un resumen de esa guía.')).toEqual(['guide', 'guide']);
    expect(kinds('Ziel ist es, einen Lehrgang zu entwickeln, der Methodik und E-Training verbindet.')).toEqual(['course']);
    expect(kinds('Handouts and practical materials were developed.')).toEqual(['toolkit']);
  });

  it('skips sentences in another language than the record (a translated abstract)', () => {
    const text =
      'Los dos socios elaborarán un programa de actuación que se aplicará en las escuelas piloto de la región. The two partners will develop a programme to be implemented in pilot schools and publish a final report.';
    expect(kinds(text, { language: 'es' })).toEqual(['methodology']);
  });

  it('skips a quoted project title of six words or more', () => {
    expect(kinds('O Projeto «Caminhos flexíveis e uma metodologia eficiente para a transição» pretende construir uma metodologia nova.')).toEqual([
      'methodology',
    ]);
  });

  it('gives nothing for empty or non-text input', () => {
    expect(outputsInProse('')).toEqual([]);
    expect(outputsInProse(undefined as unknown as string)).toEqual([]);
  });
});

describe('outputs and target groups part: outputsInProse, round 2', () => {
  const kinds = (text: string) => outputsInProse(text).map((o) => o.type);

  it('reads no product from a making verb in a clause about a partner', () => {
    const text =
      'The Slovenian partner is a highly regarded governmental institution that develops new methodological concepts and modern education tools.';
    expect(outputsInProse(text)).toEqual([]);
  });

  it('reads products named with no making verb: through a platform, the improvement of a tool', () => {
    expect(kinds('Les professeurs donneront leur avis, via une plateforme en ligne, sur l’efficacité des techniques.')).toEqual(['platform']);
    expect(kinds('Improvement of the effectiveness of the digital profiling tool, which informs students about careers.')).toEqual(['platform']);
  });

  it('blanks a project name in capitals beside a project word', () => {
    expect(withoutProjectMentions('The NEETS project targets students')).not.toContain('NEETS');
    expect(withoutProjectMentions('O grupo alvo do projeto NEETS são os jovens')).not.toContain('NEETS');
    expect(withoutProjectMentions('students at increased risk of NEETs')).toContain('NEETs');
  });
});

describe('outputs and target groups part: outputsInProse, round 3', () => {
  const found = (text: string, options = {}) => outputsInProse(text, options).map((o) => `${o.type}${o.count ? ` x${o.count}` : ''}: ${o.title}`);

  it('reads a product named by a quoted title after its product word, in any language around it', () => {
    const text = 'Είκοσι πέντε παιδιά ήταν καλεσμένα στο MULTIPLIER EVENT «NET – NEET , a Network for Neet Mobility», την Παρασκευή 27 Απριλίου 2018.';
    expect(found(text, { language: 'el' })).toEqual(['event: MULTIPLIER EVENT «NET – NEET , a Network for Neet Mobility»']);
  });

  it('reads no product from breadcrumbs, a report heading or "school or training"', () => {
    const text =
      'CORDIS > Projects and Results > Reducing Early School Leaving in the EU Grant agreement ID: 320223 Final Report Summary - RESL.EU Executive Summary: The project sets out to understand what leads a pupil to leave school or training early.';
    expect(found(text)).toEqual([]);
  });

  it('reads no product from what the project carries out', () => {
    expect(found('To design common EU definitions and to carry out comparative policy analyses.')).toEqual([]);
  });

  it('types a report for those who decide as a policy recommendation', () => {
    expect(outputType('Strategiebericht für Entscheidungsträger*innen')).toBe('policy-recommendation');
    expect(outputType('un rapport pour les décideurs')).toBe('policy-recommendation');
    expect(outputType('a report on dropout')).toBe('report');
  });

  it('reads what the partners have at the end of the project as a product', () => {
    expect(found('Aan het eind van het project hebben de partners een netwerkframe/platform voor docenten en studenten.', { language: 'nl' })).toEqual([
      'platform: netwerkframe/platform voor docenten en studenten',
    ]);
  });

  it('reads the uncued items of a list whose other items say the project makes something', () => {
    const text = 'Developing Study Support methods;\nThe development of standard evaluation methods;\nWriting and publication of international reports;\nInternational Study Support conferences.';
    expect(found(text).map((o) => o.split(':')[0])).toEqual(['methodology', 'methodology', 'report', 'event']);
  });

  it('counts Dutch "één", not the article "een"', () => {
    expect(found('Wij maken één gids.', { language: 'nl' })).toEqual(['guide x1: gids']);
    expect(found('Het project ontwikkelt een gids.', { language: 'nl' })).toEqual(['guide: gids']);
  });

  it('keeps a title whole up to its end and cuts pronouns, adverbs, relative clauses and split verbs', () => {
    expect(found('Entre otros productos, el proyecto ha dado lugar a una Guía y a un decálogo de buenas prácticas, que viene a ser un resumen.', { language: 'es' })).toEqual([
      'guide: Guía',
      'guide: decálogo de buenas prácticas',
    ]);
    expect(found('Daarna ontwikkelen we samen educatieve programma’s voor studenten en docenten.', { language: 'nl' })).toEqual([
      'course: educatieve programma’s voor studenten en docenten',
    ]);
    expect(found('Het project wil bijdragen aan preventieve tools die het voortijdig schoolverlaten helpen terugdringen.', { language: 'nl' })).toEqual(['toolkit: preventieve tools']);
    expect(found('Het project creëert ook ondernemershubs.', { language: 'nl' })).toEqual(['other: ondernemershubs']);
    expect(found('Daarnaast worden instrumenten ontwikkeld om schoolverlaten terug te dringen.', { language: 'nl' })).toEqual(['toolkit: instrumenten']);
  });

  it('reads no product from the approach a project works with, nor from professional development', () => {
    expect(found('O projeto quer reduzir o abandono escolar numa abordagem holística: desenvolver programas de educação para alunos.', { language: 'pt' })).toEqual([
      'course: programas de educação para alunos',
    ]);
    expect(found('A formação inicial e o desenvolvimento profissional contínuo de professores ajudam-nos.', { language: 'pt' })).toEqual([]);
  });

  it('types plural online tools as a toolkit and a single digital tool as a platform', () => {
    expect(outputType('online tools for teachers')).toBe('toolkit');
    expect(outputType('digital profiling tool')).toBe('platform');
  });
});

describe('outputs: prose read with more care (round 4)', () => {
  const found = (text: string, options = {}) => outputsInProse(text, options).map((o) => `${o.type}${o.count ? ` x${o.count}` : ''}: ${o.title}`);
  const kinds = (text: string, options = {}) => outputsInProse(text, options).map((o) => `${o.type}${o.count ? ` x${o.count}` : ''}`);

  it('types a product by its noun, not by the words of its quoted title', () => {
    expect(outputType('Report finale “Lezioni apprese e piani futuri”')).toBe('report');
    expect(outputType('Guide «Cours de rattrapage»')).toBe('guide');
  });

  it('counts events the project organises, delivers or hosts, in the seven languages', () => {
    expect(kinds('- To share best practice inside the partnership by delivering 5 workshops on the key issues behind early school leaving.')).toEqual(['event x5']);
    expect(kinds('Partners organised 5 workshops with teachers in each country.')).toEqual(['event x5']);
    expect(kinds('O projeto desenvolveu três guias e organizou quatro workshops.', { language: 'pt' })).toEqual(['guide x3', 'event x4']);
    expect(kinds('Het project ontwikkelt twee handleidingen en organiseert vijf workshops.', { language: 'nl' })).toEqual(['guide x2', 'event x5']);
    expect(kinds('Il progetto ha realizzato due manuali e organizzato sei seminari.')).toEqual(['guide x2', 'event x6']);
  });

  it('reads no product from a numbered part of a programme or a timeline', () => {
    expect(found('Project Timeline 2013\nWorkshop 1 - UK 19th -20th November 2013. The partners developed the materials.')).toEqual(['toolkit: materials']);
    expect(found('Modul 2: Befragung im Prä-/Post-Design (Schüler:innen, Lehrkräfte, Eltern) zu Schulbesuchsproblemen.', { language: 'de' })).toEqual([]);
  });

  it('reads two bare nouns that share what follows as one product', () => {
    const text =
      'Projektpartner erarbeiten unter der Leitung der Hochschule (HdBA) Methoden und Instrumente, mit denen Studierende mit hohem Abbruchrisiko früh erkannt werden.';
    expect(kinds(text, { language: 'de' })).toEqual(['methodology']);
    expect(kinds('During the project there will be pilot sessions in all member countries, focusing the In-VET materials, tools and resources.')).toEqual([
      'training',
      'toolkit',
    ]);
    // Each with an article of its own, they are two.
    expect(kinds('Se ha dado lugar a una Guía de buenas prácticas, que se publicará pronto, y a un decálogo de buenas prácticas.', { language: 'es' })).toEqual([
      'guide',
      'guide',
    ]);
  });

  it('reads the examples after "such as", "wie", "comme" as part of the product before them', () => {
    expect(found('Alle Projektdaten werden auf dieser Website bereitgestellt, zusammen mit weiteren Materialien wie Dokumenten, Instrumenten und Videos.', { language: 'de' })).toEqual([
      'other: weiteren Materialien',
    ]);
    expect(kinds('The project developed teaching materials such as worksheets, tools and games.')).toEqual(['toolkit']);
  });

  it('reads no product from what the project transfers or what already exists', () => {
    expect(found('Assim, o projeto quer transferir para os parceiros ferramentas e metodologias inovadoras que deram bons resultados noutros contextos.', { language: 'pt' })).toEqual([]);
    expect(kinds('Das Konsortium entwickelt eine Strategie, indem es bewährte Serviceangebote – Begleitung, Beratung, Trainings und Arbeit – kombiniert.', { language: 'de' })).toEqual([
      'methodology',
    ]);
    expect(kinds('The project develops a toolkit for teachers, an inventory of existing practices and a guide.')).toEqual(['toolkit', 'compendium', 'guide']);
  });

  it('reads no product from the partnership, a network one works with, or less developed regions', () => {
    expect(found('The partnership brings together Public Employment Services and ministries, mixing more and less developed regions.')).toEqual([]);
    expect(found('Con una vasta rete di scuole del territorio, le tre organizzazioni hanno dato vita a un partenariato innovativo.', { language: 'it' })).toEqual([]);
    expect(found('Partners exchange experience on how interventions are designed in their regions: data collection and analysis, profiling, training and support.')).toEqual([]);
  });

  it('reads no product word that only qualifies the noun after it', () => {
    expect(found('Partners see best practice through benchmarking visits organised within the workshop schedule.')).toEqual([]);
    expect(outputType('Collaborating with city halls, institutes and teacher training colleges')).toBe('other');
  });

  it('reads a sentence that opens with an article as a sentence, not a relative clause', () => {
    expect(kinds('Die Ergebnisse werden in einem Bericht gebündelt und im Konsortium verbreitet.', { language: 'de' })).toEqual(['report']);
    expect(kinds('Wir arbeiten mit einer Einrichtung, die neue Instrumente entwickelt.', { language: 'de' })).toEqual([]);
  });

  it('reads the product a numbered item is headed by', () => {
    const text =
      'Les objectifs visés par ce projet sont :\n2) Transfert des outils et bonnes pratiques auprès des publics cibles : jeunes en difficulté.\n3) Formation des formateurs partenaires : des experts présenteront aux formateurs européens leurs pratiques.';
    expect(found(text, { language: 'fr' })).toEqual(['training: Formation des formateurs partenaires']);
  });

  it('keeps one output for a product the page names twice', () => {
    const text =
      'To build a network of European VET organisations that imports and exports best practice. The first workshop establishes a network of VET organisations for the import and export of best practice.';
    expect(kinds(text)).toEqual(['network']);
  });
});

describe('outputs: lists a line announces as results', () => {
  it('knows a short line ending in a colon that names the results, in the seven languages', () => {
    for (const line of [
      'The results developed in the project are:',
      'Les résultats du projet sont :',
      'Die Ergebnisse des Projekts sind:',
      'Los resultados del proyecto son:',
      'I risultati del progetto sono:',
      'Os produtos do projeto são:',
      'De resultaten van het project zijn:',
    ]) expect(announcesOutputs(line), line).toBe(true);
    expect(announcesOutputs('The results developed in the project are good.')).toBe(false);
    expect(announcesOutputs('Our partners are:')).toBe(false);
  });

  it('reads every item as one output, "other" when it names no known kind', () => {
    const items = [
      '1) Management manuals;',
      '2) A study of premature abandonment within the school system;',
      '3) Institutional programs that are applied in every participant country;',
      '4) Examples of good practices: a) Prevention of school dropout, b) Promotion of active citizenship;',
    ];
    expect(outputsOfAnnouncedList(items).map((o) => o.type)).toEqual(['guide', 'report', 'other', 'compendium']);
  });

  it('knows an item that is, whole, the name of a kind of product', () => {
    expect(isProductName('Best Practices')).toBe(true);
    expect(isProductName('- Toolkit')).toBe(true);
    expect(isProductName('Best practices in Ghent')).toBe(false);
    expect(isProductName('Europa Büro|April 3rd, 2019|Projects')).toBe(false);
  });
});

describe('outputs and target groups part: noteUnmatchedOutput', () => {
  it('notes no country, date, number or field label in capitals', async () => {
    const { collectUnmatched } = await import('../../src/normalise/unmatched.ts');
    const { noteUnmatchedOutput } = await import('../../src/normalise/outputs.ts');
    const { unmatched } = await collectUnmatched(async () => {
      for (const item of ['Italy', 'Spain', 'TITLE', '30/04/2018', '2014-2020', 'Lernspiel-Box']) noteUnmatchedOutput(item);
    });
    expect(unmatched).toEqual([{ field: 'outputs', label: 'Lernspiel-Box' }]);
  });
});

describe('outputs, round 5: general patterns', () => {
  it('takes the products that items of an announced activity list open with', () => {
    const text = [
      'Nel corso del progetto i ragazzi parteciperanno a tre attività:',
      'laboratori di quartiere, con esperti di orientamento e di comunicazione;',
      'un forum cittadino sulla scuola, aperto alle famiglie;',
      'una ricerca sul territorio, da cui nascerà un rapporto finale.',
      'Il progetto è finanziato dal Comune. Seguici su Facebook.',
    ].join('\n');
    const types = outputsInProse(text, { language: 'it' }).map((o) => o.type);
    expect(types).toEqual(['event', 'event', 'report']);
  });

  it('reads no product from items of a list no line announces as activities or results', () => {
    const text = 'I nostri valori:\nlaboratori di idee, ascolto e partecipazione;\nforum aperti a tutti.';
    expect(outputsInProse(text, { language: 'it' })).toEqual([]);
  });

  it('keeps a making verb after "from which" ("da cui", "de la que"): the clause says what is made', () => {
    expect(outputsInProse('Se hará un estudio de campo, del que saldrá una guía para los centros; de la que se publicará un informe anual.', {}).map((o) => o.type)).toContain('report');
    expect(outputsInProse('Un percorso di ascolto nelle scuole, da cui nasceranno un report finale e una campagna informativa.', {}).map((o) => o.type)).toEqual(['report', 'other']);
  });

  it('reads an article before a noun cue after a comma as an article, not a relative pronoun', () => {
    const text = 'Am Montag hat die Hochschule, gemeinsam mit dem Ministerium, die Ergebnisse ihrer Auswertung des Modellversuchs vorgestellt.';
    expect(outputsInProse(text, {}).map((o) => o.type)).toEqual(['report']);
  });

  it('counts a product named by several words after its number', () => {
    const [output] = outputsInProse('Over two years the partners will produce 24 Interactive Classroom Game Resources for teachers.', {});
    expect(output).toMatchObject({ type: 'toolkit', count: 24 });
    // A number before an article is no count of the product after it.
    expect(outputsInProse('The partners trained 25 teachers using the toolkit they developed.', {})[0]?.count ?? null).toBeNull();
  });

  it('reads spelled-out round figures as counts', () => {
    expect(outputsInProse('Es entstanden zwanzig Praxisbeispiele aus beiden Regionen.', {})[0]).toMatchObject({ type: 'compendium', count: 20 });
  });

  it('types strategy papers as policy recommendations', () => {
    expect(outputType('National Strategy papers')).toBe('policy-recommendation');
    expect(outputType('Strategiepapier für die Landesregierung')).toBe('policy-recommendation');
  });

  it('knows campaigns and job shadowing as products of no listed kind', () => {
    expect(outputsInProse('Le projet organisera une campagne de sensibilisation et trois stages d’observation de cinq jours.', {}).map((o) => [o.type, o.count])).toEqual([
      ['other', null],
      ['other', 3],
    ]);
  });

  it('reads no product from the EU strategies a programme boilerplate names', () => {
    const text =
      'Erasmus+ supports the Europe 2020 strategy for growth, jobs and inclusion, the strategic framework for education and training, the sustainable development of partner countries and the EU Youth Strategy.';
    expect(outputsInProse(text, { language: 'en' })).toEqual([]);
  });

  it('reads no product from methods a sentence says are learnt or conventional', () => {
    expect(outputsInProse('Teachers learn the strategies to prevent dropout and develop their competences.', {})).toEqual([]);
    expect(outputsInProse('So entstehen Widerstände gar nicht erst, an denen herkömmliche Ansätze oft scheitern.', {})).toEqual([]);
  });

  it('reads a sentence about multiplier events as one about the project\'s own products', () => {
    const types = outputsInProse('Die Materialien stehen auf der Lernplattform des Projekts bereit und werden in drei Multiplikatorenveranstaltungen vorgestellt.', {}).map((o) => [o.type, o.count]);
    expect(types).toContainEqual(['event', 3]);
    expect(outputsInProse('Partners from Spain and Italy will host two multiplier events next spring.', {}).map((o) => [o.type, o.count])).toContainEqual(['event', 2]);
  });

  it('ends a product title before the auxiliary of a passive', () => {
    expect(outputsInProse('Neue Netzwerke wurden geknüpft, bestehende weiter ausgebaut.', {})).toEqual([{ title: 'Neue Netzwerke', type: 'network', count: null }]);
  });
});
