import { expect, test } from 'vitest';
import { isTypingKey, NOTHING_TYPED, typeKey } from './typeAhead';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

test('letters, Space, Backspace and Enter are typing; shortcuts and navigation keys are not', () => {
  for (const key of ['d', 'D', ' ', 'é', '1', 'Backspace', 'Enter']) expect(isTypingKey(press(key))).toBe(true);
  for (const key of ['ArrowLeft', 'Tab', 'Escape', 'Shift', 'Home']) expect(isTypingKey(press(key))).toBe(false);
  expect(isTypingKey(press('z', { ctrlKey: true }))).toBe(false);
  expect(isTypingKey(press('a', { metaKey: true }))).toBe(false);
  expect(isTypingKey(press('a', { altKey: true }))).toBe(false);
});

test('keys build the label in order, Backspace takes one back, and Enter ends the typing', () => {
  let typed = NOTHING_TYPED;
  for (const key of ['d', 'o', 'o', 'r', ' ', 's', 'l', 'a', 'n', 'Backspace', 'm', 'Enter', 'x'])
    typed = typeKey(typed, key);
  expect(typed).toEqual({ text: 'door slam', enter: true });
  expect(typeKey(NOTHING_TYPED, 'Backspace')).toEqual(NOTHING_TYPED);
});
