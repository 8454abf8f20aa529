import { SectionPlaceholder } from '../components/section-placeholder';

export function Tickets() {
  return <SectionPlaceholder section="tickets" />;
}
