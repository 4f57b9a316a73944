/** The loop test's readable log: one line per event, with the seconds since the story began. */
export interface Story {
  step(title: string): void;
  say(text: string): void;
  /** Milliseconds since `from` (a Date.now() value), as "12.3 s". */
  since(from: number): string;
  lines: string[];
}

export function story(): Story {
  const start = Date.now();
  const lines: string[] = [];
  const emit = (text: string) => {
    const line = `[${((Date.now() - start) / 1000).toFixed(1).padStart(6)} s] ${text}`;
    lines.push(line);
    console.log(line);
  };
  return {
    lines,
    step: (title) => emit(`== ${title}`),
    say: (text) => emit(`   ${text}`),
    since: (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`,
  };
}
