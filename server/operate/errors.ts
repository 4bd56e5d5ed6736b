import { RefusedError } from '../command-line/errors';

/** An operator's command refused, with why; the CLI prints the message and exits 1. */
export class OperateError extends RefusedError {
  constructor(message: string) {
    super(message);
    this.name = 'OperateError';
  }
}
