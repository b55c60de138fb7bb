/**
 * Text from a workbook shown in a terminal: control characters (an ESC from `_x001B_` or `&#27;` in a cell or
 * sheet name, bells, carriage returns) and bidirectional overrides are written as visible `\u001B`-style
 * escapes, so that a file can neither drive the terminal nor disguise what is printed.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
