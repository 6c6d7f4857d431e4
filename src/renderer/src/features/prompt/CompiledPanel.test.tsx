import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { PROVIDERS } from '../../../../shared/prompt/providers';
import { analyse, type Target } from './analysis';
import { CompiledPanel } from './CompiledPanel';

const target: Target = { provider: 'local', model: PROVIDERS.local.defaultModel };
const analysis = analyse('Scene: a pier at dawn\nDuration: 2s', target);

test('the compiled request carries the seed a remix keeps, as the job will send it', () => {
  const { rerender } = render(<CompiledPanel analysis={analysis} target={target} onTargetChange={() => undefined} />);
  const panel = screen.getByRole('region', { name: 'Compiled prompt' });
  expect(panel.textContent).toContain('"seed": null');
  rerender(
    <CompiledPanel analysis={analysis} target={target} onTargetChange={() => undefined} options={{ seed: 4242 }} />,
  );
  expect(panel.textContent).toContain('"seed": 4242');
  expect(panel.textContent).not.toContain('"seed": null');
});
