import { DomainException } from '../common/errors.js';
import { placeAfter, placeChanges } from './need-location.js';

const home = { address: '幸福小区3号楼2单元501', latitude: 31.2, longitude: 121.4 };

describe('placeAfter', () => {
  it('clears the old coordinates when only the address changes', () => {
    expect(placeAfter(home, { address: '阳光小区1号楼' })).toEqual({ address: '阳光小区1号楼', latitude: null, longitude: null });
  });

  it('takes new coordinates with a new address', () => {
    expect(placeAfter(home, { address: '阳光小区1号楼', latitude: 31.3, longitude: 121.5 })).toEqual({
      address: '阳光小区1号楼',
      latitude: 31.3,
      longitude: 121.5,
    });
  });

  it('moves the pin and keeps the address when only coordinates are given', () => {
    expect(placeAfter(home, { latitude: 31.21, longitude: 121.41 })).toEqual({ ...home, latitude: 31.21, longitude: 121.41 });
  });

  it('changes nothing for the same address (after trimming) and no coordinates', () => {
    expect(placeAfter(home, { address: ` ${home.address} ` })).toBeNull();
    expect(placeAfter(home, {})).toBeNull();
    expect(placeAfter(home, { latitude: 31.2, longitude: 121.4 })).toBeNull();
  });

  it('refuses half a coordinate pair with the field at fault', () => {
    for (const [change, field] of [
      [{ latitude: 31.3 }, 'longitude'],
      [{ longitude: 121.5 }, 'latitude'],
    ] as const) {
      let caught: unknown;
      try {
        placeAfter(home, change);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainException);
      expect((caught as DomainException).options.reason).toBe('COORDINATES_INCOMPLETE');
      expect((caught as DomainException).options.fields).toEqual([expect.objectContaining({ field })]);
    }
  });
});

describe('placeChanges', () => {
  it('records that the place changed, never the address or coordinates', () => {
    const changes = placeChanges(home, { address: '阳光小区1号楼', latitude: null, longitude: null });
    expect(changes).toEqual({ address: { from: '(地址)', to: '(地址)' }, location: { from: '(位置)', to: '(已清除)' } });
    expect(JSON.stringify(changes)).not.toMatch(/阳光|幸福|31|121/);
  });
});
