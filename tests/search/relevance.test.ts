// The relevance set: queries a professional would type, with the documents that must come up in the
// top 3. Prints MRR and recall@3 over the set and holds a floor under both.
import { describe, expect, it } from "vitest";

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
];

const relevant = (url: string, expected: string[]) =>
  expected.some((e) =>
    e.startsWith("d:")
      ? url === `/dilemmas/${e.slice(2)}` || url.startsWith(`/dilemmas/${e.slice(2)}#`)
      : url.startsWith(e),
  );

const library = useLibrarySearch();

describe("search relevance", () => {
  it("finds what professionals look for: MRR ≥ 0.8 and recall@3 ≥ 0.85 over the set", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const ranks = CASES.map(([query, expected]) => {
      const { results } = search(library.index, library.synonyms, { query, page: 1, pageSize: 10 });
      const rank = results.findIndex((r) => relevant(r.url, expected)) + 1;
      return { query, rank, top: results.slice(0, 3).map((r) => r.url) };
    });
    const mrr = ranks.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / ranks.length;
    const recall3 = ranks.filter((r) => r.rank > 0 && r.rank <= 3).length / ranks.length;
    const misses = ranks.filter((r) => r.rank === 0 || r.rank > 3);
    console.info(
      `Search relevance over ${ranks.length} queries: MRR ${mrr.toFixed(3)}, recall@3 ${recall3.toFixed(3)}` +
        (misses.length
          ? `\nOutside the top 3:\n${misses.map((m) => `  "${m.query}" (rank ${m.rank || "-"}): ${m.top.join(", ")}`).join("\n")}`
          : ""),
    );
    expect(mrr).toBeGreaterThanOrEqual(0.8);
    expect(recall3).toBeGreaterThanOrEqual(0.85);
  });
});
