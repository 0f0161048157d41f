/** HTTP intake (Helidon SE): both BalatroMCP dialects on one port, the journal read API, and error mapping. */
package jimbot.ingest.http;
