// First names, lower case: faker's Dutch and Flemish lists (data/first-names.json, built by
// scripts/build-anonymity-data.ts; mostly names given since 2000) and this hand-made list of names common in
// the Netherlands across generations and backgrounds. A first name is only reported with a capitalised
// surname after it, so the lists may hold names that are also words; names that are also months or everyday
// verbs ("April", "Wil", "Ben") are left out on purpose.
import GENERATED from "./data/first-names.json";

const NAMES = `
  aaron abdel abdullah adam adriaan ahmed aisha ali alexander amber amina amir amy anass andre andrea
  angela anita anja anke anna anne annelies annemarie annemiek anneke annet anouk antoon arie arjan arjen
  arthur astrid aya ayoub ayse babette bart bas bastiaan bea benjamin bernard bert bianca bilal bo bob
  boris bram brenda britt carla carlijn caroline cas casper chantal charlotte chris christiaan claudia
  cor corinne cornelis daan daniel daphne david dennis dewi diana dick dirk dominique dylan edwin eline
  elif elisa elise elizabeth ellen els emma emre erik eric esmee esther eva evelien evi fabian fatima
  fatma femke fenna fien finn fleur floor floris frank frans freek gerard gerda gerrit gert gijs guus
  hamza hanna hannah hans harm hassan hein hendrik henk henny herman hester hilde hugo ibrahim ilse inge
  ingrid iris isa isabel ivo jaap jacob jacqueline jan janneke jannes jasmijn jasper jayden
  jeroen jesse jessica jet joep johan johanna johannes jolanda joost joris jos josé joyce judith julia
  julian juliette justin karin karel karlijn kees kevin khadija kim kirsten klaas koen laura lars lauren
  leon levi lieke liam linda lisa liv lize loes lois lotte luca lucas luuk lynn maaike maarten madelief
  manon marco marcel marga margreet maria marian marianne marieke marijke marjolein mark marloes martijn
  martin mathijs maud max maxime meryem mees mehmet melissa merel michel michiel milan mila mirjam
  mohamed mohammed monique mustafa myrthe naomi nadia niels nienke nina noa noah noor nora nour olivia
  omar otto patrick paul pauline peter petra piet pieter pim priya quinten rachid ramon rens renate
  rianne richard rick rik rob robbert robin roel rogier romy ron ronald roos ruben rutger ruud saar
  sabine salma sam samira sander sandra sanne sara sarah saskia sem siem simone sofie sophie stan
  stefan stijn sven tamara teun thijs thomas ties tim tijn tobias tom tess vera vincent wendy wilma
  willem wim wouter yara yasmina yasmine yousef youssef yvonne zeynep zoë
  ans annie bep betty carolien coby corrie dineke dini els gea gerrit-jan greet hennie henriëtte ineke
  jannie janny jenny jet joke jopie kitty lenie lies marja marjan mieke nel netty riet ria rina rita sjaan
  tineke toos truus wilhelmina wies yolanda
  ard berend bert-jan chiel cees dolf evert fokke gerben gijsbert harrie hennie jelle jeroen kobus
  leo lucas marius nico rinus roelof sjaak teun theo toon wiebe wijnand
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set([...NAMES.split(/\s+/).filter(Boolean), ...GENERATED]);
