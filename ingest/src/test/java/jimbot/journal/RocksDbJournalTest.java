package jimbot.journal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

class RocksDbJournalTest extends JournalContract {

    @Override
    protected Journal open(Path dir, Sequencer sequencer) {
        return RocksDbJournal.open(JournalConfig.at(dir), sequencer, new SimpleMeterRegistry());
    }
}
