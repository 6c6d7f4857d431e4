import { afterEach, expect, test } from 'vitest';
import { rememberFocus, returnFocus } from './focusReturn';

afterEach(() => {
  document.body.innerHTML = '';
});

function button(name: string, parent: HTMLElement = document.body): HTMLButtonElement {
  const element = document.createElement('button');
  element.textContent = name;
  parent.append(element);
  return element;
}

test('gives the focus back to the control that had it', () => {
  const opener = button('Compare');
  button('Other').focus();
  opener.focus();
  const saved = rememberFocus();
  document.body.focus();
  returnFocus(saved);
  expect(document.activeElement).toBe(opener);
});

test('a control rebuilt while a view showed: the one with the same name gets the focus', () => {
  const inspector = document.createElement('aside');
  document.body.append(inspector);
  button('Compare', inspector).focus();
  const saved = rememberFocus();
  inspector.remove();
  const rebuilt = document.createElement('aside');
  document.body.append(rebuilt);
  button('Versions', rebuilt);
  const again = button('Compare', rebuilt);
  returnFocus(saved);
  expect(document.activeElement).toBe(again);
});

test('with no such control left, the library’s chosen clip gets the focus', () => {
  button('Compare').focus();
  const saved = rememberFocus();
  document.body.innerHTML =
    '<main class="canvas"><button data-clip-button="1" tabindex="-1">A</button><button data-clip-button="2" tabindex="0">B</button></main>';
  returnFocus(saved);
  expect(document.activeElement?.textContent).toBe('B');
});
