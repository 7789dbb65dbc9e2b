import { localSlotMs } from './throughput-governor.service';

// Redis answered "your slot is 40 ms after my now"; the local call took from 1000 to 1030.
const at = (redisNowMs: number) => localSlotMs((redisNowMs + 40) * 1000, 40_000, 1_000, 1_030);

describe('a governor slot on the local clock', () => {
  it('is the slot itself when the clocks agree, however late the answer was read', () => {
    expect(at(1_005)).toBe(1_045); // not 1_030 + 40: the 25 ms the reply waited count as lateness
    expect(at(1_030)).toBe(1_070);
  });

  it('corrects a Redis clock that runs behind or ahead by at least the distance to the call', () => {
    expect(at(900)).toBe(1_040); // Redis 100 ms behind: its now cannot be before the call began
    expect(at(1_200)).toBe(1_070); // Redis 170 ms ahead: its now cannot be after the answer arrived
  });
});
