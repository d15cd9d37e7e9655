import { notFound } from "~/utils/http.server";

// Any path no other route matches: the Dutch 404 page from the root error boundary.
export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
