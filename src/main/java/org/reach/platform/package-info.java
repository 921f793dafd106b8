/**
 * Shared plumbing every capability may use: who is signed in and what they may see, roles, error
 * responses, languages and the page layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.reach.platform;
