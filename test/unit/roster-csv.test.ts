import { describe, expect, it } from 'vitest';
import { parseRosterCsv, rosterProblemsAsInput, type RosterEntryOutput } from '../../server/meetings/roster-csv.ts';
import { LIMITS } from '../../shared/schemas.ts';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const entry = (name: string, overrides: Partial<RosterEntryOutput> = {}): RosterEntryOutput => ({
  name,
  channel: null,
  affiliation: '',
  email: '',
  stakeholderGroup: 'government',
  region: 'africa',
  role: 'member',
  category: '',
  ...overrides,
});

const REGION_LIST = 'Africa, Asia-Pacific, Eastern Europe, Latin America and Caribbean, Western Europe and Others';

describe('parseRosterCsv reading files', () => {
  it('reads a comma-separated roster with every column', () => {
    const csv = lines(
      'Name,Affiliation,Email,Stakeholder group,Region,Role',
      'Ana Pérez,Ministry of ICT,Ana@Example.org,Government,Africa,Chair',
      'Bo Li,ISOC,,Technical community,Asia-Pacific,',
    );
    expect(parseRosterCsv(csv)).toEqual({
      entries: [
        entry('Ana Pérez', { affiliation: 'Ministry of ICT', email: 'ana@example.org', role: 'chair' }),
        entry('Bo Li', { affiliation: 'ISOC', stakeholderGroup: 'technical-community', region: 'asia-pacific' }),
      ],
      problems: [],
    });
  });

  it('reads a semicolon-separated roster (Excel in many locales), with a BOM and CRLF', () => {
    const csv =
      '\uFEFFName;Organisation;E-mail;Stakeholder;Regional group\r\nJean Dupont;Université, Paris;jd@example.fr;Civil society;WEOG\r\n';
    expect(parseRosterCsv(csv)).toEqual({
      entries: [
        entry('Jean Dupont', {
          affiliation: 'Université, Paris',
          email: 'jd@example.fr',
          stakeholderGroup: 'civil-society',
          region: 'weog',
        }),
      ],
      problems: [],
    });
  });

  it('keeps quoted commas inside an affiliation', () => {
    const csv = lines('name,affiliation,group,region', 'Ana,"Ministry of Posts, Telecommunications and ICT, Kenya",government,africa');
    expect(parseRosterCsv(csv).entries[0]?.affiliation).toBe('Ministry of Posts, Telecommunications and ICT, Kenya');
  });

  it('brings names in any script through intact', () => {
    const names = ['张伟', 'محمد', 'Юлия', 'Flávio', 'Zoë Ñúñez'];
    const csv = lines('name,stakeholder group,region', ...names.map((name) => `${name},government,africa`));
    const result = parseRosterCsv(csv);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((parsed) => parsed.name)).toEqual(names);
  });

  it.each([
    ['Full Name', 'name'],
    ['PARTICIPANT', 'name'],
    ['Organization', 'affiliation'],
    ['e-mail', 'email'],
    ['Sector', 'stakeholderGroup'],
    ['Group', 'stakeholderGroup'],
    ['Regional Group', 'region'],
  ])('recognises the header "%s" as %s', (header, field) => {
    const headers = { name: 'name', affiliation: 'affiliation', email: 'email', stakeholderGroup: 'stakeholder group', region: 'region' };
    const values = { name: 'Ana', affiliation: 'ISOC', email: 'ana@example.org', stakeholderGroup: 'government', region: 'africa' };
    const order = Object.keys(headers) as (keyof typeof headers)[];
    const csv = lines(order.map((key) => (key === field ? header : headers[key])).join(','), order.map((key) => values[key]).join(','));
    expect(parseRosterCsv(csv)).toEqual({ entries: [entry('Ana', { affiliation: 'ISOC', email: 'ana@example.org' })], problems: [] });
  });

  it('ignores columns it does not know and rows of empty cells', () => {
    const csv = lines('#,name,notes,group,region', '1,Ana,vegetarian,gov,africa', ',,,,', '');
    expect(parseRosterCsv(csv)).toEqual({ entries: [entry('Ana')], problems: [] });
  });

  it('accepts rows with fewer cells than the header', () => {
    const csv = lines('name,group,region,role', 'Ana,gov,africa');
    expect(parseRosterCsv(csv).entries).toEqual([entry('Ana')]);
  });
});

describe('parseRosterCsv vocabulary values', () => {
  it.each([
    ['GRULAC', 'region', 'latin-america-caribbean'],
    ['Latin America and the Caribbean', 'region', 'latin-america-caribbean'],
    ['asia pacific', 'region', 'asia-pacific'],
    ['EEG', 'region', 'eastern-europe'],
    ['IGO', 'stakeholderGroup', 'intergovernmental-organisation'],
    ['Civil society', 'stakeholderGroup', 'civil-society'],
    ['Private sector', 'stakeholderGroup', 'private-sector'],
    ['academia', 'stakeholderGroup', 'technical-community'],
    ['Co-Chair', 'role', 'co-chair'],
    ['observer', 'role', 'observer'],
  ])('maps "%s" in %s to %s', (value, field, key) => {
    const cells = { stakeholderGroup: 'government', region: 'africa', role: '', [field]: value };
    const csv = lines('name,stakeholder group,region,role', `Ana,${cells.stakeholderGroup},${cells.region},${cells.role}`);
    const result = parseRosterCsv(csv);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]).toMatchObject({ [field]: key });
  });

  it('defaults an empty role to member', () => {
    expect(parseRosterCsv(lines('name,group,region,role', 'Ana,gov,africa,')).entries[0]?.role).toBe('member');
  });
});

describe('parseRosterCsv problems', () => {
  it('reports every bad row with its line, column, value and the accepted values; keeps the good rows', () => {
    const csv = lines(
      'name,email,stakeholder group,region',
      'Ana,ana@example.org,government,africa',
      'Bo,,government,africa',
      'Cy,,government,Mars',
      'Di,not-an-email,robots,weog',
    );
    const result = parseRosterCsv(csv);
    expect(result.entries.map((parsed) => parsed.name)).toEqual(['Ana', 'Bo']);
    expect(result.problems).toEqual([
      { line: 4, message: `region "Mars" is not one of ${REGION_LIST}` },
      {
        line: 5,
        message:
          'email "not-an-email" must be an email address; stakeholder group "robots" is not one of Government, Private sector, Civil society, Technical community, Intergovernmental organisation',
      },
    ]);
  });

  it('reports two bad rows and returns no entries when no row is good', () => {
    const csv = lines('name,group,region', 'Ana,government,Atlantis', '', 'Bo,aliens,africa');
    const result = parseRosterCsv(csv);
    expect(result.entries).toEqual([]);
    expect(result.problems.map((problem) => problem.line)).toEqual([2, 4]);
  });

  it('reports a missing name; an empty stakeholder group or region is not stated', () => {
    const result = parseRosterCsv(lines('name,group,region', ',,africa', 'Bo,gov,', 'Cy,,'));
    expect(result.problems).toEqual([{ line: 2, message: 'name must not be empty' }]);
    const result2 = parseRosterCsv(lines('name,group,region', 'Bo,gov,', 'Cy,,'));
    expect(result2.entries.map(({ name, stakeholderGroup, region }) => ({ name, stakeholderGroup, region }))).toEqual([
      { name: 'Bo', stakeholderGroup: 'government', region: null },
      { name: 'Cy', stakeholderGroup: null, region: null },
    ]);
  });

  it('reports an unknown role with the accepted roles', () => {
    expect(parseRosterCsv(lines('name,group,region,role', 'Ana,gov,africa,boss')).problems).toEqual([
      { line: 2, message: 'role "boss" is not one of Chair, Co-chair, Secretariat, Member, Observer, Captioner, Interpreter' },
    ]);
  });

  it('reads an optional category column: the heading the record lists each person under', () => {
    const csv = lines(
      'Name,Role,Category',
      'Lynn St. Amour,Chair,Chair',
      'Chengetai Masango,Secretariat,  Secretariat  ',
      'Juan Fernandez,Member,MAG members',
      'Bo Li,Member,',
    );
    expect(parseRosterCsv(csv)).toEqual({
      entries: [
        entry('Lynn St. Amour', { stakeholderGroup: null, region: null, role: 'chair', category: 'Chair' }),
        entry('Chengetai Masango', { stakeholderGroup: null, region: null, role: 'secretariat', category: 'Secretariat' }),
        entry('Juan Fernandez', { stakeholderGroup: null, region: null, category: 'MAG members' }),
        entry('Bo Li', { stakeholderGroup: null, region: null }),
      ],
      problems: [],
    });
  });

  it('reports a category that is too long, with its line', () => {
    const long = 'c'.repeat(LIMITS.rosterCategory + 1);
    expect(parseRosterCsv(lines('name,category', 'Ana,MAG members', `Bo,${long}`))).toEqual({
      entries: [entry('Ana', { stakeholderGroup: null, region: null, category: 'MAG members' })],
      problems: [{ line: 3, message: `category "${'c'.repeat(60)}…" must be at most ${LIMITS.rosterCategory} characters` }],
    });
  });

  it('reports a name that is too long, quoting only its start', () => {
    const [problem] = parseRosterCsv(lines('name,group,region', `${'x'.repeat(201)},gov,africa`)).problems;
    expect(problem).toEqual({ line: 2, message: `name "${'x'.repeat(60)}…" must be at most ${LIMITS.name} characters` });
  });

  it('counts lines from the start of a row whose quoted cell spans lines', () => {
    const csv = lines('name,affiliation,group,region', 'Ana,"Line one', 'line two",gov,africa', 'Bo,ISOC,gov,Mars');
    const result = parseRosterCsv(csv);
    expect(result.entries[0]?.affiliation).toBe('Line one\nline two');
    expect(result.problems.map((problem) => problem.line)).toEqual([4]);
  });

  it('requires a name column in the header', () => {
    const result = parseRosterCsv(lines('person,group,region', 'Ana,gov,africa'));
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ line: 1, message: expect.stringContaining('no column for name') }]);
  });

  it('needs only a name column: without group and region columns everyone is not stated', () => {
    const result = parseRosterCsv(lines('name,email', 'Ana,ana@example.org'));
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([expect.objectContaining({ name: 'Ana', stakeholderGroup: null, region: null, role: 'member' })]);
    expect(parseRosterCsv(lines('email,group', 'ana@example.org,gov')).problems).toEqual([
      { line: 1, message: expect.stringMatching(/no column for name/) },
    ]);
  });

  it.each([[''], ['\uFEFF'], ['\n\n']])('reports an empty file (%j)', (csv) => {
    expect(parseRosterCsv(csv)).toEqual({ entries: [], problems: [{ line: 1, message: expect.stringContaining('empty') }] });
  });

  it('reports a file csv-parse cannot read with the line it gives', () => {
    const result = parseRosterCsv(lines('name,group,region', 'Ana,gov,africa', '"Bo,gov,africa', 'Cy,gov,africa'));
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ line: 4, message: expect.stringContaining('Quote Not Closed') }]);
  });

  it(`reports more than ${LIMITS.rosterEntries} rows`, () => {
    const rows = Array.from({ length: LIMITS.rosterEntries + 1 }, (_, index) => `Person ${index},gov,africa`);
    const result = parseRosterCsv(lines('name,group,region', ...rows));
    expect(result.problems).toEqual([
      { line: LIMITS.rosterEntries + 2, message: expect.stringContaining(`more than ${LIMITS.rosterEntries} rows`) },
    ]);
  });

  it('turns problems into the API problem shape', () => {
    expect(rosterProblemsAsInput([{ line: 4, message: 'region "Mars" is not one of Africa' }])).toEqual([
      { where: 'line 4', message: 'region "Mars" is not one of Africa' },
    ]);
  });
});
