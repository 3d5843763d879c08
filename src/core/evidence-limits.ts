/**
 * Limits of the evidence upload form, apart from its zod schema (`schemas/evidence.ts`) so the web app
 * can check them without carrying zod in its bundle.
 */
export const DESCRIPTION_MAX = 2000;
