/** The simulator: synthetic but plausible runs, sent through the HTTP intake exactly as either mod sends them. */
package jimbot.simulator;
