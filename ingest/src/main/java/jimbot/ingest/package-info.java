/** The intake: turns what the BalatroMCP mods post into durable journal entries and carries commands back. */
package jimbot.ingest;
