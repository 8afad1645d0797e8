/**
 * Finding a time zone by what people type: its IANA name ("Europe/Zurich", "zurich") or a
 * city it covers that its name does not say ("Geneva" → Europe/Zurich). The cities are the
 * places these meetings are held and the capitals people come from, where the zone is named
 * after another city.
 */

/** Cities, lower case without accents, and the zone each keeps time by. */
export const CITY_ZONES: Readonly<Record<string, string>> = {
  geneva: 'Europe/Zurich',
  bern: 'Europe/Zurich',
  basel: 'Europe/Zurich',
  lausanne: 'Europe/Zurich',
  'the hague': 'Europe/Amsterdam',
  strasbourg: 'Europe/Paris',
  munich: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  milan: 'Europe/Rome',
  barcelona: 'Europe/Madrid',
  edinburgh: 'Europe/London',
  'saint petersburg': 'Europe/Moscow',
  'st petersburg': 'Europe/Moscow',
  geneve: 'Europe/Zurich',
  ginebra: 'Europe/Zurich',
  genf: 'Europe/Zurich',
  ginevra: 'Europe/Zurich',
  женева: 'Europe/Zurich',
  جنيف: 'Europe/Zurich',
  日内瓦: 'Europe/Zurich',
  washington: 'America/New_York',
  'washington dc': 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  atlanta: 'America/New_York',
  ottawa: 'America/Toronto',
  montreal: 'America/Toronto',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  'silicon valley': 'America/Los_Angeles',
  'rio de janeiro': 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo',
  'joao pessoa': 'America/Fortaleza',
  salvador: 'America/Bahia',
  guadalajara: 'America/Mexico_City',
  quito: 'America/Guayaquil',
  'addis ababa': 'Africa/Addis_Ababa',
  'cape town': 'Africa/Johannesburg',
  pretoria: 'Africa/Johannesburg',
  'sharm el sheikh': 'Africa/Cairo',
  'sharm el-sheikh': 'Africa/Cairo',
  alexandria: 'Africa/Cairo',
  kigali: 'Africa/Kigali',
  abuja: 'Africa/Lagos',
  rabat: 'Africa/Casablanca',
  marrakesh: 'Africa/Casablanca',
  marrakech: 'Africa/Casablanca',
  'new delhi': 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  hyderabad: 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  shenzhen: 'Asia/Shanghai',
  guangzhou: 'Asia/Shanghai',
  wuzhen: 'Asia/Shanghai',
  kyoto: 'Asia/Tokyo',
  osaka: 'Asia/Tokyo',
  'abu dhabi': 'Asia/Dubai',
  doha: 'Asia/Qatar',
  'kuala lumpur': 'Asia/Kuala_Lumpur',
  bali: 'Asia/Makassar',
  'nusa dua': 'Asia/Makassar',
  hanoi: 'Asia/Bangkok',
  'ho chi minh city': 'Asia/Ho_Chi_Minh',
  islamabad: 'Asia/Karachi',
  lahore: 'Asia/Karachi',
  kolkata: 'Asia/Kolkata',
  calcutta: 'Asia/Kolkata',
  saigon: 'Asia/Ho_Chi_Minh',
  canberra: 'Australia/Sydney',
  wellington: 'Pacific/Auckland',
  suva: 'Pacific/Fiji',
};

/** Current names some runtimes still list under their older ones. */
const OLDER_NAMES: Readonly<Record<string, string>> = {
  'Asia/Kolkata': 'Asia/Calcutta',
  'Asia/Ho_Chi_Minh': 'Asia/Saigon',
  'Asia/Kathmandu': 'Asia/Katmandu',
  'Europe/Kyiv': 'Europe/Kiev',
};

export interface ZoneMatch {
  zone: string;
  /** The city that matched, when the zone was found through one. */
  city?: string;
}

/** Lower case, no accents, underscores and slashes read as spaces. */
export function normaliseZoneQuery(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_/\-.,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The zones that match `query`, best first: a city or the zone's own city named exactly, then
 * names that start with what was typed, then names that contain it. An empty query gives none.
 */
export function searchTimeZones(query: string, zones: readonly string[], limit = 8): ZoneMatch[] {
  const wanted = normaliseZoneQuery(query);
  if (wanted === '') return [];
  const known = new Set(zones);
  const cityRank = (name: string) => (name === wanted ? 0 : name.startsWith(wanted) ? 2 : name.includes(wanted) ? 4 : -1);
  const candidates: { match: ZoneMatch; rank: number; name: string }[] = [];
  for (const zone of zones) {
    const full = normaliseZoneQuery(zone);
    const city = normaliseZoneQuery(zone.split('/').pop() ?? zone);
    const rank =
      city === wanted || full === wanted ? 0 : city.startsWith(wanted) || full.startsWith(wanted) ? 1 : full.includes(wanted) ? 3 : -1;
    if (rank >= 0) candidates.push({ match: { zone }, rank, name: city });
  }
  for (const [city, zone] of Object.entries(CITY_ZONES)) {
    const rank = cityRank(city);
    const listed = known.has(zone) ? zone : (OLDER_NAMES[zone] ?? zone);
    if (rank >= 0) candidates.push({ match: { zone: listed, city: titleCase(city) }, rank, name: city });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  const found = new Map<string, ZoneMatch>();
  for (const { match } of candidates) if (known.has(match.zone) && !found.has(match.zone)) found.set(match.zone, match);
  return [...found.values()].slice(0, limit);
}

function titleCase(city: string): string {
  return city.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
