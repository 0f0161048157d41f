/** The durable, append-only event log every consumer reads from. */
package jimbot.journal;
