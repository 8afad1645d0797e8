/** Sizes of what people type, shared by forms and server checks. Free of the validation library, so any page may import it. */
export const LIMITS = {
  name: 200,
  email: 254,
  passwordMin: 10,
  passwordMax: 200,
  title: 300,
  affiliation: 300,
  /** The heading a roster entry is listed under in the record. */
  rosterCategory: 120,
  agendaText: 20_000,
  rosterCsv: 500_000,
  rosterEntries: 2_000,
} as const;

/** A note on a request to speak. */
export const NOTE_MAX = 280;
