import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * zxcvbn's score (0-4) an initial password must reach: 4 means over 10^10 guesses. An initial
 * password travels by mail or chat and is only there to be replaced, so it must resist an offline
 * guesser who got its hash; the generator's passwords (~80 random bits) score 4 every time, while
 * words, names, dates, keyboard rows and sequences (`abcdefghjkmnpq`, `Summer2345abcd`) score 3 or less.
 */
const MIN_SCORE = 4;

let estimator: ZxcvbnFactory | undefined;

/**
 * The estimator with the language-independent lists only (common passwords, names, keyboard
 * layouts): about 1 ms a check here, where adding the English word list made it about 7 ms.
 * Built on first use (it reads its lists then), not at start.
 */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary });
  return estimator;
}

/** Whether an initial password someone chose is hard enough to guess to be stored. */
export function isStrongInitialPassword(password: string): boolean {
  return zxcvbn().check(password).score >= MIN_SCORE;
}
