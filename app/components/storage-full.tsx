import { Form } from "~/components/form";
import type { StorageFullData } from "~/http/storage-full.server";
import { Paragraph } from "./text";

/** Hidden bookkeeping fields of the forms; the rest is what the writer typed. */
const BOOKKEEPING = /^(intent|_|base|.*[Ii]d)$/;

/** The 507 page: nothing was stored; what was typed is shown and can be sent again as it is. */
export function StorageFull({ data }: { data: StorageFullData }) {
  const typed = Object.entries(data.values).filter(([name, value]) => value.trim() && !BOOKKEEPING.test(name));
  return (
    <>
      <Paragraph lead>{data.message}</Paragraph>
      <Form method="post" action={data.action}>
        {Object.entries(data.values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {typed.map(([name, value], index) => (
          <div className="utrecht-form-field" key={name}>
            <label className="utrecht-form-label" htmlFor={`getypt-${name}`}>
              {typed.length > 1 ? `Wat u typte, deel ${index + 1}` : "Wat u typte"}
            </label>
            <textarea
              id={`getypt-${name}`}
              className="utrecht-textarea"
              readOnly
              rows={Math.min(12, value.split("\n").length + 1)}
              defaultValue={value}
            />
          </div>
        ))}
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Opnieuw versturen
        </button>
      </Form>
    </>
  );
}
