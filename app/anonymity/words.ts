// Word lists that keep the guard from taking ordinary Dutch, the product's sectors and the names of
// organisations, laws and large regions for a person or a place.
import { SECTOR_LABELS } from "~/domain/vocabulary";

export const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** Function words and frequent sentence openers: never a surname or a place when capitalised. */
const FUNCTION_WORDS = `
  de het een en of maar want dus dan toen als omdat terwijl hoewel zodat nadat voordat zodra totdat
  ik jij je u hij zij ze wij we jullie hun hen hem haar mij me men zich zelf iemand niemand iedereen
  dit dat deze die daar hier er wie wat waar wanneer hoe waarom welke welk wiens
  geen niet ook nog al wel toch zo nu net pas even eerst later soms vaak altijd nooit misschien
  daarna daarom daarbij daarvoor daardoor daarmee daarin daarop daarover daarnaast daarentegen
  vervolgens bovendien echter tevens verder ten slotte tot slot kortom inmiddels ondertussen intussen
  met van voor na naar op in uit aan bij door over onder boven tussen zonder tegen sinds volgens per
  via binnen buiten langs rond om tijdens vanaf vanuit namens
  mag mogen kan kunnen moet moeten wil willen zal zullen is zijn was waren wordt worden werd werden
  heeft hebben had hadden krijgt krijgen kreeg gaat gaan ging komt komen kwam blijkt blijft
  zie let lees vraag vraagt antwoord bijvoorbeeld
  alle alles veel weinig elke elk ieder iedere andere ander beide sommige meeste enkele meer minder
  ja nee oké goed graag samen alleen vooral zelfs juist
  eerste tweede derde vierde vijfde laatste volgende vorige nieuwe oude
  één twee drie vier vijf zes zeven acht negen tien
  situatie casus dilemma vraag afspraak conclusie toelichting noot bijlage stap fase punt optie
  voorwaarden grondslag doel noodzaak proportionaliteit subsidiariteit
`;

/** Organisations, laws, professions and roles that the library names with a capital. */
const DOMAIN_WORDS = `
  veilig thuis ggd ggz jgz cjg raad kinderbescherming jeugdbescherming jeugdreclassering reclassering
  politie gemeente gemeenten zorg jeugdhulp justitie huisarts huisartsen onderwijs woningcorporatie
  schuldhulp schuldhulpverlening leerplicht leerplichtwet leerplichtambtenaar leertuin meldcode
  jeugdwet wmo avg uavg wgbo wpg wgs wjsg bw sr sv awb wet wetten artikel art lid sub beroepscode
  knmg nip nvo vvn bpsw skj lvsc nji kndb nvvp om openbaar ministerie rechtbank rechter kinderrechter
  kantonrechter gerechtshof hoge zorg- veiligheidshuis zorg-en-veiligheidshuis sociaal sociale team
  wijkteam buurtteam jeugdteam gebiedsteam centrum jeugd gezin gezinnen ouders ouder moeder vader
  kind kinderen leerling leerlingen school scholen basisschool groep klas leerkracht mentor directeur
  intern begeleider zorgcoördinator jeugdarts jeugdverpleegkundige wijkagent wijkverpleging
  verpleegkundige psychiater psycholoog behandelaar hulpverlener casusregisseur regisseur
  samenwerkingsverband passend toestemming meldrecht zorgplicht beroepsgeheim privacy
  noord zuid oost west midden centraal
`;

/** Provinces, the product's regions and countries: too large to identify anyone. */
const LARGE_PLACES = `
  nederland holland zeeland twente groningen limburg brabant friesland fryslân drenthe overijssel
  gelderland utrecht flevoland noord-holland zuid-holland noord-brabant zuid-limburg midden-brabant
  noord-holland-noord west-brabant oost-brabant achterhoek veluwe randstad
  belgië duitsland europa
`;

const wordsOf = (list: string) => list.split(/\s+/).filter(Boolean);

const sectorWords = Object.values(SECTOR_LABELS).flatMap((label) => label.toLowerCase().split(/\s+/));

/** Lower-case words that name organisations, laws, regions or times: never a person or an identifying place. */
const PROPER_NON_NAMES = new Set([
  ...wordsOf(DOMAIN_WORDS),
  ...wordsOf(LARGE_PLACES),
  ...sectorWords,
  ...MONTHS,
  ...WEEKDAYS,
]);
const ORDINARY_WORDS = new Set(wordsOf(FUNCTION_WORDS));

// "Emma Kinderziekenhuis", "Stichting De Opvang", "Da Vinci College": the last word names an institution.
const INSTITUTION =
  /(?:ziekenhuis|kliniek|centrum|college|lyceum|school|huis|instituut|stichting|academie|gymnasium|team|groep)$/;

/** True for a capitalised word that is not a person's name, nor a place that identifies someone. */
export function isNotAName(word: string): boolean {
  const lower = word.toLowerCase();
  return ORDINARY_WORDS.has(lower) || PROPER_NON_NAMES.has(lower) || INSTITUTION.test(lower);
}

/**
 * After "van der" or "de" an ordinary word is a surname ("Van der Meer", "De Groot", "De Wit"); only
 * organisations, laws and places are not.
 */
export function isNotASurnameAfterPrefix(word: string): boolean {
  const lower = word.toLowerCase();
  return PROPER_NON_NAMES.has(lower) || INSTITUTION.test(lower);
}
