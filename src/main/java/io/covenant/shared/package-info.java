/**
 * What every module may use: the error base and its problem+json mapping, the access levels and the caller's
 * context. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.covenant.shared;
