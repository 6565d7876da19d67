import { builtInApplications } from './applications/index.js';
import { Dictionary } from './dictionary.js';

let shared: Dictionary | undefined;

/** The dictionary of every built-in application, made on first use and shared. Add your own with `add()`. */
export function defaultDictionary(): Dictionary {
  shared ??= new Dictionary(builtInApplications);
  return shared;
}
