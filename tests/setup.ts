// Shared test setup. DOM matchers are added only where a DOM exists (component tests opt into
// jsdom with `// @vitest-environment jsdom`).
import { afterEach } from 'vitest';

// ts-fsrs reports migrated or invalid parameters on the console ("[FSRS-6]auto fill w…",
// "[FSRS]Invalid parameters length…"). A test that means to cause that expects it with
// vi.spyOn(console, …); anywhere else it is a bug (parameters ts-fsrs does not take as they are),
// so it fails the test instead of scrolling past as noise in `npm test`.
const fsrsMessages: string[] = [];
for (const level of ['warn', 'debug', 'log'] as const) {
  const write = console[level];
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[FSRS'))
      fsrsMessages.push(`console.${level}: ${args[0]}`);
    write.apply(console, args);
  };
}
afterEach(() => {
  const messages = fsrsMessages.splice(0);
  if (messages.length > 0)
    throw new Error(
      `Unexpected ts-fsrs console output (expect it with vi.spyOn): ${messages.join('; ')}`,
    );
});

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
