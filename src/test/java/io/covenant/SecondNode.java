package io.covenant;

import io.covenant.Fixtures.Person;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the service in the test JVM, on the same embedded database, with its own HTTP port and
 * search index: what a two-node deployment shares and what it does not.
 */
public final class SecondNode {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondNode start(String name) {
        return new SecondNode(new SpringApplicationBuilder(CovenantApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--covenant.search.index-directory=target/search-index-" + name,
                        "--covenant.upload.runner=false"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public RequestSpecification as(Person person) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return RestAssured.given()
                .port(port)
                .contentType(ContentType.JSON)
                .auth()
                .oauth2(person.accessToken());
    }

    public void stop() {
        context.close();
    }
}
