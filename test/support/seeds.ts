/** Real meeting documents kept in test/fixtures (see its README), read by tests as data. */
import { readFileSync } from 'node:fs';

const seed = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

export const summaryReport2017 = () => seed('mag-2017-virtual-meeting-iii-summary-report.txt');
export const invitation2020 = () => seed('bpf-dc-online-discussion-invitation-2020.txt');
export const captionTranscript2021 = () => seed('mag-2021-virtual-meeting-ii-captions.txt');

/** Annex I of the 2017 summary report, from its heading line to the last item, as pasted by a person. */
export function annexIAgenda(): string {
  const lines = summaryReport2017().split('\n');
  const start = lines.findIndex((line) => line.startsWith('**2017 MAG Virtual Meeting III'));
  const end = lines.findIndex((line) => line.startsWith('- 6 - AOB'));
  return lines.slice(start, end + 1).join('\n');
}

/** Annex I as the record shows it: number, title, minutes. */
export const ANNEX_I_ITEMS = [
  { number: '1', title: 'Adoption of agenda', minutes: 5 },
  { number: '2', title: 'Update on WS Call for Proposals and Open Forum Call', minutes: 5 },
  { number: '3', title: 'NRIs Update - follow up from 1st MAG meeting', minutes: 15 },
  { number: '4', title: 'Follow-up from MAG Virtual Meeting III', minutes: 50 },
  { number: '4a', title: 'Status Update/Formation of MAG WGs', minutes: null },
  { number: '4b', title: 'Status Update/Formation of BPFs', minutes: null },
  { number: '4c', title: 'Status Update of CENB', minutes: null },
  { number: '4d', title: 'Review Status of WG and BPF Process documents', minutes: null },
  { number: '5', title: 'MAG Chair, Key Priorities, Fundraising', minutes: 10 },
  { number: '6', title: 'AOB', minutes: 5 },
] as const;

export interface SeedProposal {
  /** The Annex I sub-item it belongs to: 4a working groups, 4b Best Practice Forums, 4c CENB. */
  item: '4a' | '4b' | '4c';
  title: string;
  support: string[];
  otherComments: string[];
  /** Who proposes or facilitates it, as the "… Proposal/Facilitation:" cell names them. */
  facilitators: string;
  /** Its status line in the table ("Proposal out for review."). */
  status: string;
}

/**
 * The proposals of Annex III of the 2017 summary report with the names listed under
 * "Support:" and "Other Comments:" (each name once). The table was exported with some rows
 * broken over two lines; a row is complete once it names its facilitators.
 */
export function annexIIIProposals(): SeedProposal[] {
  const text = summaryReport2017();
  const table = text.slice(text.indexOf('2017 MAG Working Groups'), text.indexOf('Annex IV'));
  const rows: string[] = [];
  let pending = '';
  for (const line of table.split('\n')) {
    if (!line.includes('\t')) continue;
    const [first = '', second = ''] = line.split('\t');
    if (!pending && (second.trim() === '' || second.includes('Status / Support'))) {
      rows.push(`#section ${first}`);
      continue;
    }
    pending = pending ? `${pending} ${line}` : line;
    if (/Proposal\/Facilitation/.test(pending)) {
      rows.push(pending);
      pending = '';
    }
  }
  const proposals: SeedProposal[] = [];
  let item: SeedProposal['item'] = '4a';
  for (const row of rows) {
    if (row.startsWith('#section')) {
      if (/Best Practice Forums/.test(row)) item = '4b';
      if (/CENB/.test(row)) item = '4c';
      continue;
    }
    const cells = [...row.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]!.replace(/<\/?i>/g, '').trim());
    const titleParts = [cells[0]!];
    // A title broken over two lines ("International" … "Cooperation") continues in the next row's first cell.
    const continued = cells.find((cell, index) => index > 0 && !/:|\./.test(cell) && /^[A-Z][a-z]+$/.test(cell));
    if (continued) titleParts.push(continued);
    const names = (label: string) => {
      const cell = cells.find((candidate) => candidate.startsWith(`${label}:`));
      if (!cell) return [];
      const listed = cell
        .slice(label.length + 1)
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      return listed.filter((name, index) => listed.indexOf(name) === index);
    };
    proposals.push({
      item,
      title: titleParts.join(' ').replace(/\*\*/g, '').trim(),
      support: names('Support'),
      otherComments: names('Other Comments'),
      facilitators: cells.find((cell) => /Proposal\/Facilitation:/.test(cell))?.replace(/^.*?Proposal\/Facilitation:\s*/, '') ?? '',
      status: cells.find((cell, index) => index > 0 && !cell.includes(':') && cell !== continued) ?? '',
    });
  }
  return proposals;
}

/**
 * The proposals of one sub-item of Annex III as a secretariat pastes them on the set-up page:
 * a line per proposal, its status and its facilitators under it, as the table's cells word them.
 */
export function annexIIIProposalsText(item: SeedProposal['item']): string {
  return annexIIIProposals()
    .filter((proposal) => proposal.item === item)
    .map((proposal) => `- ${proposal.title}\n    ${proposal.status}\n    Proposal/Facilitation: ${proposal.facilitators}`)
    .join('\n');
}

/** A person of the 2017 summary report's list of participants, under the heading the report lists them under. */
export interface SeedParticipant {
  heading: string;
  /** As the report writes it, surname first, without the "Mr."/"Ms.": "St. Amour, Lynn". */
  name: string;
  affiliation: string;
}

/**
 * The 2017 summary report's list of participants: five headings (MAG Chair, MAG Members,
 * Former IGF Host Country Representatives, Other Participants, IGF Secretariat), each a
 * line ending in a tab, with one person a line below ("Ms. St. Amour, Lynn<TAB>Internet Matters").
 */
export function listOfParticipants(): SeedParticipant[] {
  const lines = summaryReport2017().split('\n');
  const people: SeedParticipant[] = [];
  let heading = '';
  for (const line of lines.slice(lines.indexOf('List of Participants') + 1)) {
    const [first = '', affiliation = ''] = line.split('\t').map((cell) => cell.trim());
    if (first === '') continue;
    if (!/^(Mr|Ms)\. /.test(first)) heading = first;
    else people.push({ heading, name: first.replace(/^(Mr|Ms)\. /, ''), affiliation });
  }
  return people;
}
