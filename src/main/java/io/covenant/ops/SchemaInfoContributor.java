package io.covenant.ops;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the applied schema version to {@code /actuator/info}. */
@Component
@RequiredArgsConstructor
class SchemaInfoContributor implements InfoContributor {

    private final Flyway flyway;

    @Override
    public void contribute(Info.Builder builder) {
        MigrationInfo current = flyway.info().current();
        int pending = flyway.info().pending().length;
        builder.withDetail(
                "schema",
                current == null
                        ? Map.of("version", "none", "pending", pending)
                        : Map.of(
                                "version",
                                current.getVersion().getVersion(),
                                "description",
                                current.getDescription(),
                                "installed_on",
                                current.getInstalledOn().toInstant().toString(),
                                "pending",
                                pending));
    }
}
