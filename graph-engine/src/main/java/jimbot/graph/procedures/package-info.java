/**
 * The procedure SPI and registry: the engine's own query modules (Memgraph cannot load Java). A module describes
 * itself, takes typed parameters, reads the projection, may write results back, and may update incrementally.
 */
package jimbot.graph.procedures;
