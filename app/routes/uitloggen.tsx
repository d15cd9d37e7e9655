import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { logout } from "~/auth/session.server";

// Logging out changes state, so it is a POST (the form in the header); a GET just goes home.
export function loader() {
  return redirect("/");
}

export function action({ request }: ActionFunctionArgs) {
  return logout(request);
}
