package io.covenant.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web application's files are served to anyone under a strict content security policy, and nothing a browser
 * sends on its own (a cookie) authenticates a request: the API reads only the Authorization header or an API key.
 */
@ApiTest
class WebAppFilesTests {

    @Autowired
    Fixtures fixtures;

    @Test
    void theAppIsServedWithAStrictContentSecurityPolicy() {
        fixtures.anonymous()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Set-Cookie", nullValue())
                .body(containsString("/app/main.js"));
        fixtures.anonymous().get("/app/main.js").then().statusCode(200).body(containsString("hashchange"));
    }

    @Test
    void theAppsFilesAcceptNothingButReads() {
        fixtures.anonymous().post("/index.html").then().statusCode(not(200));
    }

    @Test
    void aSessionCookieAuthenticatesNothing() {
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        String cookie = fixtures.as(analyst)
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .extract()
                .cookie("JSESSIONID");
        fixtures.anonymous()
                .cookie("JSESSIONID", cookie == null ? "forged" : cookie)
                .get("/api/v1/users/me")
                .then()
                .statusCode(401);
        fixtures.anonymous()
                .cookie("JSESSIONID", "forged")
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(401);
    }
}
