import { runBaseline } from './baseline-run';
import { runEngine } from './engine-run';

window.bench = { engine: runEngine, baseline: runBaseline };
document.getElementById('ready')!.textContent = 'ready';
