import { render } from 'solid-js/web';
import { App } from './app';
// Shared tokens and components first; the app's stylesheet then sets the tokens to its look.
import '@portico/client-common/tokens.css';
import '@portico/client-common/components.css';
import './styles.css';

render(() => <App />, document.getElementById('root')!);
