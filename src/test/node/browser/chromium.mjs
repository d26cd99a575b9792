// Shared by the browser suites (not a test file itself): headless Chromium from the Debian package, driven by
// playwright-core, and where screenshots go.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../target/screenshots');

/** A headless Chromium; playwright-core gives every launch a fresh temporary user-data dir (removed on close). */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install the Debian package "chromium" (.ci/run does), ` +
      'or skip the Node suites with -DskipInterop');
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      // several users' pages run side by side: keep their timers (heartbeats) running at full speed
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows'],
  });
}
