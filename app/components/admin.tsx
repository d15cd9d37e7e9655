import { Tag } from "~/components/badges";
import { SelectField, TextArea, TextField } from "~/components/form-field";
import { SECTOR_LABELS, SECTORS } from "~/domain/vocabulary";

type Values = Record<string, string | undefined>;

/** Where a record came from: the curated library (read-only in the app) or made in the app. */
export function OriginTag({ origin }: { origin: "content" | "app" }) {
  return <Tag>{origin === "content" ? "bibliotheek" : "in de app gemaakt"}</Tag>;
}

export function RegionFields({ values, errors }: { values: Values; errors: Values }) {
  return (
    <>
      <TextField name="name" label="Naam" defaultValue={values.name} error={errors.name} />
      <TextField
        name="slug"
        label="Adres (in de link)"
        description="Kleine letters, cijfers en streepjes; de regio staat dan op /regios/dit-adres."
        defaultValue={values.slug}
        error={errors.slug}
      />
      <TextField name="province" label="Provincie" defaultValue={values.province} error={errors.province} />
      <TextField
        name="since"
        label="Leertuin sinds"
        type="date"
        description="De dag waarop de leertuin begon."
        defaultValue={values.since}
        error={errors.since}
      />
      <TextArea
        name="description"
        label="Beschrijving"
        description="Wie meedoen en hoe de leertuin werkt. U kunt markdown gebruiken."
        defaultValue={values.description}
        error={errors.description}
        rows={8}
      />
    </>
  );
}

export function OrganisationFields({ values, errors }: { values: Values; errors: Values }) {
  return (
    <>
      <TextField
        name="organisationName"
        label="Naam van de organisatie"
        defaultValue={values.organisationName}
        error={errors.organisationName}
      />
      <SelectField name="sector" label="Sector" defaultValue={values.sector} error={errors.sector}>
        {SECTORS.map((sector) => (
          <option key={sector} value={sector}>
            {SECTOR_LABELS[sector]}
          </option>
        ))}
      </SelectField>
    </>
  );
}
