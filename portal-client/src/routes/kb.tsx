import { SectionPlaceholder } from '../components/section-placeholder';

export function Kb() {
  return <SectionPlaceholder section="kb" />;
}
