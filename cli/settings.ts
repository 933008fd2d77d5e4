/**
 * The wiki's settings for a command of cli/: with mistakes in them (wiki.config.yaml, an environment variable),
 * each is listed with its file, line and fix, and the command ends with status 2 before it starts anything.
 */
import { readSettings, SettingsError, type WikiSettings } from '../src/content-folder/settings.ts';

/** `what`: the command's work, as its message names it (`build`, `merge`). */
export function settingsOrStop(root: string, what: string): WikiSettings {
  try {
    return readSettings(process.env, root);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`[wiki] The ${what} did not start. ${error.message}`);
    process.exit(2);
  }
}
