/** Real meeting documents from ../shared/seeds, read by tests as data. */
import { readFileSync } from 'node:fs';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

export const summaryReport2017 = () => seed('002_eff6b78a51f5fd6e.txt');
export const invitation2020 = () => seed('003_413d51b1b3b7d5cc.txt');
export const captionTranscript2021 = () => seed('004_3aaa02c125c1c776.txt');

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
