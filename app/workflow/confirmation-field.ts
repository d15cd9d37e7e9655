/** The anonymity guard's checkbox for a text field: the form field that confirms exactly that text. */
export const confirmationName = (field: string) => `bevestig-${field}`;
