package io.covenant.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create or replace an organisation's settings. */
public record OrganizationCommand(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) @Nullable String domain,
        @Size(max = 5000) @Nullable String description,
        @Size(max = 100) @Nullable String industry,

        @Pattern(
                regexp = "startup|small|medium|large|enterprise",
                message = "must be one of startup, small, medium, large, enterprise")
        @Nullable
        String sizeCategory,

        @Nullable UUID tenantId,
        @Nullable Boolean joinEnabled,

        @Pattern(regexp = "user|org_member", message = "must be user or org_member") @Nullable
        String defaultRole,

        @Nullable
        List<@Pattern(regexp = "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", message = "must be a domain name") String>
                allowedEmailDomains,

        @Nullable List<@Email String> allowedEmails,
        @Min(1) @Max(1_000_000) @Nullable Integer maxUsers) {}
