// Shared test setup. DOM matchers are added only where a DOM exists (component tests opt into
// jsdom with `// @vitest-environment jsdom`).
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
