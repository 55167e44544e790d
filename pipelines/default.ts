import { definePipeline } from '../src/core/pipeline-config.ts';
import { DEFAULT_USER_AGENT } from '../src/fetch/user-agent.ts';

// The seed sites of the repository. `elet run --replay fixtures` serves these same URLs from
// fixtures/ on loopback; without --replay they are fetched from the real sites.
const CEDEFOP_TOOLKIT = 'https://www.cedefop.europa.eu/en/toolkits/vet-toolkit-tackling-early-leaving';

export default definePipeline({
  name: 'default',
  userAgent: DEFAULT_USER_AGENT,
  sources: [
    {
      adapter: 'urbact',
      seeds: [
        'https://urbact.eu/networks/stay-tuned',
        'https://urbact.eu/networks/on-board',
        'https://urbact.eu/networks/schoolhoods',
        // the old node address of Stay Tuned: redirects to the page above and is handled once
        'https://urbact.eu/node/769',
      ],
    },
    {
      adapter: 'cedefop',
      seeds: [
        `${CEDEFOP_TOOLKIT}/good-practices`,
        'https://www.cedefop.europa.eu/pl/toolkits/vet-toolkit-tackling-early-leaving/resources/stay-tuned',
        `${CEDEFOP_TOOLKIT}/resources/ausbildungsbegleitende-hilfen-vocational`,
        `${CEDEFOP_TOOLKIT}/resources/coaching-and-counseling-apprentices-and`,
      ],
    },
    {
      adapter: 'up2europe',
      seeds: [
        'https://www.up2europe.eu/european/projects.html?q=early+school+leaving',
        'https://www.up2europe.eu/fr/european/projects/crossborder-cities-fostering-engagement-and-progression-of-all-citizens-into-lifelong-and-life-wide-learning_140645.html',
      ],
    },
    {
      adapter: 'aer-pdf',
      seeds: [
        'https://aer.eu/wp-content/uploads/2015/10/JET-CD-project-summary.pdf',
        'https://aer.eu/wp-content/uploads/2018/06/Drop-in-project-summary.pdf',
        'https://aer.eu/wp-content/uploads/2015/03/DROP-APP-project-summary.pdf',
      ],
    },
    {
      adapter: 'generic',
      seeds: [
        'https://cardet.org/projects/early-school-leavers-drop-in',
        'https://www.erasmusly.com/lets-go-to-school-erasmus-project-6459.html',
        'https://www.best.at/internationale-projekte/projekte/abgeschlossene-projekte/blossom/',
        'https://afpdronero.it/?p=2673',
        'http://www.proyectoscprgijon.es/WayBack2School/es/el-proyecto/',
        'https://agence.erasmusplus.fr/projets/decouvrir-des-outils-europeens-pour-reconcilier-les-jeunes-avec-lecole',
        'http://trialweb.jednoduse.cz/?p=1235',
      ],
    },
  ],
  // Programme sites are public services: two requests at a time and a pause between them.
  hosts: {
    'urbact.eu': { concurrency: 2, minDelayMs: 500 },
    'www.cedefop.europa.eu': { concurrency: 2, minDelayMs: 500 },
    'www.up2europe.eu': { concurrency: 1, minDelayMs: 1000 },
    'aer.eu': { concurrency: 1, minDelayMs: 1000 },
  },
  defaultHost: { concurrency: 1, minDelayMs: 1000 },
  concurrency: 8,
  maxFailureRate: 0.2,
  dedupe: {
    mergeThreshold: 0.8,
    reviewThreshold: 0.5,
    // Per field, the sources to trust first: a programme's own site before an aggregator.
    precedence: {
      default: ['urbact', 'aer-pdf', 'up2europe', 'cedefop', 'generic'],
      summary: ['cedefop', 'urbact', 'aer-pdf', 'up2europe', 'generic'],
      educationLevels: ['cedefop', 'urbact', 'aer-pdf', 'up2europe', 'generic'],
      measureTypes: ['cedefop', 'urbact', 'aer-pdf', 'up2europe', 'generic'],
    },
  },
});
