// A small form for a record action: a few inputs (a reward's amount and
// reason …) from the action's `custom.fields`, or none at all, when the form
// is the confirmation of an action that changes state (disable a user,
// cancel an order …). AdminJS loads the page with a GET (which only shows
// the record); the button POSTs to the action's handler, which calls the
// use case and answers with a notice, and where to go next (the record, by
// default).
//
// A field may be a `select` (with `options: [{ value, label }]`). With
// `custom.fieldsFrom: '<param>'` the form also asks the questions a record
// carries in that param (a review's form: `[{ key, label, type, required,
// options }]`), before the action's own fields, each posted as
// `<custom.fieldsPrefix><key>`.
import React, { useState } from 'react';
import { ApiClient, ViewHelpers, flat, useActionResponseHandler } from 'adminjs';
import { Box, Button, FormGroup, Label, Input, TextArea, Text, H4 } from '@adminjs/design-system';

const api = new ApiClient();
const h = new ViewHelpers();

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const RATINGS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

/** A record's questions as form fields: text as a text area, a choice, a 1–5 rating or yes/no as a select. */
function questionsOf(custom, record) {
  if (!custom || !custom.fieldsFrom || !record) return [];
  const questions = flat.get(record.params, custom.fieldsFrom) || [];
  return questions.map((q) => ({
    name: `${custom.fieldsPrefix || ''}${q.key}`,
    label: q.required ? q.label : `${q.label} (optional)`,
    ...(q.type === 'text'
      ? { type: 'textarea' }
      : {
          type: 'select',
          options: q.type === 'choice' ? (q.options || []).map((o) => ({ value: o, label: o })) : q.type === 'rating' ? RATINGS : YES_NO,
        }),
  }));
}

const ActionForm = ({ action, resource, record }) => {
  const fields = [...questionsOf(action.custom, record), ...((action.custom && action.custom.fields) || [])];
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, ''])));
  const [busy, setBusy] = useState(false);
  const handleResponse = useActionResponseHandler();
  const title = (record && (record.title || record.id)) || '';

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Multipart, as AdminJS's own forms post (its router parses it with formidable).
      const data = new FormData();
      // Every field the form shows, those a record's questions added after it loaded too.
      for (const f of fields) data.append(f.name, values[f.name] ?? '');
      const response = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: action.name,
        data,
        method: 'post',
      });
      const { notice } = response.data;
      if (notice && notice.type !== 'error' && !response.data.redirectUrl) {
        response.data.redirectUrl = h.recordActionUrl({ resourceId: resource.id, recordId: record.id, actionName: 'show' });
      }
      handleResponse(response);
      if (notice && notice.type === 'error') return;
      setValues(Object.fromEntries(fields.map((f) => [f.name, ''])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" variant="card" p="xl" onSubmit={submit} data-action-form={action.name}>
      <H4>{title}</H4>
      {action.custom && action.custom.help ? <Text mb="lg">{action.custom.help}</Text> : null}
      {fields.map((field) => (
        <FormGroup key={field.name}>
          <Label htmlFor={field.name} required>
            {field.label}
          </Label>
          {field.type === 'select' ? (
            <select
              id={field.name}
              name={field.name}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              style={{ width: '100%', padding: 8 }}
            >
              <option value="">(choose)</option>
              {(field.options || []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : field.type === 'textarea' ? (
            <TextArea
              id={field.name}
              name={field.name}
              width={1}
              rows={4}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            />
          ) : (
            <Input
              id={field.name}
              name={field.name}
              width={1}
              placeholder={field.placeholder || ''}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            />
          )}
        </FormGroup>
      ))}
      <Button type="submit" variant={action.variant === 'danger' ? 'danger' : 'contained'} disabled={busy}>
        {(action.custom && action.custom.submitLabel) || action.label}
      </Button>
    </Box>
  );
};

export default ActionForm;
