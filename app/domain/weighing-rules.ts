// The afwegingshulp's rules as data: sector defaults, who consents per law and age, and the routes with
// the conditions under which each can apply. Every citation is `code-slug#anchor` in content/codes and is
// checked by tests/unit/weighing-rules.test.ts. An aid to weighing, not legal advice.
import type { Route, Sector } from "./vocabulary";
import {
  type AgeBand,
  type ConsentLaw,
  type ConsentState,
  type DangerLevel,
  type InfoCategory,
  MINOR_AGES,
  type Outcome,
} from "./weighing-options";

/** `code-slug#anchor`, an article in content/codes. */
export type ArticleRef = `${string}#${string}`;

export interface SectorDefault {
  /** Whether professionals in this sector usually have a duty of confidentiality (beroepsgeheim). */
  secrecy: boolean;
  why: string;
  citations: ArticleRef[];
  /** The law that says who consents: for a minor, and for an adult (18+ or an adult such as a parent). */
  consentLaw: { minor: ConsentLaw; adult: ConsentLaw };
}

const WGBO_LAWS = { minor: "wgbo", adult: "wgbo" } as const;
const AVG_LAWS = { minor: "avg", adult: "avg" } as const;

export const SECTOR_DEFAULTS: Record<Sector, SectorDefault> = {
  gemeente: {
    secrecy: false,
    why: "Een gemeente heeft geen beroepsgeheim. Zij deelt alleen met een grondslag uit de AVG, zoals haar wettelijke taak.",
    citations: ["avg#art-6-lid-1-sub-e", "wmo-2015#artikel-5-1-1"],
    consentLaw: { minor: "avg", adult: "wmo" },
  },
  wijkteam: {
    secrecy: true,
    why: "Wie in een wijkteam hulp verleent, heeft een beroepsgeheim: uit de Jeugdwet bij hulp aan jeugdigen en uit de beroepscode van de sociaal werker.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-sociaal-werker#beroepsgeheim"],
    consentLaw: { minor: "jeugdwet", adult: "wmo" },
  },
  onderwijs: {
    secrecy: false,
    why: "Een school heeft geen wettelijk beroepsgeheim, wel een plicht tot discretie. Delen buiten de school vraagt een grondslag uit de AVG, meestal toestemming.",
    citations: ["beroepscode-leraren#vertrouwelijkheid"],
    consentLaw: AVG_LAWS,
  },
  jeugdhulp: {
    secrecy: true,
    why: "De jeugdhulpverlener heeft een wettelijke geheimhoudingsplicht.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-jeugd-en-gezinsprofessional#beroepsgeheim"],
    consentLaw: { minor: "jeugdwet", adult: "jeugdwet" },
  },
  zorg: {
    secrecy: true,
    why: "Zorgverleners hebben een medisch beroepsgeheim.",
    citations: ["wgbo#artikel-7-457", "beroepscode-vvn#onderdeel-2-12"],
    consentLaw: WGBO_LAWS,
  },
  ggz: {
    secrecy: true,
    why: "Behandelaars in de ggz hebben een medisch beroepsgeheim.",
    citations: ["wgbo#artikel-7-457", "beroepscode-nip#artikel-71"],
    consentLaw: WGBO_LAWS,
  },
  huisarts: {
    secrecy: true,
    why: "De huisarts heeft een medisch beroepsgeheim, ook tegenover andere professionals en familie.",
    citations: ["wgbo#artikel-7-457", "knmg-medische-gegevens#paragraaf-1-3"],
    consentLaw: WGBO_LAWS,
  },
  politie: {
    secrecy: false,
    why: "De politie heeft geen beroepsgeheim zoals een arts, wel een geheimhoudingsplicht: zij verstrekt alleen wat de Wet politiegegevens toelaat.",
    citations: ["wpg#artikel-7"],
    consentLaw: AVG_LAWS,
  },
  justitie: {
    secrecy: false,
    why: "Organisaties in de justitieketen hebben geen beroepsgeheim zoals een arts; zij delen op grond van hun eigen wettelijke taak.",
    citations: ["avg#art-6-lid-1-sub-e", "avg#art-10"],
    consentLaw: AVG_LAWS,
  },
  reclassering: {
    secrecy: false,
    why: "De reclassering heeft geen beroepsgeheim zoals een arts; zij werkt met strafrechtelijke gegevens, waarvoor strenge regels gelden.",
    citations: ["avg#art-10", "uavg#artikel-32"],
    consentLaw: AVG_LAWS,
  },
  "veilig-thuis": {
    secrecy: false,
    why: "Veilig Thuis heeft geen beroepsgeheim zoals een arts, maar een eigen wettelijke taak en geheimhoudingsplicht uit de Wmo 2015.",
    citations: ["wmo-2015#artikel-4-1-1"],
    consentLaw: { minor: "avg", adult: "wmo" },
  },
  woningcorporatie: {
    secrecy: false,
    why: "Een woningcorporatie heeft geen beroepsgeheim. Zij deelt met toestemming van de huurder of met een andere grondslag uit de AVG.",
    citations: ["avg#art-6-lid-1-sub-f"],
    consentLaw: AVG_LAWS,
  },
  schuldhulp: {
    secrecy: false,
    why: "Schuldhulpverlening heeft geen beroepsgeheim zoals een arts; de Wgs regelt welke gegevens zij mag verwerken.",
    citations: ["wgs#artikel-5"],
    consentLaw: { minor: "avg", adult: "wmo" },
  },
  kinderopvang: {
    secrecy: false,
    why: "De kinderopvang heeft geen wettelijk beroepsgeheim, wel een plicht tot vertrouwelijkheid uit de beroepscode. Delen buiten de opvang gaat in overleg met de ouders, tenzij de veiligheid van het kind iets anders vraagt.",
    citations: ["beroepscode-kinderopvang#hoofdstuk-2", "beroepscode-kinderopvang#hoofdstuk-3"],
    consentLaw: AVG_LAWS,
  },
  jeugdbescherming: {
    secrecy: true,
    why: "De jeugdbeschermer van een gecertificeerde instelling valt onder de geheimhoudingsplicht van de Jeugdwet en de beroepscode van de jeugd- en gezinsprofessional.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-jeugd-en-gezinsprofessional#beroepsgeheim"],
    consentLaw: { minor: "jeugdwet", adult: "jeugdwet" },
  },
  jeugdreclassering: {
    secrecy: true,
    why: "De jeugdreclasseerder van een gecertificeerde instelling valt onder de geheimhoudingsplicht van de Jeugdwet; voor strafrechtelijke gegevens gelden daarnaast de strenge regels van de AVG en de UAVG.",
    citations: ["jeugdwet#artikel-7-3-11", "avg#art-10", "uavg#artikel-32"],
    consentLaw: { minor: "jeugdwet", adult: "jeugdwet" },
  },
};

export interface ConsentRule {
  law: ConsentLaw;
  ages: readonly AgeBand[];
  /** Who gives consent for sharing, in one or two sentences. */
  who: string;
  citations: ArticleRef[];
}

/** Who consents to sharing, per law and age band. Every reachable pair (sector × age) has exactly one row. */
export const CONSENT_RULES: ConsentRule[] = [
  {
    law: "wgbo",
    ages: ["onder-12"],
    who: "De ouders met gezag (of de voogd) geven toestemming. Betrek het kind op een manier die past bij zijn leeftijd.",
    citations: ["wgbo#artikel-7-465", "knmg-medische-gegevens#paragraaf-1-4-3"],
  },
  {
    law: "wgbo",
    ages: ["12-15"],
    who: "De jongere beslist zelf over het delen van zijn gegevens. Ouders geven alleen mede toestemming voor een behandeling, niet voor het doorbreken van het beroepsgeheim.",
    citations: ["wgbo#artikel-7-465", "wgbo#artikel-7-457", "knmg-medische-gegevens#paragraaf-1-4-3"],
  },
  {
    law: "wgbo",
    ages: ["16-17"],
    who: "De jongere beslist zelf. Ouders hebben zonder zijn toestemming geen recht op informatie.",
    citations: ["wgbo#artikel-7-465", "wgbo#artikel-7-457"],
  },
  {
    law: "wgbo",
    ages: ["18-plus", "volwassene"],
    who: "De patiënt zelf.",
    citations: ["wgbo#artikel-7-457", "knmg-medische-gegevens#paragraaf-1-5-1"],
  },
  {
    law: "jeugdwet",
    ages: ["onder-12"],
    who: "De ouders met gezag geven toestemming.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-jeugd-en-gezinsprofessional#toestemming"],
  },
  {
    law: "jeugdwet",
    ages: ["12-15"],
    who: "De jongere én de ouders met gezag: vraag het beiden.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-jeugd-en-gezinsprofessional#toestemming"],
  },
  {
    law: "jeugdwet",
    ages: ["16-17", "18-plus"],
    who: "De jongere zelf.",
    citations: ["jeugdwet#artikel-7-3-11", "beroepscode-jeugd-en-gezinsprofessional#toestemming"],
  },
  {
    law: "jeugdwet",
    ages: ["volwassene"],
    who: "De ouder of andere volwassene zelf, voor de gegevens over hem of haar.",
    citations: ["jeugdwet#artikel-7-3-11"],
  },
  {
    law: "wmo",
    ages: ["18-plus", "volwassene"],
    who: "De cliënt zelf. Toestemming is vrij, specifiek en geïnformeerd, en kan worden ingetrokken.",
    citations: ["avg#art-7", "beroepscode-sociaal-werker#toestemming"],
  },
  {
    law: "avg",
    ages: ["onder-12", "12-15"],
    who: "De ouders met gezag, omdat de jongere jonger is dan 16. Betrek de jongere zelf wel bij het gesprek.",
    citations: ["uavg#artikel-5", "avg#art-7"],
  },
  {
    law: "avg",
    ages: ["16-17"],
    who: "De jongere zelf.",
    citations: ["uavg#artikel-5", "avg#art-7"],
  },
  {
    law: "avg",
    ages: ["18-plus", "volwassene"],
    who: "De betrokkene zelf.",
    citations: ["avg#art-7", "avg#art-6-lid-1-sub-a"],
  },
];

/** One condition of a route rule: every field given must hold (a list means "one of these"). */
export interface RuleCondition {
  secrecy?: boolean;
  law?: readonly ConsentLaw[];
  holder?: readonly Sector[];
  asker?: readonly Sector[];
  notAsker?: readonly Sector[];
  /** The asker works in the holder's own sector: a colleague. */
  sameSector?: boolean;
  consent?: readonly ConsentState[];
  danger?: readonly DangerLevel[];
  /** At least one of these categories is asked for. */
  categories?: readonly InfoCategory[];
}

export interface RouteRule {
  id: string;
  route: Route;
  outcome: Outcome;
  title: string;
  text: string;
  /** The rule applies when any of these conditions holds. */
  when: readonly RuleCondition[];
  citations: ArticleRef[];
}

const BREAKING_SECRECY =
  "Alleen als laatste middel: als zwijgen ernstige schade voor iemand laat voortbestaan, u eerst toestemming probeerde te krijgen of dat niet kan, er geen andere weg is en delen de schade kan voorkomen. Deel dan zo weinig mogelijk en leg uw afweging vast.";
const breakingSecrecyWhen = (law: ConsentLaw): RuleCondition[] => [
  { secrecy: true, law: [law], consent: ["geweigerd", "niet-zonder-gevaar"] },
  { secrecy: true, law: [law], danger: ["acuut"] },
];

/** The routes, in the order the answer page shows them within a route (see ROUTE_ORDER). */
export const ROUTE_RULES: RouteRule[] = [
  {
    id: "toestemming-gegeven",
    route: "toestemming",
    outcome: "kan",
    title: "Delen met toestemming",
    text: "Er is toestemming. Deel alleen wat onder die toestemming valt en wat nodig is voor het doel. Toestemming moet vrij, specifiek en geïnformeerd zijn en kan worden ingetrokken.",
    when: [{ consent: ["gegeven"] }],
    citations: ["avg#art-7", "avg#art-6-lid-1-sub-a"],
  },
  {
    id: "toestemming-vragen",
    route: "toestemming",
    outcome: "eerst",
    title: "Toestemming vragen",
    text: "Vraag toestemming voordat u deelt met iemand die niet rechtstreeks bij uw werk met deze persoon betrokken is: vertel wat u wilt delen, met wie en waarom. Is er een vermoeden van geweld, vraag het dan alleen als dat niemand in gevaar brengt.",
    when: [{ consent: ["niet-gevraagd"], danger: ["nee", "vermoeden"] }],
    citations: ["avg#art-7", "avg#art-13"],
  },
  {
    id: "toestemming-geweigerd",
    route: "toestemming",
    outcome: "niet",
    title: "Toestemming is geweigerd",
    text: "De toestemming is geweigerd. Respecteer dat, tenzij een andere route hieronder geldt. Bespreek waarom, en of een deel wel gedeeld mag worden.",
    when: [{ consent: ["geweigerd"] }],
    citations: ["avg#art-7"],
  },
  {
    id: "toestemming-onveilig",
    route: "toestemming",
    outcome: "niet",
    title: "Toestemming vragen kan niet zonder gevaar",
    text: "Als vragen iemand in gevaar brengt, is toestemming geen route. Kijk naar het meldrecht of, als laatste middel, het conflict van plichten, en leg vast waarom u niet vroeg.",
    when: [{ consent: ["niet-zonder-gevaar"] }, { consent: ["niet-gevraagd"], danger: ["acuut"] }],
    citations: ["meldcode#stap-3"],
  },
  {
    id: "collega-zorg",
    route: "toestemming",
    outcome: "kan",
    title: "Rechtstreeks betrokken collega's",
    text: "Met collega's die rechtstreeks bij de behandeling betrokken zijn, mag u delen wat zij voor hun taak nodig hebben; de toestemming van de patiënt wordt dan verondersteld. Dat geldt niet voor iemand buiten de zorg.",
    when: [{ law: ["wgbo"], sameSector: true }],
    citations: [
      "wgbo#artikel-7-457",
      "knmg-medische-gegevens#paragraaf-1-4-1",
      "knmg-medische-gegevens#paragraaf-1-5-2",
    ],
  },
  {
    id: "collega-jeugdhulp",
    route: "toestemming",
    outcome: "kan",
    title: "Rechtstreeks betrokken collega's",
    text: "Wie rechtstreeks bij de uitvoering van de hulp betrokken is, zoals een collega of vervanger, geldt niet als derde. Deel met hen wat zij voor de hulp nodig hebben.",
    when: [{ law: ["jeugdwet"], sameSector: true }],
    citations: ["jeugdwet#artikel-7-3-11"],
  },
  {
    id: "leerplicht-verzuim",
    route: "wettelijke-plicht",
    outcome: "kan",
    title: "Verzuim melden bij de leerplichtambtenaar",
    text: "De school moet ongeoorloofd verzuim melden bij de leerplichtambtenaar van de gemeente. Die plicht gaat alleen over het verzuim; zorgen over de thuissituatie vallen er niet onder.",
    when: [{ holder: ["onderwijs"], asker: ["gemeente"], categories: ["school"] }],
    citations: ["leerplichtwet#artikel-21"],
  },
  {
    id: "gecertificeerde-instelling",
    route: "wettelijke-plicht",
    outcome: "kan",
    title: "Informatie voor een kinderbeschermingsmaatregel",
    text: "Vraagt een gecertificeerde instelling die een kinderbeschermingsmaatregel uitvoert om informatie, dan geeft de jeugdhulpverlener wat voor die maatregel nodig is. Vraagt iemand anders uit de justitieketen, dan geldt deze plicht niet.",
    when: [{ law: ["jeugdwet"], asker: ["justitie"] }],
    citations: ["jeugdwet#artikel-7-3-11"],
  },
  {
    id: "politiegegevens",
    route: "wettelijke-plicht",
    outcome: "kan",
    title: "Verstrekken volgens de Wet politiegegevens",
    text: "De politie verstrekt alleen als de Wet politiegegevens dat toelaat: aan aangewezen instanties, in een samenwerkingsverband of incidenteel bij een zwaarwegend algemeen belang.",
    when: [{ holder: ["politie"] }],
    citations: ["wpg#artikel-16", "wpg#artikel-19", "wpg#artikel-20"],
  },
  {
    id: "meldrecht-vermoeden",
    route: "meldrecht",
    outcome: "kan",
    title: "Meldrecht bij Veilig Thuis",
    text: "Bij een vermoeden van huiselijk geweld of kindermishandeling mag u zonder toestemming melden bij Veilig Thuis of informatie geven, ook als u een beroepsgeheim heeft. Het is een recht, geen plicht: u weegt het zelf af. Vraag gerust eerst advies aan Veilig Thuis (0800-2000).",
    when: [{ danger: ["vermoeden", "acuut"], notAsker: ["veilig-thuis"] }],
    citations: ["wmo-2015#artikel-5-2-6"],
  },
  {
    id: "meldrecht-vraag-veilig-thuis",
    route: "meldrecht",
    outcome: "kan",
    title: "Veilig Thuis vraagt om informatie",
    text: "U mag Veilig Thuis zonder toestemming de informatie geven die het voor zijn onderzoek nodig heeft, ook met een beroepsgeheim. Het is een recht, geen plicht: u bepaalt zelf wat nodig is en deelt niet meer dan dat. Overleg zo nodig met een collega of de aandachtsfunctionaris, en bespreek het zo mogelijk vooraf met uw cliënt, tenzij dat de veiligheid schaadt.",
    when: [{ asker: ["veilig-thuis"] }],
    citations: ["wmo-2015#artikel-5-2-6", "wmo-2015#artikel-4-1-1"],
  },
  {
    id: "meldcode-stappen",
    route: "meldrecht",
    outcome: "eerst",
    title: "De stappen van de meldcode",
    text: "Volg de meldcode van uw organisatie: leg de signalen vast, overleg met een collega of aandachtsfunctionaris en vraag zo nodig advies aan Veilig Thuis, bespreek de signalen met de betrokkene, weeg het geweld met het afwegingskader en beslis dan over melden en hulp.",
    // When Veilig Thuis already asks, the question is what to give it, not whether to report.
    when: [{ danger: ["vermoeden"], notAsker: ["veilig-thuis"] }],
    citations: [
      "meldcode#stap-1",
      "meldcode#stap-2",
      "meldcode#stap-3",
      "meldcode#stap-4",
      "meldcode#stap-5",
      "meldcode#afwegingskader",
    ],
  },
  {
    id: "meldcode-signalen",
    route: "meldrecht",
    outcome: "eerst",
    title: "Signalen vastleggen en toetsen bij een collega",
    text: "Heeft u zorgen over de veiligheid, maar nog geen vermoeden van geweld? Schrijf op wat u zag en hoorde en toets uw zorg bij een collega of de aandachtsfunctionaris; dat kan vaak zonder naam. Dat zijn de eerste twee stappen van de meldcode.",
    when: [{ danger: ["nee"], categories: ["veiligheid"] }],
    citations: ["meldcode#stap-1", "meldcode#stap-2"],
  },
  {
    id: "intern-overleg-school",
    route: "geen-beroepsgeheim",
    outcome: "kan",
    title: "Overleg binnen de zorgstructuur van de school",
    text: "Overleg met collega's die de leerling begeleiden, zoals de mentor of de intern begeleider, hoort bij de zorgstructuur van de school en kan meestal zonder toestemming. Alleen met betrokken collega's, en niet meer dan nodig; een onderbuikgevoel toetsen kan vaak zonder naam.",
    when: [{ holder: ["onderwijs"], asker: ["onderwijs"] }],
    citations: ["beroepscode-leraren#zorgstructuur"],
  },
  {
    id: "geen-beroepsgeheim",
    route: "geen-beroepsgeheim",
    outcome: "kan",
    title: "Delen met een grondslag uit de AVG",
    text: "Zonder beroepsgeheim kan delen op een grondslag uit de AVG, zoals een wettelijke taak of een gerechtvaardigd belang, als het nodig is voor een duidelijk doel en niet meer wordt gedeeld dan nodig. Informeer de betrokkene vooraf. Een weigering weegt zwaar mee.",
    when: [{ secrecy: false }],
    citations: ["avg#art-5", "avg#art-6-lid-1-sub-e", "avg#art-6-lid-1-sub-f", "avg#art-13"],
  },
  {
    id: "vitaal-belang",
    route: "geen-beroepsgeheim",
    outcome: "kan",
    title: "Acuut gevaar: vitaal belang",
    text: "Bij acuut gevaar mag u delen wat nodig is om iemands leven of gezondheid te beschermen, als er geen tijd is om toestemming te vragen. Bel bij direct gevaar 112.",
    when: [{ secrecy: false, danger: ["acuut"] }],
    citations: ["avg#art-6-lid-1-sub-d"],
  },
  {
    id: "conflict-van-plichten-zorg",
    route: "conflict-van-plichten",
    outcome: "laatste",
    title: "Het beroepsgeheim doorbreken",
    text: BREAKING_SECRECY,
    when: breakingSecrecyWhen("wgbo"),
    citations: ["knmg-medische-gegevens#paragraaf-1-5-4", "wgbo#artikel-7-457"],
  },
  {
    id: "conflict-van-plichten-jeugdhulp",
    route: "conflict-van-plichten",
    outcome: "laatste",
    title: "Het beroepsgeheim doorbreken",
    text: BREAKING_SECRECY,
    when: breakingSecrecyWhen("jeugdwet"),
    citations: ["beroepscode-jeugd-en-gezinsprofessional#doorbreken-beroepsgeheim", "jeugdwet#artikel-7-3-11"],
  },
  {
    id: "conflict-van-plichten-sociaal-werk",
    route: "conflict-van-plichten",
    outcome: "laatste",
    title: "Het beroepsgeheim doorbreken",
    text: BREAKING_SECRECY,
    when: [...breakingSecrecyWhen("wmo"), ...breakingSecrecyWhen("avg")],
    citations: ["beroepscode-sociaal-werker#doorbreken-beroepsgeheim"],
  },
];

/** Extra care per category of information: special and criminal data need their own exception. */
export const CATEGORY_NOTES: { category: InfoCategory; text: string; citations: ArticleRef[] }[] = [
  {
    category: "gezondheid",
    text: "Gegevens over gezondheid zijn bijzondere persoonsgegevens: u deelt ze alleen met uitdrukkelijke toestemming of een uitzondering in de wet.",
    citations: ["avg#art-9", "uavg#artikel-30"],
  },
  {
    category: "strafrecht",
    text: "Strafrechtelijke gegevens mogen alleen onder strikte voorwaarden worden verwerkt en gedeeld.",
    citations: ["avg#art-10", "uavg#artikel-32"],
  },
];

/** Routes in the order the answer page shows them: conflict of duties is the last resort. */
export const ROUTE_ORDER: readonly Route[] = [
  "toestemming",
  "wettelijke-plicht",
  "meldrecht",
  "geen-beroepsgeheim",
  "conflict-van-plichten",
];

export function consentLawFor(sector: Sector, age: AgeBand): ConsentLaw {
  const laws = SECTOR_DEFAULTS[sector].consentLaw;
  return MINOR_AGES.includes(age) ? laws.minor : laws.adult;
}

export function consentRuleFor(law: ConsentLaw, age: AgeBand): ConsentRule | undefined {
  return CONSENT_RULES.find((rule) => rule.law === law && rule.ages.includes(age));
}
