/** The action's orchestration; filled in by the action issue. */
export async function run(): Promise<void> {}
