import { describe, expect, test } from 'vitest';
import { hasOwnUndo, isTextEntry, modalOpen } from './shortcuts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, setup?: (el: HTMLElementTagNameMap[K]) => void) {
  const el = document.createElement(tag);
  setup?.(el);
  document.body.append(el);
  return el;
}

describe('isTextEntry', () => {
  test('keys typed into text fields stay with the field', () => {
    expect(isTextEntry(element('textarea'))).toBe(true);
    expect(isTextEntry(element('select'))).toBe(true);
    expect(isTextEntry(element('input'))).toBe(true);
    expect(isTextEntry(element('input', (i) => (i.type = 'search')))).toBe(true);
    expect(isTextEntry(element('div', (d) => (d.contentEditable = 'true')))).toBe(true);
  });

  test('buttons, checkboxes and sliders leave keys to the shortcuts', () => {
    expect(isTextEntry(element('button'))).toBe(false);
    expect(isTextEntry(element('input', (i) => (i.type = 'checkbox')))).toBe(false);
    expect(isTextEntry(element('input', (i) => (i.type = 'range')))).toBe(false);
    expect(isTextEntry(element('div'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});

describe('hasOwnUndo', () => {
  test('a text box with text and an editor keep Ctrl+Z; a list box and an empty text box give it to the studio', () => {
    expect(hasOwnUndo(element('input', (i) => (i.value = 'rain')))).toBe(true);
    expect(hasOwnUndo(element('textarea', (t) => (t.value = 'rain')))).toBe(true);
    expect(hasOwnUndo(element('div', (d) => (d.contentEditable = 'true')))).toBe(true);
    expect(hasOwnUndo(element('input'))).toBe(false);
    expect(hasOwnUndo(element('textarea'))).toBe(false);
    expect(hasOwnUndo(element('select'))).toBe(false);
    expect(hasOwnUndo(element('button'))).toBe(false);
    expect(hasOwnUndo(null)).toBe(false);
  });
});

describe('modalOpen', () => {
  test('is true only while a dialog is open', () => {
    const dialog = element('dialog');
    expect(modalOpen()).toBe(false);
    dialog.showModal();
    expect(modalOpen()).toBe(true);
    dialog.close();
    expect(modalOpen()).toBe(false);
    dialog.remove();
  });
});
