import type { EventName, EventPayload } from '../../shared/contract';
import { log } from '../log/logger';

type Listener = (name: EventName, payload: unknown) => void;

/** The studio's event stream; every host forwards it to its renderers. `on` returns its unsubscribe. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        log.error(`event listener for ${name} failed`, error);
      }
    }
  }
}
