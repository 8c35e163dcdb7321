/**
 * The browser application (a static single-page app under {@code static/}) and the OpenAPI description of the API
 * for integrators; both only describe or call the other modules' HTTP API.
 */
@ApplicationModule
@NullMarked
package io.covenant.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
