/** The subset of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the form renderer reads. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

/** A path into a config value: object keys and array indexes. */
export type FieldPath = readonly (string | number)[];

interface FieldBase {
  title: string;
  description?: string;
  default?: unknown;
  /** `null` is an accepted value. */
  nullable?: boolean;
}

export interface StringField extends FieldBase {
  kind: 'string';
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  multiline: boolean;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface BooleanField extends FieldBase {
  kind: 'boolean';
}

/** One of fixed scalar values (a select). */
export interface EnumField extends FieldBase {
  kind: 'enum';
  options: (string | number | boolean)[];
}

/** Several of fixed values (checkboxes), e.g. week days. */
export interface MultiSelectField extends FieldBase {
  kind: 'multiselect';
  options: (string | number)[];
  minItems?: number;
  maxItems?: number;
}

/** A fixed value (a discriminator): not editable. */
export interface ConstField extends FieldBase {
  kind: 'const';
  value: unknown;
}

export interface ObjectProperty {
  key: string;
  required: boolean;
  field: FieldModel;
}

export interface ObjectField extends FieldBase {
  kind: 'object';
  properties: ObjectProperty[];
}

/** Free keys with values of one shape (`z.record`). */
export interface RecordField extends FieldBase {
  kind: 'record';
  value: FieldModel;
}

export interface ArrayField extends FieldBase {
  kind: 'array';
  item: FieldModel;
  minItems?: number;
  maxItems?: number;
}

export interface UnionVariant {
  label: string;
  field: FieldModel;
  /** Value of the discriminator property for this variant. */
  tag?: unknown;
}

/** `oneOf`/`anyOf`: a discriminated union of objects (by `discriminator`) or alternatives by value type. */
export interface UnionField extends FieldBase {
  kind: 'union';
  variants: UnionVariant[];
  discriminator?: string;
}

/** Anything the renderer cannot model: edited as JSON text. */
export interface JsonField extends FieldBase {
  kind: 'json';
}

export type FieldModel =
  | StringField
  | NumberField
  | BooleanField
  | EnumField
  | MultiSelectField
  | ConstField
  | ObjectField
  | RecordField
  | ArrayField
  | UnionField
  | JsonField;
