import type { JSX } from 'solid-js';
import type { SectionId } from '../lib/sections';

// Small inline icons (stroke = currentColor), decorative only: the text next to them carries the meaning.
function Svg(props: { children: JSX.Element; size?: number }) {
  return (
    <svg width={props.size ?? 24} height={props.size ?? 24} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      {props.children}
    </svg>
  );
}

export function SectionIcon(props: { section: SectionId; size?: number }) {
  return (
    <Svg size={props.size}>
      {props.section === 'tickets' ? (
        <>
          <path d="M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-2a2 2 0 0 0 0-4z" />
          <path d="M9 9.5h6M9 13.5h4" />
        </>
      ) : props.section === 'kb' ? (
        <>
          <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v15H5.5A1.5 1.5 0 0 1 4 17.5z" />
          <path d="M20 5.5A1.5 1.5 0 0 0 18.5 4H13v15h5.5a1.5 1.5 0 0 0 1.5-1.5z" />
        </>
      ) : (
        <>
          <rect x="3" y="4" width="18" height="12" rx="2" />
          <path d="M8 20h8M12 16v4M10 10l2 2 3-3" />
        </>
      )}
    </Svg>
  );
}

export function MenuIcon(props: { open: boolean }) {
  return <Svg>{props.open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}</Svg>;
}

export function GlobeIcon() {
  return (
    <Svg size={18}>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
    </Svg>
  );
}

export function ArrowIcon() {
  return <Svg size={18}><path d="M5 12h14M13 6l6 6-6 6" /></Svg>;
}

export function LockIcon(props: { size?: number }) {
  return (
    <Svg size={props.size}>
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3M12 14.5v2.5" />
    </Svg>
  );
}

export function ClockIcon(props: { size?: number }) {
  return (
    <Svg size={props.size}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </Svg>
  );
}
