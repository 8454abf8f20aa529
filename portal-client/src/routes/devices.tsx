import { SectionPlaceholder } from '../components/section-placeholder';

export function Devices() {
  return <SectionPlaceholder section="devices" />;
}
