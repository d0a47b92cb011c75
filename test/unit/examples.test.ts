// examples/ is what users copy next to their own code: it must not reach into the project's sources.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('examples/', () => {
  it('imports only packages and files inside examples/ (no src/)', () => {
    const outside: string[] = [];
    for (const file of tsFiles(EXAMPLES)) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (spec.startsWith('.') && relative(EXAMPLES, resolve(dirname(file), spec)).startsWith('..')) outside.push(`${relative(EXAMPLES, file)}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("the reference executor's operations are generated typed documents", () => {
    const source = readFileSync(join(EXAMPLES, 'reference-executor.ts'), 'utf8');
    expect(source).toMatch(/from '\.\/gql'/);
    const generated = readFileSync(join(EXAMPLES, 'gql', 'graphql.ts'), 'utf8');
    for (const op of ['ExecutorRunPhasesDocument', 'ExecutorUpdatePhaseDocument', 'ExecutorRecordMetricsDocument'])
      expect(generated).toContain(`export const ${op} =`);
  });
});
