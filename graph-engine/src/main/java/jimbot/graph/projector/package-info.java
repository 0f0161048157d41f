/** The event-to-graph projector: derives runs, rounds, hands, jokers held, purchases, sales and decisions from the journal. */
package jimbot.graph.projector;
