/** The command loop: commands from the AI queued per game, journaled, and handed to the game's own poll. */
package jimbot.ingest.commands;
