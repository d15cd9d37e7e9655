import { type Sector, SECTOR_LABELS } from "~/domain/vocabulary";

/** Which way the information goes: who holds it and who asks, so a reader sees whether a verdict fits their case. */
export function Direction({ holder, asking }: { holder: Sector; asking: readonly Sector[] }) {
  return (
    <p className="direction">
      Informatie van <strong>{SECTOR_LABELS[holder]}</strong>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden">, </span>
      gevraagd door <strong>{asking.map((s) => SECTOR_LABELS[s]).join(", ")}</strong>
    </p>
  );
}
