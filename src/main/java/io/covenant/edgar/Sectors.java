package io.covenant.edgar;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The SEC's SIC divisions, used as the sector of imported companies. */
final class Sectors {

    /** Each division by the highest two-digit major group it covers. */
    private static final NavigableMap<Integer, String> DIVISIONS = new TreeMap<>(Map.of(
            9, "Agriculture, Forestry and Fishing",
            14, "Mining",
            17, "Construction",
            39, "Manufacturing",
            49, "Transportation and Utilities",
            51, "Wholesale Trade",
            59, "Retail Trade",
            67, "Finance, Insurance and Real Estate",
            89, "Services",
            99, "Public Administration"));

    private Sectors() {}

    static String ofSic(String sic) {
        if (sic == null || !sic.matches("\\d{3,4}")) {
            return "Unclassified";
        }
        return DIVISIONS.ceilingEntry(Integer.parseInt(sic) / 100).getValue();
    }
}
