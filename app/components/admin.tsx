import { Tag } from "~/components/badges";
import { SectorSelect, TextArea, TextField } from "~/components/form-field";
import type { FormState } from "~/utils/action-result";

/** Where a record came from: the curated library (read-only in the app) or made in the app. */
export function OriginTag({ origin }: { origin: "content" | "app" }) {
  return <Tag>{origin === "content" ? "bibliotheek" : "in de app gemaakt"}</Tag>;
}

export function RegionFields({ form }: { form: FormState }) {
  return (
    <>
      <TextField {...form.field("name")} label="Naam" />
      <TextField
        {...form.field("slug")}
        label="Adres (in de link)"
        description="Kleine letters, cijfers en streepjes; de regio staat dan op /regios/dit-adres."
      />
      <TextField {...form.field("province")} label="Provincie" />
      <TextField
        {...form.field("since")}
        label="Leertuin sinds"
        type="date"
        description="De dag waarop de leertuin begon."
      />
      <TextArea
        {...form.field("description")}
        label="Beschrijving"
        description="Wie meedoen en hoe de leertuin werkt. U kunt markdown gebruiken."
        rows={8}
      />
    </>
  );
}

export function OrganisationFields({ form }: { form: FormState }) {
  return (
    <>
      <TextField {...form.field("organisationName")} label="Naam van de organisatie" />
      <SectorSelect {...form.field("sector")} label="Sector" />
    </>
  );
}
