import { describe, expect, it } from 'vitest';
import { COMMAND_KINDS } from '@shared/schemas';
import { SERVER_COMMANDS } from '.';

describe("the server's command table", () => {
  it('has a module for every kind of the wire format, and nothing else', () => {
    expect(Object.keys(SERVER_COMMANDS).sort()).toEqual([...COMMAND_KINDS].sort());
  });

  it.each(COMMAND_KINDS)('%s: its module applies it, names its target and says how it runs', (kind) => {
    const module = SERVER_COMMANDS[kind];
    expect(module.kind).toBe(kind);
    expect(typeof module.apply).toBe('function');
    expect(typeof module.target).toBe('function');
    expect(typeof module.decidedInLedger).toBe('boolean');
  });
});
