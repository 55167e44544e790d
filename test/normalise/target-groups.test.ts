import { describe, expect, it } from 'vitest';
import targetGroupData from '../../src/schema/vocab/target-groups.json' with { type: 'json' };
import { TARGET_GROUP_CODES } from '../../src/schema/vocabularies.ts';
import { noteUnmatchedTargetGroups, targetGroupFor, targetGroupsIn, targetGroupsOfPage } from '../../src/normalise/target-groups.ts';
import { collectUnmatched } from '../../src/normalise/unmatched.ts';
import { synonymTable, VOCABULARY_LANGUAGES } from '../../src/normalise/vocab.ts';
import { ConfigError } from '../../src/core/errors.ts';

// Seed 002 (up2europe, Learning Cities): the target-group paragraph as printed.
const SEED_002_TARGETS =
  'Target groups & beneficiaries:These include local authorities and NGO involving in informal and formal education sector in each partner territory. Staff members of partners organisations, involved in social inclusion, informal and adult education fields (childcare, schools, educational support, outside school activities, youth activities, sport and culture, housing…). Volunteers engaged in local community initiatives run by third or public sector in the educational field.Residents from all ages, namely deprived and hardest to reach groups, e.g. those experiencing personal, social or professional difficulties linked to education and training challenge, including: low skilled adults, concerned with literacy or digital difficulties, isolated persons, young at risk of school dropout, families as means of supporting educational achievement of relatives.';

describe('targetGroupsIn', () => {
  it('finds seed 002’s groups, labelled as written, in order of first appearance', () => {
    expect(targetGroupsIn(SEED_002_TARGETS)).toEqual([
      { code: 'institutions', label: 'local authorities' },
      { code: 'practitioners', label: 'Staff members' },
      { code: 'disadvantaged', label: 'deprived' },
      { code: 'low-skilled-adults', label: 'low skilled adults' },
      { code: 'at-risk-learners', label: 'young at risk of school dropout' },
      { code: 'families', label: 'families' },
    ]);
  });

  it('reads seed 001’s beneficiaries line', () => {
    expect(targetGroupsIn('Early leavers from education and training')).toEqual([
      { code: 'early-leavers', label: 'Early leavers from education and training' },
    ]);
  });

  it.each([
    // early-leavers in the seven languages
    ['support for early school leavers', 'early-leavers', 'early school leavers'],
    ['Les décrocheurs du lycée', 'early-leavers', 'décrocheurs'],
    ['lutter contre le décrochage scolaire', 'early-leavers', 'décrochage scolaire'],
    ['Angebote für Schulabbrecher', 'early-leavers', 'Schulabbrecher'],
    ['reducir el abandono escolar temprano', 'early-leavers', 'abandono escolar temprano'],
    ['contrastare la dispersione scolastica', 'early-leavers', 'dispersione scolastica'],
    ['combater o abandono escolar precoce', 'early-leavers', 'abandono escolar precoce'],
    ['begeleiding van voortijdig schoolverlaters', 'early-leavers', 'voortijdig schoolverlaters'],
    // at-risk learners
    ['pupils at risk of early school leaving', 'at-risk-learners', 'pupils at risk of early school leaving'],
    ['élèves en risque de décrochage', 'at-risk-learners', 'élèves en risque de décrochage'],
    ['abbruchgefährdete Jugendliche', 'at-risk-learners', 'abbruchgefährdete Jugendliche'],
    ['alumnos en riesgo de abandono escolar', 'at-risk-learners', 'alumnos en riesgo de abandono escolar'],
    ['studenti a rischio di abbandono', 'at-risk-learners', 'studenti a rischio di abbandono'],
    ['alunos em risco de abandono', 'at-risk-learners', 'alunos em risco de abandono'],
    ['risicoleerlingen', 'at-risk-learners', 'risicoleerlingen'],
    // the other groups, one language each at least
    ['1 bridging course dedicated to NEET', 'neet', 'NEET'],
    ['jóvenes que ni estudian ni trabajan', 'neet', 'jóvenes que ni estudian ni trabajan'],
    ['projects for young people', 'young-people', 'young people'],
    ['pour les jeunes', 'young-people', 'jeunes'],
    ['Jugendliche und junge Erwachsene', 'young-people', 'Jugendliche'],
    ['"high-maintenance" apprentices', 'vet-learners', 'apprentices'],
    ['Auszubildende in Betrieben', 'vet-learners', 'Auszubildende'],
    ['adultes peu qualifiés', 'low-skilled-adults', 'adultes peu qualifiés'],
    ['laaggeletterden', 'low-skilled-adults', 'laaggeletterden'],
    ['counselling for migrants and refugees', 'migrants', 'migrants'],
    ['primo-arrivants', 'migrants', 'primo-arrivants'],
    ['Jugendliche mit Migrationshintergrund', 'migrants', 'Jugendliche mit Migrationshintergrund'],
    ['Roma children', 'minorities', 'Roma'],
    ['alumnado gitano', 'minorities', 'alumnado gitano'],
    ['students with special educational needs', 'special-needs', 'special educational needs'],
    ['bisogni educativi speciali', 'special-needs', 'bisogni educativi speciali'],
    ['coaching for vulnerable young people', 'disadvantaged', 'vulnerable young people'],
    ['hard-to-reach groups', 'disadvantaged', 'hard-to-reach'],
    ['kansarme jongeren', 'disadvantaged', 'kansarme jongeren'],
    ['les parents d’élèves', 'families', 'parents d’élèves'],
    ['Eltern', 'families', 'Eltern'],
    ['genitori e famiglie', 'families', 'genitori'],
    ['guidance counsellors and teachers', 'practitioners', 'guidance counsellors'],
    ['formateurs et enseignants', 'practitioners', 'formateurs'],
    ['vrijwilligers', 'practitioners', 'vrijwilligers'],
    ['voluntários', 'practitioners', 'voluntários'],
    ['vocational schools as well as companies', 'institutions', 'vocational schools'],
    ['politische Entscheidungsträger', 'institutions', 'politische Entscheidungsträger'],
    ['autarquias', 'institutions', 'autarquias'],
  ])('%s -> %s (%s)', (text, code, label) => {
    expect(targetGroupsIn(text)[0]).toEqual({ code, label });
  });

  it('is accent-, case- and space-insensitive and keeps the label as written', () => {
    expect(targetGroupsIn('DECROCHEURS')).toEqual([{ code: 'early-leavers', label: 'DECROCHEURS' }]);
    expect(targetGroupsIn('early\u00a0school   leavers')).toEqual([{ code: 'early-leavers', label: 'early school leavers' }]);
    expect(targetGroupsIn('Schulabbrecher.')).toEqual([{ code: 'early-leavers', label: 'Schulabbrecher' }]);
  });

  it('matches whole words only', () => {
    expect(targetGroupsIn('the staffroom and parental leave policy, grandparents')).toEqual([]);
  });

  it('gives one entry per code', () => {
    expect(targetGroupsIn('teachers, trainers and volunteers').map((g) => g.code)).toEqual(['practitioners']);
  });

  it('gives nothing for empty or hostile input', () => {
    expect(targetGroupsIn('')).toEqual([]);
    expect(targetGroupsIn(42 as unknown as string)).toEqual([]);
  });
});

describe('targetGroupFor', () => {
  it.each([
    ['Early leavers from education and training', 'early-leavers'],
    ['Jeunes en risque de décrochage scolaire', 'at-risk-learners'],
    ['Young people not in employment, education or training (NEET)', 'neet'],
    ['Lehrkräfte', 'practitioners'],
  ])('%s -> %s', (label, code) => {
    expect(targetGroupFor(label)).toEqual({ code, label });
  });

  it('prefers the group named by the longest phrase', () => {
    expect(targetGroupFor('Teachers of young people at risk of dropping out')?.code).toBe('at-risk-learners');
  });

  it('gives null when no group is named', () => {
    expect(targetGroupFor('Everyone')).toBeNull();
    expect(targetGroupFor('')).toBeNull();
  });
});

describe('target-groups.json', () => {
  it('gives every code several synonyms in each of the seven languages', () => {
    const data = targetGroupData as Record<string, Record<string, string[]>>;
    expect(Object.keys(data).sort()).toEqual([...TARGET_GROUP_CODES].sort());
    for (const code of TARGET_GROUP_CODES) {
      for (const language of VOCABULARY_LANGUAGES) {
        expect(data[code][language]?.length ?? 0, `${code}/${language}`).toBeGreaterThanOrEqual(1);
      }
      expect(Object.values(data[code]).flat().length, code).toBeGreaterThanOrEqual(14);
    }
  });

  it('is refused with a ConfigError when it does not match the codes', () => {
    expect(() => synonymTable('t.json', ['a', 'b'] as const, { a: ['x'] })).toThrow(ConfigError);
    expect(() => synonymTable('t.json', ['a'] as const, { a: ['x'], z: ['y'] })).toThrow(ConfigError);
    expect(() => synonymTable('t.json', ['a'] as const, { a: { en: [''] } })).toThrow(ConfigError);
    expect(synonymTable('t.json', ['a'] as const, { a: { en: ['x'], fr: ['y'] } })).toEqual({ a: ['x', 'y'] });
  });
});

// Outputs and target groups part: the groups a whole project page names as its groups.
describe('outputs and target groups part: targetGroupsOfPage', () => {
  const codes = (page: Parameters<typeof targetGroupsOfPage>[0]) => targetGroupsOfPage(page).map((g) => g.code);

  it('reads a labelled section whole, with the label as written', () => {
    expect(targetGroupsOfPage({ labelled: 'Teachers, school leaders and NEETs' })).toEqual([
      { code: 'practitioners', label: 'Teachers' },
      { code: 'neet', label: 'NEETs' },
    ]);
  });

  it('takes actors only from sentences that say whom the project is for, in seven languages', () => {
    expect(codes({ prose: 'The schools of the region met the teachers in May.' })).toEqual([]);
    expect(codes({ prose: 'The project is aimed at teachers and schools.' })).toEqual(['practitioners', 'institutions']);
    expect(codes({ prose: "Le guide s'adresse aux professeurs." })).toEqual(['practitioners']);
    expect(codes({ prose: 'Das Projekt richtet sich an Lehrkräfte und Eltern.' })).toEqual(['practitioners', 'families']);
    expect(codes({ prose: 'El programa está destinado a profesores.' })).toEqual(['practitioners']);
    expect(codes({ prose: 'Il progetto è rivolto a docenti e famiglie.' })).toEqual(['practitioners', 'families']);
    expect(codes({ prose: 'Ne beneficeranno 350 studenti, 500 famiglie e 60 docenti.' })).toEqual(['young-people', 'families', 'practitioners']);
    expect(codes({ prose: 'De training is bestemd voor docenten.' })).toEqual(['practitioners']);
  });

  it('takes specific groups wherever the project text names them', () => {
    expect(codes({ prose: 'Het project wil het aantal vroegtijdige schoolverlaters en NEET’s doen dalen.' })).toEqual(['early-leavers', 'neet']);
  });

  it('does not take the problem for a group ("early school leaving", "abandono escolar")', () => {
    expect(codes({ prose: 'The project fights early school leaving in the region.' })).toEqual([]);
    expect(codes({ prose: 'Un proyecto contra el abandono escolar temprano.' })).toEqual([]);
    expect(codes({ prose: 'Le projet accompagne des jeunes en décrochage scolaire et social.' })).toEqual(['early-leavers']);
  });

  it('drops young people in general when a more specific group of young people is named', () => {
    expect(codes({ prose: 'The project is aimed at young people who are NEETs.' })).toEqual(['neet']);
    expect(codes({ prose: 'The project is aimed at young people.' })).toEqual(['young-people']);
    expect(codes({ prose: 'The project targets students between 15 and 24 at increased risk of NEETs.' })).toEqual(['young-people', 'at-risk-learners']);
  });

  it('does not read the project name as a group, nor sentences in another language', () => {
    expect(codes({ prose: 'NEETS at Risk is an Erasmus+ project.', names: ['NEETS at Risk', 'NEETS'] })).toEqual([]);
    expect(
      codes({ prose: 'Los alumnos absentistas faltan a clase cada semana. Absenteeism and drop-outs are a big problem for both countries.', language: 'es' }),
    ).toEqual(['at-risk-learners']);
  });
});

describe('outputs and target groups part: targetGroupsOfPage, round 2', () => {
  const codes = (page: Parameters<typeof targetGroupsOfPage>[0]) => targetGroupsOfPage(page).map((g) => g.code);

  it('reads no group from the capitalised words of an organisation name', () => {
    const prose = 'The Equal Opportunities of Persons with Disabilities non-profit Ltd brought in the practitioners view.';
    expect(codes({ prose })).not.toContain('special-needs');
  });

  it('reads no group from a capitalised project name beside a project word', () => {
    expect(codes({ labelled: 'The NEETS project targets students between 15 and 24 years of age.' })).not.toContain('neet');
    expect(codes({ prose: 'O grupo alvo do projeto NEETS são os jovens formandos/estudantes dos 15 aos 24 anos.' })).not.toContain('neet');
  });

  it('counts practitioners the project trains or equips, or that it counts', () => {
    expect(codes({ prose: 'To equip those involved with NEET youth work with skills and competencies.' })).toContain('practitioners');
    expect(codes({ prose: 'The groups involved in the project are teachers, auxiliary and administrative school staff.' })).toContain('practitioners');
    expect(codes({ prose: 'In mei brachten 15 docenten, counselors en managers een studiebezoek aan Valencia.' })).toContain('practitioners');
    expect(codes({ prose: 'Daarna ontwikkelen we samen educatieve programma’s voor studenten en docenten.' })).toEqual(['young-people', 'practitioners']);
  });

  it('skips a group named again with a demonstrative, and a bare adjective of places', () => {
    expect(codes({ prose: 'To better support this vulnerable target group of young NEETs.' })).not.toContain('disadvantaged');
    expect(codes({ prose: 'Il progetto lavora in cinque contesti periferici vulnerabili italiani con giovani NEET.' })).toEqual(['neet']);
  });

  it('reads pupils with unexcused absences as at risk', () => {
    const prose = "C'est le cas des élèves de 15 à 18 ans qui ont accumulé 9 demi-jours d’absence injustifiés. C'est surtout à ces élèves que s'adresse le projet.";
    expect(codes({ prose })).toEqual(['at-risk-learners']);
  });

  it('notes the items of a labelled section that map to no code, and keeps them out of the codes', async () => {
    const labelled = 'Lehrkräfte\nQuartiersmanager\nSchulabbrecher';
    const { value, unmatched } = await collectUnmatched(async () => {
      noteUnmatchedTargetGroups(labelled);
      return targetGroupsOfPage({ labelled });
    });
    expect(value.map((g) => g.code)).toEqual(['practitioners', 'early-leavers']);
    expect(unmatched).toEqual([{ field: 'targetGroups', label: 'Quartiersmanager' }]);
  });
});

describe('outputs and target groups part: targetGroupsOfPage, round 3', () => {
  const codes = (page: Parameters<typeof targetGroupsOfPage>[0]) => targetGroupsOfPage(page).map((g) => g.code);

  it('reads no group from a statistic: a percentage, or a rate word beside a figure', () => {
    expect(codes({ prose: 'Mit der Strategie 2020 haben sich die Staaten vorgenommen, den Anteil der Dropouts bis 2020 unter 10% zu drücken.' })).toEqual([]);
    expect(codes({ prose: 'In Malta the rate of early school leavers was 17.5 in 2016.' })).toEqual([]);
  });

  it('keeps people counted as taking part in a statistics sentence, and a rate word stating the aim', () => {
    expect(codes({ prose: 'In mei 2017 brachten 15 docenten een studiebezoek aan Valencia (Reduction of Drop-out rates in VET).' })).toContain('practitioners');
    expect(codes({ prose: 'Le projet veut faire baisser le taux de jeunes « décrocheurs » dans les pays partenaires.' })).toEqual(['early-leavers']);
  });

  it('reads no group from a spelled-out NEET definition beside its short name, nor from a second name after a slash', () => {
    const prose =
      'In Southern Europe, young people who are neither in employment nor in education or training ("NEET: Not in Education, Employment or Training") are among the most relevant groups.';
    expect(codes({ prose })).not.toContain('neet');
    const pt = 'A metodologia permite reconhecer os jovens em risco de se tornarem NEET (Not in Education, Employment or Training) / "nem-nem" (nem estudam nem trabalham).';
    expect(codes({ prose: pt })).toEqual(['at-risk-learners']);
  });

  it('reads no practitioners from the staff of the partner organisations', () => {
    const prose = 'Staff of the organisations taking part in the project came together in London for the first training.';
    expect(codes({ prose })).toEqual([]);
  });

  it('reads no group from a heading line that names the project, nor from its name written alone', () => {
    expect(codes({ prose: 'NEETS at Risk\n\nProjeto Erasmus+ (2015-2018)', language: 'pt' })).toEqual([]);
    const prose = 'O grupo alvo do projeto NEETS são os jovens formandos/estudantes. O projeto vai apresentar uma caraterização da população NEETS nos países da parceria.';
    expect(codes({ prose, language: 'pt' })).not.toContain('neet');
  });

  it('reads no group from a sentence about an earlier project or a Council recommendation', () => {
    expect(codes({ prose: 'The earlier ATOMS project had shown that family factors were not given enough weight when dropouts are accompanied.' })).toEqual([]);
    const pt = 'Na Recomendação de 28 de junho de 2011, o Conselho recomenda criar sistemas de alerta precoce para alunos em risco.';
    expect(codes({ prose: pt, language: 'pt' })).toEqual([]);
  });

  it('takes a risk written right after a group as that group\'s qualifier', () => {
    const prose = 'With this project we want to reach families at risk of dropping out.';
    expect(codes({ prose })).toEqual(['families']);
  });

  it('reads a sentence glued to the one before it on its own', () => {
    const prose = 'El programa se presentará al Ministerio.Absenteeism and drop-outs are a big problem for both Turkey and Spain and the region.';
    expect(codes({ prose, language: 'es' })).toEqual([]);
  });

  it('maps the new phrasings of at-risk and early leavers', () => {
    expect(targetGroupsIn('Studierende mit hohem Abbruchrisiko').map((g) => g.code)).toEqual(['at-risk-learners']);
    expect(targetGroupsIn('Studienabbrecher').map((g) => g.code)).toEqual(['early-leavers']);
    expect(targetGroupsIn('jóvenes con riesgo de abandonar los estudios').map((g) => g.code)).toEqual(['at-risk-learners']);
    expect(targetGroupsIn('trainees at potential risk of dropping out of the VET system').map((g) => g.code)).toEqual(['at-risk-learners']);
    expect(targetGroupsIn('minori a rischio').map((g) => g.code)).toEqual(['at-risk-learners']);
  });
});

describe('outputs and target groups part: targetGroupsOfPage, round 3, German nouns', () => {
  it('reads a group after a dash that opens the sentence, German nouns being capitalised', () => {
    const prose = 'EU-Projekt "PrevDrop" gestartet\n– Neue Perspektiven für Studienabbrecher. Projektpartner erarbeiten Methoden.';
    expect(targetGroupsOfPage({ prose, language: 'de' }).map((g) => g.code)).toEqual(['early-leavers']);
  });
});

describe('target groups, round 4: labelled lists, context words before a group', () => {
  const codes = (page: Parameters<typeof targetGroupsOfPage>[0]) => targetGroupsOfPage(page).map((g) => g.code);

  it('keeps young people named alone as an item of a labelled list beside a more specific group', () => {
    const labelled =
      'Jovens formandos/estudantes dos 15 aos 24 anos a terminar a escolaridade obrigatória, mas em risco de se tornarem NEETs;\n' +
      'Jovens da mesma faixa etária que ainda frequentam a escola (ou que estão desempregados).';
    expect(codes({ labelled, language: 'pt' })).toEqual(expect.arrayContaining(['at-risk-learners', 'young-people']));
    // The same words in prose still give way to the specific group.
    expect(codes({ prose: 'O projeto apoia jovens em risco de se tornarem NEETs e outros jovens.', language: 'pt' })).toEqual(['at-risk-learners']);
  });

  it('reads the first sentence of a labelled paragraph whole and the rest as prose', () => {
    const labelled =
      'Das Angebot wendet sich an Jugendliche zwischen 16 und 26 Jahren in einer sogenannten NEET-Situation. ' +
      'Dazu gehören vor allem Schulabbrecher, denen Selbstvertrauen fehlt. Die Jugendarbeiter gehen auf diese jungen Menschen zu und begleiten sie.';
    expect(codes({ labelled, prose: labelled, language: 'de' })).toEqual(['neet', 'early-leavers']);
    // A press-release line under the section names a ministry, not a group.
    expect(codes({ labelled: 'Pressemitteilung des Ministeriums für Bildung, Kinder und Jugend' })).toEqual([]);
  });

  it('joins the lines a PDF wrapped inside a labelled section', () => {
    // Read apart, "young people in the region." would be an item of its own.
    const labelled = 'Target groups are NEETs and the youth workers who work with\nyoung people in the region.';
    expect(codes({ labelled })).toEqual(['neet', 'practitioners']);
    expect(codes({ labelled: 'NEETs\nYoung people in the region' })).toEqual(['neet', 'young-people']);
  });

  it('reads people in a situation of early school leaving or of social disadvantage as a group', () => {
    const es =
      'El objetivo ha sido diseñar planes de orientación profesional para jóvenes de 15 a 29 años que, por su situación de abandono escolar temprano (AET), tienen dificultades.';
    expect(codes({ prose: es, language: 'es' })).toContain('early-leavers');
    const en = 'OUR INSTITUTE HAS MANY STUDENTS IN SITUATIONS OF STRONG SOCIAL AND CULTURAL DISADVANTAGE, COMING FROM DEGRADED AREAS.';
    expect(codes({ prose: en })).toEqual(['disadvantaged']);
    expect(codes({ prose: 'Il progetto accompagna giovani in situazione di disagio sociale verso il lavoro.', language: 'it' })).toContain('disadvantaged');
  });

  it('reads no group from the problem named ("the issue of dropouts", "le phénomène des Neets")', () => {
    expect(codes({ prose: 'In-VET builds on two initiatives that already tackle the issue of dropouts in Europe.' })).toEqual([]);
    expect(codes({ prose: "Le phénomène des Neets touche l'ensemble de l'Europe.", language: 'fr' })).toEqual([]);
    expect(codes({ prose: 'Das Problem der Schulabbrecher wird oft unterschätzt.', language: 'de' })).toEqual([]);
  });

  it('reads no NEETs from what young people may become', () => {
    const pt = 'Depois de identificados os fatores de risco que levam os jovens a tornarem-se NEETs, o projeto cria um modelo de intervenção.';
    expect(codes({ prose: pt, language: 'pt' })).toEqual([]);
    expect(codes({ prose: 'Wir wollen verhindern, dass Jugendliche zu Schulabbrechern werden.', language: 'de' })).not.toContain('early-leavers');
  });

  it('reads "families ... of pupils" as one group, and no group from those the project cooperates with', () => {
    const en =
      'With this project we want to reach families, paying particular attention to families at risk of dropping out, of pupils aged from 6 to 18 years, and to encourage cooperation between families, schools and social assistance actors.';
    expect(codes({ prose: en })).toEqual(['families']);
    expect(codes({ prose: 'Le projet s’adresse aux parents des élèves et renforce la coopération entre écoles et associations.', language: 'fr' })).toEqual([
      'families',
    ]);
  });

  it('reads no group from its measured size, unless the project sets out to reduce it', () => {
    const de =
      'Die Angebote der Bildung sollen an neue Herausforderungen angepasst werden – die hohe Jugendarbeitslosigkeit und den hohen Anteil von Schülern mit Migrationshintergrund.';
    expect(codes({ prose: de, language: 'de' })).toEqual([]);
    expect(codes({ prose: 'Im Mittelpunkt stand die Frage, wie sich der Anteil der Abbrecher/innen verringern lässt.', language: 'de' })).toEqual([
      'early-leavers',
    ]);
  });

  it('takes the people among whom a problem is prevented as a group of their own', () => {
    const prose =
      'MOTIVATION: Every year more students in Europe run the risk of leaving school early. PURPOSE: The prevention of early school leaving among young people, by having them talk with each other.';
    expect(codes({ prose })).toEqual(['at-risk-learners', 'young-people']);
  });

  it('reads a cue with an adverb inside ("richt zich ook op", "richtet sich vor allem an")', () => {
    const nl = 'Het project richt zich ook op leerkrachten die extra kennis nodig hebben om leerlingen die geneigd zijn om voortijdig van school te gaan te herkennen.';
    expect(codes({ prose: nl, language: 'nl' })).toEqual(['practitioners', 'at-risk-learners']);
    expect(codes({ prose: 'Das Programm richtet sich vor allem an Lehrkräfte und Sozialarbeiter.', language: 'de' })).toEqual(['practitioners']);
  });

  it('takes a cue that holds a group as saying whom what follows is for', () => {
    const es =
      'Lideran el proyecto, un programa que defiende centros educativos que integren estrategias de orientación pensadas para jóvenes con riesgo de abandonar los estudios.';
    expect(codes({ prose: es, language: 'es' })).toEqual(['at-risk-learners']);
  });

  it('counts teachers trained in a German compound, and reads no group from sentences about other projects', () => {
    expect(codes({ prose: 'Für eine 6-tägige internationale Lehrer-Fortbildung erarbeitete das Projektteam eigene Module.', language: 'de' })).toEqual([
      'practitioners',
    ]);
    const other = 'Weitere Projekte von ISOB zum Thema: EARLY identification and TAILORED intervention for young people at risk of NEET.';
    expect(codes({ prose: other })).toEqual([]);
  });

  it('maps people who left school early in the seven languages', () => {
    expect(targetGroupsIn('jongeren die voortijdig met hun opleiding zijn gestopt').map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn('young people who have left school early').map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn("des jeunes qui ont quitté l'école sans diplôme").map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn('Jugendliche, die die Schule ohne Abschluss verlassen haben').map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn('jóvenes que han abandonado los estudios').map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn('ragazzi che hanno abbandonato la scuola').map((g) => g.code)).toContain('early-leavers');
    expect(targetGroupsIn('jovens que abandonaram a escola').map((g) => g.code)).toContain('early-leavers');
  });
});

describe('target groups, round 4: whom a problem hits', () => {
  it('keeps the group a problem word is "of" ("early drop-out of VET students")', () => {
    const prose = 'The aim of the project is to boost educational partnerships in order to combat early drop-out of VET students.';
    expect(targetGroupsOfPage({ prose }).map((g) => g.code)).toEqual(['vet-learners']);
  });
});

describe('target groups, round 5: general patterns', () => {
  it('takes every audience of a product written "for X as well as for Y", institutions among them', () => {
    const prose =
      'The consortium will create a set of open educational resources for refugees as well as for youth workers, adult education providers and policy makers in five countries.';
    expect(targetGroupsOfPage({ prose, language: 'en' }).map((g) => g.code)).toEqual(['migrants', 'practitioners', 'institutions']);
  });

  it('still leaves out institutions a product is for when they are its only audience', () => {
    const prose = 'We are building an online platform for schools and municipalities.';
    expect(targetGroupsOfPage({ prose, language: 'en' }).map((g) => g.code)).toEqual([]);
  });

  it('takes the group whose competences the project builds, not the groups owning it', () => {
    expect(targetGroupsOfPage({ prose: 'Objetivo: reforzar las competencias profesionales de los docentes de los centros socios.', language: 'es' }).map((g) => g.code)).toEqual(['practitioners']);
    expect(targetGroupsOfPage({ prose: 'Doel is de vaardigheden van mentoren te versterken.', language: 'nl' }).map((g) => g.code)).toEqual(['practitioners']);
    // "competences of the learning processes" names no group, and cues nothing else in the sentence.
    expect(targetGroupsOfPage({ prose: 'Teachers meet to develop the key competences of the different learning processes.', language: 'en' })).toEqual([]);
  });

  it('takes the respondents a survey lists in brackets', () => {
    const prose = 'Teilprojekt B: Online-Befragung (Schüler:innen, Lehrkräfte, Erziehungsberechtigte) zu Fehlzeiten an Gemeinschaftsschulen.';
    expect(targetGroupsOfPage({ prose, language: 'de' }).map((g) => g.code)).toEqual(['young-people', 'practitioners', 'families']);
    // Brackets after no survey word say nothing of whom the project serves.
    expect(targetGroupsOfPage({ prose: 'Die Schulen (Lehrkräfte, Schulleitung) tauschen sich regelmäßig aus.', language: 'de' })).toEqual([]);
  });

  it('reads groups described by a relative clause: who left school, or risk doing so', () => {
    expect(targetGroupsOfPage({ prose: 'The course offers a second chance to adults who have left school without a diploma.', language: 'en' }).map((g) => g.code)).toContain('early-leavers');
    expect(
      targetGroupsOfPage({ prose: 'Wij begeleiden jongeren die voortijdig hun opleiding hebben verlaten, of die dat risico lopen.', language: 'nl' }).map((g) => g.code),
    ).toEqual(['early-leavers', 'at-risk-learners']);
  });

  it('knows risk groups and absent pupils as learners at risk', () => {
    expect(targetGroupsIn('En una primera fase se identificarán los grupos de riesgo mediante cuestionarios.').map((g) => g.code)).toEqual(['at-risk-learners']);
    expect(targetGroupsIn('Le collège veut raccrocher les élèves absents.').map((g) => g.code)).toEqual(['at-risk-learners']);
  });
});
