/**
 * The browser application (a static single-page app under {@code static/}) and the OpenAPI description of the API
 * for integrators; both only describe or call the other modules' HTTP API.
 */
@ApplicationModule
package io.covenant.web;

import org.springframework.modulith.ApplicationModule;
