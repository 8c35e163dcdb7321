package io.covenant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Covenant: corporate intelligence and default-risk predictions for many organisations on one installation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CovenantApplication {

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(CovenantApplication.class);
        // Start-up diagnosis (bench/coldstart.sh): every bean's creation as a JFR event, read with `jfr print`.
        if (Boolean.getBoolean("covenant.startup.jfr")) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
