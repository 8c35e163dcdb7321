package io.covenant.edgar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One reported value of an XBRL concept: a duration (start to end) or an instant (end only), with the filing that
 * reported it. {@code fy}/{@code fp} describe the filing's period, which for comparative figures is not this one.
 */
record XbrlFact(
        String concept,
        LocalDate start,
        LocalDate end,
        double value,
        String accession,
        Integer fy,
        String fp,
        String form,
        LocalDate filed,
        String frame) {

    boolean instant() {
        return start == null;
    }

    long days() {
        return start == null ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
    }

    boolean quarter() {
        return days() >= 80 && days() <= 100;
    }

    boolean year() {
        return days() >= 350 && days() <= 380;
    }

    /** Annual and quarterly reports only: current reports, proxies and registrations repeat figures out of context. */
    boolean periodicReport() {
        return form != null
                && (form.startsWith("10-K")
                        || form.startsWith("10-Q")
                        || form.startsWith("20-F")
                        || form.startsWith("40-F"));
    }

    /**
     * Among facts for the same period, the one to keep: the one SEC placed in a frame (its canonical value for that
     * calendar period), else the latest filed (a restatement supersedes the original), else an annual report's.
     */
    boolean betterThan(XbrlFact other) {
        if ((frame != null) != (other.frame != null)) {
            return frame != null;
        }
        int byFiled = filed.compareTo(other.filed);
        if (byFiled != 0) {
            return byFiled > 0;
        }
        return form.startsWith("10-K") && !other.form.startsWith("10-K");
    }
}
