// The relevance set: queries a professional would type, with the documents that must come up in the
// top 3. Prints MRR and recall@3 over the set and holds a floor under both; prints plain SQLite FTS5
// over the same documents beside it (unicode61, the words joined with OR, bm25 with the same weights).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { queryWords } from "~/search/query";
import { search } from "~/search/search.server";
import { useLibrarySearch } from "../support/search-fixture";

/** A query, and URL prefixes of which at least one must be in the top 3 ("d:slug" = a dilemma or its answers). */
const CASES: [string, string[]][] = [
  // Everyday words and plain questions
  ["leerkracht onderbuikgevoel collega", ["d:onderbuikgevoel-leerkracht-collega"]],
  ["mag ik mijn zorgen over een leerling eerst met een collega bespreken", ["d:onderbuikgevoel-leerkracht-collega"]],
  ["trajectbegeleider wist niet wat er speelde", ["d:een-gezin-een-plan-regie"]],
  ["gemeente wil het hele dossier", ["d:meer-delen-dan-doel-vraagt"]],
  ["beveiligde mail komt niet aan", ["d:beveiligd-mailen-verschillende-systemen"]],
  ["appgroep professionals gezin", ["d:appgroep-professionals-rond-gezin"]],
  ["gescheiden vader wil rapport van school", ["d:echtscheiding-vader-vraagt-schoolinformatie"]],
  ["lijst kwetsbare ouderen hittegolf", ["d:gemeente-lijst-kwetsbare-inwoners-hittegolf"]],
  ["man met dementie woont alleen", ["d:huisarts-dementie-onveilige-thuissituatie"]],
  ["huisarts depressieve moeder wijkteam", ["d:huisarts-en-wijkteam-depressieve-moeder"]],
  ["huisarts van slachtoffer en pleger", ["d:huisarts-van-slachtoffer-en-pleger"]],
  ["inkomensconsulent en schuldhulpverlener", ["d:inkomensconsulent-en-schuldhulp-gegevens"]],
  ["jeugdbeschermer vraagt behandelaar van de ouder", ["d:jeugdbescherming-vraagt-ggz-behandelaar-ouder"]],
  ["jeugdreclassering wil weten of leerling op school is", ["d:terugkeer-na-jeugddetentie-school"]],
  ["jongen van 13 zorgoverleg toestemming", ["d:jongere-13-toestemming-zorgoverleg"]],
  ["jongere van 16 wil niet dat ouders het weten", ["d:jongere-16-wil-niet-dat-ouders-weten"]],
  ["kinderarts botbreuken", ["d:kinderarts-vermoeden-kindermishandeling"]],
  ["nazorg na ontslag uit de kliniek", ["d:ontslag-ggz-kliniek-informeren-wijkteam"]],
  ["wat gaat er mee naar de nieuwe school", ["d:overdracht-leerlingdossier-nieuwe-school"]],
  ["pleegouders psychiatrische aandoening moeder", ["d:pleegouders-vragen-informatie-ggz-ouder"]],
  ["wijkagent waarschuwt corporatie voor nieuwe huurder", ["d:politie-deelt-antecedenten-met-woningcorporatie"]],
  ["verwarde man crisisdienst politie", ["d:politie-vraagt-ggz-of-persoon-in-behandeling"]],
  ["recherche vraagt school naar leerling steekpartij", ["d:politie-vraagt-school-informatie-over-leerling"]],
  ["zorgmelding politie ruzie gezin", ["d:politie-zorgmelding-minderjarige-wijkteam"]],
  ["advocaat vraagt wijkteam om rapportage", ["d:rechtbank-vraagt-rapportage-wijkteam"]],
  ["na detentie hulp bij wonen en werk", ["d:reclassering-en-wijkteam-re-integratie"]],
  ["school vraagt wijkteam hoe het thuis gaat", ["d:school-vraagt-wijkteam-naar-thuissituatie"]],
  ["kinderen in armoede school helpen", ["d:schuldhulp-signaleert-kinderen-in-armoede-school"]],
  ["ernstig vervuilde woning", ["d:thuiszorg-meldt-vervuilde-woning"]],
  ["urinecontroles doorgeven", ["d:verslavingszorg-en-reclassering-controles"]],
  ["zoon gebruikt geld van zijn moeder", ["d:wijkverpleging-vermoedt-financieel-misbruik-oudere"]],
  ["buren horen herhaald geweld", ["d:woningcorporatie-hoort-huiselijk-geweld"]],
  ["leerling bespreken in zorgadviesteam zonder toestemming", ["d:zorgadviesteam-zonder-toestemming-ouders"]],
  // Inflections
  ["leerkracht deelt zorgen", ["d:onderbuikgevoel-leerkracht-collega"]],
  ["verzuimende leerling leerplichtambtenaar", ["d:schoolverzuim-leerplicht-en-jeugdhulp"]],
  ["radicaliserende leerling", ["d:school-zorgen-radicalisering-leerling"]],
  // Synonyms and abbreviations
  ["VT vraagt huisarts om informatie", ["d:veilig-thuis-vraagt-huisarts-informatie"]],
  ["ZVH casusoverleg GGZ", ["d:zvh-casusoverleg-huiselijk-geweld-ggz"]],
  ["melding AMHK terugkoppeling aan school", ["d:veilig-thuis-terugkoppeling-aan-melder"]],
  ["juf onderbuikgevoel", ["d:onderbuikgevoel-leerkracht-collega"]],
  ["dreigende huisuitzetting gezin met kinderen", ["d:dreigende-huisuitzetting-gezin-met-kinderen"]],
  ["loverboy meisje van 15", ["d:jongerenwerker-signalen-seksuele-uitbuiting"]],
  ["zelfdoding jongere therapeut school", ["d:suicidale-uitingen-jongere-school-ggz"]],
  ["zwijgplicht huisarts", ["/beroepscodes/wgbo#artikel-7-457", "/beroepscodes/knmg-medische-gegevens"]],
  ["gdpr toestemming voorwaarden", ["/beroepscodes/avg#art-7", "/beroepscodes/avg#art-6-lid-1-sub-a"]],
  // Diacritics and typos
  ["één gezin één plan", ["d:een-gezin-een-plan-regie"]],
  ["suïcidale uitingen", ["d:suicidale-uitingen-jongere-school-ggz"]],
  ["radicaliserng leerling", ["d:school-zorgen-radicalisering-leerling"]],
  ["huurachterstnd", ["d:dreigende-huisuitzetting-gezin-met-kinderen"]],
  ["tijdelijk huisverbd", ["d:tijdelijk-huisverbod-informatie-hulpverlening"]],
  // Laws and codes
  ["meldcode stap 3 gesprek met de cliënt", ["/beroepscodes/meldcode#stap-3"]],
  ["beroepsgeheim doorbreken sociaal werker", ["/beroepscodes/beroepscode-sociaal-werker#doorbreken-beroepsgeheim"]],
  ["bijzondere persoonsgegevens gezondheid", ["/beroepscodes/avg#art-9", "/beroepscodes/uavg#artikel-30"]],
  // Issue #14: the words professionals use at work (PRACTICE_CASES from here on) — job titles, abbreviations
  ["IB'er onderbuikgevoel leerling", ["d:onderbuikgevoel-leerkracht-collega"]],
  ["wijkcoach thuissituatie leerling", ["d:school-vraagt-wijkteam-naar-thuissituatie"]],
  ["jeugdconsulent wil hele dossier jeugdhulpaanbieder", ["d:meer-delen-dan-doel-vraagt"]],
  ["jeugdarts overgewicht leerling", ["d:jgz-signaleert-overgewicht-en-verwaarlozing-school"]],
  ["consultatiebureau verwaarlozing school", ["d:jgz-signaleert-overgewicht-en-verwaarlozing-school"]],
  ["POH-GGZ depressieve moeder wijkteam", ["d:huisarts-en-wijkteam-depressieve-moeder"]],
  ["SAVE vraagt behandelaar van moeder", ["d:jeugdbescherming-vraagt-ggz-behandelaar-ouder"]],
  ["GI wil informatie van psychiater ouder", ["d:jeugdbescherming-vraagt-ggz-behandelaar-ouder"]],
  ["reclasseringswerker wijkteam werk en woning na detentie", ["d:reclassering-en-wijkteam-re-integratie"]],
  ["woonconsulent huurachterstand schuldhulp", ["d:huurachterstand-woningcorporatie-schuldhulp"]],
  ["woonconsulent hoort geweld bij huurder", ["d:woningcorporatie-hoort-huiselijk-geweld"]],
  ["wijkagent antecedenten nieuwe huurder", ["d:politie-deelt-antecedenten-met-woningcorporatie"]],
  ["jeugdreclasseerder wil verzuim van school horen", ["d:jeugdreclassering-en-school-verzuim"]],
  ["klantmanager bijstand schuldhulp gegevens", ["d:inkomensconsulent-en-schuldhulp-gegevens"]],
  ["jongerenwerker loverboy politie", ["d:jongerenwerker-signalen-seksuele-uitbuiting"]],
  ["wijkverpleegkundige zoon pint van rekening moeder", ["d:wijkverpleging-vermoedt-financieel-misbruik-oudere"]],
  ["verslavingsarts urinetest reclassering", ["d:verslavingszorg-en-reclassering-controles"]],
  ["pleegouder vraagt naar ziekte van moeder", ["d:pleegouders-vragen-informatie-ggz-ouder"]],
  // Situations and institutions by their short names
  ["thuiszitter leerplicht jeugdhulp", ["d:schoolverzuim-leerplicht-en-jeugdhulp"]],
  ["LPA vraagt jeugdhulp waarom leerling niet op school is", ["d:schoolverzuim-leerplicht-en-jeugdhulp"]],
  ["automutilatie jongere school ggz", ["d:suicidale-uitingen-jongere-school-ggz"]],
  ["HG melding woningcorporatie", ["d:woningcorporatie-hoort-huiselijk-geweld"]],
  ["KM vermoeden kinderarts VT", ["d:kinderarts-vermoeden-kindermishandeling"]],
  ["ZVH overleg pleger GGZ behandeling", ["d:zvh-casusoverleg-huiselijk-geweld-ggz"]],
  ["financieel misbruik oudere", ["d:wijkverpleging-vermoedt-financieel-misbruik-oudere"]],
  ["onderwijskundig rapport nieuwe school", ["d:overdracht-leerlingdossier-nieuwe-school"]],
  ["leerling terug uit JJI school informatie", ["d:terugkeer-na-jeugddetentie-school"]],
  ["whatsapp groep hulpverleners gezin", ["d:appgroep-professionals-rond-gezin"]],
  ["crisisdienst ontslag kliniek wijkteam", ["d:ontslag-ggz-kliniek-informeren-wijkteam"]],
  ["dementerende man alleen thuis huisarts", ["d:huisarts-dementie-onveilige-thuissituatie"]],
  // Whole questions, as typed
  [
    "mag ik de wijkcoach vertellen dat een leerling vaak verzuimt",
    ["d:jeugdreclassering-en-school-verzuim", "d:zorgadviesteam-zonder-toestemming-ouders"],
  ],
  [
    "mag de huisarts aan het wijkteam vertellen dat moeder depressief is",
    ["d:huisarts-en-wijkteam-depressieve-moeder"],
  ],
  ["mag school de politie vertellen over een leerling die radicaliseert", ["d:school-zorgen-radicalisering-leerling"]],
  [
    "politie wil van school weten of een leerling bij een steekpartij was",
    ["d:politie-vraagt-school-informatie-over-leerling"],
  ],
  ["mag de ggz de politie vertellen of iemand in behandeling is", ["d:politie-vraagt-ggz-of-persoon-in-behandeling"]],
  ["mag het wijkteam de rechter een rapport geven", ["d:rechtbank-vraagt-rapportage-wijkteam"]],
  ["krijgt de IB'er te horen wat veilig thuis met de melding doet", ["d:veilig-thuis-terugkoppeling-aan-melder"]],
  ["mag een jongere van 13 zelf toestemming geven voor een zorgoverleg", ["d:jongere-13-toestemming-zorgoverleg"]],
  [
    "wat mag de corporatie met het wijkteam delen over een verwarde huurder",
    ["d:woningcorporatie-overlast-verward-gedrag-huurder"],
  ],
  [
    "mag de schuldhulpverlener school vertellen dat kinderen in armoede leven",
    ["d:schuldhulp-signaleert-kinderen-in-armoede-school"],
  ],
  // A role and a situation; both sides named
  ["huisarts slachtoffer en dader zelfde praktijk", ["d:huisarts-van-slachtoffer-en-pleger"]],
  ["thuiszorg vervuiling woning gemeente", ["d:thuiszorg-meldt-vervuilde-woning"]],
  ["verslavingszorg kinderen veilig thuis", ["d:verslavingszorg-ziet-risico-voor-kinderen"]],
  ["schuldhulp vraagt wijkteam naar gezin", ["d:schuldhulp-vraagt-wijkteam-gezinssituatie"]],
  ["politie zorgmelding jongere naar wijkteam", ["d:politie-zorgmelding-minderjarige-wijkteam"]],
  ["gemeente wil lijst van thuiszorg bij hitte", ["d:gemeente-lijst-kwetsbare-inwoners-hittegolf"]],
  [
    "school wil van ggz weten waarom leerling somber is",
    ["d:jongere-16-wil-niet-dat-ouders-weten", "d:suicidale-uitingen-jongere-school-ggz"],
  ],
  // Laws and codes by article and abbreviation
  ["AVG artikel 9 gezondheidsgegevens", ["/beroepscodes/avg#art-9"]],
  ["meldcode stap 5 melden", ["/beroepscodes/meldcode#stap-5"]],
  ["verzuimmelding leerplichtwet", ["/beroepscodes/leerplichtwet#artikel-21"]],
  ["geheimhoudingsplicht jeugdhulpverlener jeugdwet", ["/beroepscodes/jeugdwet#artikel-7-3-11"]],
  ["WPG verstrekking samenwerkingsverband", ["/beroepscodes/wpg#artikel-20"]],
];

/** How many of the cases, at the end of the list, are issue #14's queries in the words of practice. */
const PRACTICE_CASES = CASES.length - CASES.findIndex(([query]) => query === "IB'er onderbuikgevoel leerling");

const relevant = (url: string, expected: string[]) =>
  expected.some((e) =>
    e.startsWith("d:")
      ? url === `/dilemmas/${e.slice(2)}` || url.startsWith(`/dilemmas/${e.slice(2)}#`)
      : url.startsWith(e),
  );

const library = useLibrarySearch();

interface Ranked {
  query: string;
  rank: number;
  top: string[];
}

function figures(ranks: Ranked[]) {
  const mrr = ranks.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / ranks.length;
  const recall3 = ranks.filter((r) => r.rank > 0 && r.rank <= 3).length / ranks.length;
  return { mrr, recall3, misses: ranks.filter((r) => r.rank === 0 || r.rank > 3) };
}

function rank(query: string, expected: string[], urls: string[]): Ranked {
  return { query, rank: urls.findIndex((url) => relevant(url, expected)) + 1, top: urls.slice(0, 3) };
}

/** Plain FTS5 over the very documents of Leertuin's index: no stemming, synonyms, question reading or direction. */
function plainFts5() {
  const sqlite = new Database(":memory:");
  sqlite.exec(
    "create virtual table fts using fts5(title, question, tags, body, tokenize = 'unicode61 remove_diacritics 2')",
  );
  const docs = library.index.sqlite.prepare("select id, url, title, question, tags, body from docs").all() as {
    id: number;
    url: string;
    title: string;
    question: string;
    tags: string;
    body: string;
  }[];
  const insert = sqlite.prepare("insert into fts (rowid, title, question, tags, body) values (?, ?, ?, ?, ?)");
  for (const doc of docs) insert.run(doc.id, doc.title, doc.question, doc.tags, doc.body);
  const urls = new Map(docs.map((doc) => [doc.id, doc.url]));
  const top = sqlite
    .prepare("select rowid from fts where fts match ? order by bm25(fts, 10.0, 6.0, 3.0, 1.0) limit 10")
    .pluck();
  return (query: string) => {
    const match = queryWords(query)
      .map((word) => `"${word}"`)
      .join(" OR ");
    return match ? (top.all(match) as number[]).map((id) => urls.get(id)!) : [];
  };
}

describe("search relevance", () => {
  it("finds what professionals look for: MRR ≥ 0.9 and recall@3 ≥ 0.95 over the set, ahead of plain FTS5", () => {
    expect(PRACTICE_CASES).toBeGreaterThanOrEqual(40);
    expect(CASES.length).toBeGreaterThanOrEqual(93);
    const ourRanks = CASES.map(([query, expected]) => {
      const { results } = search(library.index, library.synonyms, { query, page: 1, pageSize: 10 });
      return rank(
        query,
        expected,
        results.map((r) => r.url),
      );
    });
    const ours = figures(ourRanks);
    const fts5 = plainFts5();
    const plainRanks = CASES.map(([query, expected]) => rank(query, expected, fts5(query)));
    const plain = figures(plainRanks);
    const line = (name: string, f: ReturnType<typeof figures>) =>
      `${name.padEnd(18)} MRR ${f.mrr.toFixed(3)}, recall@3 ${f.recall3.toFixed(3)}, outside the top 3: ${f.misses.length}`;
    const practice = CASES.length - PRACTICE_CASES;
    console.info(
      `Search relevance over ${CASES.length} queries:\n  ${line("Leertuin", ours)}\n  ${line("plain FTS5", plain)}` +
        `\nOf these, the ${PRACTICE_CASES} queries in the words of practice (issue #14):` +
        `\n  ${line("Leertuin", figures(ourRanks.slice(practice)))}\n  ${line("plain FTS5", figures(plainRanks.slice(practice)))}` +
        (ours.misses.length
          ? `\nLeertuin outside the top 3:\n${ours.misses.map((m) => `  "${m.query}" (rank ${m.rank || "-"}): ${m.top.join(", ")}`).join("\n")}`
          : ""),
    );
    expect(ours.mrr).toBeGreaterThanOrEqual(0.9);
    expect(ours.recall3).toBeGreaterThanOrEqual(0.95);
    // The words of practice are what plain full-text search lacks: Leertuin must stay clearly ahead.
    expect(ours.mrr).toBeGreaterThan(plain.mrr + 0.1);
  });
});
