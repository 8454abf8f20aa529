import { createMemo, createSignal, For, Show } from 'solid-js';

/** zxcvbn's score: 0 (too guessable) to 4 (very unguessable). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

type Estimator = (password: string, userInputs: string[]) => StrengthScore;

let estimator: Promise<Estimator> | undefined;

/**
 * zxcvbn-ts with its common dictionary: the breached-password list the server blocks too, common
 * words and keyboard layouts. That is about 450 kB, so it is imported dynamically: Vite puts it in
 * chunks of its own, fetched the first time someone types a new password, never on the first page
 * load. (The English word lists would add another 1.2 MB for little: this is only a guide.)
 */
export function loadStrengthEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs).score as StrengthScore;
    },
  );
  estimator.catch(() => (estimator = undefined)); // a failed download is tried again on the next keystroke
  return estimator;
}

const COLORS = ['#b42318', '#d1470f', '#b7791f', '#2f855a', '#1d6b45'];

/**
 * A live strength meter for a new password: four bars and a text such as "Strength: weak" that
 * screen readers hear as it changes (give the input `aria-describedby` = `id`). Only a guide: the
 * server decides (length, blocklist, patterns, personal words), and its message shows under the field.
 * Each app passes its translated texts, so the catalogs stay in the apps.
 */
export function PasswordStrength(props: {
  id: string;
  password: string;
  /** Words the password should not be built from: username, name, email. */
  userInputs?: Array<string | undefined | null>;
  /** The five score names, from score 0 to 4 (e.g. "very weak" … "very strong"). */
  labels: readonly [string, string, string, string, string];
  /** The sentence around a score name, e.g. (label) => `Strength: ${label}`. */
  describe: (label: string) => string;
  testId?: string;
}) {
  const [estimate, setEstimate] = createSignal<Estimator>();
  const score = createMemo<StrengthScore | undefined>(() => {
    const password = props.password;
    if (!password) return undefined;
    const check = estimate();
    if (!check) {
      void loadStrengthEstimator().then((loaded) => setEstimate(() => loaded), () => undefined);
      return undefined;
    }
    return check(password, (props.userInputs ?? []).filter((word): word is string => !!word));
  });

  return (
    <div
      class="password-strength"
      data-testid={props.testId}
      data-score={score()}
      style={{ display: 'flex', 'align-items': 'center', gap: '0.6em', 'margin-top': '0.35em', 'min-height': '1.4em', 'font-size': '0.875em' }}
    >
      <Show when={props.password}>
        <span aria-hidden="true" style={{ display: 'inline-flex', gap: '3px' }}>
          <For each={[1, 2, 3, 4]}>
            {(bar) => (
              <span
                style={{
                  display: 'inline-block',
                  width: '2.2em',
                  height: '0.4em',
                  'border-radius': '0.2em',
                  background: score() !== undefined && Math.max(score()!, 1) >= bar ? COLORS[score()!] : 'rgba(127, 127, 127, 0.3)',
                }}
              />
            )}
          </For>
        </span>
      </Show>
      <span id={props.id} aria-live="polite" data-testid={props.testId && `${props.testId}-text`}>
        {score() === undefined ? '' : props.describe(props.labels[score()!])}
      </span>
    </div>
  );
}
