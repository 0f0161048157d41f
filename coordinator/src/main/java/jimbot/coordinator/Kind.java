package jimbot.coordinator;

/** What is shared: GPU memory and time, Claude API requests and tokens, host memory, CPU cores. */
public enum Kind {
    GPU, CLAUDE_API, MEMORY, CPU
}
