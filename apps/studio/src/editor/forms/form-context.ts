import { createContext, useContext } from 'react';
import type { FieldPath } from './json-schema.types';
import type { IssueMap } from './schema-validate.util';

/** Shared by every field of one form: where issues are, how to write a value, id prefix for inputs. */
export interface FormContextValue {
  issues: IssueMap;
  setAt(path: FieldPath, value: unknown): void;
  idPrefix: string;
  readOnly: boolean;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('form fields must be rendered inside <SchemaForm>');
  return ctx;
}
