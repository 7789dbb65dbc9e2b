// Real Chromium for the studio's browser tests, benchmark and screenshots: the system
// binary driven by playwright-core, plus the few gestures every script needs (sign-in,
// palette drag, port connection) done with the real mouse.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { demoUser, type DemoRole } from '../system/tandem-stack';

export const REPO_ROOT = join(__dirname, '..', '..');
/** Git-ignored folder for failure screenshots and the last screens of a run. */
export const OUTPUT_DIR = join(REPO_ROOT, 'test-output', 'browser');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1440, height: 900 } as const;

/** Headless Chromium from `/usr/bin/chromium` (CHROMIUM_PATH overrides). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page (own context, so no localStorage carries over) at 1440×900. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** `[data-testid="…"]` as a locator. */
export const byTestId = (page: Page | Locator, id: string): Locator => page.locator(`[data-testid="${id}"]`);

/** Saves `<OUTPUT_DIR>/<name>.png` (never throws: a screenshot must not hide the real failure). */
export async function saveScreenshot(page: Page, name: string, dir = OUTPUT_DIR): Promise<string | undefined> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 120)}.png`);
  try {
    await page.screenshot({ path: file });
    return file;
  } catch {
    return undefined;
  }
}

/** Signs in as a seeded demo user through the sign-in form; resolves once the navigation shows. */
export async function signIn(page: Page, studioUrl: string, role: DemoRole): Promise<void> {
  const { email, password } = demoUser(role);
  await page.goto(`${studioUrl}/#/sign-in`);
  await byTestId(page, 'sign-in-email').fill(email);
  await byTestId(page, 'sign-in-password').fill(password);
  await byTestId(page, 'sign-in-submit').click();
  await byTestId(page, 'nav').waitFor();
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse at `from`, moves in steps to `to` and releases: a user's drag. */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/**
 * Drags the palette item of `nodeType` (e.g. `core.send-buttons@1`) onto the canvas at
 * `at` (relative to the canvas' top-left corner), with the mouse; Chromium turns it into
 * the HTML5 drag-and-drop the palette implements. Resolves with the new node's id.
 */
export async function dragFromPalette(page: Page, nodeType: string, at: { x: number; y: number }): Promise<string> {
  const item = byTestId(page, `palette-item-${nodeType}`);
  const canvas = await byTestId(page, 'editor-canvas').boundingBox();
  if (!canvas) throw new Error('the editor canvas is not visible');
  const before = await page.locator(`[data-node-type="${nodeType}"]`).count();
  await mouseDrag(page, await centreOf(item), { x: canvas.x + at.x, y: canvas.y + at.y });
  const dropped = page.locator(`[data-node-type="${nodeType}"]`).nth(before);
  await dropped.waitFor();
  const testId = await dropped.getAttribute('data-testid');
  if (!testId?.startsWith('node-')) throw new Error(`dropped ${nodeType} has no node test id`);
  return testId.slice('node-'.length);
}

/** Drags from `source`'s output `port` handle onto `target`'s input handle. */
export async function connectPorts(page: Page, source: string, port: string, target: string): Promise<void> {
  const from = await centreOf(byTestId(page, `handle-${source}-${port}`));
  const to = await centreOf(byTestId(page, `handle-${target}-in`));
  await mouseDrag(page, from, to, 16);
}

/** Polls `probe` until it yields a value (bounded). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * A session's steps, one `it` each, building on each other: once one fails, the later ones are
 * not run (they would fail for its reason) and the page is kept as a screenshot named after it.
 */
export function sessionSteps(
  page: () => Page,
  screenshotPrefix = '',
): (name: string, body: () => Promise<void>, timeoutMs?: number) => void {
  let failedStep: string | null = null;
  return (name, body, timeoutMs) =>
    it(
      name,
      async () => {
        if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
        try {
          await body();
        } catch (error) {
          failedStep = name;
          await saveScreenshot(page(), `${screenshotPrefix}${name}`);
          throw error;
        }
      },
      timeoutMs,
    );
}
