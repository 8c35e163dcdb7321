package io.covenant.identity;

import io.covenant.shared.security.Role;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first super_admin from COVENANT_ADMIN_EMAIL and COVENANT_ADMIN_PASSWORD when none exists. There is no
 * default password: without both settings no administrator is created.
 */
@Component
@RequiredArgsConstructor
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;

    private final Passwords passwords;

    private final IdentityProperties properties;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.anySuperAdmin()) {
            return;
        }
        if (!StringUtils.hasText(properties.adminEmail()) || !StringUtils.hasText(properties.adminPassword())) {
            log.info("No super_admin exists; set COVENANT_ADMIN_EMAIL and COVENANT_ADMIN_PASSWORD to create one");
            return;
        }
        if (users.findByEmail(properties.adminEmail().trim()).isPresent()) {
            // Never promote an existing account: whoever registered the address first would become super_admin.
            log.warn(
                    "No super_admin exists, and {} already has an account that is not one; it is not promoted. Set "
                            + "COVENANT_ADMIN_EMAIL to an address without an account",
                    properties.adminEmail().trim());
            return;
        }
        users.insert(
                properties.adminEmail().trim(),
                passwords.hash(properties.adminPassword(), properties.adminEmail()),
                Role.SUPER_ADMIN,
                null,
                null,
                true);
        log.info("Created the first super_admin {}", properties.adminEmail().trim());
    }
}
