package io.covenant.overview;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.filing.Filings;
import io.covenant.metric.Metrics;
import io.covenant.shared.security.Caller;

/** Builds the company page in a fixed number of queries (profile, filings, metrics), whatever the company holds. */
@Service
public class CompanyPages {

	private final Companies companies;

	private final Filings filings;

	private final Metrics metrics;

	CompanyPages(Companies companies, Filings filings, Metrics metrics) {
		this.companies = companies;
		this.filings = filings;
		this.metrics = metrics;
	}

	@Transactional(readOnly = true)
	public CompanyPage of(Caller caller, UUID id, int filingCount) {
		Company company = companies.get(caller, id);
		return new CompanyPage(company, filings.latestOf(Set.of(id), filingCount).getOrDefault(id, List.of()),
				metrics.latestOf(Set.of(id), null).getOrDefault(id, List.of()));
	}

}
