package nl.draagvlak.audit;

/** What the group-commit writer reports of each commit it made (for the audit meters). */
interface CommitObserver {

    CommitObserver NONE = (writes, nanos) -> {
    };

    /**
     * @param writes how many writes (decisions, failures, jobs) the commit took
     * @param nanos  from taking a connection until the commit returned
     */
    void committed(int writes, long nanos);
}
