import type { JSX, SVGProps } from 'react';

/** The renderer's icon set: 16 px line glyphs drawn in currentColor. */
const paths = {
  plus: <path d="M8 3.5v9M3.5 8h9" />,
  chevron: <path d="M6 3.5L10.5 8 6 12.5" />,
  more: (
    <>
      <circle cx="3.5" cy="8" r="0.9" />
      <circle cx="8" cy="8" r="0.9" />
      <circle cx="12.5" cy="8" r="0.9" />
    </>
  ),
  film: (
    <>
      <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
      <path d="M5 3v10M11 3v10M2.5 6h2.5M2.5 10h2.5M11 6h2.5M11 10h2.5" />
    </>
  ),
  audio: <path d="M2.5 7v2M4.75 5v6M7 3v10M9.25 5.5v5M11.5 4v8M13.5 6.5v3" />,
  pencil: <path d="M10.5 3.5l2 2L6 12H4v-2l6.5-6.5zM9.5 4.5l2 2" />,
  archive: (
    <>
      <rect x="2.5" y="3" width="11" height="3" rx="0.75" />
      <path d="M3.5 6v6.25c0 .41.34.75.75.75h7.5c.41 0 .75-.34.75-.75V6M6.5 8.5h3" />
    </>
  ),
  unarchive: (
    <>
      <rect x="2.5" y="3" width="11" height="3" rx="0.75" />
      <path d="M3.5 6v6.25c0 .41.34.75.75.75h7.5c.41 0 .75-.34.75-.75V6M8 11.5V8M6.5 9.5L8 8l1.5 1.5" />
    </>
  ),
  trash: (
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8c.04.56.5 1 1.06 1h3.68c.56 0 1.02-.44 1.06-1l.6-8M7 7v4M9 7v4" />
  ),
  search: (
    <>
      <circle cx="7" cy="7" r="4" />
      <path d="M10 10l3.5 3.5" />
    </>
  ),
  import: <path d="M8 2.5v7.5M5 7l3 3 3-3M3 11v1.5c0 .55.45 1 1 1h8c.55 0 1-.45 1-1V11" />,
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  folder: (
    <path d="M2.5 4.5c0-.55.45-1 1-1h3l1.5 1.5h4.5c.55 0 1 .45 1 1v6c0 .55-.45 1-1 1h-9c-.55 0-1-.45-1-1v-7.5z" />
  ),
  warning: <path d="M8 2.5l6 10.5H2L8 2.5zM8 6.5v3M8 11.2v.1" />,
  check: <path d="M3.5 8.5l3 3 6-7" />,
  play: <path d="M5 3.5v9l7.5-4.5L5 3.5z" />,
  stop: <path d="M4.5 4.5h7v7h-7z" />,
  clapper: (
    <>
      <path d="M2.5 6.5h11v6c0 .55-.45 1-1 1h-9c-.55 0-1-.45-1-1v-6z" />
      <path d="M2.5 6.5l-.4-2 10.3-2 .4 2M5.4 3.9l1.3 2.2M8.8 3.3l1.3 2.2" />
    </>
  ),
  offline: <path d="M2 6a9 9 0 0112 0M4 8.5a6 6 0 018 0M6.2 11a2.5 2.5 0 013.6 0M2.5 2.5l11 11" />,
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

export type IconName = keyof typeof paths;

export function Icon({
  name,
  size = 16,
  ...rest
}: { name: IconName; size?: number } & SVGProps<SVGSVGElement>): JSX.Element {
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
      {...rest}
    >
      {paths[name]}
    </svg>
  );
}
