import cityData from '../schema/vocab/cities.json' with { type: 'json' };
import { comparableText } from './text.ts';

// Big European cities under their English and local names. Partners are written either way
// ("Gothenburg" on URBACT, "Göteborg" on a Swedish page), and nothing but a table can tell that
// "Gand" is "Gent". The first name of each line is the one every other name folds to.
const CITY_NAME_GROUPS: readonly string[][] = [
  ['Ghent', 'Gent', 'Gand', 'Gante'],
  ['Brussels', 'Bruxelles', 'Brussel', 'Brüssel', 'Bruselas', 'Bruxelas', 'Bruxelles-Capitale'],
  ['Antwerp', 'Antwerpen', 'Anvers', 'Amberes', 'Anversa'],
  ['Liège', 'Luik', 'Lüttich', 'Lieja'],
  ['Bruges', 'Brugge', 'Brujas'],
  ['Leuven', 'Louvain', 'Löwen'],
  ['Mechelen', 'Malines'],
  ['Gothenburg', 'Göteborg', 'Goteborg'],
  ['Copenhagen', 'København', 'Kobenhavn', 'Kopenhagen', 'Copenhague', 'Copenaghen'],
  ['Lisbon', 'Lisboa', 'Lisbonne', 'Lissabon', 'Lisbona'],
  ['Porto', 'Oporto'],
  ['Munich', 'München', 'Muenchen', 'Monaco di Baviera', 'Múnich'],
  ['Cologne', 'Köln', 'Koeln', 'Colonia'],
  ['Nuremberg', 'Nürnberg', 'Nuernberg', 'Norimberga'],
  ['Vienna', 'Wien', 'Vienne', 'Viena'],
  ['Prague', 'Praha', 'Prag', 'Praga'],
  ['Warsaw', 'Warszawa', 'Warschau', 'Varsovie', 'Varsovia'],
  ['Krakow', 'Kraków', 'Krakau', 'Cracovie', 'Cracovia'],
  ['Athens', 'Athina', 'Athína', 'Athen', 'Athènes', 'Atenas', 'Atene'],
  ['Thessaloniki', 'Salonica', 'Thessalonique', 'Saloniki'],
  ['Rome', 'Roma', 'Rom'],
  ['Milan', 'Milano', 'Mailand'],
  ['Turin', 'Torino'],
  ['Florence', 'Firenze', 'Florenz', 'Florencia'],
  ['Naples', 'Napoli', 'Neapel', 'Nápoles'],
  ['Venice', 'Venezia', 'Venedig', 'Venise', 'Venecia'],
  ['Genoa', 'Genova', 'Genua', 'Gênes'],
  ['The Hague', 'Den Haag', "'s-Gravenhage", 'La Haye', 'La Haya', "L'Aia"],
  ['Seville', 'Sevilla', 'Séville', 'Siviglia'],
  ['Saragossa', 'Zaragoza', 'Saragosse'],
  ['Barcelona', 'Barcelone'],
  ['Bucharest', 'București', 'Bucuresti', 'Bukarest', 'Bucarest'],
  ['Sofia', 'Sofiya', 'София'],
  ['Belgrade', 'Beograd', 'Belgrad'],
  ['Ljubljana', 'Laibach'],
  ['Bratislava', 'Pressburg'],
  ['Tallinn', 'Reval'],
  ['Vilnius', 'Wilna', 'Vilna'],
  ['Helsinki', 'Helsingfors'],
  ['Turku', 'Åbo'],
  ['Dublin', 'Baile Átha Cliath'],
  ['Luxembourg', 'Luxemburg', 'Lëtzebuerg', 'Lussemburgo', 'Luxemburgo'],
  ['Strasbourg', 'Straßburg', 'Strassburg', 'Estrasburgo'],
  ['Lille', 'Rijsel'],
  ['Bolzano', 'Bozen'],
  ['Frankfurt', 'Frankfurt am Main', 'Francfort'],
  ['Padua', 'Padova', 'Padoue'],
  ['Bologna', 'Bolonia', 'Bologne', 'Bolonha'],
  ['Reykjavik', 'Reykjavík'],
  // Regions, written apart from a city's name as often as cities are: "Region Sardinien".
  ['Sardinia', 'Sardegna', 'Sardinien', 'Sardaigne', 'Cerdeña', 'Sardenha'],
  ['Sicily', 'Sicilia', 'Sizilien', 'Sicile'],
  ['Tuscany', 'Toscana', 'Toskana', 'Toscane'],
  ['Lombardy', 'Lombardia', 'Lombardei', 'Lombardie'],
  ['Piedmont', 'Piemonte', 'Piemont'],
  ['Apulia', 'Puglia', 'Apulien', 'Pouilles'],
  ['Bavaria', 'Bayern', 'Bavière', 'Baviera'],
  ['Catalonia', 'Catalunya', 'Cataluña', 'Katalonien', 'Catalogne', 'Catalogna'],
  ['Andalusia', 'Andalucía', 'Andalusien', 'Andalousie'],
  ['Flanders', 'Vlaanderen', 'Flandre', 'Flandern', 'Fiandre'],
  ['Wallonia', 'Wallonie', 'Wallonien', 'Vallonia', 'Valonia'],
  ['Brittany', 'Bretagne', 'Bretaña', 'Bretagna'],
  ['Aosta Valley', "Valle d'Aosta", "Vallée d'Aoste", 'Aostatal'],
];

const CANONICAL_BY_FOLDED_NAME: ReadonlyMap<string, string> = new Map(
  CITY_NAME_GROUPS.flatMap((names) => names.map((name) => [comparableText(name), comparableText(names[0])] as const)),
);

/** The one folded name a city goes by, whatever language it was written in; unknown places stay as given. */
export function canonicalPlaceName(foldedName: string): string {
  return CANONICAL_BY_FOLDED_NAME.get(foldedName) ?? foldedName;
}

export function isKnownCityName(foldedName: string): boolean {
  return CANONICAL_BY_FOLDED_NAME.has(foldedName);
}

// Places the partner-list vocabulary knows (src/schema/vocab/cities.json), in every spelling it
// gives: enough to tell that a word of a name is a place, not which other spelling it shares.
const KNOWN_PLACES: ReadonlySet<string> = new Set([
  ...CANONICAL_BY_FOLDED_NAME.keys(),
  ...Object.entries(cityData as Record<string, unknown>).flatMap(([code, names]) =>
    code.startsWith('_') || !Array.isArray(names) ? [] : names.map((name) => comparableText(String(name))),
  ),
]);

/** Whether a folded word or words name a city or region some table knows. */
export function isKnownPlaceName(foldedName: string): boolean {
  return KNOWN_PLACES.has(foldedName);
}
