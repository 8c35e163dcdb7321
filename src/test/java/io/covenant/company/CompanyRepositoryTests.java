package io.covenant.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import io.covenant.shared.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The repository operations the intelligence document lists, on the real database. */
@ApiTest
class CompanyRepositoryTests {

    @Autowired
    CompanyRepository repository;

    @Autowired
    Companies companies;

    @Autowired
    PlatformTransactionManager transactions;

    Caller superAdmin = new Caller(
            UUID.fromString("00000000-0000-0000-0000-000000000001"), null, null, Role.SUPER_ADMIN, Set.of(), false);

    @Test
    void bulkUpsertCreatesThenRefreshesSystemCompaniesBySymbol() {
        String sector = "Bulk " + UUID.randomUUID();
        String a = "B" + Fixtures.unique(5);
        String b = "C" + Fixtures.unique(5);
        assertThat(companies.upsertSystemCompanies(List.of(command(a, "Alpha", sector), command(b, "Beta", sector))))
                .isEqualTo(2);
        companies.upsertSystemCompanies(List.of(command(a, "Alpha Renamed", sector)));
        CompanyFilter filter = new CompanyFilter(
                sector, null, null, null, null, AccessLevel.SYSTEM, null, null, null, null, null, null);
        assertThat(repository.count(filter, superAdmin, 1_000)).isEqualTo(2);
        List<Company> found =
                repository.find(new CompanyQuery(filter, CompanySort.SYMBOL, true, null, 10, 0), superAdmin);
        assertThat(found).extracting(Company::name).containsExactly("Alpha Renamed", "Beta");

        Map<UUID, CompanyCommand> updates = new LinkedHashMap<>();
        found.forEach(c -> updates.put(c.id(), command(c.symbol(), c.name() + " (bulk)", sector)));
        assertThat(repository.bulkUpdate(updates, superAdmin)).isEqualTo(2);
        assertThat(repository.find(new CompanyQuery(filter, CompanySort.SYMBOL, true, null, 10, 0), superAdmin))
                .extracting(Company::name)
                .containsExactly("Alpha Renamed (bulk)", "Beta (bulk)");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        String sector = "Tx " + UUID.randomUUID();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    repository.insert(command("TXA", "Kept?", sector), AccessLevel.SYSTEM, null, superAdmin.userId());
                    repository.insert(
                            command("TXA", "Duplicate", sector), AccessLevel.SYSTEM, null, superAdmin.userId());
                }))
                .isInstanceOf(DuplicateKeyException.class);
        CompanyFilter filter =
                new CompanyFilter(sector, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(repository.count(filter, superAdmin, 1_000)).isZero();
    }

    @Test
    void findByIdHonoursTheCallersAccess() {
        Company created = Callers.runAs(
                superAdmin,
                () -> repository.insert(
                        command("P" + Fixtures.unique(6), "Private", "S"),
                        AccessLevel.PERSONAL,
                        null,
                        superAdmin.userId()));
        Caller stranger = new Caller(UUID.randomUUID(), null, null, Role.USER, Set.of(), false);
        assertThat(repository.findVisible(created.id(), superAdmin)).isPresent();
        assertThat(repository.findVisible(created.id(), stranger)).isEmpty();
    }

    private static CompanyCommand command(String symbol, String name, String sector) {
        return new CompanyCommand(
                symbol, null, name, null, null, sector, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
