import { shortcutFor, type KeyInput } from './shortcuts.util';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inTextField: false,
  ...over,
});

describe('editor shortcuts', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('Z', { metaKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('c', { ctrlKey: true }), 'copy'],
    [key('v', { metaKey: true }), 'paste'],
    [key('s', { ctrlKey: true }), 'save'],
    [key('s', { ctrlKey: true, inTextField: true }), 'save'],
    [key('l'), 'layout'],
    [key('L', { shiftKey: true }), null],
    [key('l', { inTextField: true }), null],
    [key('z', { ctrlKey: true, inTextField: true }), null],
    [key('c'), null],
  ])('%o → %s', (input, command) => {
    expect(shortcutFor(input)).toBe(command);
  });
});
