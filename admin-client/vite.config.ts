import { porticoApp } from '../client-common/vite.app';

// The server serves the built console under /admin.
export default porticoApp({ base: '/admin/', themeColor: '#16202e' });
