/**
 * What every module may use: the error base and its problem+json mapping, the access levels and the caller's
 * context. Kept small on purpose.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.covenant.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
