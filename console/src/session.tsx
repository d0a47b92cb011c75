// What every page may ask: who the key is (read or admin) and the colour scheme.
import { createContext, useContext } from 'react';

export interface Session {
  role: 'ADMIN' | 'READ';
  keyRequired: boolean;
  theme: 'light' | 'dark';
  /** true while the server has not yet said which key this is */
  pending?: boolean;
}

export const SessionContext = createContext<Session>({ role: 'READ', keyRequired: true, theme: 'light' });
export const useSession = () => useContext(SessionContext);
export const useIsAdmin = () => useSession().role === 'ADMIN';
