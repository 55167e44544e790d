// drizzle-kit reads this to generate drizzle/ from the table code:
//   npx drizzle-kit generate --config src/store/drizzle.config.ts
// Paths are relative to the working directory drizzle-kit runs in, the repository root.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './drizzle',
});
