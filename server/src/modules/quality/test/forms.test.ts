import { describe, it, expect } from 'vitest';
import { answerErrors, formErrors, normaliseForm, STANDARD_REVIEW_FORM, type FormField } from '../domain/forms.ts';

const form: { fields: FormField[] } = {
  fields: [
    { key: 'notes', label: 'Notes', type: 'text', required: true },
    { key: 'optionalNotes', label: 'More', type: 'text', required: false },
    { key: 'tone', label: 'Tone', type: 'choice', required: true, options: ['calm', 'upset'] },
    { key: 'stars', label: 'Stars', type: 'rating', required: true },
    { key: 'called', label: 'Called', type: 'yesno', required: true },
  ],
};
const valid = { notes: 'ok', tone: 'calm', stars: 3, called: false };

describe('review answers against a form version', () => {
  it('accepts answers of the right types, optional fields left out', () => {
    expect(answerErrors(form, valid)).toEqual([]);
    expect(answerErrors(form, { ...valid, optionalNotes: '' })).toEqual([]);
    expect(answerErrors(form, { ...valid, optionalNotes: null })).toEqual([]);
  });

  // Each row: the field, a value, and whether it is accepted.
  const table: [string, unknown, string | null][] = [
    ['notes', 'some text', null],
    ['notes', '', 'is required'],
    ['notes', '   ', 'is required'],
    // Invisible characters only (zero-width space, word joiner, BOM, a direction mark): nothing a reader could see.
    ['notes', '\u200b\u2060\ufeff\u200e', 'is required'],
    ['notes', '\u00a0\u3000', 'is required'],
    ['notes', 5, 'must be text'],
    ['notes', true, 'must be text'],
    ['notes', 'x'.repeat(5001), 'must be at most 5000 characters'],
    ['notes', 'x'.repeat(5000), null],
    ['optionalNotes', 7, 'must be text'],
    ['tone', 'calm', null],
    ['tone', 'upset', null],
    ['tone', 'Calm', 'must be one of: calm, upset'],
    ['tone', '', 'must be one of: calm, upset'],
    ['tone', 1, 'must be one of: calm, upset'],
    ['stars', 1, null],
    ['stars', 5, null],
    ['stars', 0, 'must be a whole number from 1 to 5'],
    ['stars', 6, 'must be a whole number from 1 to 5'],
    ['stars', 2.5, 'must be a whole number from 1 to 5'],
    ['stars', '3', 'must be a whole number from 1 to 5'],
    ['stars', true, 'must be a whole number from 1 to 5'],
    ['called', true, null],
    ['called', false, null],
    ['called', 'yes', 'must be true (yes) or false (no)'],
    ['called', 1, 'must be true (yes) or false (no)'],
  ];
  it.each(table)('%s = %j → %s', (key, value, message) => {
    const errors = answerErrors(form, { ...valid, [key]: value });
    expect(errors).toEqual(message ? [{ path: `/body/answers/${key}`, message }] : []);
  });

  it('requires every required field and refuses keys the form does not have', () => {
    expect(answerErrors(form, {})).toEqual(
      ['notes', 'tone', 'stars', 'called'].map((key) => ({ path: `/body/answers/${key}`, message: 'is required' })),
    );
    expect(answerErrors(form, { ...valid, colour: 'tabby' })).toEqual([
      { path: '/body/answers/colour', message: 'is not a field of this form' },
    ]);
    // A key that walks into the prototype is just an unknown key.
    expect(answerErrors(form, JSON.parse('{"__proto__": 1, "notes": "ok", "tone": "calm", "stars": 3, "called": true}'))).toEqual([
      { path: '/body/answers/__proto__', message: 'is not a field of this form' },
    ]);
  });
});

describe('review form definitions', () => {
  it('accepts the standard form and every field type', () => {
    expect(formErrors(STANDARD_REVIEW_FORM)).toEqual([]);
    expect(formErrors({ name: 'All', fields: form.fields })).toEqual([]);
  });

  const field = (over: Partial<Record<keyof FormField, unknown>>) => ({ key: 'a', label: 'A', type: 'text', required: true, ...over });
  const table: [string, unknown, string[]][] = [
    ['no name', { name: ' ', fields: [field({})] }, ['/name']],
    ['no fields', { name: 'F', fields: [] }, ['/fields']],
    ['fields not a list', { name: 'F', fields: 'x' }, ['/fields']],
    ['bad key', { name: 'F', fields: [field({ key: 'Has space' })] }, ['/fields/0/key']],
    ['key starting with a digit', { name: 'F', fields: [field({ key: '1a' })] }, ['/fields/0/key']],
    ['duplicate key', { name: 'F', fields: [field({}), field({})] }, ['/fields/1/key']],
    ['no label', { name: 'F', fields: [field({ label: '' })] }, ['/fields/0/label']],
    ['an invisible name', { name: '\u200b\u200d', fields: [field({})] }, ['/name']],
    ['an invisible label', { name: 'F', fields: [field({ label: '\u200b \u2060' })] }, ['/fields/0/label']],
    ['an invisible option', { name: 'F', fields: [field({ type: 'choice', options: ['x', '\u200b'] })] }, ['/fields/0/options']],
    ['unknown type', { name: 'F', fields: [field({ type: 'date' })] }, ['/fields/0/type']],
    ['required not a boolean', { name: 'F', fields: [field({ required: 'yes' })] }, ['/fields/0/required']],
    ['choice without options', { name: 'F', fields: [field({ type: 'choice' })] }, ['/fields/0/options']],
    ['choice with one option', { name: 'F', fields: [field({ type: 'choice', options: ['x'] })] }, ['/fields/0/options']],
    ['choice with duplicate options', { name: 'F', fields: [field({ type: 'choice', options: ['x', 'x'] })] }, ['/fields/0/options']],
    // Saved trimmed: " x " would become a second "x", a choice no answer could tell apart.
    [
      'choice with options equal once trimmed',
      { name: 'F', fields: [field({ type: 'choice', options: ['x', ' x '] })] },
      ['/fields/0/options'],
    ],
    ['choice with an empty option', { name: 'F', fields: [field({ type: 'choice', options: ['x', ' '] })] }, ['/fields/0/options']],
    ['options on a rating', { name: 'F', fields: [field({ type: 'rating', options: ['1', '2'] })] }, ['/fields/0/options']],
  ];
  it.each(table)('refuses %s', (_what, definition, paths) => {
    expect(formErrors(definition as never, '/body').map((e) => e.path)).toEqual(paths.map((p) => `/body${p}`));
  });

  it('trims names, labels and options, and keeps options only on choices', () => {
    expect(
      normaliseForm({
        name: ' F ',
        fields: [
          { key: 'a', label: ' A ', type: 'choice', required: true, options: [' x ', 'y'] },
          { key: 'b', label: 'B', type: 'rating', required: false, options: [] },
        ],
      }),
    ).toEqual({
      name: 'F',
      fields: [
        { key: 'a', label: 'A', type: 'choice', required: true, options: ['x', 'y'] },
        { key: 'b', label: 'B', type: 'rating', required: false },
      ],
    });
  });
});
