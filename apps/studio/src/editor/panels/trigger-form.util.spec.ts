import { triggerSchema } from '@tandem/journey-model';
import type { ObjectField, UnionField } from '../forms/json-schema.types';
import { schemaToField } from '../forms/schema-field.util';
import { newTrigger, triggerBody, triggerBodySchema, triggerVariantSchema, withTriggerId } from './trigger-form.util';

describe('trigger forms', () => {
  it('builds a union by kind without the id field', () => {
    const field = schemaToField(triggerBodySchema()) as UnionField;
    expect(field.discriminator).toBe('kind');
    expect(field.variants.map((v) => v.tag)).toContain('message.received');
    for (const v of field.variants) expect((v.field as ObjectField).properties.some((p) => p.key === 'id')).toBe(false);
  });

  it('gives one kind its own fields, with the kind fixed', () => {
    const field = schemaToField(triggerVariantSchema('message.status')) as ObjectField;
    expect(field.properties.map((p) => [p.key, p.field.kind, p.required])).toEqual([
      ['kind', 'const', true],
      ['statuses', 'multiselect', true],
      ['errorCodes', 'array', false],
    ]);
  });

  it.each(['message.received', 'message.echo', 'message.status', 'api', 'campaign'] as const)(
    'a new %s trigger has a fresh id and the kind',
    (kind) => {
      const trigger = newTrigger(kind, [{ id: 't-1', kind: 'api' }]);
      expect(trigger.id).toBe('t-2');
      expect(trigger.kind).toBe(kind);
    },
  );

  it('a new customer-message trigger matches any message and passes the journey schema', () => {
    const trigger = newTrigger('message.received', []);
    expect(trigger).toEqual({ id: 't-1', kind: 'message.received', match: { kind: 'any' } });
    expect(triggerSchema.safeParse(trigger).success).toBe(true);
  });

  it('round-trips the form value and the id', () => {
    const trigger = { id: 't-9', kind: 'message.status' as const, statuses: ['failed' as const] };
    expect(withTriggerId(triggerBody(trigger), 't-9')).toEqual(trigger);
  });
});
