import { warn } from './events.js';
import { describeErrors, postGraphQL } from './graphql-http.js';
import { readState } from './state.js';

const HELP_MUTATION = 'mutation($text: String!) { requestDeviceHelp(text: $text) }';

/** `portico-agent help "…"`: opens a ticket; resolves with the exit code. */
export async function requestHelp(text: string, stateFile: string): Promise<number> {
  const state = readState(stateFile);
  const response = await postGraphQL<{ requestDeviceHelp: number }>(
    state.server,
    { query: HELP_MUTATION, variables: { text } },
    { deviceToken: state.deviceToken, pinnedFingerprint: state.pinnedFingerprint },
  );
  const ticket = response.data?.requestDeviceHelp;
  if (response.errors?.length || typeof ticket !== 'number') {
    warn(`help request refused: ${describeErrors(response.errors ?? [{ message: 'no ticket number in the answer' }])}`);
    return 1;
  }
  process.stdout.write(`Ticket #${ticket} opened\n`);
  return 0;
}
