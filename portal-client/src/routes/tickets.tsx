import { SectionGate } from '../components/section-gate';
import { SectionPlaceholder } from '../components/section-placeholder';

export function Tickets() {
  return (
    <SectionGate section="tickets">
      <SectionPlaceholder section="tickets" />
    </SectionGate>
  );
}
