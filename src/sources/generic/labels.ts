// The visible labels the generic reader looks for, in the languages of the projects we collect.
// This is data, not logic: supporting a new language, or a site's own wording, is adding strings
// here. Matching ignores case, accents, a trailing colon and surrounding white space.

export type FieldName =
  | 'title'
  | 'acronym'
  | 'summary'
  | 'aims'
  | 'startDate'
  | 'endDate'
  | 'period'
  | 'status'
  | 'programme'
  | 'identifier'
  | 'countries'
  | 'partners'
  | 'leadPartner'
  | 'outputs'
  | 'targetGroups'
  | 'themes'
  | 'educationLevels'
  | 'measureTypes'
  | 'website'
  | 'stop';

type Language = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl';

export const FIELD_LABELS: Record<FieldName, Partial<Record<Language, readonly string[]>>> = {
  title: {
    en: ['Title', 'Project title', 'Project name', 'Name of the project', 'Name of the practice'],
    fr: ['Titre', 'Titre du projet', 'Nom du projet', 'Intitulé du projet'],
    de: ['Titel', 'Projekttitel', 'Projektname', 'Name des Projekts'],
    es: ['Título', 'Título del proyecto', 'Nombre del proyecto'],
    it: ['Titolo', 'Titolo del progetto', 'Nome del progetto'],
    pt: ['Título do projeto', 'Nome do projeto'],
    nl: ['Titel', 'Projecttitel', 'Projectnaam', 'Naam van het project'],
  },
  acronym: {
    en: ['Acronym', 'Project acronym', 'Short name'],
    fr: ['Acronyme', 'Sigle'],
    de: ['Akronym', 'Kurztitel', 'Kurzname'],
    es: ['Acrónimo', 'Siglas'],
    it: ['Acronimo'],
    pt: ['Acrónimo', 'Acrônimo', 'Sigla'],
    nl: ['Acroniem'],
  },
  summary: {
    en: ['Summary', 'Project summary', 'Description', 'Project description', 'Short description', 'Abstract', 'About the project', 'Overview', 'Summary of the project'],
    fr: ['Résumé', 'Résumé du projet', 'Description', 'Description du projet', 'Présentation', 'Présentation du projet', 'À propos du projet'],
    de: ['Beschreibung', 'Projektbeschreibung', 'Kurzbeschreibung', 'Zusammenfassung', 'Über das Projekt', 'Projektinhalt'],
    es: ['Descripción', 'Descripción del proyecto', 'Resumen', 'Resumen del proyecto', 'El proyecto', 'Sobre el proyecto'],
    it: ['Descrizione', 'Descrizione del progetto', 'Sintesi', 'Sintesi del progetto', 'Il progetto', 'Abstract'],
    pt: ['Descrição', 'Descrição do projeto', 'Resumo', 'Resumo do projeto', 'Sobre o projeto'],
    nl: ['Beschrijving', 'Projectbeschrijving', 'Samenvatting', 'Over het project', 'Omschrijving'],
  },
  // Aims stand in for a summary when a page has no description of its own (project PDFs often don't).
  aims: {
    en: ['Aim', 'Aims', 'Aim of the project', 'Aims of the project', 'Objectives', 'Project objectives', 'Objective', 'Project aim and objectives', 'Goals'],
    fr: ['Objectif', 'Objectifs', 'Objectifs du projet', 'But du projet'],
    de: ['Ziel', 'Ziele', 'Projektziel', 'Projektziele', 'Ziel des Projekts', 'Zielsetzung'],
    es: ['Objetivo', 'Objetivos', 'Objetivos del proyecto'],
    it: ['Obiettivo', 'Obiettivi', 'Obiettivi del progetto', 'Finalità'],
    pt: ['Objetivo', 'Objetivos', 'Objetivos do projeto'],
    nl: ['Doel', 'Doelen', 'Doelstelling', 'Doelstellingen'],
  },
  startDate: {
    en: ['Start date', 'Start', 'Project start', 'Starting date', 'Date of start', 'Begin date'],
    fr: ['Date de début', 'Date du début', 'Début', 'Début du projet', 'Date de démarrage'],
    de: ['Beginn', 'Projektbeginn', 'Startdatum', 'Start', 'Laufzeitbeginn'],
    es: ['Fecha de inicio', 'Fecha inicio', 'Inicio', 'Fecha de comienzo', 'Inicio proyecto', 'Inicio del proyecto'],
    it: ['Data di inizio', 'Data inizio', 'Inizio', 'Avvio'],
    pt: ['Data de início', 'Início', 'Data de inicio'],
    nl: ['Startdatum', 'Begindatum', 'Start', 'Aanvang'],
  },
  endDate: {
    en: ['End date', 'End', 'Project end', 'Ending date', 'Date of end', 'Closing date'],
    fr: ['Date de fin', 'Fin', 'Fin du projet', 'Date de clôture'],
    de: ['Ende', 'Projektende', 'Enddatum', 'Laufzeitende'],
    es: ['Fecha de fin', 'Fecha fin', 'Fecha de finalización', 'Fin', 'Fecha de término', 'Fin proyecto', 'Fin del proyecto'],
    it: ['Data di fine', 'Data fine', 'Fine', 'Conclusione', 'Data di conclusione'],
    pt: ['Data de fim', 'Fim', 'Data de conclusão', 'Data de término'],
    nl: ['Einddatum', 'Einde', 'Eind'],
  },
  period: {
    en: ['Duration', 'Period', 'Project duration', 'Project period', 'Dates', 'Timeframe', 'Time frame', 'Lifetime', 'Implementation period', 'Running time', 'Year', 'Years', 'Project year', 'Project years', 'Project dates', 'Project lifetime'],
    fr: ['Durée', 'Période', 'Durée du projet', 'Période de réalisation', 'Dates', 'Dates du projet', 'Période du projet', 'Années'],
    de: ['Laufzeit', 'Projektlaufzeit', 'Zeitraum', 'Dauer', 'Projektdauer', 'Förderzeitraum', 'Projektzeitraum', 'Laufzeit des Projekts'],
    es: ['Duración', 'Período', 'Periodo', 'Duración del proyecto', 'Fechas', 'Periodo de ejecución', 'Período de ejecución', 'Fechas del proyecto'],
    it: ['Durata', 'Periodo', 'Durata del progetto', 'Date', 'Periodo di realizzazione', 'Periodo di svolgimento'],
    pt: ['Duração', 'Período', 'Duração do projeto', 'Período de execução', 'Calendarização'],
    nl: ['Looptijd', 'Periode', 'Duur', 'Projectperiode', 'Duur van het project', 'Looptijd van het project', 'Projectduur'],
  },
  status: {
    en: ['Status', 'Project status', 'Stage of implementation', 'State'],
    fr: ['Statut', 'État', 'Etat du projet', 'Statut du projet', 'Avancement'],
    de: ['Status', 'Projektstatus', 'Stand'],
    es: ['Estado', 'Estado del proyecto', 'Situación'],
    it: ['Stato', 'Stato del progetto'],
    pt: ['Estado', 'Estado do projeto', 'Situação'],
    nl: ['Status', 'Projectstatus'],
  },
  programme: {
    en: ['Programme', 'Program', 'Funding programme', 'Funding program', 'EU programme', 'EU program', 'Funded by', 'Funding', 'Programme and call', 'Program and announcement'],
    fr: ['Programme', 'Programme de financement', 'Programme européen', 'Financement', 'Financé par'],
    de: ['Programm', 'EU-Programm', 'Förderprogramm', 'Förderung', 'Gefördert durch'],
    es: ['Programa', 'Programa de financiación', 'Programa europeo', 'Financiación', 'Financiado por'],
    it: ['Programma', 'Programma di finanziamento', 'Programma europeo', 'Finanziamento', 'Finanziato da'],
    pt: ['Programa', 'Programa de financiamento', 'Financiamento', 'Financiado por'],
    nl: ['Programma', 'Financieringsprogramma', 'Financiering', 'Gefinancierd door'],
  },
  identifier: {
    en: ['Project number', 'Project reference', 'Project code', 'Project ID', 'Project N°', 'Project No', 'Project nr', 'Grant agreement', 'Grant agreement number', 'Grant agreement no', 'Agreement number', 'Reference', 'Reference number'],
    fr: ['Numéro de projet', 'Numéro du projet', 'Référence', 'Référence du projet', 'Convention de subvention', 'Code du projet', 'N° de projet'],
    de: ['Projektnummer', 'Projektnr', 'Projekt-Nr', 'Förderkennzeichen', 'Aktenzeichen', 'Vertragsnummer'],
    es: ['Número de proyecto', 'Referencia', 'Referencia del proyecto', 'Código del proyecto', 'Nº de proyecto', 'Número de convenio'],
    it: ['Numero di progetto', 'Numero progetto', 'Codice progetto', 'Codice del progetto', 'Riferimento', 'N. progetto'],
    pt: ['Número do projeto', 'Referência', 'Código do projeto', 'Referência do projeto'],
    nl: ['Projectnummer', 'Referentie', 'Projectcode', 'Subsidieovereenkomst'],
  },
  countries: {
    en: ['Countries', 'Country', 'Participating countries', 'Countries involved', 'Partner countries', 'Location'],
    fr: ['Pays', 'Pays participants', 'Pays partenaires', 'Pays concernés'],
    de: ['Länder', 'Land', 'Teilnehmende Länder', 'Partnerländer', 'Beteiligte Länder'],
    es: ['Países', 'País', 'Países participantes', 'Países socios'],
    it: ['Paesi', 'Paese', 'Paesi partecipanti', 'Paesi partner', 'Paesi coinvolti'],
    pt: ['Países', 'País', 'Países participantes', 'Países parceiros'],
    nl: ['Landen', 'Land', 'Deelnemende landen', 'Partnerlanden'],
  },
  partners: {
    en: ['Partners', 'Partner', 'Partnership', 'Project partners', 'Consortium', 'Participants', 'Partner organisations', 'Partner organizations', 'Other partners', 'Other partners of the consortium', 'Partner institutions', 'Beneficiary organisations'],
    fr: ['Partenaires', 'Partenaire', 'Partenariat', 'Partenaires du projet', 'Consortium', 'Autres partenaires'],
    de: ['Partner', 'Projektpartner', 'Partnerschaft', 'Partnerorganisationen', 'Konsortium', 'Weitere Partner', 'Partnereinrichtungen'],
    es: ['Socios', 'Socio', 'Socios del proyecto', 'Entidades socias', 'Consorcio', 'Otros socios', 'Partenariado'],
    it: ['Partner', 'Partner del progetto', 'Partenariato', 'Partenariato del progetto', 'Consorzio', 'Altri partner'],
    pt: ['Parceiros', 'Parceiro', 'Parceiros do projeto', 'Parceria', 'Consórcio'],
    nl: ['Partners', 'Partner', 'Projectpartners', 'Partnerschap', 'Consortium'],
  },
  leadPartner: {
    en: ['Lead partner', 'Lead Partner', 'Coordinator', 'Project coordinator', 'Coordinating organisation', 'Coordinating organization', 'Lead organisation', 'Lead organization', 'Applicant', 'Lead beneficiary', 'Project promoter'],
    fr: ['Chef de file', 'Coordinateur', 'Coordonnateur', 'Porteur du projet', 'Porteur de projet', 'Coordinateur du projet'],
    de: ['Koordinator', 'Koordination', 'Projektkoordinator', 'Lead Partner', 'Projektträger', 'Antragsteller', 'Federführung'],
    es: ['Coordinador', 'Coordinador del proyecto', 'Entidad coordinadora', 'Socio principal', 'Jefe de fila'],
    it: ['Capofila', 'Coordinatore', 'Ente capofila', 'Coordinatore del progetto', 'Soggetto capofila'],
    pt: ['Coordenador', 'Entidade coordenadora', 'Coordenador do projeto', 'Promotor'],
    nl: ['Penvoerder', 'Coördinator', 'Projectcoördinator', 'Hoofdaanvrager'],
  },
  outputs: {
    en: ['Outputs', 'Output', 'Results', 'Project results', 'Expected results', 'Deliverables', 'Products', 'Intellectual outputs', 'Main results', 'What are the key results of the project?', 'Key results', 'Resources', 'Project resources', 'Project outputs', 'Project deliverables', 'Expected outputs', 'Main outputs'],
    fr: ['Résultats', 'Résultats du projet', 'Résultats attendus', 'Livrables', 'Productions', 'Produits', 'Ressources', 'Réalisations', 'Productions du projet'],
    de: ['Ergebnisse', 'Projektergebnisse', 'Produkte', 'Erwartete Ergebnisse', 'Outputs', 'Projektprodukte', 'Ressourcen', 'Materialien'],
    es: ['Resultados', 'Resultados del proyecto', 'Productos', 'Resultados esperados', 'Entregables', 'Recursos', 'Productos del proyecto', 'Materiales'],
    it: ['Risultati', 'Risultati del progetto', 'Prodotti', 'Risultati attesi', 'Output', 'Risorse', 'Prodotti del progetto', 'Materiali'],
    pt: ['Resultados', 'Resultados do projeto', 'Produtos', 'Resultados esperados', 'Recursos', 'Produtos do projeto', 'Materiais'],
    nl: ['Resultaten', 'Projectresultaten', 'Producten', 'Opbrengsten', 'Materialen', 'Projectproducten'],
  },
  targetGroups: {
    en: ['Target groups', 'Target group', 'Beneficiaries', 'Target audience', 'Target groups & beneficiaries', 'Target groups and beneficiaries', 'Who is it for', 'Participants and target groups', 'For whom', 'Target audiences', 'Intended beneficiaries', 'Final beneficiaries'],
    fr: ['Publics cibles', 'Public cible', 'Groupes cibles', 'Groupe cible', 'Bénéficiaires', 'Public visé', 'Publics visés', 'Public concerné', 'Publics concernés', 'Pour qui'],
    de: ['Zielgruppen', 'Zielgruppe', 'Begünstigte', 'Adressaten', 'Für wen', 'Zielgruppe des Projekts'],
    es: ['Destinatarios', 'Grupos destinatarios', 'Público objetivo', 'Beneficiarios', 'Colectivo destinatario', 'Colectivos destinatarios', 'Dirigido a', 'A quién va dirigido', 'Personas destinatarias', 'Población destinataria'],
    it: ['Destinatari', 'Gruppi target', 'Target', 'Beneficiari', 'Gruppi destinatari', 'Gruppo target', 'Target group', 'A chi si rivolge', 'Destinatari del progetto'],
    pt: ['Público-alvo', 'Público alvo', 'Destinatários', 'Grupos-alvo', 'Grupo-alvo', 'Grupo alvo', 'Grupos alvo', 'Beneficiários', 'A quem se destina'],
    nl: ['Doelgroepen', 'Doelgroep', 'Begunstigden', 'Voor wie', 'Doelgroep van het project'],
  },
  themes: {
    en: ['Themes', 'Theme', 'Topics', 'Topic', 'Tags', 'Keywords', 'Project topics', 'Subjects', 'Areas'],
    fr: ['Thèmes', 'Thème', 'Thématiques', 'Mots-clés', 'Sujets'],
    de: ['Themen', 'Thema', 'Schlagworte', 'Schlagwörter', 'Stichworte'],
    es: ['Temas', 'Tema', 'Palabras clave', 'Etiquetas', 'Temáticas'],
    it: ['Temi', 'Tema', 'Parole chiave', 'Tag', 'Argomenti'],
    pt: ['Temas', 'Tema', 'Palavras-chave', 'Tópicos'],
    nl: ["Thema's", 'Thema', 'Trefwoorden', 'Onderwerpen'],
  },
  educationLevels: {
    en: ['Education level', 'Education levels', 'Education level and sector', 'Level of education', 'Educational level', 'Sector', 'ISCED level'],
    fr: ["Niveau d'éducation", "Niveau d'enseignement", 'Niveau de formation', 'Secteur éducatif', 'Secteur'],
    de: ['Bildungsniveau', 'Bildungsbereich', 'Bildungsstufe', 'Bildungssektor'],
    es: ['Nivel educativo', 'Nivel de educación', 'Sector educativo'],
    it: ['Livello di istruzione', 'Livello educativo', 'Settore educativo'],
    pt: ['Nível de ensino', 'Nível de educação', 'Setor educativo'],
    nl: ['Onderwijsniveau', 'Onderwijssector'],
  },
  measureTypes: {
    en: ['Type of policy/initiative', 'Type of measure', 'Measure type', 'Type of intervention', 'Policy type'],
    fr: ['Type de mesure', "Type d'action", "Type d'intervention"],
    de: ['Art der Maßnahme', 'Maßnahmentyp', 'Maßnahmenart'],
    es: ['Tipo de medida', 'Tipo de intervención'],
    it: ['Tipo di misura', 'Tipo di intervento'],
    pt: ['Tipo de medida', 'Tipo de intervenção'],
    nl: ['Type maatregel', 'Soort maatregel'],
  },
  website: {
    en: ['Website', 'Project website', 'Project homepage', 'Homepage', 'Web', 'Contact website', 'More information'],
    fr: ['Site web', 'Site internet', 'Site du projet'],
    de: ['Webseite', 'Website', 'Projektwebseite', 'Homepage'],
    es: ['Sitio web', 'Página web', 'Web del proyecto'],
    it: ['Sito web', 'Sito del progetto', 'Sito internet'],
    pt: ['Sítio web', 'Página web', 'Website do projeto'],
    nl: ['Website', 'Projectwebsite'],
  },
  // Labels that start a part of the page we do not read; they end whatever section came before.
  stop: {
    en: [
      'Contact', 'Contacts', 'Contact name', 'Contact email', 'Contact details', 'Contact details for further information', 'Contact person',
      'Timeline', 'Budget', 'Total budget', 'EU contribution', 'EU grant', 'Grant', 'Articles', 'Related articles', 'Related', 'Related projects',
      'News', 'Latest news', 'Events', 'Documents', 'Downloads', 'Gallery', 'Media', 'Share', 'Share this', 'Share this page', 'Tags cloud',
      'Date of creation', 'Level of implementation / Scope', 'Evidence of effectiveness of the measure', 'Type of action', 'Key action',
      'Action type', 'Project key action', 'Project action type', 'Project call year', 'Call year', 'Call', 'Edited on', 'Last updated', 'Published',
      'Comments', 'Leave a comment', 'See also', 'Disclaimer', 'Methodology', 'Activities', 'Methodology, activities and outcomes', 'Impact',
      'What are the effects / outcomes for the territories involved?', 'Are all partners and territories benefitting from the results?',
      // Related and other content: what follows belongs to other projects and posts.
      'Related posts', 'Related news', 'Other projects', 'More projects', 'Similar projects', 'You may also like', 'You might also like', 'Read also', 'Other news',
    ],
    fr: ['Contact', 'Contacts', 'Action', 'Subvention', 'Subventions', 'Subvention Erasmus+', 'Subventions Erasmus+', 'Budget', 'Budget total', 'Actualités', 'Articles liés', 'Partager', 'Documents', 'Téléchargements', 'Calendrier', 'Voir aussi', 'Méthodologie', 'Activités', 'Articles similaires', 'Articles récents', 'Autres projets', 'Vous aimerez aussi', 'À lire aussi', 'Lire aussi', 'Sur le même sujet'],
    de: ['Kontakt', 'Ansprechpartner', 'Ansprechpartnerin', 'Ausschreibung', 'Budget', 'Fördersumme', 'Aktuelles', 'Neuigkeiten', 'Teilen', 'Dokumente', 'Downloads', 'Siehe auch', 'Methodik', 'Aktivitäten', 'Ähnliche Beiträge', 'Ähnliche Artikel', 'Verwandte Artikel', 'Weitere Projekte', 'Andere Projekte', 'Das könnte Sie auch interessieren', 'Weitere Artikel', 'Weitere Beiträge'],
    es: ['Contacto', 'Convocatoria', 'Presupuesto', 'Noticias', 'Compartir', 'Documentos', 'Descargas', 'Ver también', 'Metodología', 'Actividades', 'Artículos relacionados', 'Noticias relacionadas', 'Otros proyectos', 'Te puede interesar', 'También te puede interesar', 'Lee también'],
    it: ['Contatti', 'Contatto', 'Bando', 'Budget', 'Notizie', 'Condividi', 'Documenti', 'Download', 'Vedi anche', 'Metodologia', 'Attività', 'Potrebbe interessarti', 'Ti potrebbe interessare', 'Articoli correlati', 'Notizie correlate', 'Altri progetti', 'Leggi anche'],
    pt: ['Contacto', 'Contato', 'Orçamento', 'Notícias', 'Partilhar', 'Documentos', 'Metodologia', 'Atividades', 'Leia também', 'Artigos relacionados', 'Notícias relacionadas', 'Outros projetos', 'Veja também'],
    nl: ['Contact', 'Budget', 'Nieuws', 'Delen', 'Documenten', 'Downloads', 'Methodologie', 'Activiteiten', 'Gerelateerde berichten', 'Gerelateerde artikelen', 'Andere projecten', 'Lees ook', 'Meer nieuws'],
  },
};

/**
 * Funding programmes recognised by name anywhere in the text, as the record writes them. Order
 * matters only for ties; the earliest mention in the page wins.
 */
export const PROGRAMME_NAMES: readonly { name: string; pattern: RegExp }[] = [
  // "Erasmus project" is how Erasmus+ databases name the projects they list.
  { name: 'Erasmus+', pattern: /\berasmus\s*(?:\+|plus\b)|\berasmus\s+projects?\b/i },
  { name: 'Interreg', pattern: /\binterreg\b/i },
  { name: 'URBACT', pattern: /\burbact\b/i },
  { name: 'Horizon 2020', pattern: /\bhorizon\s*2020\b|\bh2020\b/i },
  { name: 'ESF', pattern: /\bESF\+?(?=[\s,.;:)]|$)|\bFSE\+?(?=[\s,.;:)]|$)|european social fund|fonds social européen|europäischen? sozialfonds|fondo social europeo|fondo sociale europeo|fundo social europeu|europees sociaal fonds/i },
  { name: 'Lifelong Learning Programme', pattern: /lifelong learning programme|programme pour l'éducation et la formation tout au long de la vie|programm für lebenslanges lernen/i },
  { name: 'Comenius', pattern: /\bcomenius\b/i },
  { name: 'Leonardo da Vinci', pattern: /\bleonardo da vinci\b/i },
  { name: 'Grundtvig', pattern: /\bgrundtvig\b/i },
];

/** Erasmus+ (and Lifelong Learning) project numbers, e.g. 2017-1-UK01-KA205-035400 or 2021-1-IT02-KA220-SCH-000034567. */
export const PROJECT_NUMBER_PATTERN = /\b\d{4}-\d-[A-Z]{2}\d{2}-KA\d{3}(?:-[A-Z]{3})?-\d{5,9}\b|\b\d{4}-\d-[A-Z]{2}\d-[A-Z]{3}\d{2}-\d{5}\b/g;

/** Phrases of a result listing ("Displaying results 1 - 12 out of 15"): such a page lists projects, it is not one. */
export const LISTING_PATTERNS: readonly RegExp[] = [
  /\b(?:displaying|showing)\s+(?:results\s+)?\d+\s*[-–]\s*\d+\s+(?:out\s+)?of\s+\d+/i,
  /\b\d+\s+results?\s+found\b/i,
  /\brésultats?\s+\d+\s*[-–]\s*\d+\s+sur\s+\d+/i,
  /\bergebnisse\s+\d+\s*[-–]\s*\d+\s+von\s+\d+/i,
  /\bresultados\s+\d+\s*[-–]\s*\d+\s+de\s+\d+/i,
  /\brisultati\s+\d+\s*[-–]\s*\d+\s+(?:di|su)\s+\d+/i,
  /\bresultaten\s+\d+\s*[-–]\s*\d+\s+van\s+\d+/i,
];

/** Breadcrumb words that open saved page texts before the title. */
export const BREADCRUMB_WORDS: readonly string[] = [
  'home', 'home page', 'homepage', 'accueil', "page d'accueil", 'startseite', 'inicio', 'página de inicio', 'página inicial', 'pagina iniziale', 'início',
];

/**
 * The funding disclaimer EU-funded pages must carry ("The European Commission support for the
 * production of this publication does not constitute an endorsement..."): never part of a summary.
 */
export const DISCLAIMER_PATTERN =
  /(?:european commission|commission européenne|europäischen? kommission|comisión europea|commissione europea|comissão europeia|europese commissie).{0,200}(?:responsib|endorse|responsab|verantwort|haftet|declina|aansprakelijk)/i;

/**
 * Words that name a project (or the programme that funds it) in running text, in the languages of
 * the pages we collect: a period or a status word in a sentence without one is as likely about an
 * event, a post or a statistic.
 */
export const PROJECT_WORD_PATTERN =
  /(?<![\p{L}])(?:projects?|projet|projekt\p{L}*|proyecto|progetto|projeto|projecto|project\p{L}*|programme|program\p{L}*|partnership|erasmus|interreg|urbact|κα\d|ka\d{1,3}|πρ[οό]γρ[αά]μμ\p{L}*|[εέ]ργ(?:ο|ου|α|ων))(?![\p{L}])/iu;
