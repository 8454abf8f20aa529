import { porticoApp } from '../client-common/vite.app';

// The server serves the built portal at `/`.
export default porticoApp({ base: '/', themeColor: '#1f4fd1' });
