// npm run migration:generate -- AddSomething
// Builds the server, lets TypeORM compare the entities with a migrated database (DATABASE_URL, or the embedded
// one under DATA_DIR: stop the server first), writes migrations/<timestamp>-AddSomething.ts and lists it in
// migrations/index.ts. Review the file like code.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- PascalCaseName');
  process.exit(1);
}
const server = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrations = join(server, '../migrations');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: server, stdio: 'inherit' });

run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['typeorm', '-d', 'dist/server/src/database/cli-data-source.js', 'migration:run']);
const before = new Set(readdirSync(migrations));
try {
  run('npx', [
    'typeorm',
    '-d',
    'dist/server/src/database/cli-data-source.js',
    'migration:generate',
    join(migrations, name),
  ]);
} catch {
  process.exit(1);
}
const file = readdirSync(migrations).find((f) => !before.has(f));
if (!file) process.exit(0);
const className = readFileSync(join(migrations, file), 'utf8').match(/export class (\w+)/)[1];
const indexPath = join(migrations, 'index.ts');
const index = readFileSync(indexPath, 'utf8')
  .replace(/\n\n\/\*\*/, `\nimport { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n\n/**`)
  .replace(/\];\s*$/, `, ${className}];\n`)
  .replace('[, ', '[');
writeFileSync(indexPath, index);
run('npx', ['prettier', '--write', join(migrations, file), indexPath]);
console.log(`migrations/${file} written and listed in migrations/index.ts`);
