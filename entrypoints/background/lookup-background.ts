/**
 * The background's share of selection lookup and keyboard control, as one
 * registration for entrypoints/background/index.ts.
 */
import { registerLookupMenu } from './context-menu';
import { registerKeyboardCommands } from './keyboard-commands';

export function registerLookupAndShortcuts(): void {
  registerLookupMenu();
  registerKeyboardCommands();
}
