import type { JSX } from 'react';

/** Glyphs the prompt studio needs beyond the shared set, drawn the same way: 16 px lines in currentColor. */
const paths = {
  undo: <path d="M5.5 4L2.5 7l3 3M2.5 7h7a3.5 3.5 0 010 7H8" />,
  redo: <path d="M10.5 4l3 3-3 3M13.5 7h-7a3.5 3.5 0 000 7H8" />,
  template: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />
      <path d="M2.5 6h11M6 6v7.5" />
    </>
  ),
  save: (
    <path d="M3.5 2.5h7l2 2v8c0 .55-.45 1-1 1h-8c-.55 0-1-.45-1-1v-9c0-.55.45-1 1-1zM5.5 2.5v3h5v-3M5 13.5v-4h6v4" />
  ),
  export: <path d="M8 10V2.5M5 5.5l3-3 3 3M3 11v1.5c0 .55.45 1 1 1h8c.55 0 1-.45 1-1V11" />,
  copy: (
    <>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.25" />
      <path d="M10.5 5.5V3.75c0-.69-.56-1.25-1.25-1.25h-5.5c-.69 0-1.25.56-1.25 1.25v5.5c0 .69.56 1.25 1.25 1.25H5.5" />
    </>
  ),
} as const;

export type PromptIconName = keyof typeof paths;

export function PromptIcon({ name, size = 16 }: { name: PromptIconName; size?: number }): JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
