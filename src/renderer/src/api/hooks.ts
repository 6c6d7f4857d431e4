import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import { studio, type ConnectionState } from './client';

/** Listens to one studio event for the component's lifetime; the latest handler is always used. */
export function useStudioEvent<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => studio.on(name, (payload) => latest.current(payload)), [name]);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (onChange) => studio.onConnectionState(onChange),
    () => studio.connectionState(),
  );
}

/** Runs `handler` whenever the connection comes back after a drop, since events may have been missed. */
export function useOnReconnect(handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    let previous = studio.connectionState();
    return studio.onConnectionState((state) => {
      if (state === 'open' && (previous === 'reconnecting' || previous === 'unauthorized')) latest.current();
      previous = state;
    });
  }, []);
}
