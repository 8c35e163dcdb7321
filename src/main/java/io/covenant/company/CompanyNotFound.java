package io.covenant.company;

import io.covenant.shared.error.NotFound;

/** No such company, or none the caller may see. */
public class CompanyNotFound extends NotFound {

    CompanyNotFound(String title, String detail) {
        super(title, detail);
    }

    public static CompanyNotFound forId(Object id) {
        return new CompanyNotFound("Company not found", "No company with id " + id + " exists or is visible to you");
    }

    static CompanyNotFound forTicker(String ticker) {
        return new CompanyNotFound("Company not found", "No company with ticker " + ticker + " is visible to you");
    }

    static CompanyNotFound forCik(String cik) {
        return new CompanyNotFound("Company not found", "No company with CIK " + cik + " is visible to you");
    }
}
