import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The calling thread's full garbage collection, as a function to call as often as needed (gc is
 * exposed only for the moment it is fetched; each fetch makes a context, so fetch it once per task).
 * A collection takes tens of ms on a large heap: for moments after a large stage, not for every call.
 */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  return gc;
}
