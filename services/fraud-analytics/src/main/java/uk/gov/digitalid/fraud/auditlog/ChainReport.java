package uk.gov.digitalid.fraud.auditlog;

/**
 * The result of walking the audit chain: intact, or the first row that does not hold (its id and why).
 */
public record ChainReport(boolean intact, long rowsChecked, Long firstBrokenId, String problem) {

    static ChainReport intact(long rows) {
        return new ChainReport(true, rows, null, null);
    }

    static ChainReport broken(long rows, long id, String problem) {
        return new ChainReport(false, rows, id, problem);
    }
}
