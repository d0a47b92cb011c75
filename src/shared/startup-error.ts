/** The service cannot start; the message is one line saying why and what to do. */
export class StartupError extends Error {}
