/** The lenient normalizer: both BalatroMCP wire dialects in, {@code jimbot.v1.Event} out; it never throws on any JSON. */
package jimbot.ingest.normalize;
