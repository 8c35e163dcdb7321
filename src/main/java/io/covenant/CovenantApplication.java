package io.covenant;

import io.covenant.prediction.ModelTraining;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Covenant: corporate intelligence and default-risk predictions for many organisations on one installation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CovenantApplication {

    public static void main(String[] args) throws Exception {
        // Training needs no database or web server.
        if (Arrays.asList(args).contains("--train")) {
            ModelTraining.main(args);
            return;
        }
        SpringApplication.run(CovenantApplication.class, args);
    }
}
