package nl.draagvlak.audit;

import java.sql.SQLException;
import java.sql.Statement;

/** The row counts of a batch of count updates, which decide which counts are new rows. */
final class CountBatches {

    private CountBatches() {
    }

    /**
     * The rows each update changed. Both stores' drivers report them; a driver that answered "done,
     * count unknown" would leave it open whether a row exists, so that fails the commit (and every
     * request of it gets a 503) rather than counting a day twice or not at all.
     */
    static int[] updateCounts(int[] counts, int expected) throws SQLException {
        if (counts.length != expected) {
            throw new SQLException("the count update batch answered " + counts.length + " counts for " + expected);
        }
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO || count < 0) {
                throw new SQLException("the store did not say how many count rows an update changed");
            }
        }
        return counts;
    }
}
