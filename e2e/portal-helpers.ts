import type { Page } from 'playwright-core';

/** Fills the portal's sign-in form (the page must show it) and submits. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Opens the portal signed out, signs in and waits for the home page. */
export async function signInThroughPortal(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await submitSignIn(page, username, password);
  await page.getByTestId('home-greeting').waitFor();
}

/** Whether the page scrolls sideways (a layout bug on phones). */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
}

export const ME_LANGUAGE = '{ me { __typename ... on Contact { language } } }';
export const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';

/**
 * Resolves once the page has sent its `sessionEnded` subscription over the WebSocket. Call it before
 * signing in; events the server sends before the subscription exists would be missed.
 */
export function sessionSubscriptionSent(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && frame.payload.includes('sessionEnded')) resolve();
      });
    });
  });
}
