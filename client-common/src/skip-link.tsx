/**
 * "Skip to content", the first stop of the Tab key. `rel="external"` keeps the apps' routers out
 * of it, so the browser itself follows the fragment: it scrolls to the main landmark, focuses it
 * and continues the Tab order from there.
 */
export function SkipLink(props: { label: string; target?: string }) {
  return (
    <a class="skip-link" href={`#${props.target ?? 'main'}`} rel="external">
      {props.label}
    </a>
  );
}
