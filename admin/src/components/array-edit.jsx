// Every list in a form (a test's questions and each question's choices, a worker's skills): AdminJS's own
// (DefaultArrayEditProperty) keys each item by its value, so an item remounts whenever its value changes. Typing
// in a choice and then clicking "Add new item" commits the choice on blur, the item (the button inside it) is
// replaced under the pointer, and the click lands nowhere: no input is added. Here an item is keyed by its place.
import React, { useCallback } from 'react';
import { flat, useTranslation, BasePropertyComponent, PropertyLabel } from 'adminjs';
import { Box, Button, FormGroup, FormMessage, Icon, Section } from '@adminjs/design-system';

/** The item at `index` as a property of its own ("questions.0.choices.2", labelled [3]). */
const itemProperty = (property, index) => ({
  ...property,
  path: `${property.path}.${index}`,
  label: `[${index + 1}]`,
  isArray: false,
  isDraggable: false,
});

/** The record without the item at `path`, later items (and what was loaded for them) moved up one place. */
function withoutItem(record, path) {
  const keys = Object.fromEntries(Object.keys(record.populated ?? {}).map((key) => [key, key]));
  const moved = flat.removePath(keys, path);
  return {
    ...record,
    params: flat.removePath(record.params, path),
    populated: Object.fromEntries(Object.entries(moved).map(([key, from]) => [key, from && record.populated[String(from)]])),
  };
}

const ArrayEdit = (props) => {
  const { property, record, resource, onChange, testId, ItemComponent = BasePropertyComponent } = props;
  const { translateProperty, translateButton, tm } = useTranslation();
  const items = flat.get(record.params, property.path) || [];
  const error = record.errors && record.errors[property.propertyPath];

  const add = useCallback(
    (event) => {
      event.preventDefault();
      onChange(property.path, [...items, property.subProperties.length ? {} : '']);
    },
    [items, onChange, property],
  );
  const remove = useCallback(
    (event, path) => {
      event.preventDefault();
      onChange(withoutItem(record, path));
    },
    [record, onChange],
  );
  const addLabel = translateProperty(`${property.path}.addNewItem`, resource.id, {
    defaultValue: translateButton('addNewItem', resource.id),
  });

  return (
    <FormGroup error={!!error} data-testid={testId}>
      <PropertyLabel property={property} />
      <Section mt="xl" className={property.path}>
        {items.map((_item, index) => {
          const item = itemProperty(property, index);
          return (
            <Box key={item.path} flex flexDirection="row" alignItems="start" data-testid={item.path}>
              <Box flexGrow={1}>
                <ItemComponent {...props} property={item} />
              </Box>
              <Button
                rounded
                mt="xl"
                ml="default"
                type="button"
                size="icon"
                variant="text"
                color="danger"
                data-testid="delete-item"
                onClick={(event) => remove(event, item.path)}
              >
                <Icon icon="Trash2" />
              </Button>
            </Box>
          );
        })}
        <Button type="button" variant="outlined" onClick={add} data-testid={`${property.path}-add`}>
          <Icon icon="Plus" />
          {addLabel}
        </Button>
      </Section>
      <FormMessage>{error && tm(error.message, property.resourceId)}</FormMessage>
    </FormGroup>
  );
};

export default ArrayEdit;
