export default async function globalTeardown() {
  await globalThis.__AUTOPACK_PG__?.stop();
}
