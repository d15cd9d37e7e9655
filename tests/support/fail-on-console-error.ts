import { afterEach, beforeEach, expect, type MockInstance, vi } from "vitest";

// An error logged during a test is a failure. A test that expects one silences it with
// vi.mocked(console.error).mockImplementation(() => {}) and asserts on it itself.
let spy: MockInstance<typeof console.error>;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const expectedByTest = spy.getMockImplementation() !== undefined;
  const calls = [...spy.mock.calls];
  spy.mockRestore();
  if (!expectedByTest) expect(calls, "console.error was called during the test").toEqual([]);
});
