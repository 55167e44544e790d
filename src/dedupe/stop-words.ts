// Function words of the seven languages the repository's sources write in. Titles are compared on
// what is left after them, so "Learning in the City" and "Learning City" share their real words and
// a French title does not look similar to another French title only through "de la".
// The words are stored folded (lower case, no accents), the form `foldText` produces.

const ENGLISH = `a an and are as at be by for from in into is it its of on or the to with without
  this that these those our their all through towards about between`;
const FRENCH = `a au aux avec ce ces dans de des du en et la le les leur leurs l d un une par pour sur
  sans entre vers ou qui que plus nos notre vos votre est sont`;
const GERMAN = `am an auf aus bei das dem den der des die durch ein eine einem einen einer eines fur
  im in ins mit nach oder uber um und vom von vor zu zum zur als auch`;
const SPANISH = `a al con de del el en entre hacia la las lo los para por sin sobre su sus un una unos
  unas y e o u que`;
const ITALIAN = `a ad al alla alle agli ai allo con da dal dalla dalle dei degli del della delle dello di e
  ed gli i il in la le lo nel nella nelle negli nei per su sul sulla tra fra un una uno o`;
const PORTUGUESE = `a ao aos as com da das de do dos e em na nas no nos o os ou para pela pelas pelo pelos
  por sem sobre um uma umas uns`;
const DUTCH = `aan als bij de den der des door een en het in met na naar of om op over te ten ter tot uit
  van voor en`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, FRENCH, GERMAN, SPANISH, ITALIAN, PORTUGUESE, DUTCH].flatMap((list) => list.split(/\s+/).filter(Boolean)),
);
