import { SectionGate } from '../components/section-gate';
import { SectionPlaceholder } from '../components/section-placeholder';

export function Kb() {
  return (
    <SectionGate section="kb">
      <SectionPlaceholder section="kb" />
    </SectionGate>
  );
}
