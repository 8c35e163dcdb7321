package io.covenant.edgar;

/** The SEC's SIC divisions, used as the sector of imported companies. */
final class Sectors {

    private Sectors() {}

    static String ofSic(String sic) {
        if (sic == null || !sic.matches("\\d{3,4}")) {
            return "Unclassified";
        }
        int major = Integer.parseInt(sic) / 100;
        if (major <= 9) {
            return "Agriculture, Forestry and Fishing";
        }
        if (major <= 14) {
            return "Mining";
        }
        if (major <= 17) {
            return "Construction";
        }
        if (major <= 39) {
            return "Manufacturing";
        }
        if (major <= 49) {
            return "Transportation and Utilities";
        }
        if (major <= 51) {
            return "Wholesale Trade";
        }
        if (major <= 59) {
            return "Retail Trade";
        }
        if (major <= 67) {
            return "Finance, Insurance and Real Estate";
        }
        if (major <= 89) {
            return "Services";
        }
        return "Public Administration";
    }
}
