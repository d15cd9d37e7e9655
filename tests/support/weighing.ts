// Answers to the afwegingshulp's questions as two professionals give them, and the form and query they make.

/** A teacher who wants to consult colleagues about a pupil. */
export const TEACHER = {
  sector: "onderwijs",
  beroepsgeheim: "gebruikelijk",
  vrager: "onderwijs",
  gegevens: ["veiligheid", "school"],
  doel: "De collega en de intern begeleider helpen mij inschatten of mijn zorg over een leerling terecht is.",
  leeftijd: "onder-12",
  toestemming: "niet-gevraagd",
  gevaar: "nee",
  thema: ["signalen", "overleg-collega", "kindermishandeling"],
};

/** A GP asked by Veilig Thuis, with danger suspected. */
export const HUISARTS = {
  sector: "huisarts",
  beroepsgeheim: "gebruikelijk",
  vrager: "veilig-thuis",
  gegevens: ["gezondheid", "veiligheid"],
  doel: "Veilig Thuis onderzoekt een melding over de kinderen in het gezin en wil weten wat de huisarts heeft gezien.",
  leeftijd: "volwassene",
  toestemming: "niet-zonder-gevaar",
  gevaar: "vermoeden",
  thema: [] as string[],
};

export type Answers = typeof TEACHER;

/** The form the afwegingshulp posts, lists as repeated fields; `extra` adds intent and the like. */
export function formOf(answers: Answers, extra: Record<string, string> = {}) {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...answers, ...extra }))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  return form;
}

/** The answers as a query string, without the purpose. */
export function queryOf(answers: Answers) {
  const { doel: _purpose, ...rest } = answers;
  return formOf(rest as Answers).toString();
}
