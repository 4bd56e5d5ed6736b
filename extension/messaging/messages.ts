import { browser } from 'wxt/browser';
import type { RefreshOutcome } from '../status/refresh';

/*
 * Every message between extension pages and the background, typed once: the request union and,
 * per type, the reply. Pages call `sendExtensionMessage`; the background registers one handler
 * per type with `onExtensionMessage`.
 */
export type ExtensionMessage = { type: 'status/refresh' };

export interface ExtensionReplies {
  'status/refresh': RefreshOutcome;
}

type MessageType = ExtensionMessage['type'];
export type MessageHandlers = {
  [T in MessageType]: (message: Extract<ExtensionMessage, { type: T }>) => Promise<ExtensionReplies[T]>;
};

/** Sends a message to the background and resolves with its typed reply. */
export async function sendExtensionMessage<M extends ExtensionMessage>(
  message: M,
): Promise<ExtensionReplies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as ExtensionReplies[M['type']];
}

/** Whether an incoming value is one of our messages (anything else is ignored). */
function isExtensionMessage(value: unknown): value is ExtensionMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'status/refresh';
}

/** Routes our messages to their handlers; replies through `sendResponse` so Chrome and Firefox both answer. */
export function onExtensionMessage(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse?: (reply: unknown) => void) => {
      if (!isExtensionMessage(message)) return undefined;
      const reply = handlers[message.type](message);
      // A sender that passes no sendResponse awaits the returned promise instead.
      if (typeof sendResponse !== 'function') return reply;
      void reply.then(sendResponse, () => sendResponse(undefined));
      return true;
    },
  );
}
