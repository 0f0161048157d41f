package jimbot.ingest.runs;

import jimbot.v1.Dialect;

/**
 * What the intake knows about one client (a game instance, identified by address and instance header).
 *
 * @param client the client key
 * @param dialect the mod it speaks
 * @param gameId its current run ("" before the first one)
 * @param session the standalone mod's session_id ("" for the JimBot mod)
 * @param boundary a game over or a win was seen since the run started: a fresh start begins a new run
 * @param inMenu the latest state was out of a game (menu)
 * @param ante the latest ante seen in the current run
 * @param round the latest round seen in the current run
 * @param runStartOffset the journal offset of the event that started the current run
 * @param lastSeenMs when its latest event arrived, epoch ms
 */
public record ClientRun(String client, Dialect dialect, String gameId, String session, boolean boundary,
                        boolean inMenu, int ante, int round, long runStartOffset, long lastSeenMs) {

    static ClientRun first(String client, Dialect dialect) {
        return new ClientRun(client, dialect, "", "", false, false, 0, 0, -1, 0);
    }

    ClientRun startRun(String game, long offset) {
        return new ClientRun(client, dialect, game, session, false, false, 0, 0, offset, lastSeenMs);
    }

    ClientRun progress(int newAnte, int newRound, boolean newBoundary) {
        return new ClientRun(client, dialect, gameId, session, newBoundary, false, newAnte, newRound, runStartOffset,
                lastSeenMs);
    }

    ClientRun menu() {
        return new ClientRun(client, dialect, gameId, session, true, true, ante, round, runStartOffset, lastSeenMs);
    }

    ClientRun withSession(String newSession) {
        return new ClientRun(client, dialect, newSession, newSession, boundary, inMenu, ante, round, runStartOffset,
                lastSeenMs);
    }

    ClientRun seen(long atMs) {
        return new ClientRun(client, dialect, gameId, session, boundary, inMenu, ante, round, runStartOffset,
                Math.max(lastSeenMs, atMs));
    }
}
