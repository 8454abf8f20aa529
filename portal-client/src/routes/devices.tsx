import { SectionGate } from '../components/section-gate';
import { SectionPlaceholder } from '../components/section-placeholder';

export function Devices() {
  return (
    <SectionGate section="devices">
      <SectionPlaceholder section="devices" />
    </SectionGate>
  );
}
