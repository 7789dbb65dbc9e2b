import { z } from 'zod';
import type { JsonSchema, ObjectField, UnionField } from './json-schema.types';
import { humanize, schemaToField, singular } from './schema-field.util';
import { defaultValue, getAt, matchVariant, moveItem, setAt, switchVariant } from './schema-value.util';
import { groupIssues, unplacedIssues, validateValue } from './schema-validate.util';

const duration = z.strictObject({ amount: z.number().positive(), unit: z.enum(['seconds', 'minutes', 'hours', 'days']) });
const waitSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('duration'), duration }),
  z.strictObject({ mode: z.literal('until'), at: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    mode: z.literal('window'),
    window: z.strictObject({
      days: z
        .array(z.enum(['mon', 'tue', 'sat']))
        .min(1)
        .default(['mon']),
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    }),
    timezone: z.string().optional(),
  }),
]);
const buttonsSchema = z.strictObject({
  text: z.string().min(1).max(1024).describe('What the customer reads'),
  buttons: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9_-]+$/), title: z.string().min(1).max(20) }))
    .min(1)
    .max(3),
  timeout: duration.default({ amount: 24, unit: 'hours' }),
  fallbackTemplate: z.strictObject({ name: z.string(), language: z.string() }).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  note: z.string().nullable().optional(),
  value: z.union([z.union([z.string(), z.number(), z.boolean()]), z.array(z.union([z.string(), z.number()]))]).optional(),
});

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const prop = (field: ObjectField, key: string) => field.properties.find((p) => p.key === key)!;

describe('JSON Schema → form fields', () => {
  const form = schemaToField(toSchema(buttonsSchema)) as ObjectField;

  it('models properties with labels, descriptions, required markers and widgets', () => {
    expect(form.kind).toBe('object');
    expect(form.properties.map((p) => [p.key, p.field.kind, p.required])).toEqual([
      ['text', 'string', true],
      ['buttons', 'array', true],
      ['timeout', 'object', false],
      ['fallbackTemplate', 'object', false],
      ['headers', 'record', false],
      ['note', 'string', false],
      ['value', 'union', false],
    ]);
    expect(prop(form, 'text').field).toMatchObject({
      title: 'Text',
      description: 'What the customer reads',
      multiline: true,
      maxLength: 1024,
    });
    expect(prop(form, 'fallbackTemplate').field.title).toBe('Fallback template');
    expect(prop(form, 'note').field.nullable).toBe(true);
  });

  it('models a discriminated union with a tag per variant', () => {
    const wait = schemaToField(toSchema(waitSchema)) as UnionField;
    expect(wait.kind).toBe('union');
    expect(wait.discriminator).toBe('mode');
    expect(wait.variants.map((v) => [v.label, v.tag])).toEqual([
      ['Duration', 'duration'],
      ['Until', 'until'],
      ['Window', 'window'],
    ]);
    const windowVariant = wait.variants[2].field as ObjectField;
    expect(prop(windowVariant.properties[1].field as ObjectField, 'days').field.kind).toBe('multiselect');
  });

  it('flattens nested anyOf of scalars and lists into type alternatives', () => {
    const value = prop(form, 'value').field as UnionField;
    expect(value.discriminator).toBeUndefined();
    expect(value.variants.map((v) => v.label)).toEqual(['Text', 'Number', 'Yes / no', 'List']);
    expect(matchVariant(value, 3)).toBe(1);
    expect(matchVariant(value, ['a', 1])).toBe(3);
  });

  it('resolves $ref into $defs', () => {
    const field = schemaToField({
      type: 'object',
      properties: { d: { $ref: '#/$defs/dur' } },
      $defs: { dur: { type: 'integer', minimum: 1 } },
    }) as ObjectField;
    expect(field.properties[0].field).toMatchObject({ kind: 'number', integer: true, minimum: 1, title: 'D' });
  });

  it.each([
    ['fallbackTemplate', 'Fallback template'],
    ['save_reply_as', 'Save reply as'],
    ['awaiting', 'Awaiting'],
  ])('humanizes %s', (key, label) => expect(humanize(key)).toBe(label));

  it.each([
    ['Buttons', 'Button'],
    ['Branches', 'Branch'],
    ['Categories', 'Category'],
    ['Boxes', 'Box'],
    ['All', 'All'],
    ['Address', 'Address'],
  ])('names one item of %s: %s', (list, item) => expect(singular(list)).toBe(item));
});

describe('form values', () => {
  const form = schemaToField(toSchema(buttonsSchema)) as ObjectField;
  const wait = schemaToField(toSchema(waitSchema)) as UnionField;

  it('starts from required fields and schema defaults only', () => {
    expect(defaultValue(form)).toEqual({ text: '', buttons: [], timeout: { amount: 24, unit: 'hours' } });
    expect(defaultValue(wait)).toEqual({ mode: 'duration', duration: { unit: 'seconds' } });
  });

  it('switching a variant sets its tag and defaults and keeps fields that still fit', () => {
    const next = switchVariant(wait, 2, { mode: 'duration', duration: { amount: 1, unit: 'hours' }, timezone: 'Europe/Lisbon' });
    expect(next).toEqual({ mode: 'window', window: { days: ['mon'], start: '' }, timezone: 'Europe/Lisbon' });
    expect(matchVariant(wait, next)).toBe(2);
  });

  it('writes nested values immutably; undefined removes an optional key', () => {
    const start = { buttons: [{ id: 'a', title: 'A' }], note: 'x' };
    const next = setAt(start, ['buttons', 0, 'title'], 'B') as typeof start;
    expect(next.buttons[0].title).toBe('B');
    expect(start.buttons[0].title).toBe('A');
    expect(setAt(next, ['note'], undefined)).toEqual({ buttons: [{ id: 'a', title: 'B' }] });
    expect(getAt(next, ['buttons', 0, 'id'])).toBe('a');
    expect(getAt(next, ['buttons', 5, 'id'])).toBeUndefined();
    expect(setAt(undefined, ['a', 1], 'x')).toEqual({ a: [undefined, 'x'] });
  });

  it('moves list items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('form validation', () => {
  const form = schemaToField(toSchema(buttonsSchema)) as ObjectField;
  const wait = schemaToField(toSchema(waitSchema)) as UnionField;

  it('reports what the server would refuse, by field path', () => {
    const issues = validateValue(form, { text: '', buttons: [{ id: 'Yes!', title: 'A much too long button title' }], note: null });
    expect(groupIssues(issues)).toEqual(
      new Map([
        ['text', ['Required']],
        ['buttons.0.id', ['Does not match the expected format (^[a-z0-9_-]+$)']],
        ['buttons.0.title', ['At most 20 characters (28)']],
      ]),
    );
    expect(validateValue(form, { text: 'Hi', buttons: [] })).toEqual([{ path: ['buttons'], message: 'Add at least one' }]);
  });

  it('validates the chosen variant of a union', () => {
    expect(validateValue(wait, { mode: 'duration', duration: { amount: 0, unit: 'hours' } })).toEqual([
      { path: ['duration', 'amount'], message: 'More than 0' },
    ]);
    expect(validateValue(wait, { mode: 'window', window: { days: [], start: '25:00' } })).toEqual([
      { path: ['window', 'days'], message: 'Add at least one' },
      { path: ['window', 'start'], message: 'A time such as 09:30' },
    ]);
    expect(validateValue(wait, { mode: 'nope' })).toEqual([{ path: [], message: 'Choose an option' }]);
  });

  it('maps server issues under a prefix and keeps unknown paths visible', () => {
    const map = groupIssues(
      [
        { path: ['buttons', 1, 'title'], message: 'too long' },
        { path: ['mystery'], message: 'unknown key' },
      ],
      [],
    );
    expect(map.get('buttons.1.title')).toEqual(['too long']);
    expect(unplacedIssues(form, map)).toEqual(['unknown key']);
    expect(groupIssues([{ path: ['duration', 'amount'], message: 'x' }], ['duration'])).toEqual(new Map([['amount', ['x']]]));
  });
});
