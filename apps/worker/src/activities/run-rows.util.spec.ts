import { stepRowId } from './run-rows.util';

describe('stepRowId', () => {
  it('is a UUID, the same for every attempt of a visit and different per visit and run', () => {
    const id = stepRowId('0b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10', 3);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stepRowId('0b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10', 3)).toBe(id);
    expect(stepRowId('0b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10', 4)).not.toBe(id);
    expect(stepRowId('1b5a4d3e-1c2b-4a59-8f7e-6d5c4b3a2f10', 3)).not.toBe(id);
  });
});
