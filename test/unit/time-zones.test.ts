import { describe, expect, it } from 'vitest';
import { CITY_ZONES, searchTimeZones } from '../../shared/time-zones.ts';

const zones = Intl.supportedValuesOf('timeZone');

describe('finding a time zone', () => {
  it('finds the zone of a city its name does not say', () => {
    expect(searchTimeZones('Geneva', zones)[0]).toEqual({ zone: 'Europe/Zurich', city: 'Geneva' });
    expect(searchTimeZones('genève', zones)[0]?.zone).toBe('Europe/Zurich');
    expect(searchTimeZones('Addis Ababa', zones)[0]?.zone).toBe('Africa/Addis_Ababa');
    expect(searchTimeZones('kyoto', zones)[0]?.zone).toBe('Asia/Tokyo');
  });

  it('finds a zone by its own name, with or without the region and underscores', () => {
    expect(searchTimeZones('Europe/Zurich', zones)[0]).toEqual({ zone: 'Europe/Zurich' });
    expect(searchTimeZones('zurich', zones)[0]).toEqual({ zone: 'Europe/Zurich' });
    expect(searchTimeZones('new york', zones)[0]).toEqual({ zone: 'America/New_York' });
    expect(searchTimeZones('UTC', [...zones, 'UTC'])[0]).toEqual({ zone: 'UTC' });
  });

  it('lists names that start with what was typed before those that only contain it, each zone once', () => {
    const found = searchTimeZones('pari', zones, 50).map((match) => match.zone);
    expect(found[0]).toBe('Europe/Paris');
    expect(new Set(found).size).toBe(found.length);
    expect(searchTimeZones('', zones)).toEqual([]);
    expect(searchTimeZones('zzqx', zones)).toEqual([]);
  });

  it('only offers zones this runtime knows', () => {
    for (const city of Object.keys(CITY_ZONES)) expect(zones).toContain(searchTimeZones(city, zones)[0]?.zone);
    expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(searchTimeZones('New Delhi', zones)[0]?.zone);
    expect(searchTimeZones('Geneva', ['UTC'])).toEqual([]);
  });
});
