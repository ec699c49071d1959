/**
 * Review forms (SPEC §10): managers define the fields; a result's answers
 * are checked against the exact version it is recorded with. Pure: the
 * rules below are the whole of it, unit-tested field type by field type.
 */
export const FIELD_TYPES = ['text', 'choice', 'rating', 'yesno'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** The choices of a `choice` field (absent for the others). */
  options?: string[];
}

export interface FormDefinition {
  name: string;
  fields: FormField[];
}

export type Answer = string | number | boolean;
export type Answers = Record<string, Answer>;

export interface FieldError {
  path: string;
  message: string;
}

export const MAX_FIELDS = 50;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 5000;
/** The notes of the call with the client, as the API's contract caps them (the panel reaches the use case without the contract). */
export const MAX_CLIENT_FEEDBACK = 5000;
/** A key is what answers are keyed by on the wire: a short camelCase or snake_case identifier. */
export const FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;

/** Nothing a reader could see: only spaces and invisible format characters (zero-width space, word joiner, direction marks …), which trim() keeps. */
export const blank = (text: string): boolean => !/[^\p{White_Space}\p{Cf}]/u.test(text);

/** The problems of a form definition (empty: it may be saved). `at` prefixes each path (`/body`, or the panel's). */
export function formErrors(form: { name?: unknown; fields?: unknown }, at = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof form.name !== 'string' || blank(form.name) || form.name.trim().length > 200) {
    errors.push({ path: `${at}/name`, message: 'must be a name of 1 to 200 characters' });
  }
  if (!Array.isArray(form.fields) || form.fields.length === 0 || form.fields.length > MAX_FIELDS) {
    errors.push({ path: `${at}/fields`, message: `must be 1 to ${MAX_FIELDS} fields` });
    return errors;
  }
  const seen = new Set<string>();
  form.fields.forEach((raw: unknown, i) => {
    const path = `${at}/fields/${i}`;
    const field = (raw ?? {}) as Partial<Record<keyof FormField, unknown>>;
    if (typeof field.key !== 'string' || !FIELD_KEY.test(field.key)) {
      errors.push({ path: `${path}/key`, message: 'must start with a lower-case letter; letters, digits and _ only, at most 40' });
    } else if (seen.has(field.key)) {
      errors.push({ path: `${path}/key`, message: `"${field.key}" is used by another field` });
    } else seen.add(field.key);
    if (typeof field.label !== 'string' || blank(field.label) || field.label.length > 200) {
      errors.push({ path: `${path}/label`, message: 'must be a label of 1 to 200 characters' });
    }
    if (typeof field.type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(field.type)) {
      errors.push({ path: `${path}/type`, message: `must be one of ${FIELD_TYPES.join(', ')}` });
    }
    if (typeof field.required !== 'boolean') errors.push({ path: `${path}/required`, message: 'must be true or false' });
    if (field.type === 'choice') {
      const options = field.options;
      if (
        !Array.isArray(options) ||
        options.length < 2 ||
        options.length > MAX_OPTIONS ||
        options.some((o) => typeof o !== 'string' || blank(o) || o.length > 200) ||
        // Distinct as saved (trimmed): " x " and "x" would be two equal choices.
        new Set(options.map((o) => (o as string).trim())).size !== options.length
      ) {
        errors.push({ path: `${path}/options`, message: `a choice needs 2 to ${MAX_OPTIONS} distinct, non-empty options` });
      }
    } else if (field.options !== undefined && !(Array.isArray(field.options) && field.options.length === 0)) {
      errors.push({ path: `${path}/options`, message: 'only a choice field has options' });
    }
  });
  return errors;
}

/** A valid definition, trimmed, without empty option lists (call after `formErrors` found nothing). */
export function normaliseForm(form: FormDefinition): FormDefinition {
  return {
    name: form.name.trim(),
    fields: form.fields.map((f) => ({
      key: f.key,
      label: f.label.trim(),
      type: f.type,
      required: f.required,
      ...(f.type === 'choice' ? { options: f.options!.map((o) => o.trim()) } : {}),
    })),
  };
}

function answerError(field: FormField, value: unknown): string | undefined {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      if (field.required && blank(value)) return 'is required';
      if (value.length > MAX_TEXT_ANSWER) return `must be at most ${MAX_TEXT_ANSWER} characters`;
      return undefined;
    case 'choice':
      return typeof value === 'string' && field.options?.includes(value) ? undefined : `must be one of: ${field.options?.join(', ')}`;
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? undefined
        : 'must be a whole number from 1 to 5';
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'must be true (yes) or false (no)';
  }
}

/**
 * The problems of a result's answers against a form version: every
 * required field answered, each answer of its field's type (a choice among
 * its options, a rating a whole number 1–5, yes/no a boolean), and no key
 * the form does not have. Paths are `/body/answers/<key>`.
 */
export function answerErrors(form: { fields: readonly FormField[] }, answers: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(answers)) {
    if (!keys.has(key)) errors.push({ path: `/body/answers/${key}`, message: 'is not a field of this form' });
  }
  for (const field of form.fields) {
    const path = `/body/answers/${field.key}`;
    const present = Object.prototype.hasOwnProperty.call(answers, field.key) && answers[field.key] !== null;
    if (!present) {
      if (field.required) errors.push({ path, message: 'is required' });
      continue;
    }
    const problem = answerError(field, answers[field.key]);
    if (problem) errors.push({ path, message: problem });
  }
  return errors;
}

/** The form every development database starts with (the module's seed). */
export const STANDARD_REVIEW_FORM: FormDefinition = {
  name: 'Standard review',
  fields: [
    { key: 'whatHappened', label: 'What happened', type: 'text', required: true },
    { key: 'clientCalled', label: 'Was the client called', type: 'yesno', required: true },
    { key: 'rating', label: 'Rating of the work (1–5)', type: 'rating', required: false },
    { key: 'fineJustified', label: 'Was the fine justified', type: 'yesno', required: false },
  ],
};
