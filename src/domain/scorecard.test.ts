import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.js';
import { rankUnits, scoreUnit } from './scorecard.js';

const q2 = parsePeriod('2026-Q2')!;
const base = { reports: [], targetsMet: 0, targetsAssessed: 0 };

describe('unit scorecards', () => {
  it('counts tasks due in the period and open ones carried over, by how they ended', () => {
    const card = scoreUnit(
      {
        ...base,
        unitId: 1,
        name: 'Sở Tài chính',
        tasks: [
          { deadline: '2026-04-30', completedAt: '2026-04-20' }, // on time
          { deadline: '2026-05-15', completedAt: '2026-05-20' }, // late
          { deadline: '2026-05-31', completedAt: null }, // overdue
          { deadline: '2026-03-31', completedAt: null }, // carried over, overdue
          { deadline: '2026-03-31', completedAt: '2026-03-01' }, // done before the period: not counted
          { deadline: '2026-09-30', completedAt: null }, // due later: not counted
          { deadline: null, completedAt: null }, // no deadline: not counted
        ],
      },
      q2,
      '2026-07-05',
    );
    expect(card).toMatchObject({
      tasksDue: 4,
      completedOnTime: 1,
      completedLate: 1,
      overdue: 2,
      onTimeRate: 25,
    });
    // 50×0.25 + 20×(1−0.5) = 22.5 of 70 measured → 32.1
    expect(card.score).toBe(32.1);
  });

  it('counts reports on time, late and missing', () => {
    const card = scoreUnit(
      {
        ...base,
        unitId: 1,
        name: 'X',
        tasks: [],
        reports: [
          { due: '2026-04-05', submittedOn: '2026-04-05' },
          { due: '2026-05-05', submittedOn: '2026-05-09' },
          { due: '2026-06-05', submittedOn: null },
        ],
      },
      q2,
      '2026-07-05',
    );
    expect(card).toMatchObject({
      reportsOnTime: 1,
      reportsLate: 1,
      reportsMissing: 1,
      reportTimeliness: 33.3,
      score: 33.3,
    });
  });

  it('ranks by score, equal scores sharing a rank, and leaves units with nothing to measure unranked', () => {
    const perfect = [{ deadline: '2026-05-01', completedAt: '2026-04-01' }];
    const cards = rankUnits(
      [
        { ...base, unitId: 1, name: 'Xã B', tasks: perfect },
        { ...base, unitId: 2, name: 'Xã A', tasks: perfect },
        { ...base, unitId: 3, name: 'Xã C', tasks: [{ deadline: '2026-05-01', completedAt: null }] },
        { ...base, unitId: 4, name: 'Xã D', tasks: [] },
      ],
      q2,
      '2026-07-05',
    );
    expect(cards.map((c) => [c.name, c.rank, c.score])).toEqual([
      ['Xã A', 1, 100],
      ['Xã B', 1, 100],
      ['Xã C', 3, 0],
      ['Xã D', null, null],
    ]);
  });
});
