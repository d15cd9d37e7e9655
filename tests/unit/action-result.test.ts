import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { FormFeedback } from "~/components/form-feedback";
import { actionResult, formState } from "~/utils/action-result";
import { done, failed, guarded, invalid, refused } from "~/utils/action-result.server";
import { workflowFailure } from "~/workflow/workflow-result";

/** What Remix's `data()` carries: the body and its response init. */
type Reply = { data: unknown; init: { status?: number; headers?: HeadersInit } | null };
const reply = (value: unknown) => value as Reply;

/** A thrown error page (forbidden, notFound) as the test sees it. */
function thrown(run: () => unknown): Reply {
  try {
    run();
  } catch (error) {
    return reply(error);
  }
  throw new Error("nothing was thrown");
}

const report = {
  field: "reason",
  label: "Reden",
  blocked: true,
  confirmValue: "abc",
  segments: [
    { text: "Jan de Vries", finding: { severity: "block" as const, label: "een naam", suggestion: "Laat hem weg" } },
  ],
};

describe("the action replies", () => {
  it("answers invalid input with 400, the field errors and what was typed, for the named form", () => {
    const answer = reply(invalid({ values: { name: "" }, errors: { name: "Vul uw naam in." } }, { intent: "profile" }));
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({
      intent: "profile",
      outcome: "invalid",
      values: { name: "" },
      errors: { name: "Vul uw naam in." },
      formError: null,
      guard: null,
      message: null,
      payload: null,
    });
  });

  it("answers the anonymity guard's findings with 422 and the report beside the typed text", () => {
    const answer = reply(guarded({ reason: "Jan de Vries" }, [report]));
    expect(answer.init?.status).toBe(422);
    expect(answer.data).toMatchObject({ outcome: "guard", values: { reason: "Jan de Vries" }, guard: [report] });
  });

  it("answers a refusal of the whole form with its message, of a field at that field; 409 unless told", () => {
    const whole = reply(refused({ email: "a@b.nl" }, "Deze combinatie kennen we niet.", { status: 400 }));
    expect(whole.init?.status).toBe(400);
    expect(whole.data).toMatchObject({ outcome: "refused", formError: "Deze combinatie kennen we niet.", errors: {} });
    const field = reply(refused({}, { answerId: "Niet meer in werking." }));
    expect(field.init?.status).toBe(409);
    expect(field.data).toMatchObject({ formError: null, errors: { answerId: "Niet meer in werking." } });
  });

  it("answers success with its message, a payload and headers, and an empty form", () => {
    const answer = reply(
      done("Opgeslagen.", { intent: "enable", payload: { codes: ["a"] }, headers: { "Cache-Control": "no-store" } }),
    );
    expect(answer.init).toEqual({ status: 200, headers: { "Cache-Control": "no-store" } });
    expect(answer.data).toMatchObject({
      outcome: "done",
      message: "Opgeslagen.",
      payload: { codes: ["a"] },
      values: {},
    });
  });
});

describe("failed: a workflow failure as an HTTP answer", () => {
  it("throws the Dutch 403 page with the failure's message", () => {
    const page = thrown(() => failed(workflowFailure(403, "Alleen begeleiders."), {}));
    expect(page.init?.status).toBe(403);
    expect(page.data).toEqual({ message: "Alleen begeleiders." });
  });

  it("throws the Dutch 404 page with the failure's message", () => {
    const page = thrown(() => failed(workflowFailure(404, "Dit dilemma bestaat niet."), {}));
    expect(page.init?.status).toBe(404);
    expect(page.data).toEqual({ message: "Dit dilemma bestaat niet." });
  });

  it("shows a conflict as 409 above the form, keeping what was typed", () => {
    const answer = reply(
      failed(workflowFailure(409, "Iemand was u voor."), { body: "mijn tekst" }, { intent: "comment" }),
    );
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toMatchObject({
      intent: "comment",
      outcome: "refused",
      values: { body: "mijn tekst" },
      formError: "Iemand was u voor.",
      errors: {},
    });
  });

  it("puts a conflict at the field the route names, and the failure's own field first", () => {
    const atRoute = reply(failed(workflowFailure(409, "Al verborgen."), {}, { field: "reason" }));
    expect(atRoute.data).toMatchObject({ formError: null, errors: { reason: "Al verborgen." } });
    const atFailure = reply(failed(workflowFailure(409, "Geen doel.", "intoSlug"), {}, { field: "reason" }));
    expect(atFailure.data).toMatchObject({ errors: { intoSlug: "Geen doel." } });
  });
});

describe("formState: a form's fields from the action's answer", () => {
  const answer = actionResult({
    outcome: "invalid",
    intent: "profile",
    values: { name: "", themes: ["a", "b"], commentId: "7" },
    errors: { name: "Vul uw naam in." },
  });

  it("fills each field with what was typed, else the stored value, with its error", () => {
    const form = formState(answer, { intent: "profile", initial: { name: "Oud", profession: "wijkcoach" } });
    expect(form.result).toBe(answer);
    expect(form.field("name")).toEqual({ name: "name", defaultValue: "", error: "Vul uw naam in." });
    expect(form.field("profession")).toEqual({ name: "profession", defaultValue: "wijkcoach", error: undefined });
    expect(form.choice("themes")).toEqual({ name: "themes", checked: ["a", "b"], error: undefined });
    expect(form.list("name")).toEqual([""]);
  });

  it("ignores an answer to another form of the page, or to another copy of this one", () => {
    const other = formState(answer, { intent: "password", initial: { name: "Oud" } });
    expect(other.result).toBeUndefined();
    expect(other.field("name")).toEqual({ name: "name", defaultValue: "Oud", error: undefined });
    expect(formState(answer, { intent: ["profile"], match: { commentId: "8" } }).result).toBeUndefined();
    expect(formState(answer, { intent: ["mail", "profile"], match: { commentId: "7" } }).result).toBe(answer);
  });

  it("shows the stored values again after a success, which sends no values back", () => {
    const form = formState(actionResult({ outcome: "done", intent: "profile", message: "Opgeslagen." }), {
      intent: "profile",
      initial: { name: "Nieuw" },
    });
    expect(form.text("name")).toBe("Nieuw");
    expect(form.errors).toEqual({});
  });
});

describe("FormFeedback: the answer above its form", () => {
  const render = (result: Parameters<typeof formState>[0], props: { intent?: string; order?: string[] } = {}) =>
    renderToStaticMarkup(
      createElement(FormFeedback, {
        form: formState(result, { intent: props.intent }),
        fieldIds: { gevaar: "gevaar-nee" },
        order: props.order,
      }),
    );

  it("summarises the field errors as links to the fields, in the page's order", () => {
    const result = actionResult({
      outcome: "invalid",
      errors: { doel: "Schrijf het doel.", sector: "Kies de sector.", gevaar: "Kies." },
    });
    const html = render(result, { order: ["sector", "doel", "gevaar"] });
    expect(html).toContain("Niet alles is goed ingevuld");
    expect([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(["sector", "doel", "gevaar-nee"]);
  });

  it("shows a problem of the whole form as an alert, and a success as a status", () => {
    expect(render(actionResult({ outcome: "refused", formError: "Iemand was u voor." }))).toMatch(
      /role="alert".*Iemand was u voor\./,
    );
    const success = render(actionResult({ outcome: "done", message: "Opgeslagen." }));
    expect(success).toMatch(/role="status".*Opgeslagen\./);
    expect(success).not.toContain("Niet alles is goed ingevuld");
  });

  it("shows nothing for another form's answer", () => {
    expect(
      render(actionResult({ outcome: "done", intent: "mail", message: "Opgeslagen." }), { intent: "profile" }),
    ).toBe("");
  });
});
